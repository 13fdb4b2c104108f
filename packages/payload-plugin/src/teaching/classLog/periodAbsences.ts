import type { PayloadRequest } from 'payload'

import { relationId } from '../../roles.ts'
import { CLASS_LOGS_SLUG } from './slugs.ts'

type ID = number | string
type Doc = Record<string, unknown>

/** A period of the class log as the attendance sheet shows it beside the homeroom teacher's marks. */
export type PeriodAbsences = { session: 'morning' | 'afternoon'; period: number; subject: string; teacher: string; signed: boolean; absentStudents: ID[] }

export async function namesOf(req: PayloadRequest, collection: 'subjects' | 'users', ids: ID[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const { docs } = await req.payload.db.find({ collection, where: { id: { in: ids } }, pagination: false, limit: 0, select: collection === 'users' ? { fullName: true, email: true } : { name: true }, req })
  return new Map((docs as { id: ID; name?: string; fullName?: string; email?: string }[]).map((d) => [String(d.id), String(d.name ?? d.fullName ?? d.email ?? '')]))
}

export const uniqueIds = (ids: unknown[]): ID[] => [...new Map(ids.map(relationId).filter((id): id is ID => id !== null).map((id) => [String(id), id])).values()]

/**
 * The periods of a class's day in its class log, with the absentees each period's teacher recorded
 * (issue 14 item 5: "a teacher's per-period absentees in the class log are shown beside" the daily
 * attendance, so the homeroom teacher can reconcile the two). Only the stored log counts: a period
 * nobody has signed yet lists no absentees. Reads with the adapter: the caller checks access.
 */
export async function periodAbsencesOfDay(req: PayloadRequest, classId: ID, day: string): Promise<PeriodAbsences[]> {
  const log = (await req.payload.db.findOne({ collection: CLASS_LOGS_SLUG, where: { key: { equals: `${String(classId)}:${day}` } }, req })) as Doc | null
  const rows = ((log?.rows as Doc[] | undefined) ?? []).filter((row) => row.session === 'morning' || row.session === 'afternoon')
  if (rows.length === 0) return []
  const [subjects, teachers] = await Promise.all([namesOf(req, 'subjects', uniqueIds(rows.map((r) => r.subject))), namesOf(req, 'users', uniqueIds(rows.map((r) => r.teacher)))])
  return rows.map((row) => ({
    session: row.session as 'morning' | 'afternoon',
    period: Number(row.period),
    subject: subjects.get(String(relationId(row.subject))) ?? '',
    teacher: teachers.get(String(relationId(row.teacher))) ?? '',
    signed: Boolean(row.signedAt),
    absentStudents: uniqueIds(Array.isArray(row.absentStudents) ? row.absentStudents : []),
  }))
}
