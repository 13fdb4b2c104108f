import type { PayloadRequest } from 'payload'

/**
 * The id of a school's department by name, created once: accounts, staff and posts of the seed all
 * point at the same record, so one department has one spelling. Runs in the caller's transaction.
 */
export async function seedDepartment(req: PayloadRequest, schoolId: number | string, name: string): Promise<number | string> {
  const { payload } = req
  const found = await payload.find({
    collection: 'departments',
    where: { and: [{ school: { equals: schoolId } }, { name: { equals: name } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (found.docs[0]) return found.docs[0].id
  const created = await payload.create({
    collection: 'departments',
    data: { school: schoolId, name, kind: name === 'Tổ Văn phòng' ? 'van-phong' : 'chuyen-mon' } as never,
    overrideAccess: true,
    req,
  })
  return created.id
}
