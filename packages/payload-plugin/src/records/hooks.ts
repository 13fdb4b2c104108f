import type { CollectionAfterChangeHook, CollectionAfterOperationHook, FieldHook, PayloadRequest } from 'payload'

import { currentUser, relationId, type RoleHolder } from '../roles.ts'
import { maskCccd } from './cccd.ts'
import { canReadStudentPersonalData, managesSchool } from './rights.ts'

/** CCCD is shown whole only to those who may read personal data; masked in every list, export and API answer for others. */
export const maskCccdForReader: FieldHook = ({ value, siblingData, req }) => {
  if (!req.user) return value // trusted server code
  return canReadStudentPersonalData(currentUser(req), siblingData) ? value : maskCccd(value as string | null)
}

type StudentDoc = { id: number | string; school?: unknown; homeroomTeacher?: unknown }

/** Students whose personal data this reader was just shown without being their homeroom teacher. */
function readWithoutHomeroomRight(reader: RoleHolder, students: StudentDoc[]): StudentDoc[] {
  return students.filter(
    (s) => String(relationId(s.homeroomTeacher)) !== String(reader.id) && canReadStudentPersonalData(reader, s),
  )
}

/** Records who was shown which students' personal data, and how (one profile, a list, an export). */
export async function logPersonalDataRead(req: PayloadRequest, kind: 'profile' | 'list' | 'export', students: StudentDoc[]): Promise<void> {
  const reader = currentUser(req)
  if (!reader || students.length === 0) return
  const shown = readWithoutHomeroomRight(reader, students)
  if (shown.length === 0) return
  await req.payload.create({
    collection: 'record-access-logs',
    overrideAccess: true,
    req,
    data: {
      reader: reader.id,
      kind,
      student: kind === 'profile' ? shown[0]!.id : null,
      students: kind === 'profile' ? [] : shown.map((s) => s.id),
      school: relationId(shown[0]!.school),
    } as never,
  })
}

/**
 * Logs every read of students' personal data by someone other than their homeroom teacher
 * (managers, district staff): one student's profile, or a list page, so access to children's
 * personal data is traceable. The server's own reads (overrideAccess) are not readers.
 */
export const logStudentProfileRead: CollectionAfterOperationHook = async ({ args, operation, result, req }) => {
  if (!req.user || !result || (args as { overrideAccess?: boolean }).overrideAccess === true) return result
  if (operation === 'findByID') await logPersonalDataRead(req, 'profile', [result as StudentDoc])
  if (operation === 'find') await logPersonalDataRead(req, 'list', ((result as { docs?: StudentDoc[] }).docs ?? []))
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
    data: { currentClass: klass?.id ?? null, homeroomTeacher: relationId(klass?.homeroomTeacher), ...(current ? { status: 'studying' } : {}) } as never,
  })
}

export const syncStudentFromEnrolments: CollectionAfterChangeHook = async ({ doc, req }) => {
  await refreshStudentPlacement(req, relationId(doc.student)!)
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
