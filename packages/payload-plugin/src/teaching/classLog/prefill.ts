import type { PayloadRequest } from 'payload'

import { relationId } from '../../roles.ts'
import { TEACHING_PLANS_SLUG } from '../plans/slugs.ts'
import { classWeek } from '../timetable/week.ts'

/**
 * The rows of a class's day as the server fills them: one per period of the timetable in force that
 * day, the subject, teacher and assignment from the slot, the PPCT lesson number and title from the
 * teacher's plan row of the same date, session, period and class (a draft counts: the plan is due by
 * period 1 on Monday, the log is read all week), none when there is no plan.
 */

type ID = number | string
type Doc = Record<string, unknown>

export type LogRow = {
  id?: string | null
  session: 'morning' | 'afternoon'
  period: number
  subject: ID | null
  teacher: ID | null
  teachingAssignment: ID | null
  lessonNumber: number | null
  lessonTitle: string | null
  absentStudents?: ID[]
  oralCheck?: string | null
  comment?: string | null
  rating?: string | null
  signedBy?: ID | null
  signedAt?: string | null
}

/** The fields the server fills; nobody types them. */
export const PREFILLED = ['session', 'period', 'subject', 'teacher', 'teachingAssignment', 'lessonNumber', 'lessonTitle'] as const

const slotKey = (session: unknown, period: unknown) => `${String(session)}:${String(period)}`
const sessionOrder = (session: string) => (session === 'afternoon' ? 1 : 0)
export const byPeriod = (a: LogRow, b: LogRow) => sessionOrder(a.session) - sessionOrder(b.session) || a.period - b.period

export async function prefilledRows(req: PayloadRequest, classId: ID, day: string): Promise<LogRow[]> {
  const week = await classWeek(req, classId, day)
  const slots = week.slots.filter((slot) => slot.date === day)
  if (slots.length === 0) return []
  const teachers = [...new Map(slots.map((slot) => [String(slot.teacher.id), slot.teacher.id])).values()]
  const plans = await req.payload.db.find({
    collection: TEACHING_PLANS_SLUG,
    where: { and: [{ teacher: { in: teachers } }, { weekStart: { equals: week.weekStart } }] },
    pagination: false,
    limit: 0,
    req,
  })
  const planned = new Map<string, Doc>()
  for (const plan of plans.docs as Doc[]) {
    for (const row of (Array.isArray(plan.rows) ? plan.rows : []) as Doc[]) {
      if (row.date !== day || String(relationId(row.class)) !== String(classId)) continue
      planned.set(slotKey(row.session, row.period), row)
    }
  }
  return slots
    .map((slot): LogRow => {
      const row = planned.get(slotKey(slot.session, slot.period))
      const lessonNumber = typeof row?.lessonNumber === 'number' ? row.lessonNumber : null
      return {
        session: slot.session,
        period: slot.period,
        subject: (row && relationId(row.subject)) ?? slot.subject.id,
        teacher: slot.teacher.id,
        teachingAssignment: slot.teachingAssignment,
        lessonNumber,
        lessonTitle: lessonNumber === null ? null : typeof row?.lessonTitle === 'string' ? row.lessonTitle : null,
      }
    })
    .sort(byPeriod)
}

const signed = (row: Doc) => Boolean(row.signedAt)

/**
 * The stored rows brought up to date: a signed row stays as signed (what the teacher confirmed), an
 * unsigned one follows the timetable and the plan as they are now (a plan completed after the log was
 * first opened). Null when nothing changes.
 */
export function refreshedRows(stored: Doc[], fresh: LogRow[]): LogRow[] | null {
  const storedByKey = new Map(stored.map((row) => [slotKey(row.session, row.period), row]))
  const freshKeys = new Set(fresh.map((row) => slotKey(row.session, row.period)))
  const next: LogRow[] = fresh.map((row) => {
    const was = storedByKey.get(slotKey(row.session, row.period))
    if (was && signed(was)) return normalised(was)
    return { ...row, id: was ? (was.id as string) : null }
  })
  for (const row of stored) if (signed(row) && !freshKeys.has(slotKey(row.session, row.period))) next.push(normalised(row))
  next.sort(byPeriod)
  const same = next.length === stored.length && next.every((row, i) => PREFILLED.every((field) => String(relationId(row[field]) ?? row[field] ?? '') === String(relationId(stored[i]![field]) ?? stored[i]![field] ?? '')))
  return same ? null : next
}

/** A stored row in the shape written back (relations as ids). */
export function normalised(row: Doc): LogRow {
  return {
    id: (row.id as string | undefined) ?? null,
    session: row.session === 'afternoon' ? 'afternoon' : 'morning',
    period: Number(row.period),
    subject: relationId(row.subject),
    teacher: relationId(row.teacher),
    teachingAssignment: relationId(row.teachingAssignment),
    lessonNumber: typeof row.lessonNumber === 'number' ? row.lessonNumber : null,
    lessonTitle: typeof row.lessonTitle === 'string' ? row.lessonTitle : null,
    absentStudents: (Array.isArray(row.absentStudents) ? row.absentStudents : []).map(relationId).filter((id): id is ID => id !== null),
    oralCheck: (row.oralCheck as string | null | undefined) ?? null,
    comment: (row.comment as string | null | undefined) ?? null,
    rating: (row.rating as string | null | undefined) ?? null,
    signedBy: relationId(row.signedBy),
    signedAt: (row.signedAt as string | null | undefined) ?? null,
  }
}
