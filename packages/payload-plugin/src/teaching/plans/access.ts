import type { Access, PayloadRequest, Where } from 'payload'

import { RECORD_MANAGERS, teachersOfLedDepartments } from '../../records/rights.ts'
import { currentUser, relationId, rolesInSchool, schoolsWhereUserHas } from '../../roles.ts'
import { PLAN_ACKNOWLEDGERS } from './slugs.ts'

/**
 * Who reads and writes weekly teaching plans (issue 14 items 3 and 7), on every path (REST,
 * GraphQL, Local API with overrideAccess: false):
 * - a teacher reads their own plans, and edits (lesson numbers, notes, equipment) only their own
 *   drafts: a submitted plan is read-only to them until the board returns it (POST /:id/return);
 * - a team leader reads the plans of their department's teachers;
 * - the board (principal, vice-principal) and the school admin read every plan of their school;
 *   the board acknowledges (POST /:id/acknowledge) or returns a plan;
 * - district staff and anonymous visitors: nothing.
 * Nobody creates a plan directly: POST /generate builds it from the timetable and the PPCT.
 */

type ID = number | string

export const readPlans: Access = async ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const or: Where[] = [{ teacher: { equals: actor.id } }]
  const managed = schoolsWhereUserHas(actor, RECORD_MANAGERS)
  if (managed.length > 0) or.push({ school: { in: managed } })
  const colleagues = await teachersOfLedDepartments(req)
  if (colleagues.length > 0) or.push({ teacher: { in: colleagues } })
  return { or }
}

/** The teacher's own drafts. */
export const writeOwnDrafts: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  const own: Where[] = [{ teacher: { equals: actor.id } }, { status: { equals: 'draft' } }]
  return { and: own }
}

export const noDirectCreate: Access = () => false

/** May the caller read this plan (the same rule as `readPlans`, for one document)? */
export async function mayReadPlan(req: PayloadRequest, plan: { teacher?: unknown; school?: unknown }): Promise<boolean> {
  const actor = currentUser(req)
  if (!actor) return false
  const teacher = String(relationId(plan.teacher))
  if (teacher === String(actor.id)) return true
  const school = relationId(plan.school)
  if (school !== null && rolesInSchool(actor, school).some((role) => RECORD_MANAGERS.includes(role))) return true
  return (await teachersOfLedDepartments(req)).some((id) => String(id) === teacher)
}

export const mayAcknowledge = (req: PayloadRequest, school: unknown): boolean => {
  const id = relationId(school)
  return id !== null && rolesInSchool(currentUser(req), id).some((role) => (PLAN_ACKNOWLEDGERS as readonly string[]).includes(role))
}

/** The schools whose whole plan status the caller sees: the board's and the school admin's. */
export const statusSchoolsOf = (req: PayloadRequest): ID[] => schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS)
