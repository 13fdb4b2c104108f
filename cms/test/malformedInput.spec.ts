import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type RestResponse, type TestCms } from './helpers.ts'

// Collections whose rows must not change when a malformed request is refused.
const WATCHED = ['posts', 'disclosures', 'school-years', 'departments', 'subjects', 'classes', 'teaching-assignments', 'users', 'media', 'students', 'staff']

type Case = { name: string; who?: Who; run: (ctx: { token: string }) => Promise<RestResponse>; status?: number }

// Every class of malformed input from issue 10, as REST requests with real logins: 4xx, a message, nothing written.
describe(`malformed input never reaches the database or a 500 (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  let draftId: number | string
  let classId: number | string
  let subjectId: number | string
  let teacherId: number | string

  /** A request with a body sent as is (broken JSON, broken multipart, an oversized body). */
  const raw = async (apiPath: string, body: BodyInit, type: string, token: string): Promise<RestResponse> => {
    const url = new URL(`http://localhost:3000/api${apiPath}`)
    const handler = REST_POST(cms.config) as (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>
    const response = await handler(new Request(url, { method: 'POST', headers: { 'content-type': type, authorization: `JWT ${token}`, 'accept-language': 'vi' }, body }), {
      params: Promise.resolve({ slug: url.pathname.replace(/^\/api\//, '').split('/') }),
    })
    const text = await response.text()
    return { status: response.status, body: JSON.parse(text) }
  }
  const post = (token: string, data: Record<string, unknown>) =>
    cms.rest.request('POST', '/posts?draft=true', { token, body: { school: fx.schoolA, title: 'Bản nháp', ...data } })
  const create = (collection: string, data: Record<string, unknown>, query = '') => (token: string) =>
    cms.rest.request('POST', `/${collection}${query}`, { token, body: { school: fx.schoolA, ...data } })

  const snapshot = async () => {
    const counts: Record<string, number> = {}
    for (const collection of WATCHED) counts[collection] = (await cms.payload.count({ collection: collection as never, overrideAccess: true })).totalDocs
    const draft = await cms.payload.findByID({ collection: 'posts', id: draftId, draft: true, overrideAccess: true, depth: 0 })
    return { counts, draft: JSON.stringify(draft) }
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const who of ['teacherA', 'schoolAdminA', 'districtAdmin', 'principalA'] as Who[]) tokens[who] = await cms.rest.login(fx.emails[who], PASSWORD)
    const created = await post(tokens.teacherA, { title: 'Bài có sẵn' })
    expect(created.status).toBe(201)
    draftId = created.body.doc.id
    classId = (await cms.payload.create({ collection: 'classes', data: { school: fx.schoolA, name: '4/1', grade: 4, schoolYear: '2026-2027' } as never, overrideAccess: true })).id
    teacherId = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]!.id
    subjectId = (await cms.payload.create({ collection: 'subjects', data: { school: fx.schoolA, name: 'Toán', grade: 4, schoolYear: '2026-2027', kind: 'primary' } as never, overrideAccess: true })).id
  })
  afterAll(async () => {
    await cms?.close()
  })

  const T = 'teacherA' as const
  const S = 'schoolAdminA' as const
  const cases: Case[] = [
    // Wrong types reaching SQL or stored as text, in drafts.
    { name: 'an object as a post title', who: T, run: ({ token }) => post(token, { title: { $gt: '' } }) },
    { name: 'an operator object in a select', who: T, run: ({ token }) => post(token, { section: { $ne: null } }) },
    { name: 'a section with a trailing space', who: T, run: ({ token }) => post(token, { section: 'thong-bao ' }) },
    { name: 'a section in capitals', who: T, run: ({ token }) => post(token, { section: 'THONG-BAO' }) },
    { name: 'a disclosure group 123', who: T, run: ({ token }) => cms.rest.request('POST', '/disclosures?draft=true', { token, body: { school: fx.schoolA, title: 'x', group: 123 } }) },
    { name: 'schoolYear 42 on a draft', who: T, run: ({ token }) => post(token, { schoolYear: 42 }) },
    { name: 'schoolYear "2026-2028" on a draft', who: T, run: ({ token }) => post(token, { schoolYear: '2026-2028' }) },
    { name: 'a 1 MB schoolYear', who: T, run: ({ token }) => post(token, { schoolYear: 'x'.repeat(1_000_000) }) },
    { name: 'content "plain text"', who: T, run: ({ token }) => post(token, { content: 'plain text' }) },
    { name: 'content [1,2,3]', who: T, run: ({ token }) => post(token, { content: [1, 2, 3] }) },
    { name: 'content without a root', who: T, run: ({ token }) => post(token, { content: { children: [] } }) },
    { name: 'publishedDate "2026-13-45"', who: T, run: ({ token }) => post(token, { publishedDate: '2026-13-45' }) },
    { name: 'publishedDate "2026-02-30"', who: T, run: ({ token }) => post(token, { publishedDate: '2026-02-30' }) },
    { name: 'an array as a date', who: T, run: ({ token }) => post(token, { publishedDate: ['2026-01-01'] }) },
    { name: 'a title over 300 characters', who: T, run: ({ token }) => post(token, { title: 'a'.repeat(301) }) },
    { name: 'a summary over 1,000 characters', who: T, run: ({ token }) => post(token, { summary: 'a'.repeat(1001) }) },
    { name: 'a null byte in a title', who: T, run: ({ token }) => post(token, { title: 'a\u0000b' }) },
    { name: 'a control character in a summary', who: T, run: ({ token }) => post(token, { summary: 'a\u001bb' }) },
    { name: 'an array with a null tag', who: T, run: ({ token }) => post(token, { tags: [null] }) },
    // Relations: not ids, or ids that do not exist (a foreign key error before).
    { name: 'a cover id that does not exist', who: T, run: ({ token }) => post(token, { cover: 99999 }) },
    { name: 'a fractional cover id', who: T, run: ({ token }) => post(token, { cover: 1.5 }) },
    { name: 'a text cover id', who: T, run: ({ token }) => post(token, { cover: 'abc' }) },
    { name: 'attachments that do not exist', who: T, run: ({ token }) => post(token, { attachments: [424242] }) },
    { name: 'a leader id that does not exist', who: S, run: ({ token }) => create('departments', { name: 'Tổ mới', leader: 99999 })(token) },
    // School records.
    { name: 'an empty school-year name', who: S, run: ({ token }) => create('school-years', { name: '' })(token) },
    { name: 'a school year that is not consecutive', who: S, run: ({ token }) => create('school-years', { name: '2026-2028' })(token) },
    { name: 'school-years terms [null]', who: S, run: ({ token }) => create('school-years', { name: '2026-2027', terms: [null] })(token) },
    { name: 'an empty department name', who: S, run: ({ token }) => create('departments', { name: '' })(token) },
    { name: 'a department kind {"$ne":null}', who: S, run: ({ token }) => create('departments', { name: 'T', kind: { $ne: null } })(token) },
    { name: 'periodsPerYear "NaN"', who: S, run: ({ token }) => create('subjects', { name: 'Toán', grade: 4, schoolYear: '2026-2027', kind: 'scored', periodsPerYear: 'NaN' })(token) },
    { name: 'a fractional grade', who: S, run: ({ token }) => create('classes', { name: '4/9', grade: 4.5, schoolYear: '2026-2027' })(token) },
    { name: 'a grade above its maximum', who: S, run: ({ token }) => create('classes', { name: '4/9', grade: 13, schoolYear: '2026-2027' })(token) },
    { name: 'an integer above 2^53', who: S, run: ({ token }) => create('classes', { name: '4/9', grade: 4, schoolYear: '2026-2027', size: 2 ** 60 })(token) },
    { name: 'schoolYear "" on a class', who: S, run: ({ token }) => create('classes', { name: '4/9', grade: 4, schoolYear: '' })(token) },
    { name: 'term 123 on a teaching assignment', who: S, run: ({ token }) => create('teaching-assignments', { teacher: teacherId, class: classId, subject: subjectId, term: 123, schoolYear: '2026-2027' })(token) },
    { name: 'schoolYear "" on a teaching assignment', who: S, run: ({ token }) => create('teaching-assignments', { teacher: teacherId, class: classId, subject: subjectId, term: 'year', schoolYear: '' })(token) },
    { name: 'POST /api/users with a blank fullName', who: 'districtAdmin', run: ({ token }) => cms.rest.request('POST', '/users', { token, body: { email: 'moi@test.vn', password: PASSWORD, fullName: '   ' } }) },
    // An update of an existing draft is refused the same way and leaves it as it was.
    { name: 'PATCH a draft with an object title', who: T, run: ({ token }) => cms.rest.request('PATCH', `/posts/${draftId}?draft=true`, { token, body: { title: { $gt: '' } } }) },
    { name: 'PATCH a draft with a bad section', who: T, run: ({ token }) => cms.rest.request('PATCH', `/posts/${draftId}?draft=true`, { token, body: { section: 'Thong-bao' } }) },
    // Malformed ids and filters.
    { name: 'GET /api/posts/abc', who: T, status: 404, run: ({ token }) => cms.rest.request('GET', '/posts/abc', { token }) },
    { name: 'GET /api/posts/1.5', who: T, status: 404, run: ({ token }) => cms.rest.request('GET', '/posts/1.5', { token }) },
    { name: 'PATCH /api/posts/abc', who: T, status: 404, run: ({ token }) => cms.rest.request('PATCH', '/posts/abc', { token, body: { title: 'x' } }) },
    { name: 'DELETE /api/posts/abc', who: T, status: 404, run: ({ token }) => cms.rest.request('DELETE', '/posts/abc', { token }) },
    { name: 'where[id][in]=abc', who: T, run: ({ token }) => cms.rest.request('GET', '/posts?where[id][in]=abc', { token }) },
    { name: 'where[school][equals]=1.5', who: T, run: ({ token }) => cms.rest.request('GET', '/posts?where[school][equals]=1.5', { token }) },
    { name: 'a bulk PATCH filtered by a bad id', who: T, run: ({ token }) => cms.rest.request('PATCH', '/posts?where[id][equals]=abc', { token, body: { title: 'x' } }) },
    { name: 'a path that cannot be queried', who: T, run: ({ token }) => cms.rest.request('GET', '/posts?where[nope][equals]=1', { token }) },
    { name: 'POST /api/users/verify/%00', status: 404, run: () => cms.rest.request('POST', '/users/verify/%00') },
    // Bodies: broken JSON, broken multipart on uploads and the Excel imports, an oversized JSON body.
    { name: 'invalid JSON', who: S, run: ({ token }) => raw('/departments', '{"name": ', 'application/json', token) },
    { name: 'a broken multipart upload to /api/media', who: T, run: ({ token }) => raw('/media', '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc', 'multipart/form-data; boundary=XX', token) },
    { name: 'multipart without a boundary to /api/media', who: T, run: ({ token }) => raw('/media', 'garbage', 'multipart/form-data', token) },
    { name: 'a broken multipart student import', who: S, run: ({ token }) => raw('/students/import?schoolYear=2026-2027', '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc', 'multipart/form-data; boundary=XX', token) },
    { name: 'a broken multipart staff import', who: S, run: ({ token }) => raw('/staff/import', 'garbage', 'multipart/form-data', token) },
    { name: 'a 30 MB JSON body', who: S, status: 413, run: ({ token }) => raw('/departments', JSON.stringify({ school: fx.schoolA, name: 'x'.repeat(30_000_000) }), 'application/json', token) },
  ]

  it.each(cases)('$name → 4xx with a message, nothing written', async ({ who, run, status }) => {
    const before = await snapshot()
    const res = await run({ token: who ? tokens[who] : '' })
    if (status) expect(res.status).toBe(status)
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    const messages = (res.body?.errors ?? []).flatMap((e: { message?: string; data?: { errors?: { message?: string }[] } }) => [e.message, ...(e.data?.errors ?? []).map((inner) => inner.message)])
    expect(messages.filter(Boolean).length).toBeGreaterThan(0)
    // Vietnamese, with no English validator or database text.
    expect(messages.join(' ')).not.toMatch(/Something went wrong|Failed query|Invalid JSON|cannot be queried|invalid relationships|fields/)
    expect(await snapshot()).toEqual(before)
  })

  it('names the refused field so the admin can highlight it', async () => {
    const res = await post(tokens.teacherA, { title: 'Được', section: 'thong-bao ', content: 'plain text' })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors.map((e: { path: string }) => e.path).sort()).toEqual(['content', 'section'])
    expect(res.body.errors[0].message).toMatch(/^Lỗi - Các trường sau chưa hợp lệ: /)
  })

  it('answers in English in the English admin', async () => {
    const res = await cms.rest.request('POST', '/posts?draft=true', { token: tokens.teacherA, language: 'en', body: { school: fx.schoolA, title: 'x', section: 'THONG-BAO' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data.errors[0].message).toBe('"THONG-BAO" is not one of the options.')
  })

  it('a GraphQL fragment cycle is refused, not a stack overflow', async () => {
    const res = await cms.rest.graphql('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }', tokens.teacherA)
    expect(res.status).toBeLessThan(500)
    expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(/vòng lặp fragment/)
    const ok = await cms.rest.graphql('query { Posts(limit: 1) { totalDocs } }', tokens.teacherA)
    expect(ok.body.errors).toBeUndefined()
  })

  it('drafts may still omit required fields; text is trimmed and normalised to NFC', async () => {
    const decomposed = '  Thông báo nghỉ học\r\nngày mai  '.normalize('NFD')
    const res = await cms.rest.request('POST', '/posts?draft=true', { token: tokens.teacherA, body: { school: fx.schoolA, title: decomposed, summary: 'Dòng 1\r\nDòng 2\tcó tab' } })
    expect(res.status).toBe(201)
    const saved = await cms.payload.findByID({ collection: 'posts', id: res.body.doc.id, draft: true, overrideAccess: true })
    expect(saved.title).toBe('Thông báo nghỉ học\nngày mai'.normalize('NFC'))
    expect(saved.summary).toBe('Dòng 1\nDòng 2\tcó tab')
    const empty = await cms.rest.request('POST', '/posts?draft=true', { token: tokens.teacherA, body: { school: fx.schoolA } })
    expect(empty.status).toBe(201)
    // A real (published) save still needs them: Payload's own required check.
    const year = await cms.rest.request('POST', '/school-years', { token: tokens.schoolAdminA, body: { school: fx.schoolA, name: '2026-2027', terms: [{ term: 'hk1', start: '2026-09-05T00:00:00.000Z', end: '2027-01-15T00:00:00.000Z' }] } })
    expect(year.status).toBe(201)
  })
})
