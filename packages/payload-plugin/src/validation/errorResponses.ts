import type { AfterErrorHook, PayloadRequest } from 'payload'

import { message, type MessageKey } from '../translations/index.ts'

/**
 * The last line behind the input checks: errors that are the request's fault but surface from
 * the database or the body parser answer 400 with a message (nothing was written: the operation's
 * transaction is rolled back before this runs) instead of "Something went wrong." with 500, and
 * Payload's hard-coded English messages get Vietnamese in the Vietnamese admin. Everything else
 * stays as it is; Payload has already logged the original error (in English) at this point.
 */

type Rule = { test: RegExp; key: MessageKey; status: number }

// SQLite and PostgreSQL wordings / codes of a value the schema refuses.
const DATABASE_RULES: Rule[] = [
  { test: /FOREIGN KEY constraint failed|SQLITE_CONSTRAINT_FOREIGNKEY|violates foreign key constraint|\b23503\b/i, key: 'input.database-refused', status: 400 },
  { test: /Only finite numbers|invalid input syntax|\b22P02\b|out of range|\b22003\b|invalid datetime|date\/time field value out of range|\b22007\b|\b22008\b|value too long|\b22001\b|null value in column|NOT NULL constraint failed|\b23502\b|\b23514\b|CHECK constraint failed|unsupported Unicode escape|invalid byte sequence|\b22021\b|\b22P05\b/i, key: 'input.database-refused', status: 400 },
]

// Body parser (busboy) and Payload's upload pre-check: a broken multipart body.
const UPLOAD_RULE: Rule = { test: /Unexpected end of (form|file)|Malformed part header|Multipart: Boundary not found|Request is not eligible for file upload|Malformed urlencoded form/i, key: 'input.bad-upload', status: 400 }

function chainText(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { message?: unknown; code?: unknown; name?: unknown; cause?: unknown }
    parts.push(String(e.name ?? ''), String(e.message ?? ''), String(e.code ?? ''))
    current = e.cause
  }
  return parts.join(' | ')
}

function mappedRule(error: unknown): Rule | null {
  const status = (error as { status?: number }).status
  if (status && status < 500) return null
  const text = chainText(error)
  // A busy or locked database is not the request's fault (it has its own 503 handling).
  if (/SQLITE_BUSY|database is locked|deadlock|could not serialize/i.test(text)) return null
  const name = (error as { name?: string }).name ?? ''
  if (UPLOAD_RULE.test.test(text)) return UPLOAD_RULE
  if (name === 'DrizzleQueryError' || /Failed query/.test(text)) return DATABASE_RULES.find((rule) => rule.test.test(text)) ?? null
  return null
}

const ENGLISH: { test: RegExp; localise: (req: PayloadRequest, match: RegExpExecArray) => string }[] = [
  { test: /^Invalid JSON$/, localise: (req) => message(req, 'input.invalid-json') },
  { test: /^Something went wrong\.?$/, localise: (req) => message(req, 'input.something-went-wrong') },
  { test: /^The following paths? cannot be queried:\s*(.*)$/, localise: (req, m) => message(req, 'input.path-not-queryable', { paths: m[1] ?? '' }) },
  {
    test: /^This relationship field has the following invalid relationships:\s*(.*)$/,
    localise: (req, m) => message(req, 'input.missing-relation', { ids: m[1] ?? '' }),
  },
]

function localise(req: PayloadRequest, text: unknown): unknown {
  if (typeof text !== 'string' || req.i18n?.language !== 'vi') return text
  for (const rule of ENGLISH) {
    const match = rule.test.exec(text)
    if (match) return rule.localise(req, match)
  }
  return text
}

type ErrorBody = { errors?: { message?: unknown; data?: { errors?: { message?: unknown }[] } }[] }

export const normaliseErrors: AfterErrorHook = ({ error, req, result }) => {
  if (!result) return
  const rule = mappedRule(error)
  const body = result as ErrorBody
  if (rule) {
    req.payload.logger.warn(`Refused a request the ${rule.key === 'input.bad-upload' ? 'body parser' : 'database'} rejected (answered ${rule.status}): ${(error as Error).message?.split('\n')[0]?.slice(0, 200)}`)
    return { response: { errors: [{ message: message(req, rule.key) }] }, status: rule.status }
  }
  if (!Array.isArray(body.errors)) return
  const errors = body.errors.map((entry) => ({
    ...entry,
    message: localise(req, entry.message),
    ...(entry.data && Array.isArray(entry.data.errors)
      ? { data: { ...entry.data, errors: entry.data.errors.map((inner) => ({ ...inner, message: localise(req, inner.message) })) } }
      : {}),
  }))
  return { response: { ...result, errors } as never }
}
