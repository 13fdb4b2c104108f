import type { PayloadRequest } from 'payload'

import { MARK_HISTORY_SLUG } from '../MarkHistory.ts'

type ID = number | string
export type LastChange = { by: string | null; at: string }

/**
 * Who last changed each cell of these marks, and when: the newest mark-history entry per mark and
 * column (the audit is the one record of every change, per cell; a mark's updatedAt would say
 * only when any of its cells changed). Read with access off: the caller has checked that the user
 * reads these marks; only names and times go out, never the audit's other fields.
 */
export async function lastChanges(req: PayloadRequest, marks: ID[]): Promise<Map<string, Record<string, LastChange>>> {
  const result = new Map<string, Record<string, LastChange>>()
  if (marks.length === 0) return result
  const { docs } = await req.payload.find({
    collection: MARK_HISTORY_SLUG,
    where: { mark: { in: marks.map(String) } },
    sort: '-sequence',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { mark: true, field: true, actor: true, at: true },
    req,
  })
  const actors = new Set<string>()
  for (const doc of docs as unknown as { mark: string; field: string; actor?: string | null; at: string }[]) {
    const perMark = result.get(String(doc.mark)) ?? {}
    if (!perMark[doc.field]) perMark[doc.field] = { by: doc.actor ?? null, at: new Date(doc.at).toISOString() }
    result.set(String(doc.mark), perMark)
    if (doc.actor) actors.add(doc.actor)
  }
  const names = await actorNames(req, [...actors])
  for (const perMark of result.values()) for (const change of Object.values(perMark)) change.by = change.by === null ? null : (names.get(change.by) ?? null)
  return result
}

async function actorNames(req: PayloadRequest, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.find({ collection: 'users', where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: true, select: { fullName: true, email: true }, req })
  return new Map(docs.map((user) => [String(user.id), String((user as { fullName?: string }).fullName || (user as { email?: string }).email || '')]))
}
