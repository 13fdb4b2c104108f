import type { FieldHook, PayloadRequest } from 'payload'

import { currentUser, relationId, type RoleHolder } from '../roles.ts'
import { TRUSTED_WRITE } from '../context.ts'
import { isBoardMember, type WorkflowRoles } from './rules.ts'
import { WorkflowRefusal } from './transition.ts'

type ID = number | string

/**
 * Departments are records of the `departments` collection, so memberships, staff and posts name
 * the same group with one spelling: writes give the id of a department of the same school.
 */
export const DEPARTMENTS_SLUG = 'departments'

/** An id as given by the admin UI or REST (number, numeric string, populated object), else null. */
export function departmentIdOf(value: unknown): ID | null {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null
  if (typeof value === 'string') return /^\d+$/.test(value) ? Number(value) : null
  if (typeof value === 'object' && 'id' in value) return departmentIdOf((value as { id: unknown }).id)
  return null
}

/** The department's name, for messages and lists. */
export async function departmentName(req: PayloadRequest, value: unknown): Promise<string> {
  if (value && typeof value === 'object' && 'name' in value) return String((value as { name: unknown }).name)
  const id = departmentIdOf(value)
  if (id === null) return typeof value === 'string' ? value : ''
  const doc = await req.payload.findByID({ collection: DEPARTMENTS_SLUG, id, depth: 0, overrideAccess: true, disableErrors: true, req })
  return doc ? String((doc as { name?: unknown }).name ?? id) : String(id)
}

/** Checks that a department id exists and belongs to `school`; returns it (null for none). */
export async function resolveDepartment(req: PayloadRequest, school: ID | null, value: unknown): Promise<ID | null> {
  if (value === null || value === undefined || value === '') return null
  const id = departmentIdOf(value)
  if (id === null) throw new WorkflowRefusal(req, 'content.unknown-department', { department: String(value).slice(0, 80) }, 400)
  const doc = await req.payload.findByID({ collection: DEPARTMENTS_SLUG, id, depth: 0, overrideAccess: true, disableErrors: true, req })
  if (!doc) throw new WorkflowRefusal(req, 'content.unknown-department', { department: String(id) }, 400)
  if (school !== null && String(relationId((doc as { school?: unknown }).school)) !== String(school)) {
    throw new WorkflowRefusal(req, 'content.department-other-school', {}, 400)
  }
  return id
}

/** The author's department(s) in a school, from their memberships. */
export function ownDepartments(actor: RoleHolder | null | undefined, school: ID | null): ID[] {
  if (!actor || school === null) return []
  return (actor.memberships ?? [])
    .filter((m) => String(relationId(m.school)) === String(school))
    .map((m) => departmentIdOf(m.department))
    .filter((d): d is ID => d !== null)
}

/** memberships[].department: a department of that row's school. */
export const resolveMembershipDepartment: FieldHook = async ({ value, siblingData, req }) => {
  if (value === undefined) return value
  return resolveDepartment(req, relationId((siblingData as { school?: unknown })?.school), value)
}

/**
 * The admin form's default for a new post: the author's department when they belong to one school
 * only (with several schools the server fills it from the membership of the chosen school).
 */
export function defaultDepartment(user: RoleHolder | null | undefined): ID | null {
  const memberships = user?.memberships ?? []
  return memberships.length === 1 ? departmentIdOf(memberships[0]!.department) : null
}

/**
 * posts/disclosures `department`: the team leader of this department reviews first. On create it is
 * pre-filled with the author's department in that school; it must be a department of the
 * document's school; an author picks one of their own departments, so nobody routes a post to a
 * friendlier reviewer (the board is free).
 */
export function contentDepartmentHook(roles: WorkflowRoles): FieldHook {
  return async ({ value, data, originalDoc, operation, req }) => {
    const school = relationId(data?.school ?? originalDoc?.school ?? null)
    // The workflow's own writes and trusted server code (seed) are only checked for the school.
    if (req.context?.[TRUSTED_WRITE]) return value === null || value === undefined || value === '' ? value : resolveDepartment(req, school, value)
    const actor = currentUser(req)
    // Not given on create: the author's department there. Cleared on purpose (null): left empty.
    if (value === undefined && operation === 'create' && actor) return ownDepartments(actor, school)[0] ?? null
    if (value === null || value === undefined || value === '') return value === '' ? null : value
    const id = await resolveDepartment(req, school, value)
    const unchanged = id !== null && String(id) === String(departmentIdOf(originalDoc?.department))
    if (actor && id !== null && school !== null && !unchanged && !isBoardMember(actor, school, roles)) {
      const own = ownDepartments(actor, school)
      if (own.length > 0 && !own.some((d) => String(d) === String(id))) {
        throw new WorkflowRefusal(req, 'content.not-own-department', { department: await departmentName(req, id) })
      }
    }
    return id
  }
}
