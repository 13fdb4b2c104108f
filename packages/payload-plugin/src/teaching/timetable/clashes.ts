import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { dayOf, displayDay } from '../../calendar/days.ts'
import { TIMETABLE_SLOTS_SLUG } from './slugs.ts'
import { loadTimetable, overlaps, validityOf, type TimetableDoc, type Validity } from './validity.ts'

/**
 * The clash rule (issue 14 item 1): the same teacher, or the same non-empty room, in two slots at the
 * same day, session and period, in timetables of the same school, year and term that are in force
 * over overlapping periods. Checked on every save of a slot (hooks.ts) and when deleting a timetable
 * lengthens the one before it.
 */

type ID = number | string

export type SlotDoc = {
  id?: ID
  timetable?: unknown
  class?: unknown
  school?: unknown
  schoolYear?: string
  term?: string
  day?: number
  session?: string
  period?: number
  teacher?: unknown
  subject?: unknown
  room?: string | null
}

export type Clash = { kind: 'teacher' | 'room'; other: SlotDoc; otherTimetable: TimetableDoc }

type Named = { name?: string; fullName?: string; email?: string }
async function nameOf(req: PayloadRequest, collection: 'classes' | 'subjects' | 'users', id: unknown): Promise<string> {
  const value = relationId(id)
  if (value === null) return '?'
  const doc = (await req.payload.db.findOne({ collection, where: { id: { equals: value } }, req })) as Named | null
  return String(doc?.name ?? doc?.fullName ?? doc?.email ?? '?')
}

/** "lớp 6/1, Thứ 2, buổi sáng, tiết 1, môn Toán, GV Hoàng Thị Giáo, phòng P101 (TKB từ 07/09/2026)". */
export async function describeSlot(req: PayloadRequest, slot: SlotDoc, timetable: TimetableDoc): Promise<string> {
  const [klass, subject, teacher] = await Promise.all([nameOf(req, 'classes', slot.class ?? timetable.class), nameOf(req, 'subjects', slot.subject), nameOf(req, 'users', slot.teacher)])
  const start = dayOf(timetable.startsOn)
  return message(req, 'timetable.slot', {
    class: klass,
    day: message(req, 'timetable.day', { day: Number(slot.day) }),
    session: message(req, slot.session === 'afternoon' ? 'timetable.afternoon' : 'timetable.morning'),
    period: Number(slot.period),
    subject,
    teacher,
    room: slot.room ? message(req, 'timetable.slot-room', { room: slot.room }) : '',
    startsOn: start ? displayDay(start) : '?',
  })
}

/**
 * The first slot `slot` (of `timetable`, in force over `validity`) clashes with, if any. Slots of the
 * timetables in `ignoring` are left out (a timetable being deleted), as are those of `slot`'s own
 * timetable (one slot per day, session and period there: the key says so).
 */
export async function findClash(req: PayloadRequest, slot: SlotDoc, timetable: TimetableDoc, validity: Validity, ignoring: readonly ID[] = []): Promise<Clash | null> {
  const teacher = relationId(slot.teacher)
  const room = slot.room?.trim() || null
  if (teacher === null && room === null) return null
  const same: Where[] = [{ teacher: { equals: teacher } }, ...(room ? [{ room: { equals: room } }] : [])]
  const candidates = await req.payload.db.find({
    collection: TIMETABLE_SLOTS_SLUG,
    where: {
      and: [
        { school: { equals: relationId(timetable.school) } },
        { schoolYear: { equals: timetable.schoolYear } },
        { term: { equals: timetable.term } },
        { day: { equals: slot.day } },
        { session: { equals: slot.session } },
        { period: { equals: slot.period } },
        { timetable: { not_in: [timetable.id, ...ignoring] } },
        { or: same },
      ],
    },
    pagination: false,
    req,
  })
  const validities = new Map<string, Promise<{ doc: TimetableDoc | null; validity: Validity | null }>>()
  for (const candidate of candidates.docs as SlotDoc[]) {
    const key = String(relationId(candidate.timetable))
    let loaded = validities.get(key)
    if (!loaded) {
      loaded = loadTimetable(req, candidate.timetable).then(async (doc) => ({ doc, validity: doc ? await validityOf(req, doc, ignoring) : null }))
      validities.set(key, loaded)
    }
    const { doc, validity: theirs } = await loaded
    if (!doc || !theirs || !overlaps(validity, theirs)) continue
    const kind = teacher !== null && String(relationId(candidate.teacher)) === String(teacher) ? 'teacher' : 'room'
    return { kind, other: candidate, otherTimetable: doc }
  }
  return null
}

/** The message naming both slots. */
export async function clashMessage(req: PayloadRequest, slot: SlotDoc, timetable: TimetableDoc, clash: Clash): Promise<string> {
  const [mine, other] = await Promise.all([describeSlot(req, slot, timetable), describeSlot(req, clash.other, clash.otherTimetable)])
  return message(req, clash.kind === 'teacher' ? 'timetable.teacher-clash' : 'timetable.room-clash', { slot: mine, other })
}
