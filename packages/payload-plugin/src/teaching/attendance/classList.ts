import type { PayloadRequest } from 'payload'

import { studentsOnDay } from './enrolled.ts'

type ID = number | string

export type ClassListStudent = { id: ID; fullName: string; studentCode: string }

const lastName = (name: string) => name.split(' ').at(-1) ?? name

/**
 * The class list of a day as a Vietnamese register orders it (by given name, then full name): the
 * students enrolled that day, name and code only. The attendance sheet and the class log's absentee
 * picker show the same list.
 */
export async function classListOnDay(req: PayloadRequest, classId: ID, day: string): Promise<ClassListStudent[]> {
  const ids = [...((await studentsOnDay(req, [classId], day)).get(String(classId)) ?? [])]
  if (ids.length === 0) return []
  const { docs } = await req.payload.db.find({ collection: 'students', where: { id: { in: ids } }, pagination: false, limit: 0, select: { fullName: true, studentCode: true }, req })
  return (docs as { id: ID; fullName?: string; studentCode?: string }[])
    .map((s) => ({ id: s.id, fullName: String(s.fullName ?? ''), studentCode: String(s.studentCode ?? '') }))
    .sort((a, b) => lastName(a.fullName).localeCompare(lastName(b.fullName), 'vi') || a.fullName.localeCompare(b.fullName, 'vi'))
}
