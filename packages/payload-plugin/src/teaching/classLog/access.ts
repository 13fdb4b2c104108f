import type { Access, PayloadRequest, Where } from 'payload'

import { homeroomClassesOf, readHomeroomRecords, RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, relationId, rolesInSchool, schoolsWhereUserHas } from '../../roles.ts'
import { CLASS_LOG_CHECKERS } from './slugs.ts'

/**
 * Who sees the class log (issue 14 items 4 and 7), on every path:
 * - the board and the school admin read every class log of their school;
 * - the class's homeroom teacher reads the class's logs;
 * - a teacher reads the days they teach the class (a row of theirs);
 * - district staff, other schools and anonymous: nothing.
 * Nobody writes a log directly: the endpoints (endpoints.ts) sign periods, close weeks and add notes,
 * and the save hook refuses any other write (hooks.ts).
 */

type ID = number | string

export const readClassLogs: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const or: Where[] = [{ 'rows.teacher': { equals: actor.id } }]
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  if (managed.length > 0) or.push({ school: { in: managed } })
  const homeroom = await homeroomClassesOf(req)
  if (homeroom.length > 0) or.push({ class: { in: homeroom } })
  return { or }
}

/** The week closings: the board, the school admin and the homeroom teacher. */
export const readClassLogWeeks: Access = readHomeroomRecords

/** Those who may reach the save hook, which then explains that a log is written only by signing (400). */
export const writersOfClassLogs: Access = async (args) => readClassLogs(args)

type ClassDoc = { id: ID; school?: unknown; homeroomTeacher?: unknown }

/** May the caller read the class's log of a day whose periods are taught by `teachers`? */
export function mayReadClassDay(req: PayloadRequest, klass: ClassDoc, teachers: unknown[]): boolean {
  const actor = currentUser(req)
  if (!actor) return false
  if (String(relationId(klass.homeroomTeacher)) === String(actor.id)) return true
  if (teachers.some((teacher) => String(relationId(teacher)) === String(actor.id))) return true
  const school = relationId(klass.school)
  return school !== null && rolesInSchool(actor, school).some((role) => RECORD_MANAGERS.includes(role))
}

export const isHomeroomTeacherOf = (req: PayloadRequest, klass: ClassDoc): boolean => {
  const actor = currentUser(req)
  return Boolean(actor) && String(relationId(klass.homeroomTeacher)) === String(actor!.id)
}

export const mayCheckClassLog = (req: PayloadRequest, school: unknown): boolean => {
  const id = relationId(school)
  return id !== null && rolesInSchool(currentUser(req), id).some((role) => (CLASS_LOG_CHECKERS as readonly string[]).includes(role))
}

/** May the caller read a class's week summary: its homeroom teacher, the school's board and school admin. */
export function mayReadClassWeek(req: PayloadRequest, klass: ClassDoc): boolean {
  if (isHomeroomTeacherOf(req, klass)) return true
  const school = relationId(klass.school)
  return school !== null && rolesInSchool(currentUser(req), school).some((role) => RECORD_MANAGERS.includes(role))
}
