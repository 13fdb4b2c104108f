import { TRUSTED_WRITE } from '@truongso/payload-plugin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
const QUEUE = 'gradebook-locks'
const TASK = 'truongsoApplyMarkLocks'
type ID = number | string
type Doc = Record<string, unknown>

/**
 * Locks and corrections after the lock (issue 13 §§ 5–6) through REST, GraphQL and the Local API
 * with real logins: the calendar applied by the scheduled job, manual lock and unlock by the school
 * admin, every write path refused with the lock's message, and Giấy đề nghị sửa điểm filed by the
 * teacher and decided by the board (never by the teacher who filed it), in the mark's history.
 */
describe(`gradebook locks and corrections (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who | 'teacherVP', string>
  const ids: Record<string, ID> = {}
  type Token = keyof typeof tokens

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const stored = async (id: ID) => (await cms.payload.findByID({ collection: 'marks', id, depth: 0, overrideAccess: true })) as unknown as Doc
  const patchMark = (who: Token, id: ID, body: Doc) => cms.rest.request('PATCH', `/marks/${id}?depth=0`, { token: tokens[who], body })
  const lockRow = async (id: ID) => (await cms.payload.findByID({ collection: 'mark-locks' as never, id, depth: 0, overrideAccess: true })) as unknown as Doc
  const fileRequest = (who: Token, body: Doc) => cms.rest.request('POST', '/mark-corrections?depth=0', { token: tokens[who], body: { reason: 'Cộng nhầm điểm khi chép vào sổ', ...body } })
  const decide = (who: Token, id: ID, body: Doc) => cms.rest.request('POST', `/mark-corrections/${id}/decide`, { token: tokens[who], body })
  const runLockJob = async () => {
    await cms.payload.jobs.queue({ task: TASK as never, input: {} as never, queue: QUEUE })
    await cms.payload.jobs.run({ queue: QUEUE })
  }
  const tx = (...values: number[]) => values.map((value, i) => ({ value, date: `2026-10-0${i + 1}` }))
  const lockedMessage = (since: string) => `Cột ĐĐGtx học kì I năm học ${YEAR} đã khoá từ ${since}`
  const vnDate = (iso: string) => {
    const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000)
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    // A teacher who is also a vice-principal (Ngữ văn 6/1).
    await createUser(cms.payload, 'giaovien.phohieutruong.a@test.vn', { memberships: [{ school: fx.schoolA, roles: ['teacher', 'vice-principal'] }], fullName: 'Phạm Văn Phó' })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    tokens.teacherVP = await cms.rest.login('giaovien.phohieutruong.a@test.vn', PASSWORD)
    const create = async (collection: string, data: Doc, context: Doc = {}) =>
      (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true, context })).id as ID
    ids.c6 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA2) })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.van = await create('subjects', { name: 'Ngữ văn', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.lan = await create('students', { fullName: 'Nguyễn Thị Lan', studentCode: 'HS601', dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nữ' })
    await create('enrolments', { student: ids.lan, class: ids.c6, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c6, subject: ids.toan, term: 'year', schoolYear: YEAR })
    await create('teaching-assignments', { teacher: await userId('giaovien.phohieutruong.a@test.vn'), class: ids.c6, subject: ids.van, term: 'year', schoolYear: YEAR })
    // The vice-principal-teacher's Ngữ văn mark, written as trusted server code.
    ids.vanMark = await create('marks', { student: ids.lan, class: ids.c6, subject: ids.van, schoolYear: YEAR, term: 'hk1', regular: tx(7) }, { [TRUSTED_WRITE]: true })
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('before the lock the teacher enters and edits', async () => {
    const created = await cms.rest.request('POST', '/marks?depth=0', {
      token: tokens.teacherA,
      body: { school: fx.schoolA, student: ids.lan, class: ids.c6, subject: ids.toan, schoolYear: YEAR, term: 'hk1', regular: tx(8.5) },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    ids.mark = created.body.doc.id
    const edited = await patchMark('teacherA', ids.mark!, { regular: tx(8.5, 6) })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
  })

  it('only the board sets the lock calendar; the school admin and teachers may not', async () => {
    const body = { school: fx.schoolA, schoolYear: YEAR, term: 'hk1', kind: 'regular', lockAt: new Date(Date.now() + 86_400_000).toISOString() }
    expect((await cms.rest.request('POST', '/mark-locks', { token: tokens.teacherA, body })).status).toBe(403)
    const byAdmin = await cms.rest.request('POST', '/mark-locks', { token: tokens.schoolAdminA, body })
    expect(byAdmin.status).toBe(403)
    expect(JSON.stringify(byAdmin.body)).toContain('Chỉ Hiệu trưởng hoặc Phó hiệu trưởng của trường đặt lịch khoá sổ điểm.')
    // Another school's principal: refused by the school field (the multi-tenant plugin) before any hook.
    expect([400, 403]).toContain((await cms.rest.request('POST', '/mark-locks', { token: tokens.principalB, body })).status)
    const created = await cms.rest.request('POST', '/mark-locks?depth=0', { token: tokens.principalA, body })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body.doc).toMatchObject({ locked: false, lockApplied: false, key: `${fx.schoolA}:${YEAR}:hk1:regular` })
    ids.lock = created.body.doc.id
    // Not due yet: the job leaves it open, and the teacher still edits.
    await runLockJob()
    expect((await lockRow(ids.lock!)).locked).toBe(false)
    expect((await patchMark('teacherA', ids.mark!, { regular: tx(8.5, 6.5) })).status).toBe(200)
    // The admin may not move the date either; the vice-principal may.
    expect((await cms.rest.request('PATCH', `/mark-locks/${ids.lock}`, { token: tokens.schoolAdminA, body: { lockAt: new Date().toISOString() } })).status).toBe(403)
    const moved = await cms.rest.request('PATCH', `/mark-locks/${ids.lock}`, { token: tokens.vicePrincipalA, body: { lockAt: '2027-01-15T01:00:00.000Z' } })
    expect(moved.status, JSON.stringify(moved.body)).toBe(200)
  })

  it('the scheduler queues the lock job on its queue', async () => {
    const scheduled = await cms.payload.jobs.handleSchedules({ queue: QUEUE })
    expect(scheduled.queued).toHaveLength(1)
    await cms.payload.delete({ collection: 'payload-jobs', where: { taskSlug: { equals: TASK } }, overrideAccess: true })
  })

  it('after lockAt the job locks the column and every write path refuses, naming the lock; nothing changes', async () => {
    const lockAt = new Date(Date.now() - 60_000).toISOString()
    expect((await cms.rest.request('PATCH', `/mark-locks/${ids.lock}`, { token: tokens.principalA, body: { lockAt } })).status).toBe(200)
    await runLockJob()
    expect(await lockRow(ids.lock!)).toMatchObject({ locked: true, lockApplied: true, lockedBy: null })
    const before = await stored(ids.mark!)
    const expected = lockedMessage(vnDate(lockAt))

    const rest = await patchMark('teacherA', ids.mark!, { regular: tx(8.5, 10) })
    expect(rest.status).toBe(403)
    expect(rest.body.errors[0].message).toContain(expected)
    expect(rest.body.errors[0].message).toContain('Giấy đề nghị sửa điểm')
    const english = await cms.rest.request('PATCH', `/marks/${ids.mark}`, { token: tokens.teacherA, body: { regular: tx(8.5, 10) }, language: 'en' })
    expect(english.body.errors[0].message).toContain(`The regular assessments (ĐĐGtx) of term I, ${YEAR}, is locked since ${vnDate(lockAt)}`)

    const graphql = await cms.rest.graphql(`mutation { updateMark(id: ${JSON.stringify(ids.mark)}, data: { regular: [{ value: 10, date: "2026-10-01" }] }) { id } }`, tokens.teacherA)
    expect(graphql.body.data?.updateMark ?? null).toBeNull()
    expect(graphql.body.errors?.[0]?.message).toContain(expected)

    const teacher = { ...(await cms.payload.findByID({ collection: 'users', id: await userId(fx.emails.teacherA), overrideAccess: true })), collection: 'users' }
    const local = cms.payload.update({ collection: 'marks', id: ids.mark!, data: { regular: tx(1) } as never, user: teacher as never, overrideAccess: false })
    await expect(local).rejects.toMatchObject({ status: 403, message: expect.stringContaining(expected) })

    expect(await stored(ids.mark!)).toEqual(before)
    // An unlocked column of the same mark is still entered (GK), and re-sending the same TX passes.
    expect((await patchMark('teacherA', ids.mark!, { midTerm: { value: 7, date: '2026-11-02' } })).status).toBe(200)
    expect((await patchMark('teacherA', ids.mark!, { regular: before.regular })).status).toBe(200)
  })

  it('the school admin locks conduct by hand; the homeroom teacher is refused', async () => {
    const lock = await cms.rest.request('POST', '/mark-locks?depth=0', { token: tokens.schoolAdminA, body: { school: fx.schoolA, schoolYear: YEAR, term: 'hk1', kind: 'conduct', locked: true } })
    expect(lock.status, JSON.stringify(lock.body)).toBe(201)
    expect(lock.body.doc.lockedBy).toBe(await userId(fx.emails.schoolAdminA))
    const res = await cms.rest.request('POST', '/student-term-records', {
      token: tokens.teacherA2,
      body: { school: fx.schoolA, student: ids.lan, class: ids.c6, schoolYear: YEAR, term: 'hk1', conduct: 'tot' },
    })
    expect(res.status).toBe(403)
    expect(res.body.errors[0].message).toContain(`Cột rèn luyện, phẩm chất, năng lực học kì I năm học ${YEAR} đã khoá từ`)
    expect((await cms.payload.count({ collection: 'student-term-records', overrideAccess: true })).totalDocs).toBe(0)
  })

  it('the school admin unlocks by hand: the teacher edits again, and the next job run leaves it open', async () => {
    const teacherTry = await cms.rest.request('PATCH', `/mark-locks/${ids.lock}`, { token: tokens.teacherA, body: { locked: false } })
    expect([403, 404]).toContain(teacherTry.status)
    const unlocked = await cms.rest.request('PATCH', `/mark-locks/${ids.lock}?depth=0`, { token: tokens.schoolAdminA, body: { locked: false } })
    expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(200)
    expect(unlocked.body.doc).toMatchObject({ locked: false, unlockedBy: await userId(fx.emails.schoolAdminA) })
    await runLockJob()
    expect((await lockRow(ids.lock!)).locked).toBe(false)
    const edited = await patchMark('teacherA', ids.mark!, { regular: tx(8.5, 7) })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    // Locked again by hand for the corrections below.
    expect((await cms.rest.request('PATCH', `/mark-locks/${ids.lock}`, { token: tokens.schoolAdminA, body: { locked: true } })).status).toBe(200)
    expect((await patchMark('teacherA', ids.mark!, { regular: tx(8.5, 9) })).status).toBe(403)
  })

  describe('corrections after the lock', () => {
    const count = async () => (await cms.payload.count({ collection: 'mark-corrections' as never, overrideAccess: true })).totalDocs

    it('are refused with a message: an invalid new value (11), an open column, a mark one does not teach', async () => {
      const eleven = await fileRequest('teacherA', { mark: ids.mark, field: 'regular.0', newValue: 11 })
      expect(eleven.status).toBe(400)
      expect(JSON.stringify(eleven.body)).toContain('TX1: điểm phải từ 0 đến 10, tối đa một chữ số thập phân.')
      const open = await fileRequest('teacherA', { mark: ids.mark, field: 'midTerm', newValue: 8 })
      expect(open.status).toBe(400)
      expect(JSON.stringify(open.body)).toContain('Cột ĐĐGgk học kì I năm học 2026-2027 chưa khoá: hãy sửa trực tiếp trong sổ điểm.')
      const notMine = await fileRequest('teacherA2', { mark: ids.mark, field: 'regular.0', newValue: 9 })
      expect(notMine.status).toBe(403)
      const noReason = await cms.rest.request('POST', '/mark-corrections', { token: tokens.teacherA, body: { mark: ids.mark, field: 'regular.0', newValue: 9 } })
      expect(noReason.status).toBe(400)
      expect(await count()).toBe(0)
    })

    it('approved by the principal: the mark takes the new value, the history names the request and the reason', async () => {
      const filed = await fileRequest('teacherA', { mark: ids.mark, field: 'regular.0', newValue: 9, state: 'approved', oldValue: 'forged' })
      expect(filed.status, JSON.stringify(filed.body)).toBe(201)
      const request = filed.body.doc
      // The server sets the state, the old value (with the cell's date kept) and the requester.
      expect(request).toMatchObject({ state: 'pending', oldValue: { value: 8.5, date: '2026-10-01' }, newValue: { value: 9, date: '2026-10-01' }, requestedBy: await userId(fx.emails.teacherA) })
      ids.request = request.id
      // A second request for the same cell waits for the first.
      expect((await fileRequest('teacherA', { mark: ids.mark, field: 'regular.0', newValue: 9.5 })).status).toBe(409)

      // Queues: the teacher sees their own, the board the school's; nobody else.
      const seen = async (who: Token) => (await cms.rest.request('GET', '/mark-corrections?where[state][equals]=pending&depth=0', { token: tokens[who] })).body.totalDocs ?? 0
      expect(await seen('teacherA')).toBe(1)
      expect(await seen('principalA')).toBe(1)
      expect(await seen('teacherA2')).toBe(0)
      expect(await seen('principalB')).toBe(0)
      // Nobody approves by editing the request.
      expect([403, 404]).toContain((await cms.rest.request('PATCH', `/mark-corrections/${ids.request}`, { token: tokens.principalA, body: { state: 'approved' } })).status)

      const before = await stored(ids.mark!)
      for (const who of ['principalB', 'teacherA', 'schoolAdminA'] as const) {
        const res = await decide(who, ids.request!, { decision: 'approve' })
        expect(res.status, who).toBe(403)
      }
      expect(await stored(ids.mark!)).toEqual(before)

      const approved = await decide('principalA', ids.request!, { decision: 'approve' })
      expect(approved.status, JSON.stringify(approved.body)).toBe(200)
      expect(approved.body.doc).toMatchObject({ state: 'approved', decidedBy: await userId(fx.emails.principalA) })
      const after = await stored(ids.mark!)
      expect(after.regular).toEqual([{ value: 9, date: '2026-10-01' }, { value: 7, date: '2026-10-02' }])
      const history = await cms.payload.find({ collection: 'mark-history' as never, where: { and: [{ mark: { equals: String(ids.mark) } }, { source: { equals: 'correction' } }] }, overrideAccess: true })
      expect(history.docs).toHaveLength(1)
      expect(history.docs[0]).toMatchObject({
        field: 'regular.0',
        oldValue: { value: 8.5, date: '2026-10-01' },
        newValue: { value: 9, date: '2026-10-01' },
        correctionRequest: String(ids.request),
        reason: 'Cộng nhầm điểm khi chép vào sổ',
        actor: String(await userId(fx.emails.principalA)),
        actorRole: 'principal',
      })
      // Decided once.
      expect((await decide('vicePrincipalA', ids.request!, { decision: 'refuse', reason: 'Đổi ý' })).status).toBe(409)
      // The lock still holds for ordinary edits.
      expect((await patchMark('teacherA', ids.mark!, { regular: tx(1, 7) })).status).toBe(403)
    })

    it('refused: a reason is required, and the mark stays as it was', async () => {
      const filed = await fileRequest('teacherA', { mark: ids.mark, field: 'regular.1', newValue: 8 })
      expect(filed.status, JSON.stringify(filed.body)).toBe(201)
      const before = await stored(ids.mark!)
      const noReason = await decide('principalA', filed.body.doc.id, { decision: 'refuse' })
      expect(noReason.status).toBe(400)
      expect(noReason.body.errors[0].message).toBe('Không duyệt thì phải ghi lý do.')
      const refused = await decide('principalA', filed.body.doc.id, { decision: 'refuse', reason: 'Không có bài kiểm tra gốc kèm theo.' })
      expect(refused.status, JSON.stringify(refused.body)).toBe(200)
      expect(refused.body.doc).toMatchObject({ state: 'refused', decisionReason: 'Không có bài kiểm tra gốc kèm theo.' })
      expect(await stored(ids.mark!)).toEqual(before)
      const history = await cms.payload.count({ collection: 'mark-history' as never, where: { source: { equals: 'correction' } }, overrideAccess: true })
      expect(history.totalDocs).toBe(1)
    })

    it('a teacher who is also vice-principal cannot approve their own request; another vice-principal can', async () => {
      const filed = await fileRequest('teacherVP', { mark: ids.vanMark, field: 'regular.0', newValue: 7.5 })
      expect(filed.status, JSON.stringify(filed.body)).toBe(201)
      const own = await decide('teacherVP', filed.body.doc.id, { decision: 'approve' })
      expect(own.status).toBe(403)
      expect(own.body.errors[0].message).toBe('Không được tự duyệt giấy đề nghị sửa điểm của chính mình.')
      expect(((await stored(ids.vanMark!)).regular as Doc[])[0]).toMatchObject({ value: 7 })
      const other = await decide('vicePrincipalA', filed.body.doc.id, { decision: 'approve', reason: 'Đồng ý.' })
      expect(other.status, JSON.stringify(other.body)).toBe(200)
      expect(((await stored(ids.vanMark!)).regular as Doc[])[0]).toMatchObject({ value: 7.5 })
    })
  })
})
