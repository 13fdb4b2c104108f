import { TRUSTED_WRITE } from '@truongso/payload-plugin'
import { CorrectionsBadge } from '@truongso/payload-plugin/rsc'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, unknown>

/**
 * The correction queues as the admin composes them (issue 13 § 6): the queries the corrections
 * view sends through REST (the board's pending requests of its school with names, never its own;
 * a teacher's own requests with their decision) and the dashboard's count badge, for the teacher
 * who filed, the principal, another teacher and another school's principal.
 */
describe(`gradebook correction queues (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids: Record<string, ID> = {}
  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const user = async (who: Who) => cms.payload.findByID({ collection: 'users', id: await userId(fx.emails[who]), depth: 0, overrideAccess: true })
  const badge = async (who: Who) => {
    const element = await CorrectionsBadge({ user: (await user(who)) as never, payload: cms.payload, i18n: { language: 'vi' } })
    return element ? renderToStaticMarkup(element) : ''
  }
  const list = async (who: Who, where: string) => cms.rest.request('GET', `/mark-corrections?depth=1&sort=-createdAt&${where}`, { token: tokens[who] })

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const create = async (collection: string, data: Doc, context: Doc = {}) =>
      (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true, context })).id as ID
    ids.c6 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.lan = await create('students', { fullName: 'Nguyễn Thị Lan', studentCode: 'HS601', dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nữ' })
    await create('enrolments', { student: ids.lan, class: ids.c6, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c6, subject: ids.toan, term: 'year', schoolYear: YEAR })
    ids.mark = await create('marks', { student: ids.lan, class: ids.c6, subject: ids.toan, schoolYear: YEAR, term: 'hk1', regular: [{ value: 8, date: '2026-10-01' }] }, { [TRUSTED_WRITE]: true })
    await create('mark-locks', { schoolYear: YEAR, term: 'hk1', kind: 'regular', locked: true })
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('nothing pending: no badge for anyone', async () => {
    for (const who of ['teacherA', 'principalA', 'principalB'] as const) expect(await badge(who)).toBe('')
  })

  it('a filed request: the teacher sees it as theirs, the principal in the school queue with names; the others see nothing', async () => {
    const filed = await cms.rest.request('POST', '/mark-corrections?depth=0', { token: tokens.teacherA, body: { mark: ids.mark, field: 'regular.0', newValue: 9.5, reason: 'Chép nhầm điểm' } })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    ids.request = filed.body.doc.id

    const principal = await userId(fx.emails.principalA)
    const queue = await list('principalA', `where[state][equals]=pending&where[requestedBy][not_equals]=${principal}`)
    expect(queue.status).toBe(200)
    expect(queue.body.docs).toHaveLength(1)
    expect(queue.body.docs[0]).toMatchObject({ field: 'regular.0', oldValue: { value: 8 }, newValue: { value: 9.5 }, reason: 'Chép nhầm điểm', student: { fullName: 'Nguyễn Thị Lan' }, class: { name: '6/1' }, subject: { name: 'Toán' } })
    expect(queue.body.docs[0].requestedBy).toMatchObject({ id: await userId(fx.emails.teacherA) })

    const teacher = await userId(fx.emails.teacherA)
    const mine = await list('teacherA', `where[requestedBy][equals]=${teacher}`)
    expect(mine.body.docs.map((d: Doc) => d.state)).toEqual(['pending'])
    // Another teacher of the school and another school's principal: empty queues.
    expect((await list('teacherA2', 'where[state][equals]=pending')).body.docs).toHaveLength(0)
    expect((await list('principalB', 'where[state][equals]=pending')).body.docs).toHaveLength(0)

    expect(await badge('principalA')).toMatch(/Giấy đề nghị sửa điểm chờ duyệt.*>1</)
    expect(await badge('principalA')).toContain('/admin/gradebook/corrections')
    expect(await badge('teacherA')).toMatch(/Đề nghị sửa điểm của tôi đang chờ duyệt.*>1</)
    expect(await badge('teacherA2')).toBe('')
    expect(await badge('principalB')).toBe('')
  })

  it('once approved it leaves both queues; the teacher reads the decision', async () => {
    const decided = await cms.rest.request('POST', `/mark-corrections/${ids.request}/decide`, { token: tokens.principalA, body: { decision: 'approve' } })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    const principal = await userId(fx.emails.principalA)
    expect((await list('principalA', `where[state][equals]=pending&where[requestedBy][not_equals]=${principal}`)).body.docs).toHaveLength(0)
    const mine = await list('teacherA', `where[requestedBy][equals]=${await userId(fx.emails.teacherA)}`)
    // The decider as an id: a teacher does not read the board's accounts (the view shows the date alone).
    expect(mine.body.docs[0]).toMatchObject({ state: 'approved', decidedBy: principal })
    expect(await badge('principalA')).toBe('')
    expect(await badge('teacherA')).toBe('')
  })
})
