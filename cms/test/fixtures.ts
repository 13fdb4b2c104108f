import type { Payload } from 'payload'

import type { TestCms } from './helpers.ts'

/** Two schools and one account per role, created through the Local API as trusted server code. */
export const SCHOOL_A = 'tieuhocledo'
export const SCHOOL_B = 'tieuhoccampho'
export const PASSWORD = 'Rat-kho-doan-2026!'

export const EMAILS = {
  districtAdmin: 'quantri.phong@test.vn',
  districtOfficer: 'chuyenvien.phong@test.vn',
  principalA: 'hieutruong.a@test.vn',
  schoolAdminA: 'quantri.a@test.vn',
  teamLeaderA: 'totruong.a@test.vn',
  teacherA: 'giaovien.a@test.vn',
  teacherA2: 'giaovien2.a@test.vn',
  teamLeaderA2: 'totruong2.a@test.vn',
  vicePrincipalA: 'phohieutruong.a@test.vn',
  principalB: 'hieutruong.b@test.vn',
  teacherB: 'giaovien.b@test.vn',
} as const
export type Who = keyof typeof EMAILS

export type Fixture = {
  schoolA: number | string
  schoolB: number | string
  emails: typeof EMAILS
  /** School A's departments (records, one spelling): name → id. */
  departments: Record<'Tổ 4-5' | 'Tổ 1-2-3', number | string>
}

export async function createUser(
  payload: Payload,
  email: string,
  data: { memberships?: unknown[]; districtRoles?: string[]; fullName?: string },
) {
  return payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email, password: PASSWORD, fullName: data.fullName ?? email.split('@')[0], ...data } as never,
  })
}

export async function seedFixture(cms: TestCms): Promise<Fixture> {
  const { payload } = cms
  const a = await payload.create({ collection: 'schools', data: { slug: SCHOOL_A } as never, overrideAccess: true })
  const b = await payload.create({ collection: 'schools', data: { slug: SCHOOL_B } as never, overrideAccess: true })
  const emails = EMAILS
  const department = async (name: string) => (await payload.create({ collection: 'departments', data: { school: a.id, name } as never, overrideAccess: true })).id
  const departments = { 'Tổ 4-5': await department('Tổ 4-5'), 'Tổ 1-2-3': await department('Tổ 1-2-3') }
  await createUser(payload, emails.districtAdmin, { districtRoles: ['district-admin'] })
  await createUser(payload, emails.districtOfficer, { districtRoles: ['district-officer'] })
  await createUser(payload, emails.principalA, { memberships: [{ school: a.id, roles: ['principal'] }] })
  await createUser(payload, emails.schoolAdminA, { memberships: [{ school: a.id, roles: ['school-admin'] }] })
  await createUser(payload, emails.teamLeaderA, {
    memberships: [{ school: a.id, roles: ['team-leader', 'teacher'], department: departments['Tổ 4-5'] }],
  })
  await createUser(payload, emails.teacherA, { memberships: [{ school: a.id, roles: ['teacher'], department: departments['Tổ 4-5'] }] })
  await createUser(payload, emails.teacherA2, { memberships: [{ school: a.id, roles: ['teacher', 'homeroom-teacher'], department: departments['Tổ 4-5'] }] })
  await createUser(payload, emails.teamLeaderA2, {
    memberships: [{ school: a.id, roles: ['team-leader'], department: departments['Tổ 1-2-3'] }],
  })
  await createUser(payload, emails.vicePrincipalA, { memberships: [{ school: a.id, roles: ['vice-principal'] }] })
  await createUser(payload, emails.principalB, { memberships: [{ school: b.id, roles: ['principal'] }] })
  await createUser(payload, emails.teacherB, { memberships: [{ school: b.id, roles: ['teacher'] }] })
  return { schoolA: a.id, schoolB: b.id, emails, departments }
}

export function schoolIdsOf(user: { memberships?: { school: unknown }[] }): string[] {
  return (user.memberships ?? []).map((m) => {
    const school = m.school as { id?: unknown } | number | string
    return String(typeof school === 'object' && school !== null ? school.id : school)
  })
}
