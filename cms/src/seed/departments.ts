import type { Payload } from 'payload'

/**
 * The id of a school's department by name, created once: accounts, staff and posts of the seed all
 * point at the same record, so one department has one spelling.
 */
export async function seedDepartment(payload: Payload, schoolId: number | string, name: string): Promise<number | string> {
  const found = await payload.find({
    collection: 'departments',
    where: { and: [{ school: { equals: schoolId } }, { name: { equals: name } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (found.docs[0]) return found.docs[0].id
  const created = await payload.create({
    collection: 'departments',
    data: { school: schoolId, name, kind: name === 'Tổ Văn phòng' ? 'van-phong' : 'chuyen-mon' } as never,
    overrideAccess: true,
  })
  return created.id
}
