import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, unknown>

// The gradebook (issue 13 items 1–2) through REST and GraphQL with real logins: who writes and reads marks, what values pass.
describe(`gradebook over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who | 'teacherC', string>
  const ids: Record<string, ID> = {}

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const stored = async (id: ID) => (await cms.payload.findByID({ collection: 'marks', id, depth: 0, overrideAccess: true })) as unknown as Doc
  const markBody = (subject: ID, extra: Doc = {}, student: ID = ids.lan!) => ({ school: fx.schoolA, student, class: ids.c6, subject, schoolYear: YEAR, term: 'hk1', ...extra })
  const post = (who: keyof typeof tokens | null, body: Doc) => cms.rest.request('POST', '/marks?depth=0', { token: who ? tokens[who] : undefined, body })
  const patch = (who: keyof typeof tokens | null, id: ID, body: Doc) => cms.rest.request('PATCH', `/marks/${id}?depth=0`, { token: who ? tokens[who] : undefined, body })
  const count = async (collection: 'marks' | 'student-term-records') => (await cms.payload.count({ collection, overrideAccess: true })).totalDocs

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    // A teacher of the other department (Tổ 1-2-3), so team leaders' scopes differ.
    await createUser(cms.payload, 'giaovien3.a@test.vn', { memberships: [{ school: fx.schoolA, roles: ['teacher'], department: fx.departments['Tổ 1-2-3'] }], fullName: 'Trần Văn Ba' })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    tokens.teacherC = await cms.rest.login('giaovien3.a@test.vn', PASSWORD)
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA), data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    const create = async (collection: string, data: Doc, school: ID = fx.schoolA) => (await cms.payload.create({ collection: collection as never, data: { school, ...data } as never, overrideAccess: true })).id as ID
    ids.c6 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA2) })
    ids.c4 = await create('classes', { name: '4/1', grade: 4, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.van = await create('subjects', { name: 'Ngữ văn', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.gdtc = await create('subjects', { name: 'Giáo dục thể chất', grade: 6, schoolYear: YEAR, kind: 'comment', periodsPerYear: 70 })
    ids.toan7 = await create('subjects', { name: 'Toán', grade: 7, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.toan4 = await create('subjects', { name: 'Toán', grade: 4, schoolYear: YEAR, kind: 'primary' })
    for (const [key, name, code, klass] of [['lan', 'Nguyễn Thị Lan', 'HS601', ids.c6], ['minh', 'Trần Văn Minh', 'HS602', ids.c6], ['an', 'Lê Văn An', 'HS401', ids.c4]] as const) {
      ids[key] = await create('students', { fullName: name, studentCode: code, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nam' })
      await create('enrolments', { student: ids[key], class: klass, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    }
    // teacherA: Toán 6/1 (year) and Toán 4/1; teacherA2 (6/1's homeroom teacher): Ngữ văn 6/1 term I; teacherC: GDTC 6/1.
    ids.taToan = await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c6, subject: ids.toan, term: 'year', schoolYear: YEAR })
    await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c4, subject: ids.toan4, term: 'year', schoolYear: YEAR })
    await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA2), class: ids.c6, subject: ids.van, term: 'hk1', schoolYear: YEAR })
    await create('teaching-assignments', { teacher: await userId('giaovien3.a@test.vn'), class: ids.c6, subject: ids.gdtc, term: 'year', schoolYear: YEAR })
  })
  afterAll(async () => {
    await cms?.close()
  })

  describe('teaching assignments point at subjects', () => {
    it('have a readable label: subject – class – teacher', async () => {
      const res = await cms.rest.request('GET', `/teaching-assignments/${ids.taToan}?depth=0`, { token: tokens.principalA })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ label: 'Toán – 6/1 – Hoàng Thị Giáo', subject: ids.toan })
    })

    it('refuse a subject of another grade, with a Vietnamese message, and save nothing', async () => {
      const before = (await cms.payload.count({ collection: 'teaching-assignments', overrideAccess: true })).totalDocs
      const res = await cms.rest.request('POST', '/teaching-assignments', {
        token: tokens.principalA,
        body: { school: fx.schoolA, teacher: await userId(fx.emails.teacherA), class: ids.c6, subject: ids.toan7, term: 'year', schoolYear: YEAR },
      })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors[0]).toMatchObject({ path: 'subject' })
      expect(res.body.errors[0].data.errors[0].message).toContain('Môn Toán là môn của khối 7')
      expect((await cms.payload.count({ collection: 'teaching-assignments', overrideAccess: true })).totalDocs).toBe(before)
    })
  })

  describe('marks', () => {
    it('the assigned teacher writes TX1 and reads it back, with a natural key', async () => {
      const res = await post('teacherA', markBody(ids.toan!, { regular: [{ value: 8.5, date: '2026-10-01' }] }))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      ids.mark = res.body.doc.id
      const read = await cms.rest.request('GET', `/marks/${ids.mark}?depth=0`, { token: tokens.teacherA })
      expect(read.status).toBe(200)
      expect(read.body).toMatchObject({ regular: [{ value: 8.5, date: '2026-10-01' }], teachingAssignment: ids.taToan, key: `${ids.lan}:${ids.toan}:${YEAR}:hk1`, termAverage: null })
      // A second document for the same student, subject and term is refused by the key.
      expect((await post('teacherA', markBody(ids.toan!, { comment: 'lần hai' }))).status).toBeGreaterThanOrEqual(400)
      expect(await count('marks')).toBe(1)
      // The change is in the audit history (gradebook/history.ts), once; the refused second save left nothing.
      const history = await cms.payload.find({ collection: 'mark-history' as never, where: { mark: { equals: String(ids.mark) } }, overrideAccess: true })
      expect(history.docs.map((d) => [(d as Doc).field, (d as Doc).newValue])).toEqual([['regular.0', { value: 8.5, date: '2026-10-01' }]])
    })

    it('computes the term average with the engine once every column is in', async () => {
      const full = { regular: [7.2, 4.4, 8.2, 6].map((value) => ({ value, date: '2026-10-01' })), midTerm: { value: 6.4, date: '2026-11-01' }, endTerm: { value: 5.8, date: '2027-01-05' } }
      const res = await post('teacherA', markBody(ids.toan!, full, ids.minh))
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      // (7.2 + 4.4 + 8.2 + 6 + 2·6.4 + 3·5.8) / 9 = 56 / 9 = 6.22… → 6.2
      expect(res.body.doc.termAverage).toBe(6.2)
    })

    it.each([
      ['another teacher of the school', 'teacherA2'],
      ['a teacher of another school', 'teacherB'],
      ['the principal (reads, does not enter marks)', 'principalA'],
      ['anonymous', null],
    ] as const)('%s may not write it, and nothing changes', async (_, who) => {
      const before = await stored(ids.mark!)
      const updated = await patch(who, ids.mark!, { regular: [{ value: 2, date: '2026-10-01' }] })
      expect([401, 403, 404]).toContain(updated.status)
      const created = await post(who, markBody(ids.toan!, { regular: [{ value: 2 }] }, ids.minh))
      expect([401, 403]).toContain(created.status)
      expect(await stored(ids.mark!)).toEqual(before)
      expect(await count('marks')).toBe(2)
    })

    it.each([
      ['11', 11],
      ['7.25', 7.25],
      ['"abc"', 'abc'],
      ['Đ in a scored column', 'Đ'],
    ])('refuses %s with a message naming the column, nothing saved', async (_, value) => {
      const before = await stored(ids.mark!)
      const res = await patch('teacherA', ids.mark!, { regular: [{ value: 8.5, date: '2026-10-01' }, { value, date: '2026-10-08' }] })
      expect(res.status).toBe(400)
      expect(res.body.errors[0].data.errors).toContainEqual({ path: 'regular.1', message: 'TX2: điểm phải từ 0 đến 10, tối đa một chữ số thập phân.' })
      expect(await stored(ids.mark!)).toEqual(before)
    })

    it('refuses more TX slots than the subject has, and numbers in a comment subject', async () => {
      const five = Array.from({ length: 5 }, () => ({ value: 8 }))
      const tooMany = await patch('teacherA', ids.mark!, { regular: five })
      expect(tooMany.status).toBe(400)
      expect(JSON.stringify(tooMany.body)).toContain('Môn Toán có 4 lần đánh giá thường xuyên')
      const comment = await post('teacherC', markBody(ids.gdtc!, { regular: [{ value: 8 }] }))
      expect(comment.status).toBe(400)
      expect(JSON.stringify(comment.body)).toContain('TX1: môn đánh giá bằng nhận xét chỉ nhận Đ hoặc CĐ.')
      const ok = await post('teacherC', markBody(ids.gdtc!, { regular: [{ value: 'Đ' }, { value: 'Đ' }], midTerm: { value: 'Đ' }, endTerm: { value: 'CĐ' } }))
      expect(ok.status, JSON.stringify(ok.body)).toBe(201)
      expect(ok.body.doc.termResult).toBe('CĐ')
    })

    it('a term I assignment gives no right to term II marks', async () => {
      const term1 = await post('teacherA2', markBody(ids.van!, { regular: [{ value: 9 }] }))
      expect(term1.status, JSON.stringify(term1.body)).toBe(201)
      const term2 = await post('teacherA2', markBody(ids.van!, { term: 'hk2', regular: [{ value: 9 }] }))
      expect(term2.status).toBe(403)
    })

    it('primary: levels and whole-number periodic tests where the grade has them', async () => {
      const body = { school: fx.schoolA, student: ids.an, class: ids.c4, subject: ids.toan4, schoolYear: YEAR, term: 'hk1' }
      const half = await post('teacherA', { ...body, midTermLevel: 'HTT', endTermTest: 8.5 })
      expect(half.status).toBe(400)
      expect(half.body.errors[0].data.errors[0]).toMatchObject({ path: 'endTermTest', message: 'Phải là số nguyên.' })
      const eleven = await post('teacherA', { ...body, endTermTest: 11 })
      expect(eleven.status).toBe(400)
      expect(JSON.stringify(eleven.body)).toContain('KTĐK cuối kì: điểm kiểm tra định kì là số nguyên từ 0 đến 10.')
      const scored = await post('teacherA', { ...body, regular: [{ value: 8 }] })
      expect(scored.status).toBe(400)
      const ok = await post('teacherA', { ...body, midTermLevel: 'HTT', endTermLevel: 'HT', midTermTest: 9, endTermTest: 8, comment: 'Em tiến bộ.' })
      expect(ok.status, JSON.stringify(ok.body)).toBe(201)
    })

    it('the principal and the school admin read every mark of their school', async () => {
      const total = await count('marks')
      for (const who of ['principalA', 'vicePrincipalA', 'schoolAdminA'] as const) {
        const res = await cms.rest.request('GET', '/marks?limit=100&depth=0', { token: tokens[who] })
        expect(res.status).toBe(200)
        expect(res.body.totalDocs, who).toBe(total)
      }
      for (const who of ['principalB', 'teacherB', 'districtOfficer', 'districtAdmin'] as const) {
        const res = await cms.rest.request('GET', '/marks?limit=100&depth=0', { token: tokens[who] })
        expect(res.body.totalDocs ?? 0, who).toBe(0)
      }
      expect((await cms.rest.request('GET', '/marks')).status).toBe(403)
    })

    it('a team leader reads only their department’s teachers’ marks; a teacher only their own', async () => {
      const subjectsSeen = async (who: keyof typeof tokens) =>
        new Set(((await cms.rest.request('GET', '/marks?limit=100&depth=0', { token: tokens[who] })).body.docs as Doc[]).map((d) => String(d.subject)))
      // Tổ 4-5: teacherA (Toán) and teacherA2 (Ngữ văn); Tổ 1-2-3: teacherC (GDTC).
      expect(await subjectsSeen('teamLeaderA')).toEqual(new Set([String(ids.toan), String(ids.van), String(ids.toan4)]))
      expect(await subjectsSeen('teamLeaderA2')).toEqual(new Set([String(ids.gdtc)]))
      expect(await subjectsSeen('teacherC')).toEqual(new Set([String(ids.gdtc)]))
      // The homeroom teacher reads their class's marks (they compile its results), not 4/1's.
      expect(await subjectsSeen('teacherA2')).toEqual(new Set([String(ids.toan), String(ids.van), String(ids.gdtc)]))
    })

    it('GraphQL with a teacher’s token cannot write another teacher’s mark', async () => {
      const before = await stored(ids.mark!)
      const res = await cms.rest.graphql(`mutation { updateMark(id: ${JSON.stringify(ids.mark)}, data: { comment: "sửa lén" }) { id comment } }`, tokens.teacherA2)
      expect(res.body.errors?.length ?? 0).toBeGreaterThan(0)
      expect(res.body.data?.updateMark ?? null).toBeNull()
      expect(await stored(ids.mark!)).toEqual(before)
      const own = await cms.rest.graphql(`mutation { updateMark(id: ${JSON.stringify(ids.mark)}, data: { comment: "Chăm chỉ" }) { id comment } }`, tokens.teacherA)
      expect(own.body.data?.updateMark?.comment, JSON.stringify(own.body)).toBe('Chăm chỉ')
    })

    it('nobody deletes a mark through the API', async () => {
      for (const who of ['teacherA', 'principalA', 'schoolAdminA'] as const) {
        const res = await cms.rest.request('DELETE', `/marks/${ids.mark}`, { token: tokens[who] })
        expect(res.status, who).toBe(403)
      }
      expect(await stored(ids.mark!)).toBeTruthy()
    })
  })

  describe('student term records', () => {
    it('the homeroom teacher writes conduct and absences, but not a subject mark they do not teach', async () => {
      const res = await cms.rest.request('POST', '/student-term-records?depth=0', {
        token: tokens.teacherA2,
        body: { school: fx.schoolA, student: ids.lan, class: ids.c6, schoolYear: YEAR, term: 'hk1', conduct: 'tot', absencesExcused: 2, absencesUnexcused: 0 },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      expect(res.body.doc).toMatchObject({ conduct: 'tot', absencesExcused: 2, key: `${ids.lan}:${YEAR}:hk1` })
      const before = await stored(ids.mark!)
      expect([403, 404]).toContain((await patch('teacherA2', ids.mark!, { regular: [{ value: 1 }] })).status)
      expect(await stored(ids.mark!)).toEqual(before)
    })

    it('a subject teacher may not write conduct; qualities are for primary only', async () => {
      const before = await count('student-term-records')
      const body = { school: fx.schoolA, student: ids.minh, class: ids.c6, schoolYear: YEAR, term: 'hk1', conduct: 'kha' }
      expect((await cms.rest.request('POST', '/student-term-records', { token: tokens.teacherA, body })).status).toBe(403)
      const traits = await cms.rest.request('POST', '/student-term-records', { token: tokens.teacherA2, body: { ...body, qualities: { honesty: 'tot' } } })
      expect(traits.status).toBe(400)
      expect(JSON.stringify(traits.body)).toContain('Phẩm chất và năng lực chỉ dùng cho tiểu học')
      expect(await count('student-term-records')).toBe(before)
      expect((await cms.rest.request('GET', '/student-term-records', { token: tokens.principalA })).body.totalDocs).toBe(1)
      expect((await cms.rest.request('GET', '/student-term-records', { token: tokens.teacherA })).body.totalDocs ?? 0).toBe(0)
    })
  })
})
