import { APIError, ValidationError, type CollectionAfterDeleteHook, type CollectionBeforeChangeHook, type CollectionBeforeDeleteHook, type PayloadRequest } from 'payload'

import { TRUSTED_WRITE } from '../../context.ts'
import { managesSchool } from '../../records/rights.ts'
import { currentUser, relationId } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { clashMessage, findClash, type SlotDoc } from './clashes.ts'
import { dayOf, displayDay, schoolYearOfDay, storedDay } from '../../calendar/days.ts'
import { TIMETABLE_SLOTS_SLUG } from './slugs.ts'
import { loadTimetable, previousTimetable, validityOf } from './validity.ts'

type ID = number | string
type Doc = Record<string, unknown>
type ClassDoc = { id: ID; school?: unknown; name?: string; schoolYear?: string }

const mergedOf = (data: unknown, originalDoc: unknown): Doc => ({ ...(originalDoc as Doc | undefined), ...(data as Doc) })

function refuseInput(req: PayloadRequest, collection: string, path: string, text: string): never {
  throw new ValidationError({ collection, errors: [{ path, message: text }], req }, req.t)
}

/** Writes by a user (not trusted server code) must come from a manager of the school the document belongs to. */
function checkWriter(req: PayloadRequest, context: Record<string, unknown> | undefined, school: unknown): void {
  if (context?.[TRUSTED_WRITE] === true || !currentUser(req)) return
  if (!managesSchool(currentUser(req), school)) throw new APIError(message(req, 'timetable.not-manager'), 403, undefined, true)
}

const termLabel = (req: PayloadRequest, term: unknown) => message(req, term === 'hk2' ? 'timetable.term-2' : 'timetable.term-1')

async function findOne<T>(req: PayloadRequest, collection: string, id: unknown): Promise<T | null> {
  const value = relationId(id)
  return value === null ? null : ((await req.payload.db.findOne({ collection: collection as never, where: { id: { equals: value } }, req })) as T | null)
}

async function keyTaken(req: PayloadRequest, collection: string, key: string, self: unknown): Promise<boolean> {
  const found = await req.payload.db.find({ collection: collection as never, where: { key: { equals: key } }, limit: 1, pagination: false, req })
  const doc = found.docs[0] as { id: ID } | undefined
  return Boolean(doc) && String(doc!.id) !== String(relationId(self))
}

async function hasSlots(req: PayloadRequest, timetable: ID): Promise<boolean> {
  return (await req.payload.db.count({ collection: TIMETABLE_SLOTS_SLUG, where: { timetable: { equals: timetable } }, req })).totalDocs > 0
}

/**
 * Every save of a timetable: the writer manages the class's school (403), the start date is a day
 * of the class's school year, one timetable per class, term and start date (400); the server sets
 * the school, year, key and label. Once it has slots, its class, term and date stay: a change of
 * timetable is a new timetable from the day it applies.
 */
export const checkTimetable: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context, operation }) => {
  const merged = mergedOf(data, originalDoc)
  const klass = await findOne<ClassDoc>(req, 'classes', merged.class)
  if (!klass) return data
  checkWriter(req, context, klass.school)
  const start = dayOf(merged.startsOn)
  if (!start) return data
  const vars = { class: String(klass.name), year: String(klass.schoolYear), term: termLabel(req, merged.term), startsOn: displayDay(start) }
  if (schoolYearOfDay(start) !== klass.schoolYear) refuseInput(req, collection.slug, 'startsOn', message(req, 'timetable.class-year-mismatch', vars))
  if (operation === 'update' && originalDoc) {
    const before = originalDoc as Doc
    const moved = String(relationId(before.class)) !== String(klass.id) || before.term !== merged.term || dayOf(before.startsOn) !== start
    if (moved && (await hasSlots(req, before.id as ID))) refuseInput(req, collection.slug, 'startsOn', message(req, 'timetable.identity-locked'))
  }
  const key = `${klass.id}:${String(merged.term)}:${start}`
  if (await keyTaken(req, collection.slug, key, originalDoc && (originalDoc as Doc).id)) refuseInput(req, collection.slug, 'startsOn', message(req, 'timetable.duplicate', vars))
  return {
    ...data,
    school: relationId(klass.school),
    schoolYear: klass.schoolYear,
    startsOn: storedDay(start),
    key,
    label: `${String(klass.name)} – ${merged.term === 'hk2' ? 'HK2' : 'HK1'} – ${displayDay(start)}`,
  }
}

type Assignment = { id: ID; class?: unknown; subject?: unknown; teacher?: unknown; schoolYear?: string; term?: string }

/**
 * Every save of a slot: the writer manages the timetable's school (403); the teaching assignment is
 * of the timetable's class, year and term (or the whole year); one slot per day, session and
 * period; no clash with a teacher's or a room's other slot at that time (400 naming both). The
 * server sets the class, school, year, term (the timetable's), the teacher and subject (the
 * assignment's) and the key.
 */
export const checkSlot: CollectionBeforeChangeHook = async ({ data, originalDoc, req, collection, context, operation }) => {
  const merged = mergedOf(data, originalDoc) as SlotDoc & Doc
  const timetable = await loadTimetable(req, merged.timetable)
  if (!timetable) return data
  checkWriter(req, context, timetable.school)
  if (operation === 'update' && originalDoc && String(relationId((originalDoc as Doc).timetable)) !== String(timetable.id)) {
    refuseInput(req, collection.slug, 'timetable', message(req, 'timetable.slot-moved'))
  }
  for (const path of ['day', 'period'] as const) {
    if (merged[path] !== undefined && merged[path] !== null && !Number.isSafeInteger(merged[path])) refuseInput(req, collection.slug, path, message(req, 'input.not-integer'))
  }
  const assignment = await findOne<Assignment>(req, 'teaching-assignments', merged.teachingAssignment)
  if (!assignment) return data
  const klass = await findOne<ClassDoc>(req, 'classes', timetable.class)
  const fits =
    String(relationId(assignment.class)) === String(relationId(timetable.class)) &&
    assignment.schoolYear === timetable.schoolYear &&
    (assignment.term === 'year' || assignment.term === timetable.term)
  if (!fits) {
    const vars = { class: String(klass?.name ?? '?'), year: String(timetable.schoolYear), term: termLabel(req, timetable.term) }
    refuseInput(req, collection.slug, 'teachingAssignment', message(req, 'timetable.assignment-mismatch', vars))
  }
  const room = typeof merged.room === 'string' && merged.room.trim() !== '' ? merged.room.trim() : null
  const slot: SlotDoc = {
    id: (originalDoc as Doc | undefined)?.id as ID | undefined,
    timetable: timetable.id,
    class: relationId(timetable.class),
    school: relationId(timetable.school),
    schoolYear: timetable.schoolYear,
    term: timetable.term,
    day: merged.day,
    session: merged.session,
    period: merged.period,
    teacher: relationId(assignment.teacher),
    subject: relationId(assignment.subject),
    room,
  }
  const key = `${timetable.id}:${String(slot.day)}:${String(slot.session)}:${String(slot.period)}`
  if (await keyTaken(req, collection.slug, key, slot.id)) {
    const vars = { day: message(req, 'timetable.day', { day: Number(slot.day) }), session: message(req, slot.session === 'afternoon' ? 'timetable.afternoon' : 'timetable.morning'), period: Number(slot.period) }
    refuseInput(req, collection.slug, 'period', message(req, 'timetable.duplicate-slot', vars))
  }
  const clash = await findClash(req, slot, timetable, await validityOf(req, timetable))
  if (clash) throw new APIError(await clashMessage(req, slot, timetable, clash), 400, { clash: clash.kind, with: clash.other.id }, true)
  const { id: _id, ...derived } = slot
  return { ...data, ...derived, key }
}

/**
 * Deleting a timetable puts the one before it (same class and term) back in force until the next
 * one: that longer period must not clash either. 400 naming both slots otherwise, nothing deleted.
 */
export const refuseClashesAfterRemoval: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const removed = await loadTimetable(req, id)
  if (!removed) return
  const previous = await previousTimetable(req, removed)
  if (!previous) return
  const validity = await validityOf(req, previous, [removed.id])
  const slots = await req.payload.db.find({ collection: TIMETABLE_SLOTS_SLUG, where: { timetable: { equals: previous.id } }, pagination: false, req })
  for (const slot of slots.docs as SlotDoc[]) {
    const clash = await findClash(req, slot, previous, validity, [removed.id])
    if (clash) throw new APIError(await clashMessage(req, slot, previous, clash), 400, { clash: clash.kind, with: clash.other.id }, true)
  }
}

/** A deleted timetable takes its slots with it (same transaction). */
export const cascadeSlotsOfTimetable: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: TIMETABLE_SLOTS_SLUG, where: { timetable: { equals: id } }, req })
}

