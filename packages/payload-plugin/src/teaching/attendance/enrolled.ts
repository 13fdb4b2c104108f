import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../../roles.ts'

type ID = number | string

/** The instants a Vietnam calendar day starts and ends at. */
export function dayBounds(day: string): { start: string; end: string } {
  const start = new Date(`${day}T00:00:00.000+07:00`)
  return { start: start.toISOString(), end: new Date(start.getTime() + 86_400_000 - 1).toISOString() }
}

/** Enrolments of these classes in force on the day: begun by its end, not ended before it. */
export function enrolledOnDay(classes: ID[], day: string): Where {
  const { start, end } = dayBounds(day)
  return {
    and: [
      { class: { in: classes } },
      { startDate: { less_than_equal: end } },
      { or: [{ endDate: { exists: false } }, { endDate: { equals: null } }, { endDate: { greater_than_equal: start } }] },
    ],
  }
}

/** Per class id, the ids of its students on the day. */
export async function studentsOnDay(req: PayloadRequest, classes: ID[], day: string): Promise<Map<string, Set<string>>> {
  const byClass = new Map<string, Set<string>>(classes.map((klass) => [String(klass), new Set<string>()]))
  if (classes.length === 0) return byClass
  const { docs } = await req.payload.db.find({ collection: 'enrolments', where: enrolledOnDay(classes, day), pagination: false, limit: 0, select: { class: true, student: true }, req })
  for (const doc of docs as { class?: unknown; student?: unknown }[]) byClass.get(String(relationId(doc.class)))?.add(String(relationId(doc.student)))
  return byClass
}
