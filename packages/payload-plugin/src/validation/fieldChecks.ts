import type { FlattenedField, PayloadRequest } from 'payload'

import { message, type MessageKey } from '../translations/index.ts'
import { idTypeOf, parseId } from './ids.ts'

/**
 * Shape checks derived from a collection's field config, run on every save (drafts included):
 * Payload skips field validation for drafts, and a wrong type then reaches SQL or is stored as
 * text. Only what the request sends is checked; required fields stay Payload's job (drafts may
 * omit them). Text is normalised in place (NFC, trimmed, CRLF → LF).
 */

export type Issue = { path: string; message: string; label?: unknown }

/** A relation id the save points to, checked for existence once per target collection. */
export type RelationRef = { path: string; collection: string; id: number | string; label?: unknown }

type Ctx = { req: PayloadRequest; issues: Issue[]; relations: RelationRef[]; draft: boolean }

// Control characters other than \t (09) and \n (0A); \r is folded into \n before this check.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const DECIMAL = /^-?\d+(?:\.\d+)?$/

export function checkFields(fields: FlattenedField[], data: Record<string, unknown>, path: string, ctx: Ctx): void {
  for (const field of fields) {
    if (!('name' in field) || field.name === 'id' || !(field.name in data)) continue
    if ((field as { hidden?: boolean }).hidden || field.type === 'join') continue
    const fieldPath = path ? `${path}.${field.name}` : field.name
    const fixed = checkValue(field, data[field.name], fieldPath, ctx)
    if (fixed !== KEEP) data[field.name] = fixed
  }
}

const KEEP = Symbol('keep')

function fail(ctx: Ctx, field: FlattenedField, path: string, key: MessageKey, vars: Record<string, string | number> = {}): typeof KEEP {
  ctx.issues.push({ path, label: (field as { label?: unknown }).label, message: message(ctx.req, key, vars) })
  return KEEP
}

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

function isEmpty(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0)
}

function checkValue(field: FlattenedField, value: unknown, path: string, ctx: Ctx): unknown {
  if (value === undefined) return KEEP
  // Drafts may leave required fields empty; a real save may not, even where a custom validator
  // (which replaces Payload's required check) would let '' through.
  if (isEmpty(value)) {
    if ('required' in field && field.required && !ctx.draft && field.type !== 'checkbox') return fail(ctx, field, path, 'input.required')
    return KEEP
  }
  const many = 'hasMany' in field && field.hasMany === true
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'code':
      return many ? eachOf(field, value, path, ctx, (item, itemPath) => checkText(field, item, itemPath, ctx)) : checkText(field, value, path, ctx)
    case 'select':
    case 'radio':
      return many ? eachOf(field, value, path, ctx, (item, itemPath) => checkOption(field, item, itemPath, ctx)) : checkOption(field, value, path, ctx)
    case 'number':
      return many ? eachOf(field, value, path, ctx, (item, itemPath) => checkNumber(field, item, itemPath, ctx)) : checkNumber(field, value, path, ctx)
    case 'checkbox':
      return typeof value === 'boolean' ? KEEP : fail(ctx, field, path, 'input.not-boolean')
    case 'date':
      return checkDate(field, value, path, ctx)
    case 'relationship':
    case 'upload':
      return many || Array.isArray(value)
        ? many
          ? eachOf(field, value, path, ctx, (item, itemPath) => checkRelation(field, item, itemPath, ctx))
          : fail(ctx, field, path, 'input.not-id', { value: show(value) })
        : checkRelation(field, value, path, ctx)
    case 'richText':
      return isLexicalDocument(value) ? KEEP : fail(ctx, field, path, 'input.not-rich-text')
    case 'point':
      return Array.isArray(value) && value.length === 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n))
        ? KEEP
        : fail(ctx, field, path, 'input.not-number')
    case 'array':
      return checkRows(field, value, path, ctx, () => field.flattenedFields)
    case 'blocks':
      return checkRows(field, value, path, ctx, (row) => {
        const block = (field.blocks ?? []).find((b) => b.slug === row.blockType)
        return block?.flattenedFields ?? null
      })
    case 'group':
    case 'tab':
      if (typeof value !== 'object' || Array.isArray(value)) return fail(ctx, field, path, 'input.not-group')
      checkFields(field.flattenedFields, value as Record<string, unknown>, path, ctx)
      return KEEP
    default:
      return KEEP
  }
}

function eachOf(field: FlattenedField, value: unknown, path: string, ctx: Ctx, check: (item: unknown, path: string) => unknown): unknown {
  if (!Array.isArray(value)) return fail(ctx, field, path, 'input.not-list')
  let changed = false
  const out = value.map((item, i) => {
    if (item === null || item === undefined) {
      fail(ctx, field, `${path}.${i}`, 'input.empty-item')
      return item
    }
    const fixed = check(item, `${path}.${i}`)
    if (fixed === KEEP) return item
    changed = true
    return fixed
  })
  return changed ? out : KEEP
}

function checkText(field: FlattenedField, value: unknown, path: string, ctx: Ctx): unknown {
  let text: string
  if (typeof value === 'string') text = value
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value)
  else return fail(ctx, field, path, 'input.not-text')
  const normal = text.replace(/\r\n?/g, '\n').normalize('NFC').trim()
  if (CONTROL.test(normal)) return fail(ctx, field, path, 'input.control-characters')
  const max = 'maxLength' in field && typeof field.maxLength === 'number' ? field.maxLength : ctx.req.payload.config.defaultMaxTextLength
  if (typeof max === 'number' && [...normal].length > max) return fail(ctx, field, path, 'input.too-long', { max, length: [...normal].length })
  const min = 'minLength' in field && typeof field.minLength === 'number' ? field.minLength : 0
  if (normal.length > 0 && [...normal].length < min) return fail(ctx, field, path, 'input.too-short', { min })
  if (field.type === 'email' && normal !== '' && !EMAIL.test(normal)) return fail(ctx, field, path, 'input.not-email')
  // Payload runs a field's own format check (school year, CCCD…) only on real saves; drafts get it here.
  const validate = (field as { validate?: unknown }).validate
  if (ctx.draft && typeof validate === 'function') {
    const verdict = (validate as (value: unknown, options: Record<string, unknown>) => unknown)(normal, { ...field, required: false, req: ctx.req, data: {}, siblingData: {}, path: path.split('.'), event: 'submit' })
    if (typeof verdict === 'string') {
      ctx.issues.push({ path, label: (field as { label?: unknown }).label, message: verdict })
      return KEEP
    }
  }
  return normal === value ? KEEP : normal
}

function checkOption(field: FlattenedField, value: unknown, path: string, ctx: Ctx): unknown {
  const options = 'options' in field ? field.options : []
  const values = options.map((option) => (typeof option === 'string' ? option : option.value))
  if (typeof value !== 'string' || !values.includes(value)) return fail(ctx, field, path, 'input.not-option', { value: show(value) })
  return KEEP
}

/** Payload's own fractional number fields (an image's focal point); every other number here counts things. */
const FRACTIONAL = new Set(['focalX', 'focalY'])

function checkNumber(field: FlattenedField, value: unknown, path: string, ctx: Ctx): unknown {
  let n: number
  if (typeof value === 'number') n = value
  else if (typeof value === 'string' && DECIMAL.test(value.trim())) n = Number(value.trim())
  else return fail(ctx, field, path, 'input.not-number')
  if (!Number.isFinite(n)) return fail(ctx, field, path, 'input.not-number')
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return fail(ctx, field, path, 'input.too-large-number')
  const step = (field as { admin?: { step?: number } }).admin?.step
  const fractional = FRACTIONAL.has(field.name) || (typeof step === 'number' && !Number.isInteger(step)) || (field.custom as { fractional?: boolean } | undefined)?.fractional === true
  if (!fractional && !Number.isInteger(n)) return fail(ctx, field, path, 'input.not-integer')
  if ('min' in field && typeof field.min === 'number' && n < field.min) return fail(ctx, field, path, 'input.below-min', { min: field.min })
  if ('max' in field && typeof field.max === 'number' && n > field.max) return fail(ctx, field, path, 'input.above-max', { max: field.max })
  return n === value ? KEEP : n
}

function checkDate(field: FlattenedField, value: unknown, path: string, ctx: Ctx): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? fail(ctx, field, path, 'input.not-date') : KEEP
  if (typeof value !== 'string') return fail(ctx, field, path, 'input.not-date')
  const match = ISO_DATE.exec(value.trim())
  if (!match) return fail(ctx, field, path, 'input.not-date')
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  // Date.parse rolls "2026-02-30" over to March; a real date survives the round trip.
  const probe = new Date(Date.UTC(year, month - 1, day))
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
  const [hour, minute, second] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)]
  if (!real || hour > 23 || minute > 59 || second > 59 || Number.isNaN(Date.parse(value.trim()))) return fail(ctx, field, path, 'input.not-date')
  return value.trim() === value ? KEEP : value.trim()
}

function checkRelation(field: FlattenedField, value: unknown, path: string, ctx: Ctx): unknown {
  if (field.type !== 'relationship' && field.type !== 'upload') return KEEP
  const polymorphic = Array.isArray(field.relationTo)
  let collection: string
  let raw: unknown
  if (polymorphic) {
    const ref = value as { relationTo?: unknown; value?: unknown }
    if (typeof ref !== 'object' || ref === null || typeof ref.relationTo !== 'string' || !(field.relationTo as string[]).includes(ref.relationTo)) {
      return fail(ctx, field, path, 'input.not-id', { value: show(value) })
    }
    collection = ref.relationTo
    raw = ref.value
  } else {
    collection = field.relationTo as string
    raw = value
  }
  // A populated document stands for its id (Payload reduces it the same way).
  if (typeof raw === 'object' && raw !== null && 'id' in raw) raw = (raw as { id: unknown }).id
  const id = parseId(raw, idTypeOf(ctx.req.payload, collection))
  // A field that resolves its own input (e.g. a department given by name) gets its text as is.
  if (id === null && typeof raw === 'string' && raw.trim() !== '' && (field.hooks?.beforeValidate?.length ?? 0) > 0) return KEEP
  if (id === null) return fail(ctx, field, path, 'input.not-id', { value: show(raw) })
  ctx.relations.push({ path, collection, id, label: (field as { label?: unknown }).label })
  if (id === raw) return KEEP
  return polymorphic ? { ...(value as object), value: id } : id
}

function checkRows(
  field: FlattenedField,
  value: unknown,
  path: string,
  ctx: Ctx,
  fieldsOf: (row: Record<string, unknown>) => FlattenedField[] | null,
): unknown {
  if (!Array.isArray(value)) return fail(ctx, field, path, 'input.not-list')
  value.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      fail(ctx, field, `${path}.${i}`, 'input.empty-item')
      return
    }
    const fields = fieldsOf(row as Record<string, unknown>)
    if (!fields) {
      fail(ctx, field, `${path}.${i}`, 'input.not-group')
      return
    }
    checkFields(fields, row as Record<string, unknown>, `${path}.${i}`, ctx)
  })
  return KEEP
}

/** A Lexical editor state: `{ root: { type: 'root', children: [...] } }`. */
export function isLexicalDocument(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const root = (value as { root?: unknown }).root
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return false
  const { type, children } = root as { type?: unknown; children?: unknown }
  return type === 'root' && Array.isArray(children)
}
