import type { CollectionAfterChangeHook, CollectionAfterOperationHook, FieldHook, PayloadRequest } from 'payload'

import { relationId, type RoleHolder } from '../roles.ts'
import { maskCccd } from './cccd.ts'
import { canReadStudentPersonalData, managesSchool } from './rights.ts'

/** CCCD is shown whole only to those who may read personal data; masked in every list, export and API answer for others. */
export const maskCccdForReader: FieldHook = ({ value, siblingData, req }) => {
  if (!req.user) return value // trusted server code
  return canReadStudentPersonalData(req.user as unknown as RoleHolder, siblingData) ? value : maskCccd(value as string | null)
}

/**
 * Logs each read of one student's full profile by someone other than the homeroom teacher
 * (managers, district staff), so access to children's personal data is traceable.
 */
export const logStudentProfileRead: CollectionAfterOperationHook = async ({ operation, result, req }) => {
  if (operation !== 'findByID' || !req.user || !result) return result
  const student = result as { id: number | string; school?: unknown; homeroomTeacher?: unknown }
  const isHomeroom = String(relationId(student.homeroomTeacher as never)) === String(req.user.id)
  if (isHomeroom || !canReadStudentPersonalData(req.user as unknown as RoleHolder, student)) return result
  await req.payload.create({
    collection: 'record-access-logs',
    overrideAccess: true,
    req,
    data: { reader: req.user.id, student: student.id, school: relationId(student.school as never) } as never,
  })
  return result
}

/** Keeps the student's current class and homeroom teacher (denormalised for access checks) in step with enrolments. */
export async function refreshStudentPlacement(req: PayloadRequest, studentId: number | string): Promise<void> {
  const open = await req.payload.find({
    collection: 'enrolments',
    where: { and: [{ student: { equals: studentId } }, { endDate: { exists: false } }] },
    sort: '-startDate',
    limit: 1,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const current = open.docs[0]
  const klass = current?.class as { id: number | string; homeroomTeacher?: unknown } | undefined
  await req.payload.update({
    collection: 'students',
    id: studentId,
    overrideAccess: true,
    req,
    // A student with an open enrolment is studying again (re-admitted after leaving, or re-imported).
    data: { currentClass: klass?.id ?? null, homeroomTeacher: relationId(klass?.homeroomTeacher as never), ...(current ? { status: 'studying' } : {}) } as never,
  })
}

export const syncStudentFromEnrolments: CollectionAfterChangeHook = async ({ doc, req }) => {
  await refreshStudentPlacement(req, relationId(doc.student as never)!)
  return doc
}

/** A new homeroom teacher takes over the personal-data right for the class's current students. */
export const syncStudentsOfClass: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (String(relationId(doc.homeroomTeacher)) === String(relationId(previousDoc?.homeroomTeacher))) return doc
  await req.payload.update({
    collection: 'students',
    where: { currentClass: { equals: doc.id } },
    overrideAccess: true,
    req,
    data: { homeroomTeacher: relationId(doc.homeroomTeacher) } as never,
  })
  return doc
}

export { managesSchool }
