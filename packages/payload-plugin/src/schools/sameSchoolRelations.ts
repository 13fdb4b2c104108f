import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionConfig,
  type Field,
  type PayloadRequest,
} from 'payload'

import { isDistrictUser, relationId, type RoleHolder } from '../roles.ts'
import { SITE_BUILDS_SLUG } from '../sites/options.ts'
import { languageOf, message } from '../translations/index.ts'
import { idTypeOf, parseId } from '../validation/ids.ts'
import { EVENTS_SLUG } from '../workflow/options.ts'

/**
 * Every relation of a school's document points into that same school: a post's cover, attachments
 * and inline images, a record's department, class, teacher or photo. Reading another school's file
 * is refused, but a reference to it would otherwise reach the public site through the export, which
 * reads with access off. Checked on every save (drafts and workflow steps too): the stored result
 * (the incoming data over the previous version), not only what the request changed.
 */

/**
 * Collections written only by the server itself (logs, history, builds): not worth the queries. And
 * the gradebook's marks and term records, whose own save hooks check every relation against the
 * class (gradebook/serverCheckedRelations.ts): four look-ups less on every cell a teacher types.
 */
const SKIPPED = new Set(['record-access-logs', EVENTS_SLUG, SITE_BUILDS_SLUG, 'marks', 'student-term-records'])

type ID = number | string
type Found = { path: string; label: string; collection: string; id: ID }
type Doc = Record<string, unknown>

function labelOf(field: { label?: unknown; name?: string }, lang: 'vi' | 'en'): string {
  const label = field.label
  if (typeof label === 'string') return label
  if (label && typeof label === 'object' && lang in label) return String((label as Record<string, unknown>)[lang])
  return field.name ?? ''
}

/** A relation value as stored or as sent: an id, a populated doc, or `{ relationTo, value }`. */
function collectValue(value: unknown, relationTo: string | string[], path: string, label: string, out: Found[]): void {
  if (value === null || value === undefined || value === '') return
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectValue(item, relationTo, `${path}.${index}`, label, out))
    return
  }
  if (Array.isArray(relationTo)) {
    if (typeof value !== 'object') return
    const poly = value as { relationTo?: unknown; value?: unknown }
    if (typeof poly.relationTo !== 'string' || !relationTo.includes(poly.relationTo)) return
    collectValue(poly.value, poly.relationTo, path, label, out)
    return
  }
  const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
  if (typeof id === 'number' || typeof id === 'string') out.push({ path, label, collection: relationTo, id })
}

/** Upload and relationship nodes anywhere in a Lexical document. */
function collectLexical(node: unknown, path: string, label: string, out: Found[], depth = 0): void {
  if (!node || typeof node !== 'object' || depth > 200) return
  if (Array.isArray(node)) {
    for (const child of node) collectLexical(child, path, label, out, depth + 1)
    return
  }
  const n = node as { type?: unknown; relationTo?: unknown; value?: unknown; root?: unknown; children?: unknown }
  if ((n.type === 'upload' || n.type === 'relationship') && typeof n.relationTo === 'string') {
    collectValue(n.value, n.relationTo, path, label, out)
  }
  if (n.root) collectLexical(n.root, path, label, out, depth + 1)
  if (n.children) collectLexical(n.children, path, label, out, depth + 1)
}

/** Walks the collection's fields over `data`, through tabs, rows, groups, arrays and blocks. */
function collectFields(
  fields: readonly Field[],
  data: unknown,
  prefix: string,
  lang: 'vi' | 'en',
  blocksBySlug: Map<string, { fields: Field[] }>,
  out: Found[],
): void {
  if (!data || typeof data !== 'object') return
  const doc = data as Doc
  for (const field of fields) {
    const named = 'name' in field && typeof field.name === 'string' ? field.name : null
    const path = named ? `${prefix}${named}` : prefix
    switch (field.type) {
      case 'tabs':
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) collectFields(tab.fields, doc[tab.name], `${prefix}${tab.name}.`, lang, blocksBySlug, out)
          else collectFields(tab.fields, doc, prefix, lang, blocksBySlug, out)
        }
        break
      case 'row':
      case 'collapsible':
        collectFields(field.fields, doc, prefix, lang, blocksBySlug, out)
        break
      case 'group':
        if (named) collectFields(field.fields, doc[named], `${path}.`, lang, blocksBySlug, out)
        else collectFields(field.fields, doc, prefix, lang, blocksBySlug, out)
        break
      case 'array': {
        const rows = named ? doc[named] : null
        if (Array.isArray(rows)) rows.forEach((row, i) => collectFields(field.fields, row, `${path}.${i}.`, lang, blocksBySlug, out))
        break
      }
      case 'blocks': {
        const rows = named ? doc[named] : null
        if (!Array.isArray(rows)) break
        const local = new Map<string, { fields: Field[] }>(blocksBySlug)
        for (const block of [...(field.blocks ?? []), ...(field.blockReferences ?? [])]) {
          if (typeof block === 'object') local.set(block.slug, block)
        }
        rows.forEach((row, i) => {
          const type = (row as { blockType?: unknown } | null)?.blockType
          const block = typeof type === 'string' ? local.get(type) : undefined
          if (block) collectFields(block.fields, row, `${path}.${i}.`, lang, blocksBySlug, out)
        })
        break
      }
      case 'relationship':
      case 'upload':
        // The tenant field itself is the reference point, not a relation to check.
        if (named && field.relationTo !== 'schools') collectValue(doc[named], field.relationTo, path, labelOf(field, lang), out)
        break
      case 'richText':
        if (named) collectLexical(doc[named], path, labelOf(field, lang), out)
        break
      default:
        break
    }
  }
}

const SCHOOL_SCOPED = new WeakMap<object, boolean>()

/** A collection is school-scoped when it carries the tenant field (`school` → schools). */
function isSchoolScoped(config: CollectionConfig): boolean {
  const cached = SCHOOL_SCOPED.get(config)
  if (cached !== undefined) return cached
  const scoped = config.fields.some((f) => 'name' in f && f.name === 'school' && (f.type === 'relationship' && f.relationTo === 'schools'))
  SCHOOL_SCOPED.set(config, scoped)
  return scoped
}

/** Ids in the form the database takes (validation/ids.ts); anything else is left to field validation (never a query that throws). */
const usableId = (req: PayloadRequest, collection: string, id: ID): ID | null => parseId(id, idTypeOf(req.payload, collection))

/** The references (among `found`) that do not belong to `school`: one query per target collection. */
async function foreignReferences(req: PayloadRequest, school: ID, found: readonly Found[]): Promise<Found[]> {
  const byCollection = new Map<string, Found[]>()
  for (const ref of found) {
    const list = byCollection.get(ref.collection) ?? []
    list.push(ref)
    byCollection.set(ref.collection, list)
  }
  const foreign: Found[] = []
  for (const [collection, refs] of byCollection) {
    const target = req.payload.collections[collection]?.config
    if (!target) continue
    const isUsers = Boolean(target.auth) && collection === 'users'
    if (!isUsers && !isSchoolScoped(target)) continue // a shared collection (subjects catalogue, schools…)
    const ids = [...new Map(refs.map((r) => [String(r.id), usableId(req, collection, r.id)])).values()].filter((id): id is ID => id !== null)
    if (ids.length === 0) continue
    const result = await req.payload.db.find({
      collection,
      where: { id: { in: ids } },
      limit: ids.length,
      pagination: false,
      req,
      select: isUsers ? { memberships: true, districtRoles: true } : { school: true },
    })
    const belongs = new Map<string, boolean>()
    for (const doc of result.docs as Doc[]) {
      const ok = isUsers
        ? isDistrictUser(doc as unknown as RoleHolder) ||
          ((doc.memberships as { school?: unknown }[] | undefined) ?? []).some((m) => String(relationId(m.school)) === String(school))
        : String(relationId(doc.school)) === String(school)
      belongs.set(String(doc.id), ok)
    }
    // An id that matches nothing is not this rule's business (field validation answers it).
    for (const ref of refs) if (belongs.get(String(usableId(req, collection, ref.id))) === false) foreign.push(ref)
  }
  return foreign
}

/** beforeChange: refuses (400, naming the field) a save whose relations leave the document's school. */
export const sameSchoolRelations: CollectionBeforeChangeHook = async ({ collection, data, originalDoc, req }) => {
  if (SKIPPED.has(collection.slug) || !isSchoolScoped(collection)) return data
  // The stored result: what the request sends over the previous version (partial updates, publish).
  const merged: Doc = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const school = relationId(merged.school)
  if (school === null) return data
  const lang = languageOf(req)
  const blocks = new Map<string, { fields: Field[] }>((req.payload.config.blocks ?? []).map((b) => [b.slug, b]))
  const all: Found[] = []
  collectFields(collection.fields, merged, '', lang, blocks, all)
  // A person may leave the school after being named (an author, a homeroom teacher): only a newly
  // named person is checked, so old documents stay editable. Files and records never change school.
  const before: Found[] = []
  if (originalDoc) collectFields(collection.fields, originalDoc, '', lang, blocks, before)
  const named = new Set(before.filter((f) => f.collection === 'users').map((f) => String(f.id)))
  const found = all.filter((f) => f.collection !== 'users' || !named.has(String(f.id)))
  if (found.length === 0) return data
  const foreign = await foreignReferences(req, school, found)
  if (foreign.length === 0) return data
  req.payload.logger.warn(
    `${collection.slug} ${String(merged.id ?? '(new)')} of school ${school}: refused foreign references ${foreign.map((f) => `${f.path}→${f.collection} ${f.id}`).join(', ')} (user ${req.user?.id ?? 'none'})`,
  )
  const first = foreign[0]!
  const text = (label: string) => message(req, 'schools.foreign-relation', { field: label })
  throw new APIError(text(first.label), 400, {
    collection: collection.slug,
    errors: [...new Map(foreign.map((f) => [f.path, { path: f.path, message: text(f.label) }])).values()],
  }, true)
}

/** Adds the rule to a collection (a no-op at run time for collections without a school). */
export function withSameSchoolRelations(collection: CollectionConfig): CollectionConfig {
  return { ...collection, hooks: { ...collection.hooks, beforeChange: [...(collection.hooks?.beforeChange ?? []), sameSchoolRelations] } }
}
