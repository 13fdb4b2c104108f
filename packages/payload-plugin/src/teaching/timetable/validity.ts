import type { PayloadRequest } from 'payload'

import { relationId } from '../../roles.ts'
import { dayOf } from '../../calendar/days.ts'
import { TIMETABLES_SLUG } from './slugs.ts'

type ID = number | string

export type TimetableDoc = { id: ID; school?: unknown; class?: unknown; schoolYear?: string; term?: string; startsOn?: string; label?: string }

/** From `from` (a day) until the day before `until`; `until` null: still in force. */
export type Validity = { from: string; until: string | null }

export async function loadTimetable(req: PayloadRequest, id: unknown): Promise<TimetableDoc | null> {
  const value = relationId(id)
  if (value === null) return null
  return (await req.payload.db.findOne({ collection: TIMETABLES_SLUG, where: { id: { equals: value } }, req })) as TimetableDoc | null
}

/**
 * A timetable is in force from its start date until the next start date of the same class and term
 * (timetables in `ignoring` left out: the one being deleted).
 */
export async function validityOf(req: PayloadRequest, timetable: TimetableDoc, ignoring: readonly ID[] = []): Promise<Validity> {
  const from = dayOf(timetable.startsOn) ?? '0000-00-00'
  const next = await req.payload.db.find({
    collection: TIMETABLES_SLUG,
    where: {
      and: [
        { class: { equals: relationId(timetable.class) } },
        { term: { equals: timetable.term } },
        { startsOn: { greater_than: timetable.startsOn } },
        ...(ignoring.length > 0 ? [{ id: { not_in: [...ignoring] } }] : []),
      ],
    },
    sort: 'startsOn',
    limit: 1,
    pagination: false,
    req,
  })
  const doc = next.docs[0] as TimetableDoc | undefined
  return { from, until: doc ? dayOf(doc.startsOn) : null }
}

export const overlaps = (a: Validity, b: Validity): boolean => (b.until === null || a.from < b.until) && (a.until === null || b.from < a.until)

/** The timetable of the same class and term that starts last before this one (the one it replaces from its date). */
export async function previousTimetable(req: PayloadRequest, timetable: TimetableDoc): Promise<TimetableDoc | null> {
  const found = await req.payload.db.find({
    collection: TIMETABLES_SLUG,
    where: { and: [{ class: { equals: relationId(timetable.class) } }, { term: { equals: timetable.term } }, { startsOn: { less_than: timetable.startsOn } }] },
    sort: '-startsOn',
    limit: 1,
    pagination: false,
    req,
  })
  return (found.docs[0] as TimetableDoc | undefined) ?? null
}
