import { createHash } from 'node:crypto'

import {
  commitTransaction,
  initTransaction,
  killTransaction,
  type CollectionAfterChangeHook,
  type CollectionConfig,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'

import { currentUser, relationId, rolesInSchool, type SchoolRole } from '../roles.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { MARK_HISTORY_HEADS_SLUG, MARK_HISTORY_SLUG, type MarkHistorySource } from './MarkHistory.ts'

/**
 * The mark audit's write and check (issue 13 § 7). Each school has one hash chain: entry n carries
 * sequence n, the hash of entry n−1 and its own SHA-256 over a canonical JSON of its content, so a
 * row changed, removed or re-ordered in the database shows up in `verifyMarkHistory`.
 */

type ID = number | string

export type MarkHistoryEntry = {
  school: ID
  mark: ID
  student: ID
  subject: ID
  schoolYear: string
  term: string
  field: string
  oldValue: unknown
  newValue: unknown
  reason?: string
  source: MarkHistorySource
  correctionRequest?: ID
}

export type MarkHistoryVerdict =
  | { ok: true; entries: number }
  | { ok: false; entries: number; firstBroken: { sequence: number; id: ID; reason: string } }

/** The previous hash of a chain's first entry. */
export const GENESIS_HASH = '0'.repeat(64)

/** The fields a hash covers, in the form both the writer and the checker normalise them to. */
type HashedContent = {
  school: string
  mark: string
  student: string
  subject: string
  schoolYear: string
  term: string
  field: string
  oldValue: unknown
  newValue: unknown
  reason: string | null
  source: string
  correctionRequest: string | null
  actor: string | null
  actorRole: string | null
  at: string
  sequence: number
  previousHash: string
}

const idText = (value: unknown): string | null => {
  const id = relationId(value)
  return id === null || id === '' ? null : String(id)
}
const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null)
/** JSON values as stored: undefined becomes null (what every adapter gives back). */
const jsonValue = (value: unknown): unknown => (value === undefined ? null : value)

function contentOf(doc: Record<string, unknown>): HashedContent {
  return {
    school: idText(doc.school) ?? '',
    mark: idText(doc.mark) ?? '',
    student: idText(doc.student) ?? '',
    subject: idText(doc.subject) ?? '',
    schoolYear: String(doc.schoolYear ?? ''),
    term: String(doc.term ?? ''),
    field: String(doc.field ?? ''),
    oldValue: jsonValue(doc.oldValue),
    newValue: jsonValue(doc.newValue),
    reason: textOrNull(doc.reason),
    source: String(doc.source ?? ''),
    correctionRequest: idText(doc.correctionRequest),
    actor: idText(doc.actor),
    actorRole: textOrNull(doc.actorRole),
    // Dates come back as ISO strings (SQLite text, PostgreSQL timestamptz with milliseconds).
    at: new Date(String(doc.at)).toISOString(),
    sequence: Number(doc.sequence),
    previousHash: String(doc.previousHash ?? ''),
  }
}

/** JSON with object keys sorted at every level (PostgreSQL's jsonb does not keep key order). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null)
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

function hashOf(content: HashedContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex')
}

/** The hash a stored (or about to be stored) entry must carry. */
export function entryHash(doc: Record<string, unknown>): string {
  return hashOf(contentOf(doc))
}

/** Which of the actor's roles in the school the change was made in (conduct and the like: as homeroom teacher). */
const ROLE_ORDER: SchoolRole[] = ['principal', 'vice-principal', 'school-admin', 'teacher', 'homeroom-teacher', 'team-leader', 'staff']
const HOMEROOM_FIELDS = /^(conduct|qualities|competences|absences)/
function actorRoleOf(req: PayloadRequest, school: ID, field: string): string {
  const actor = currentUser(req)
  if (!actor) return 'system'
  const held = rolesInSchool(actor, school)
  if (HOMEROOM_FIELDS.test(field) && held.includes('homeroom-teacher')) return 'homeroom-teacher'
  const role = ROLE_ORDER.find((r) => held.includes(r))
  if (role) return role
  return actor.districtRoles?.[0] ?? 'system'
}

type Head = { id: ID; sequence: number; hash?: string | null }

/**
 * Takes the next sequence of the school's chain: one atomic `sequence = sequence + 1` on the
 * school's head row, which also holds that row's write lock until req's transaction ends, so a
 * concurrent append waits and then reads this one's committed head (PostgreSQL), or cannot start
 * before it ends (SQLite's single writer). Every statement runs in req's transaction: one outside
 * it would need a second pooled connection while this one is held, and under load the pool runs dry.
 */
async function advanceHead(req: PayloadRequest, school: string): Promise<Head> {
  const advance = () =>
    req.payload.db.updateOne({
      collection: MARK_HISTORY_HEADS_SLUG,
      where: { school: { equals: school } } satisfies Where,
      data: { sequence: { $inc: 1 } },
      options: { atomic: true },
      req,
    }) as Promise<unknown> as Promise<Head | null>
  const head = await advance()
  if (head) return head
  // A school created before the history existed (new schools get their head at creation,
  // withMarkHistoryHead). On PostgreSQL, of two first appends at the same instant one then fails on
  // the unique school and its whole save rolls back, to be retried; none is ever half-written.
  await ensureMarkHistoryHead(req, school)
  const created = await advance()
  if (!created) throw new Error(`mark history: no chain head for school ${school}`)
  return created
}

/** The school's head row, created when missing from its chain's last entry (highest sequence), if any. */
async function ensureMarkHistoryHead(req: PayloadRequest, school: string): Promise<void> {
  const found = await req.payload.db.findOne({ collection: MARK_HISTORY_HEADS_SLUG, where: { school: { equals: school } }, req })
  if (found) return
  const { docs } = await req.payload.find({ collection: MARK_HISTORY_SLUG, where: { school: { equals: school } }, sort: '-sequence', limit: 1, depth: 0, overrideAccess: true, req })
  const last = docs[0] as { sequence?: number; hash?: string } | undefined
  await req.payload.db.create({ collection: MARK_HISTORY_HEADS_SLUG, data: { school, sequence: last?.sequence ?? 0, hash: last?.hash ?? null }, req })
}

/** Every new school gets its chain head in its own creation's transaction: its first appends never race to create it. */
export function withMarkHistoryHead(schools: CollectionConfig): CollectionConfig {
  const createHead: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
    if (operation === 'create') await ensureMarkHistoryHead(req, String(doc.id))
    return doc
  }
  return { ...schools, hooks: { ...schools.hooks, afterChange: [...(schools.hooks?.afterChange ?? []), createHead] } }
}

/**
 * Appends one change of a mark to its school's chain, inside req's transaction (started here when
 * the caller has none), as req.user. The change and its history commit or roll back together.
 */
export async function appendMarkHistory(
  req: PayloadRequest,
  entry: MarkHistoryEntry,
): Promise<{ at: string }> {
  const shouldCommit = await initTransaction(req)
  try {
    const school = String(entry.school)
    const head = await advanceHead(req, school)
    const actor = currentUser(req)
    const content = contentOf({
      ...entry,
      actor: actor?.id ?? null,
      actorRole: actorRoleOf(req, entry.school, entry.field),
      at: new Date().toISOString(),
      sequence: head.sequence,
      previousHash: head.hash || GENESIS_HASH,
    })
    const hash = hashOf(content)
    // Straight to the adapter: the content is ours (built and hashed above), nothing to validate or read back.
    await req.payload.db.create({ collection: MARK_HISTORY_SLUG, data: { ...content, hash }, req, returning: false })
    await req.payload.db.updateOne({ collection: MARK_HISTORY_HEADS_SLUG, id: head.id, data: { hash }, req, returning: false })
    if (shouldCommit) await commitTransaction(req)
    return { at: content.at }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

const PAGE = 500

/**
 * Re-computes a school's chain in sequence order: the first entry whose content no longer matches
 * its hash, whose previous hash is not its predecessor's, or that follows a gap, is named; so are
 * entries missing at the end (the head records a later sequence than the last entry).
 * Messages are in Vietnamese (the command prints them).
 */
export async function verifyMarkHistory(payload: Payload, school: ID): Promise<MarkHistoryVerdict> {
  const schoolId = String(school)
  let entries = 0
  let expected = 1
  let previousHash = GENESIS_HASH
  let lastId: ID | null = null
  const broken = (sequence: number, id: ID, key: MessageKey, vars: Record<string, string | number>): MarkHistoryVerdict => ({
    ok: false,
    entries,
    firstBroken: { sequence, id, reason: message(null, key, vars) },
  })
  for (;;) {
    const { docs } = await payload.find({
      collection: MARK_HISTORY_SLUG,
      where: { and: [{ school: { equals: schoolId } }, { sequence: { greater_than: expected - 1 } }] },
      sort: 'sequence',
      limit: PAGE,
      depth: 0,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as Record<string, unknown>[]) {
      entries++
      const id = doc.id as ID
      const content = contentOf(doc)
      if (content.sequence !== expected) return broken(content.sequence, id, 'history.gap', { expected, sequence: content.sequence })
      if (hashOf(content) !== doc.hash) return broken(content.sequence, id, 'history.content-changed', { sequence: content.sequence })
      if (content.previousHash !== previousHash) return broken(content.sequence, id, 'history.chain-broken', { sequence: content.sequence })
      previousHash = String(doc.hash)
      lastId = id
      expected++
    }
    if (docs.length < PAGE) break
  }
  const head = (await payload.db.findOne({ collection: MARK_HISTORY_HEADS_SLUG, where: { school: { equals: schoolId } } })) as Head | null
  if (head && head.sequence >= expected) {
    return broken(expected, lastId ?? head.id, 'history.tail-missing', { expected, head: head.sequence })
  }
  return { ok: true, entries }
}
