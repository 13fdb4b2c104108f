import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { DEFAULT_BOARD_ROLES, rolesInSchool, type SchoolRole } from '../roles.ts'
import { isMessageKey, message, type MessageKey } from '../translations/index.ts'
import { queueEmail } from '../workflow/sendEmailTask.ts'
import { addressHash, clientAddress, FEEDBACK_SLUG, rateRefusal } from './feedbackRateLimit.ts'

/**
 * POST /api/feedback — the public feedback form of the school sites (Circular 37/2020 Art. 9, issue
 * 18 item 6). The static page posts to the same path on the school's own host; nginx (and the local
 * preview, scripts/serveSites.ts) pass that one path to the CMS.
 *
 * Body: application/x-www-form-urlencoded or application/json, at most 16 KB, with
 *   school   the school's slug (hidden field)        required
 *   name     the sender's name                       optional, ≤ 100 characters
 *   contact  an e-mail address or a phone number     optional, ≤ 120
 *   subject                                          optional, ≤ 150
 *   message                                          required, 10–5000 characters after trimming
 *   website  a honeypot: must be empty
 * Accepted: the message is stored (status "new"), the school's board is e-mailed, and the answer is
 * 201 `{ ok: true, message }` for `Accept: application/json` (the page's script), else 303 to
 * /gop-y/cam-on/ (relative: the request came through the school's host).
 * Refused (nothing stored): 400 invalid / unknown school / honeypot, 413 too large, 429 too frequent
 * (3 per 10 minutes, 10 per day per client address); `{ ok: false, message, errors?: [{ field, message }] }`
 * for JSON, else a small self-contained Vietnamese page linking back to /gop-y/.
 * The public reads Vietnamese: every answer is in Vietnamese, whatever the browser's language.
 */

export const FEEDBACK_MAX_BODY_BYTES = 16 * 1024
export const FEEDBACK_THANKS_PATH = '/gop-y/cam-on/'
export const FEEDBACK_FORM_PATH = '/gop-y/'

const LIMITS = { nameMax: 100, contactMax: 120, subjectMax: 150, messageMin: 10, messageMax: 5000, bodyKb: FEEDBACK_MAX_BODY_BYTES / 1024 }

const FIELDS = ['school', 'name', 'contact', 'subject', 'message', 'website'] as const
type FieldName = (typeof FIELDS)[number]
type FieldError = { field: FieldName; message: string }

// Controls other than tab and newline (a NUL is refused by PostgreSQL's text columns).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u2028\u2029\uFEFF]/g
const clean = (value: string) => value.toWellFormed().normalize('NFC').replace(/\r\n?/g, '\n')
/** One line: every run of white space (newlines too) as one space. */
const oneLine = (value: string) => clean(value).replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim()
/** Several lines: controls dropped, trailing spaces of each line and blank runs trimmed. */
const multiLine = (value: string) =>
  clean(value)
    .replace(CONTROLS, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .trim()

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/
const PHONE = /^\+?[\d\s().-]{8,20}$/
const isContact = (value: string) => EMAIL.test(value) || (PHONE.test(value) && (value.match(/\d/g) ?? []).length >= 8 && (value.match(/\d/g) ?? []).length <= 15)

const optional = (max: number, key: MessageKey) => z.string('feedback.field-invalid').max(max, key).optional()

const schema = z.object({
  school: z.string('feedback.unknown-school').regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'feedback.unknown-school'),
  name: optional(LIMITS.nameMax, 'feedback.name-too-long'),
  contact: optional(LIMITS.contactMax, 'feedback.contact-too-long').refine((v) => v === undefined || isContact(v), 'feedback.contact-invalid'),
  subject: optional(LIMITS.subjectMax, 'feedback.subject-too-long'),
  message: z.string('feedback.message-required').min(LIMITS.messageMin, 'feedback.message-too-short').max(LIMITS.messageMax, 'feedback.message-too-long'),
})

/** The raw values as strings made tidy (one line but the message; empty = not given); anything else is left for the schema to refuse. */
function normalised(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const field of FIELDS) {
    const value = raw[field]
    if (value === undefined || value === null) continue
    if (typeof value !== 'string') {
      out[field] = value
      continue
    }
    const tidy = field === 'message' ? multiLine(value) : oneLine(value)
    if (tidy !== '') out[field] = field === 'school' ? tidy.toLowerCase() : tidy
  }
  return out
}

type Body = { ok: true; fields: Record<string, unknown> } | { ok: false; status: 400 | 413 }

/** The body, within the size limit (the declared length first, then as it streams in), parsed by its content type. */
async function readFeedbackBody(req: PayloadRequest): Promise<Body> {
  const declared = Number(req.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > FEEDBACK_MAX_BODY_BYTES) return { ok: false, status: 413 }
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json') return { ok: false, status: 400 }
  const stream = (req as unknown as Request).body
  const chunks: Uint8Array[] = []
  let size = 0
  if (stream) {
    const reader = stream.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > FEEDBACK_MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined)
        return { ok: false, status: 413 }
      }
      chunks.push(value)
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks))
  if (type === 'application/x-www-form-urlencoded') {
    const params = new URLSearchParams(text)
    return { ok: true, fields: Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? undefined])) }
  }
  try {
    const data: unknown = JSON.parse(text)
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, status: 400 }
    return { ok: true, fields: data as Record<string, unknown> }
  } catch {
    return { ok: false, status: 400 }
  }
}

const wantsJson = (req: PayloadRequest) => (req.headers.get('accept') ?? '').toLowerCase().includes('application/json')

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The refusal page: no script, no external resource, nothing from the site but the link back. */
function refusalPage(text: string, errors: FieldError[]): string {
  const title = message(null, 'feedback.refused-title')
  const list = errors.length > 0 ? `<ul>${errors.map((e) => `<li>${escapeHtml(e.message)}</li>`).join('')}</ul>` : ''
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title>
<style>body{font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9}main{max-width:40rem;margin:3rem auto;padding:1.5rem 1.75rem;background:#fff;border:1px solid #d8dde3;border-radius:8px}h1{font-size:1.4rem;margin:0 0 1rem;color:#8a1c1c}li{margin:.25rem 0}a{color:#0b5394;font-weight:600}.hint{color:#555;font-size:.95rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${list}<p class="hint">${escapeHtml(message(null, 'feedback.back-hint'))}</p><p><a href="${FEEDBACK_FORM_PATH}">${escapeHtml(message(null, 'feedback.back-link'))}</a></p></main></body></html>
`
}

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
}

function refuse(req: PayloadRequest, status: 400 | 413 | 429, key: MessageKey, options: { vars?: Record<string, string | number>; errors?: FieldError[]; headers?: Record<string, string> } = {}): Response {
  const text = message(null, key, { ...LIMITS, ...options.vars })
  const errors = options.errors ?? []
  if (wantsJson(req)) {
    return Response.json({ ok: false, message: text, ...(errors.length > 0 ? { errors } : {}) }, { status, headers: { 'Cache-Control': 'no-store', ...options.headers } })
  }
  return new Response(refusalPage(text, errors), { status, headers: { ...PAGE_HEADERS, ...options.headers } })
}

const fieldErrors = (issues: z.core.$ZodIssue[]): FieldError[] => {
  const seen = new Set<string>()
  const errors: FieldError[] = []
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'message') as FieldName
    if (seen.has(field)) continue
    seen.add(field)
    errors.push({ field, message: message(null, isMessageKey(issue.message) ? issue.message : 'feedback.field-invalid', LIMITS) })
  }
  return errors
}

type School = { id: number | string; name?: string | null; slug?: string | null }

/** The school's board (the workflow's board roles, principal and vice-principals by default), as the oversight reminders mail them. */
async function boardEmails(req: PayloadRequest, school: School): Promise<string[]> {
  const board = ((req.payload.config.custom?.truongsoWorkflow as { roles?: { board?: readonly SchoolRole[] } } | undefined)?.roles?.board ?? DEFAULT_BOARD_ROLES) as readonly SchoolRole[]
  const users = await req.payload.find({ collection: 'users', where: { 'memberships.school': { equals: school.id } }, depth: 0, pagination: false, select: { email: true, memberships: true }, overrideAccess: true, req })
  return users.docs
    .filter((u) => rolesInSchool(u as never, school.id).some((r) => board.includes(r)))
    .map((u) => String((u as { email?: unknown }).email ?? ''))
    .filter(Boolean)
}

const vietnamTime = (date: Date) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(date)

async function mailBoard(req: PayloadRequest, school: School, doc: { id: number | string }, data: z.infer<typeof schema>, receivedAt: Date): Promise<void> {
  const emails = await boardEmails(req, school)
  if (emails.length === 0) {
    req.payload.logger.warn(`feedback ${doc.id} for ${school.slug}: the school has no board account to e-mail`)
    return
  }
  const none = message(null, 'feedback.mail-not-given')
  const subject = data.subject ?? message(null, 'feedback.mail-no-subject')
  const schoolName = school.name || school.slug || ''
  const admin = req.payload.config.routes.admin ?? '/admin'
  const text = [
    message(null, 'feedback.mail-body', { school: schoolName, time: vietnamTime(receivedAt), name: data.name ?? none, contact: data.contact ?? none, subject, message: data.message }),
    '',
    message(null, 'workflow.mail-link', { link: `${req.payload.config.serverURL || ''}${admin}/collections/${FEEDBACK_SLUG}/${doc.id}` }),
  ].join('\n')
  await queueEmail(req, { to: emails.join(', '), subject: message(null, 'feedback.mail-subject', { school: schoolName, subject: subject.slice(0, 100) }), text })
}

export const feedbackEndpoint: Endpoint = {
  path: '/',
  method: 'post',
  handler: async (req) => {
    const body = await readFeedbackBody(req)
    if (!body.ok) return body.status === 413 ? refuse(req, 413, 'feedback.too-large') : refuse(req, 400, 'feedback.bad-body')
    const website = body.fields.website
    if (website !== undefined && website !== null && (typeof website !== 'string' || website.trim() !== '')) {
      return refuse(req, 400, 'feedback.honeypot', { errors: [{ field: 'website', message: message(null, 'feedback.honeypot') }] })
    }
    const parsed = schema.safeParse(normalised(body.fields))
    if (!parsed.success) {
      const errors = fieldErrors(parsed.error.issues)
      if (errors.length === 1 && errors[0]!.field === 'school') return refuse(req, 400, 'feedback.unknown-school', { errors })
      return refuse(req, 400, 'feedback.invalid', { errors })
    }
    const data = parsed.data
    const found = await req.payload.find({ collection: 'schools', where: { slug: { equals: data.school } }, limit: 1, depth: 0, select: { name: true, slug: true }, overrideAccess: true, req })
    const school = found.docs[0] as School | undefined
    if (!school) return refuse(req, 400, 'feedback.unknown-school', { errors: [{ field: 'school', message: message(null, 'feedback.unknown-school') }] })

    const hash = addressHash(req.payload.secret, clientAddress(req.headers))
    const limited = await rateRefusal(req, hash)
    if (limited) {
      const wait = limited.minutes >= 24 * 60 ? Math.ceil(limited.retryAfterSeconds / 3600) : Math.ceil(limited.retryAfterSeconds / 60)
      return refuse(req, 429, limited.key, { vars: { max: limited.max, minutes: limited.minutes, wait }, headers: { 'Retry-After': String(limited.retryAfterSeconds) } })
    }

    const receivedAt = new Date()
    let doc: { id: number | string }
    try {
      // As trusted server code (a Local API request of its own): the request is anonymous, and the
      // multi-tenant plugin refuses an anonymous REST request's tenant assignment, rightly.
      doc = (await req.payload.create({
        collection: FEEDBACK_SLUG as never,
        overrideAccess: true,
        data: { school: school.id, name: data.name ?? null, contact: data.contact ?? null, subject: data.subject ?? null, message: data.message, status: 'new', receivedAt: receivedAt.toISOString(), addressHash: hash } as never,
      })) as { id: number | string }
    } catch (error) {
      req.payload.logger.error({ err: error, msg: `feedback for ${school.slug} could not be stored` })
      return refuseFailed(req)
    }
    try {
      await mailBoard(req, school, doc, data, receivedAt)
    } catch (error) {
      // Stored: the board finds it in the admin even when the mail could not be queued.
      req.payload.logger.error({ err: error, msg: `feedback ${doc.id} for ${school.slug}: the board's e-mail could not be queued` })
    }
    req.payload.logger.info(`feedback ${doc.id} received for ${school.slug}`)
    if (wantsJson(req)) return Response.json({ ok: true, message: message(null, 'feedback.sent') }, { status: 201, headers: { 'Cache-Control': 'no-store' } })
    return new Response(null, { status: 303, headers: { Location: FEEDBACK_THANKS_PATH, 'Cache-Control': 'no-store' } })
  },
}

/** The store itself failed (the database, not the sender): 503, in the same two shapes. */
function refuseFailed(req: PayloadRequest): Response {
  const text = message(null, 'feedback.failed')
  if (wantsJson(req)) return Response.json({ ok: false, message: text }, { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '60' } })
  return new Response(refusalPage(text, []), { status: 503, headers: { ...PAGE_HEADERS, 'Retry-After': '60' } })
}
