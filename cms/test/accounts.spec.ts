import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, schoolIdsOf, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

// Accounts, roles and schools through REST with real logins, on SQLite or PostgreSQL (TEST_DATABASE).
describe(`accounts and schools over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>

  beforeAll(async () => {
    cms = await startTestCms({ maxLoginAttempts: 3, lockMinutes: 10 })
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
  })
  afterAll(async () => {
    await cms?.close()
  })

  const storedUser = async (email: string) => {
    const found = await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, showHiddenFields: true })
    return found.docs[0] as any
  }

  describe('who sees which accounts', () => {
    it('a principal of school A sees A’s accounts and none of B’s', async () => {
      const res = await cms.rest.request('GET', '/users?limit=100&depth=0', { token: tokens.principalA })
      expect(res.status).toBe(200)
      const emails = res.body.docs.map((u: { email: string }) => u.email).sort()
      expect(emails).toEqual(
        [
          fx.emails.principalA,
          fx.emails.schoolAdminA,
          fx.emails.teamLeaderA,
          fx.emails.teacherA,
          fx.emails.teacherA2,
          fx.emails.teamLeaderA2,
          fx.emails.vicePrincipalA,
        ].sort(),
      )
      for (const user of res.body.docs) expect(schoolIdsOf(user)).toContain(String(fx.schoolA))
    })

    it('a principal of A cannot read an account of B by id', async () => {
      const teacherB = await storedUser(fx.emails.teacherB)
      const res = await cms.rest.request('GET', `/users/${teacherB.id}`, { token: tokens.principalA })
      expect([403, 404]).toContain(res.status)
      expect(JSON.stringify(res.body)).not.toContain(fx.emails.teacherB)
    })

    it('a teacher sees only their own account', async () => {
      const res = await cms.rest.request('GET', '/users?limit=100', { token: tokens.teacherA })
      expect(res.status).toBe(200)
      expect(res.body.docs.map((u: { email: string }) => u.email)).toEqual([fx.emails.teacherA])
    })

    it('the district officer sees every school’s accounts', async () => {
      const res = await cms.rest.request('GET', '/users?limit=100&depth=0', { token: tokens.districtOfficer })
      expect(res.status).toBe(200)
      expect(res.body.totalDocs).toBe(Object.keys(fx.emails).length)
    })

    it('anonymous callers get nothing', async () => {
      const users = await cms.rest.request('GET', '/users')
      expect(users.status).toBe(403)
      const schools = await cms.rest.request('GET', '/schools')
      expect(schools.status).toBe(403)
    })
  })

  describe('granting roles', () => {
    it('a teacher cannot grant themselves a role: refused with a message, nothing changes', async () => {
      const before = await storedUser(fx.emails.teacherA)
      const res = await cms.rest.request('PATCH', `/users/${before.id}`, {
        token: tokens.teacherA,
        body: { memberships: [{ school: fx.schoolA, roles: ['teacher', 'principal'], department: fx.departments['Tổ 4-5'] }] },
      })
      expect(res.status).toBe(403)
      expect(JSON.stringify(res.body)).toMatch(/không có quyền/)
      const after = await storedUser(fx.emails.teacherA)
      expect(after.memberships.map((m: { roles: string[] }) => m.roles)).toEqual([['teacher']])
    })

    it('a teacher cannot create accounts or give district roles', async () => {
      const create = await cms.rest.request('POST', '/users', {
        token: tokens.teacherA,
        body: { email: 'moi@test.vn', password: 'Mot-mat-khau-tot-2026', fullName: 'Mới', memberships: [{ school: fx.schoolA, roles: ['principal'] }] },
      })
      expect(create.status).toBe(403)
      const me = await storedUser(fx.emails.teacherA)
      const district = await cms.rest.request('PATCH', `/users/${me.id}`, {
        token: tokens.teacherA,
        body: { districtRoles: ['district-admin'] },
      })
      expect(district.status).toBe(403)
      expect((await storedUser(fx.emails.teacherA)).districtRoles ?? []).toEqual([])
      expect(await storedUser('moi@test.vn')).toBeUndefined()
    })

    it('a teacher cannot edit a colleague’s account', async () => {
      const colleague = await storedUser(fx.emails.principalA)
      const res = await cms.rest.request('PATCH', `/users/${colleague.id}`, {
        token: tokens.teacherA,
        body: { fullName: 'Đổi tên' },
      })
      expect([403, 404]).toContain(res.status)
      expect((await storedUser(fx.emails.principalA)).fullName).not.toBe('Đổi tên')
    })

    it('a principal grants roles in their school but not in another', async () => {
      const teacher = await storedUser(fx.emails.teacherA)
      const ok = await cms.rest.request('PATCH', `/users/${teacher.id}`, {
        token: tokens.principalA,
        body: { memberships: [{ school: fx.schoolA, roles: ['teacher', 'homeroom-teacher'], department: fx.departments['Tổ 4-5'] }] },
      })
      expect(ok.status).toBe(200)
      expect((await storedUser(fx.emails.teacherA)).memberships[0].roles.sort()).toEqual(['homeroom-teacher', 'teacher'])

      const refused = await cms.rest.request('PATCH', `/users/${teacher.id}`, {
        token: tokens.principalA,
        body: {
          memberships: [
            { school: fx.schoolA, roles: ['teacher', 'homeroom-teacher'], department: fx.departments['Tổ 4-5'] },
            { school: fx.schoolB, roles: ['principal'] },
          ],
        },
      })
      expect(refused.status).toBe(403)
      expect(JSON.stringify(refused.body)).toContain('TH Cẩm Phô')
      expect(schoolIdsOf(await storedUser(fx.emails.teacherA))).toEqual([String(fx.schoolA)])
    })

    it('a team leader must have a department', async () => {
      const teacher = await storedUser(fx.emails.teacherA)
      const res = await cms.rest.request('PATCH', `/users/${teacher.id}`, {
        token: tokens.schoolAdminA,
        body: { memberships: [{ school: fx.schoolA, roles: ['team-leader'] }] },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('Tổ trưởng chuyên môn phải có tên tổ')
    })
  })

  describe('password policy and reminders', () => {
    it.each([
      ['short', 'Ngan-1', /ít nhất 10 ký tự/],
      ['contains the e-mail name', 'giaovien.moi-2026', /phần tên trong địa chỉ email/],
      ['common', 'matkhau123', /quá phổ biến/],
    ])('rejects a %s password with a Vietnamese message and creates nothing', async (_, password, message) => {
      const res = await cms.rest.request('POST', '/users', {
        token: tokens.schoolAdminA,
        body: { email: 'giaovien.moi@test.vn', password, fullName: 'Giáo viên mới', memberships: [{ school: fx.schoolA, roles: ['teacher'] }] },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(message)
      expect(await storedUser('giaovien.moi@test.vn')).toBeUndefined()
    })

    it('answers in English when the admin is in English', async () => {
      const res = await cms.rest.request('POST', '/users', {
        token: tokens.schoolAdminA,
        language: 'en',
        body: { email: 'giaovien.moi@test.vn', password: 'short', fullName: 'x', memberships: [{ school: fx.schoolA, roles: ['teacher'] }] },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('at least 10 characters')
    })

    it('accepts a good password; the account is flagged until its owner changes it', async () => {
      const created = await cms.rest.request('POST', '/users', {
        token: tokens.schoolAdminA,
        body: {
          email: 'giaovien.moi@test.vn',
          password: 'Hoa-phuong-do-2026',
          fullName: 'Giáo viên mới',
          memberships: [{ school: fx.schoolA, roles: ['teacher'] }],
        },
      })
      expect(created.status).toBe(201)
      expect(created.body.doc.passwordSetByAdmin).toBe(true)

      const reminders = await cms.rest.request('GET', '/users/password-reminders', { token: tokens.schoolAdminA })
      expect(reminders.status).toBe(200)
      const listed = reminders.body.users.find((u: { email: string }) => u.email === 'giaovien.moi@test.vn')
      expect(listed?.reason).toBe('set-by-admin')
      expect(reminders.body.users.every((u: { schools: unknown[] }) => u.schools.map(String).includes(String(fx.schoolA)))).toBe(true)

      // The owner logs in, is told, and changes the password.
      const login = await cms.rest.request('POST', '/users/login', {
        body: { email: 'giaovien.moi@test.vn', password: 'Hoa-phuong-do-2026' },
      })
      expect(login.status).toBe(200)
      expect(login.body.user.passwordReminder).toBe('set-by-admin')
      const change = await cms.rest.request('PATCH', `/users/${login.body.user.id}`, {
        token: login.body.token,
        body: { password: 'Song-Hoai-trong-xanh-7' },
      })
      expect(change.status).toBe(200)
      const stored = await storedUser('giaovien.moi@test.vn')
      expect(stored.passwordSetByAdmin).toBe(false)
      expect(new Date(stored.passwordChangedAt).getTime()).toBeGreaterThan(Date.now() - 60_000)

      const after = await cms.rest.request('GET', '/users/password-reminders', { token: tokens.schoolAdminA })
      expect(after.body.users.map((u: { email: string }) => u.email)).not.toContain('giaovien.moi@test.vn')
    })

    it('lists passwords older than the allowed age', async () => {
      const teacher = await storedUser(fx.emails.teacherA)
      const old = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000).toISOString()
      await cms.payload.update({
        collection: 'users',
        id: teacher.id,
        data: { passwordSetByAdmin: false, passwordChangedAt: old } as never,
        overrideAccess: true,
      })
      const res = await cms.rest.request('GET', '/users/password-reminders', { token: tokens.principalA })
      expect(res.body.users.find((u: { email: string }) => u.email === fx.emails.teacherA)?.reason).toBe('expired')
    })

    it('nobody silences their own reminder or backdates a password through the API', async () => {
      const teacher = await storedUser(fx.emails.teacherA2)
      const res = await cms.rest.request('PATCH', `/users/${teacher.id}`, {
        token: tokens.teacherA2,
        body: { passwordSetByAdmin: false, passwordChangedAt: new Date().toISOString(), fullName: 'Tên mới' },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const after = await storedUser(fx.emails.teacherA2)
      expect(after.fullName).toBe('Tên mới')
      expect([after.passwordSetByAdmin, after.passwordChangedAt]).toEqual([teacher.passwordSetByAdmin, teacher.passwordChangedAt])
      const reminders = await cms.rest.request('GET', '/users/password-reminders', { token: tokens.schoolAdminA })
      expect(reminders.body.users.map((u: { email: string }) => u.email)).toContain(fx.emails.teacherA2)
    })

    it('only account admins may see the reminder list', async () => {
      const res = await cms.rest.request('GET', '/users/password-reminders', { token: tokens.teacherA })
      expect(res.status).toBe(403)
    })
  })

  describe('schools follow the registry', () => {
    it('a school admin cannot edit a school; the district admin’s edits are overwritten from the registry', async () => {
      const refused = await cms.rest.request('PATCH', `/schools/${fx.schoolA}`, {
        token: tokens.schoolAdminA,
        body: { name: 'Trường khác' },
      })
      expect([403, 404]).toContain(refused.status)
      const res = await cms.rest.request('PATCH', `/schools/${fx.schoolA}`, {
        token: tokens.districtAdmin,
        body: { name: 'Trường khác', url: 'http://example.com/' },
      })
      expect(res.status).toBe(200)
      expect(res.body.doc).toMatchObject({ name: 'TH Lê Độ', url: 'http://tieuhocledo.quangnam.vnptweb.vn/', level: 'TH', template: 'primary' })
    })

    it('a school that is not in the registry cannot be created', async () => {
      const res = await cms.rest.request('POST', '/schools', { token: tokens.districtAdmin, body: { slug: 'truongmoi' } })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('không có trong danh mục')
    })
  })

  describe('lockout', () => {
    it('locks an account after the configured number of failed logins, even for the right password', async () => {
      const email = fx.emails.teacherB
      for (let i = 0; i < 3; i++) {
        const bad = await cms.rest.request('POST', '/users/login', { body: { email, password: 'sai-mat-khau-123' } })
        expect(bad.status).toBe(401)
      }
      const locked = await cms.rest.request('POST', '/users/login', { body: { email, password: PASSWORD } })
      expect(locked.status).toBe(401)
      expect(locked.body.token).toBeUndefined()
      expect((await storedUser(email)).lockUntil).toBeTruthy()
      // Another account is unaffected.
      expect(await cms.rest.login(fx.emails.principalB, PASSWORD)).toBeTruthy()
    })
  })
})
