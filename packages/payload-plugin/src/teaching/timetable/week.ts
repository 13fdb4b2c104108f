import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../../roles.ts'
import { addDays, dayNumberOf, dayOf, mondayOf, schoolYearOfDay, storedDay } from '../../calendar/days.ts'
import { TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from './slugs.ts'

type ID = number | string

/** One lesson of a week, on its real date, from the timetable in force that day. */
export type WeekSlot = {
  /** The calendar day, `YYYY-MM-DD`. */
  date: string
  /** 2 = Thứ 2 (Monday) … 7 = Thứ 7 (Saturday). */
  day: number
  session: 'morning' | 'afternoon'
  /** 1–5 within the session. */
  period: number
  /** The timetable-slots document, and the timetable it belongs to (in force on `date`). */
  slot: ID
  timetable: ID
  schoolYear: string
  term: 'hk1' | 'hk2'
  teachingAssignment: ID
  class: { id: ID; name: string }
  subject: { id: ID; name: string }
  teacher: { id: ID; name: string }
  /** Null when the slot names no room. */
  room: string | null
}

/** Monday to Saturday of one week, and its lessons in order (date, morning before afternoon, period). */
export type TimetableWeek = { weekStart: string; weekEnd: string; slots: WeekSlot[] }

type SlotDoc = { id: ID; timetable?: unknown; class?: unknown; day?: number; session?: string; period?: number; teacher?: unknown; subject?: unknown; teachingAssignment?: unknown; room?: string | null; schoolYear?: string; term?: string }
type TimetableDoc = { id: ID; class?: unknown; startsOn?: string; schoolYear?: string }

async function namesOf(req: PayloadRequest, collection: 'classes' | 'subjects' | 'users', ids: ID[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const found = await req.payload.db.find({ collection, where: { id: { in: ids } }, pagination: false, req })
  return new Map(found.docs.map((doc) => [String(doc.id), String((doc as { name?: string; fullName?: string; email?: string }).name ?? (doc as { fullName?: string }).fullName ?? (doc as { email?: string }).email ?? '')]))
}

const uniq = (ids: unknown[]): ID[] => [...new Map(ids.map(relationId).filter((id): id is ID => id !== null).map((id) => [String(id), id])).values()]

/**
 * The lessons of the slots matching `where`, over the week containing `weekStart`: each slot on each
 * day of its weekday where its timetable is the one in force for its class (the latest start date
 * on or before that day, in that day's school year). Reads with the adapter: the caller decides who
 * may see what.
 */
async function weekOf(req: PayloadRequest, where: Where, weekStart: string): Promise<TimetableWeek> {
  const monday = mondayOf(weekStart)
  const days = Array.from({ length: 6 }, (_, i) => addDays(monday, i))
  const saturday = days[5]!
  const years = [...new Set(days.map(schoolYearOfDay))]
  const slots = (await req.payload.db.find({ collection: TIMETABLE_SLOTS_SLUG, where: { and: [where, { schoolYear: { in: years } }] }, pagination: false, req })).docs as SlotDoc[]
  const classes = uniq(slots.map((s) => s.class))
  const timetables =
    classes.length === 0
      ? []
      : ((await req.payload.db.find({
          collection: TIMETABLES_SLUG,
          where: { and: [{ class: { in: classes } }, { schoolYear: { in: years } }, { startsOn: { less_than_equal: storedDay(saturday) } }] },
          sort: 'startsOn',
          pagination: false,
          req,
        })).docs as TimetableDoc[])
  // Per day and class, the timetable in force (sorted by start date: the last one that started wins).
  const inForce = new Map<string, string>()
  for (const day of days) {
    for (const timetable of timetables) {
      const start = dayOf(timetable.startsOn)
      if (start && start <= day && timetable.schoolYear === schoolYearOfDay(day)) inForce.set(`${day}|${String(relationId(timetable.class))}`, String(timetable.id))
    }
  }
  const [classNames, subjectNames, teacherNames] = await Promise.all([
    namesOf(req, 'classes', classes),
    namesOf(req, 'subjects', uniq(slots.map((s) => s.subject))),
    namesOf(req, 'users', uniq(slots.map((s) => s.teacher))),
  ])
  const lessons: WeekSlot[] = []
  for (const day of days) {
    const number = dayNumberOf(day)
    for (const slot of slots) {
      if (Number(slot.day) !== number || inForce.get(`${day}|${String(relationId(slot.class))}`) !== String(relationId(slot.timetable))) continue
      const [klass, subject, teacher] = [relationId(slot.class)!, relationId(slot.subject)!, relationId(slot.teacher)!]
      lessons.push({
        date: day,
        day: number,
        session: slot.session === 'afternoon' ? 'afternoon' : 'morning',
        period: Number(slot.period),
        slot: slot.id,
        timetable: relationId(slot.timetable)!,
        schoolYear: String(slot.schoolYear),
        term: slot.term === 'hk2' ? 'hk2' : 'hk1',
        teachingAssignment: relationId(slot.teachingAssignment)!,
        class: { id: klass, name: classNames.get(String(klass)) ?? '' },
        subject: { id: subject, name: subjectNames.get(String(subject)) ?? '' },
        teacher: { id: teacher, name: teacherNames.get(String(teacher)) ?? '' },
        room: slot.room ?? null,
      })
    }
  }
  const session = (s: WeekSlot) => (s.session === 'morning' ? 0 : 1)
  lessons.sort((a, b) => a.date.localeCompare(b.date) || session(a) - session(b) || a.period - b.period || a.class.name.localeCompare(b.class.name))
  return { weekStart: monday, weekEnd: saturday, slots: lessons }
}

/**
 * A teacher's lessons over the week (Monday–Saturday) containing `weekStart` (any day of it, `YYYY-MM-DD`
 * or a Date), each from the timetable in force on its day: what the weekly teaching plan is generated
 * from. Server code: no access check (the caller decides who may see whose week); runs in `req`'s
 * transaction. Ordered by date, session (morning first) and period.
 */
export async function slotsForTeacherWeek(req: PayloadRequest, teacherId: ID, weekStart: string | Date): Promise<WeekSlot[]> {
  return (await teacherWeek(req, teacherId, weekStart)).slots
}

export function teacherWeek(req: PayloadRequest, teacherId: ID, weekStart: string | Date): Promise<TimetableWeek> {
  return weekOf(req, { teacher: { equals: teacherId } }, dayOf(weekStart) ?? mondayOf(new Date().toISOString().slice(0, 10)))
}

/** Every lesson of one class over the week containing `weekStart`. Server code: no access check. */
export function classWeek(req: PayloadRequest, classId: ID, weekStart: string | Date): Promise<TimetableWeek> {
  return weekOf(req, { class: { equals: classId } }, dayOf(weekStart) ?? mondayOf(new Date().toISOString().slice(0, 10)))
}

/**
 * Many teachers' weeks at once (the plan status board of a whole school): the same lessons as
 * `slotsForTeacherWeek` per teacher, from one read of the slots, timetables and names instead of one
 * per teacher. Per teacher id (as a string), in the same order; a teacher without lessons that week
 * has an empty list. Server code: no access check.
 */
export async function slotsForTeachersWeek(req: PayloadRequest, teacherIds: readonly ID[], weekStart: string | Date): Promise<Map<string, WeekSlot[]>> {
  const byTeacher = new Map<string, WeekSlot[]>(teacherIds.map((id) => [String(id), []]))
  if (teacherIds.length === 0) return byTeacher
  // The slot's in-force check depends on its class and day only, never on the filter: one read gives each teacher's own week.
  const week = await weekOf(req, { teacher: { in: [...teacherIds] } }, dayOf(weekStart) ?? mondayOf(new Date().toISOString().slice(0, 10)))
  for (const slot of week.slots) byTeacher.get(String(slot.teacher.id))?.push(slot)
  return byTeacher
}
