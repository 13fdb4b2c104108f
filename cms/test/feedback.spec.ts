import path from 'node:path'

import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { exportSchoolSnapshot } from '../src/sites/exportSnapshot.ts'
import { createUser, PASSWORD, SCHOOL_A, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

type ID = number | string
type Answer = { status: number; headers: Headers; text: string; json: any }

const VALID_MESSAGE = 'Đề nghị nhà trường bố trí thêm chỗ để xe cho phụ huynh đón con buổi chiều.'

/**
 * The public feedback form (issue 18 item 6): POST /api/feedback through Payload's real REST route
 * handler, as nginx hands it over from the school's host (a plain form post or the page's fetch), and
 * the moderation queue behind it: who reads the messages, and that no other anonymous write path exists.
 */
describe(`public feedback form and its moderation queue (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  let post: ReturnType<typeof REST_POST>
  const tokens: Partial<Record<Who | 'outsideOfficer', string>> = {}

  /** A POST to /api/feedback with full control of the body and headers. */
  async function submit(
    body: string | Record<string, unknown>,
    options: { json?: boolean; accept?: 'json' | 'html'; from?: string; headers?: Record<string, string>; path?: string } = {},
  ): Promise<Answer> {
    const asJson = options.json ?? false
    const headers: Record<string, string> = {
      'content-type': asJson ? 'application/json' : 'application/x-www-form-urlencoded',
      accept: options.accept === 'json' ? 'application/json' : 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      // The browser's language does not matter: the public reads Vietnamese.
      'accept-language': 'en-US,en;q=0.9',
      ...(options.from ? { 'x-forwarded-for': options.from } : {}),
      ...options.headers,
    }
    const text = typeof body === 'string' ? body : asJson ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString()
    const path = options.path ?? '/api/feedback'
    const response = await post(new Request(`http://localhost:3000${path}`, { method: 'POST', headers, body: text }), {
      params: Promise.resolve({ slug: path.replace(/^\/api\//, '').replace(/\?.*$/, '').split('/').filter(Boolean) }),
    })
    const answer = await response.text()
    let json: unknown = null
    try {
      json = JSON.parse(answer)
    } catch {
      // an HTML page
    }
    return { status: response.status, headers: response.headers, text: answer, json }
  }

  const form = (extra: Record<string, string> = {}) => ({ school: SCHOOL_A, name: 'Nguyễn Văn An', contact: 'an.nguyen@example.vn', subject: 'Chỗ để xe', message: VALID_MESSAGE, website: '', ...extra })
  const count = async () => (await cms.payload.count({ collection: 'feedback', overrideAccess: true })).totalDocs
  const list = (who?: keyof typeof tokens) => cms.rest.request('GET', '/feedback?limit=100&depth=0', who ? { token: tokens[who] } : {})

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    post = REST_POST(cms.config)
    // An officer of a ward that oversees neither school.
    const ward = await cms.payload.create({ collection: 'tiers', overrideAccess: true, data: { name: 'UBND phường khác', code: 'ward-other', kind: 'ubnd-xa' } as never })
    await createUser(cms.payload, 'chuyenvien.phuongkhac@test.vn', { districtRoles: ['district-officer'], tier: ward.id } as never)
    tokens.outsideOfficer = await cms.rest.login('chuyenvien.phuongkhac@test.vn', PASSWORD)
    for (const who of ['principalA', 'vicePrincipalA', 'schoolAdminA', 'teacherA', 'teamLeaderA', 'principalB', 'teacherB', 'districtOfficer'] as const) tokens[who] = await cms.rest.login(fx.emails[who], PASSWORD)
  })
  afterAll(async () => {
    await cms?.close()
  })

  let storedId: ID

  it('stores a plain form post, answers 303 to the thank-you page and e-mails the school’s board', async () => {
    cms.sentEmails.length = 0
    const answer = await submit(form(), { from: '203.0.113.7' })
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe('/gop-y/cam-on/')
    const stored = await cms.payload.find({ collection: 'feedback', overrideAccess: true, depth: 0 })
    expect(stored.totalDocs).toBe(1)
    const doc = stored.docs[0] as Record<string, unknown>
    storedId = doc.id as ID
    expect(doc).toMatchObject({ school: fx.schoolA, name: 'Nguyễn Văn An', contact: 'an.nguyen@example.vn', subject: 'Chỗ để xe', message: VALID_MESSAGE, status: 'new' })
    expect(Math.abs(Date.parse(String(doc.receivedAt)) - Date.now())).toBeLessThan(60_000)
    // The address only as a salted hash.
    expect(doc.addressHash).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(doc)).not.toContain('203.0.113.7')

    await cms.payload.jobs.run({ queue: 'email' })
    expect(cms.sentEmails).toHaveLength(1)
    const mail = cms.sentEmails[0]!
    expect(String(mail.to)).toContain(fx.emails.principalA)
    expect(String(mail.to)).toContain(fx.emails.vicePrincipalA)
    expect(String(mail.to)).not.toContain(fx.emails.teacherA)
    expect(String(mail.to)).not.toContain(fx.emails.principalB)
    expect(String(mail.subject)).toContain('Góp ý')
    expect(String(mail.subject)).toContain('Chỗ để xe')
    expect(String(mail.text)).toContain(VALID_MESSAGE)
    expect(String(mail.text)).toContain('an.nguyen@example.vn')
    expect(String(mail.text)).toContain(`/admin/collections/feedback/${storedId}`)
  })

  it('answers the page’s fetch with 201 JSON, and stores only the form’s fields (status always new)', async () => {
    const before = await count()
    const answer = await submit({ school: SCHOOL_A, message: '  Cảm ơn thầy cô đã tổ chức buổi họp phụ huynh rất chu đáo.  ', status: 'answered', note: 'injected', addressHash: 'x', receivedAt: '2020-01-01T00:00:00.000Z' }, { json: true, accept: 'json', from: '198.51.100.20' })
    expect(answer.status).toBe(201)
    expect(answer.json).toEqual({ ok: true, message: expect.stringContaining('Cảm ơn bạn đã gửi góp ý') })
    expect(await count()).toBe(before + 1)
    const latest = (await cms.payload.find({ collection: 'feedback', sort: '-id', limit: 1, overrideAccess: true, depth: 0 })).docs[0] as Record<string, unknown>
    expect(latest).toMatchObject({ status: 'new', message: 'Cảm ơn thầy cô đã tổ chức buổi họp phụ huynh rất chu đáo.' })
    expect(latest.note ?? null).toBeNull()
    expect(latest.name ?? null).toBeNull()
    expect(latest.addressHash).not.toBe('x')
    expect(String(latest.receivedAt) > '2025').toBe(true)
  })

  it('shows the messages to the school’s board and admin team only (and the office overseeing it)', async () => {
    const principal = await list('principalA')
    expect(principal.status).toBe(200)
    expect(principal.body.totalDocs).toBe(2)
    expect(principal.body.docs.every((d: { school: ID }) => String(d.school) === String(fx.schoolA))).toBe(true)
    // The hash never leaves the server.
    expect(principal.body.docs.some((d: Record<string, unknown>) => 'addressHash' in d)).toBe(false)
    expect((await list('vicePrincipalA')).body.totalDocs).toBe(2)
    expect((await list('schoolAdminA')).body.totalDocs).toBe(2)
    expect((await list('districtOfficer')).body.totalDocs).toBe(2)
    for (const who of ['principalB', 'teacherA', 'teamLeaderA', 'teacherB', 'outsideOfficer'] as const) {
      const res = await list(who)
      expect(res.status === 403 || res.body.totalDocs === 0, `${who}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(true)
    }
    const anonymous = await list()
    expect(anonymous.status === 403 || anonymous.body.totalDocs === 0).toBe(true)
    for (const who of ['principalB', 'teacherA', 'outsideOfficer'] as const) {
      expect([403, 404]).toContain((await cms.rest.request('GET', `/feedback/${storedId}`, { token: tokens[who] })).status)
    }
    expect([403, 404]).toContain((await cms.rest.request('GET', `/feedback/${storedId}`)).status)
  })

  it('refuses invalid fields with 400 and a Vietnamese message, storing nothing', async () => {
    const before = await count()
    const short = await submit(form({ message: '  ngắn  ' }), { accept: 'json', from: '192.0.2.1' })
    expect(short.status).toBe(400)
    expect(short.json.ok).toBe(false)
    expect(short.json.message).toContain('Góp ý chưa gửi được')
    expect(short.json.errors).toEqual([{ field: 'message', message: expect.stringContaining('ít nhất 10 ký tự') }])

    const several = await submit(form({ message: '', contact: 'không phải email', subject: 'x'.repeat(151) }), { accept: 'json', from: '192.0.2.1' })
    expect(several.status).toBe(400)
    expect(several.json.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contact', 'message', 'subject'])
    expect(several.json.errors.find((e: { field: string }) => e.field === 'message').message).toBe('Vui lòng nhập nội dung góp ý.')

    const tooLong = await submit(form({ message: 'a'.repeat(5001) }), { accept: 'json', from: '192.0.2.1' })
    expect(tooLong.status).toBe(400)
    expect(tooLong.json.errors[0].field).toBe('message')

    const unknownSchool = await submit(form({ school: 'khong-co-truong-nay' }), { accept: 'json', from: '192.0.2.1' })
    expect(unknownSchool.status).toBe(400)
    expect(unknownSchool.json.message).toContain('Không xác định được trường')
    expect(unknownSchool.json.errors[0].field).toBe('school')
    const noSchool = await submit({ message: VALID_MESSAGE }, { json: true, accept: 'json', from: '192.0.2.1' })
    expect(noSchool.status).toBe(400)
    expect(noSchool.json.errors[0].field).toBe('school')

    // Without Accept: application/json, the same refusal as a small self-contained page.
    const page = await submit(form({ message: 'ngắn' }), { from: '192.0.2.1' })
    expect(page.status).toBe(400)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.text).toContain('<html lang="vi">')
    expect(page.text).toContain('ít nhất 10 ký tự')
    expect(page.text).toContain('href="/gop-y/"')
    expect(page.text).not.toMatch(/<script|<link|src=|https?:\/\//i)

    // Markup in the fields is text on the page, never markup.
    const markup = await submit(form({ message: '<script>alert(1)</script>', contact: '<b>x</b>' }), { from: '192.0.2.1' })
    expect(markup.status).toBe(400)
    expect(markup.text).not.toContain('<script>')

    // Neither a bad body nor multipart.
    expect((await submit('{not json', { json: true, accept: 'json', from: '192.0.2.1' })).status).toBe(400)
    expect((await submit('[1,2]', { json: true, accept: 'json', from: '192.0.2.1' })).status).toBe(400)
    const multipart = await submit('x', { accept: 'json', from: '192.0.2.1', headers: { 'content-type': 'multipart/form-data; boundary=abc' } })
    expect(multipart.status).toBe(400)
    expect(multipart.json.message).toContain('Không đọc được')
    expect(await count()).toBe(before)
  })

  it('refuses a filled honeypot (400) and a body over 16 KB (413), storing nothing', async () => {
    const before = await count()
    const honeypot = await submit(form({ website: 'http://spam.example' }), { accept: 'json', from: '192.0.2.2' })
    expect(honeypot.status).toBe(400)
    expect(honeypot.json.message).toContain('chống thư rác')
    expect(honeypot.json.errors[0].field).toBe('website')
    expect((await submit(form({ website: 'x' }), { from: '192.0.2.2' })).status).toBe(400)

    // Streamed (no declared length) and declared: both refused before parsing.
    const big = new URLSearchParams(form({ message: 'a'.repeat(17 * 1024) })).toString()
    const streamed = await submit(big, { accept: 'json', from: '192.0.2.2' })
    expect(streamed.status).toBe(413)
    expect(streamed.json.message).toContain('16 KB')
    const declared = await submit(big, { from: '192.0.2.2', headers: { 'content-length': String(Buffer.byteLength(big)) } })
    expect(declared.status).toBe(413)
    expect(declared.text).toContain('<html lang="vi">')
    expect(await count()).toBe(before)
  })

  it('limits one address to 3 messages in 10 minutes and 10 a day, counted in the database', async () => {
    const from = '203.0.113.99'
    for (let i = 1; i <= 3; i++) expect((await submit(form({ subject: `Lần ${i}` }), { accept: 'json', from: `${from}, 10.0.0.1` })).status).toBe(201)
    const before = await count()
    const fourth = await submit(form({ subject: 'Lần 4' }), { accept: 'json', from })
    expect(fourth.status).toBe(429)
    expect(fourth.json.ok).toBe(false)
    expect(fourth.json.message).toContain('Vui lòng thử lại sau')
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(500)
    const page = await submit(form({ subject: 'Lần 4' }), { from })
    expect(page.status).toBe(429)
    expect(page.text).toContain('href="/gop-y/"')
    expect(await count()).toBe(before)
    // Another address is not affected; the same one through its IPv4-mapped form is.
    expect((await submit(form(), { accept: 'json', from: '203.0.113.100' })).status).toBe(201)
    expect((await submit(form(), { accept: 'json', from: `::ffff:${from}` })).status).toBe(429)

    // The day: 10 messages from one address in the last 24 hours (older than 10 minutes) → refused.
    const dayFrom = '2001:db8:1:2::10'
    expect((await submit(form(), { accept: 'json', from: dayFrom })).status).toBe(201)
    const first = (await cms.payload.find({ collection: 'feedback', sort: '-id', limit: 1, overrideAccess: true, depth: 0 })).docs[0] as unknown as { addressHash: string }
    for (let i = 0; i < 9; i++) {
      await cms.payload.create({ collection: 'feedback', overrideAccess: true, data: { school: fx.schoolA, message: VALID_MESSAGE, status: 'new', receivedAt: new Date(Date.now() - (2 + i) * 3_600_000).toISOString(), addressHash: first.addressHash } as never })
    }
    const total = await count()
    // Another address of the same IPv6 /64 network counts as the same sender.
    const daily = await submit(form(), { accept: 'json', from: '2001:db8:1:2:abcd::1' })
    expect(daily.status).toBe(429)
    expect(daily.json.message).toContain('24 giờ')
    expect(await count()).toBe(total)
  })

  it('opens no other anonymous write path: REST create, update, delete, duplicate, GraphQL', async () => {
    const before = await count()
    const original = (await cms.payload.findByID({ collection: 'feedback', id: storedId, overrideAccess: true, depth: 0 })) as Record<string, unknown>
    // PATCH / DELETE / duplicate without an account, or by someone outside the school's board.
    expect([401, 403]).toContain((await cms.rest.request('PATCH', `/feedback/${storedId}`, { body: { status: 'archived' } })).status)
    expect([401, 403]).toContain((await cms.rest.request('PATCH', `/feedback?where[id][equals]=${storedId}`, { body: { status: 'archived' } })).status)
    expect([401, 403]).toContain((await cms.rest.request('DELETE', `/feedback/${storedId}`)).status)
    expect([401, 403, 404]).toContain((await cms.rest.request('POST', `/feedback/${storedId}/duplicate`, { body: {} })).status)
    for (const who of ['teacherA', 'principalB', 'outsideOfficer', 'districtOfficer'] as const) {
      const res = await cms.rest.request('PATCH', `/feedback/${storedId}`, { token: tokens[who], body: { status: 'archived' } })
      expect([403, 404], `${who} PATCH`).toContain(res.status)
    }
    const mutation = 'mutation { createFeedback(data: { message: "Góp ý qua GraphQL, không được phép.", receivedAt: "2026-01-01T00:00:00.000Z", status: new }) { id } }'
    const graphqlAnonymous = await cms.rest.graphql(mutation)
    expect(graphqlAnonymous.body.errors?.length, JSON.stringify(graphqlAnonymous.body)).toBeGreaterThan(0)
    expect(JSON.stringify(graphqlAnonymous.body.errors)).not.toMatch(/Cannot query field|Unknown argument/)
    const graphqlPrincipal = await cms.rest.graphql(mutation, tokens.principalA)
    expect(graphqlPrincipal.body.errors?.length).toBeGreaterThan(0)
    const graphqlUpdate = await cms.rest.graphql(`mutation { updateFeedback(id: ${JSON.stringify(storedId)}, data: { status: archived }) { id } }`)
    expect(graphqlUpdate.body.errors?.length).toBeGreaterThan(0)
    const graphqlRead = await cms.rest.graphql('{ FeedbackList { totalDocs docs { message } } }')
    expect(graphqlRead.body.data?.FeedbackList?.totalDocs ?? 0).toBe(0)
    expect(await count()).toBe(before)
    expect(((await cms.payload.findByID({ collection: 'feedback', id: storedId, overrideAccess: true, depth: 0 })) as Record<string, unknown>).status).toBe(original.status)
  })

  it('lets the board keep the status and an internal note, never change what the public wrote; only the principal deletes', async () => {
    const patched = await cms.rest.request('PATCH', `/feedback/${storedId}`, { token: tokens.vicePrincipalA, body: { status: 'answered', note: 'Đã gọi điện trả lời phụ huynh.', message: 'Sửa nội dung', name: 'Người khác' } })
    expect(patched.status).toBe(200)
    const doc = (await cms.payload.findByID({ collection: 'feedback', id: storedId, overrideAccess: true, depth: 0 })) as Record<string, unknown>
    expect(doc).toMatchObject({ status: 'answered', note: 'Đã gọi điện trả lời phụ huynh.', message: VALID_MESSAGE, name: 'Nguyễn Văn An' })
    expect((await cms.rest.request('PATCH', `/feedback/${storedId}`, { token: tokens.schoolAdminA, body: { status: 'archived' } })).status).toBe(200)
    expect([403, 404]).toContain((await cms.rest.request('DELETE', `/feedback/${storedId}`, { token: tokens.vicePrincipalA })).status)
    expect([403, 404]).toContain((await cms.rest.request('DELETE', `/feedback/${storedId}`, { token: tokens.principalB })).status)
    expect((await cms.rest.request('DELETE', `/feedback/${storedId}`, { token: tokens.principalA })).status).toBe(200)
    expect(await cms.payload.findByID({ collection: 'feedback', id: storedId, overrideAccess: true, disableErrors: true })).toBeNull()
  })

  it('is listed newest first under the website group, and never in the published snapshot', async () => {
    const config = cms.payload.collections.feedback!.config
    expect(config.defaultSort).toBe('-receivedAt')
    expect(config.admin.defaultColumns?.slice(0, 3)).toEqual(['receivedAt', 'subject', 'status'])
    expect(config.admin.group).toEqual({ vi: 'Website', en: 'Website' })
    const hidden = config.admin.hidden as (args: { user: unknown }) => boolean
    const user = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true, depth: 0 })).docs[0]
    expect(hidden({ user: await user(fx.emails.principalA) })).toBe(false)
    expect(hidden({ user: await user(fx.emails.teacherA) })).toBe(true)
    // The school's published snapshot (what its static site is built from) holds none of it.
    expect(await count()).toBeGreaterThan(0)
    const { snapshot } = await exportSchoolSnapshot(cms.payload, SCHOOL_A, { snapshotsDir: path.join(cms.dataDir, 'feedback-snapshots'), uploadsDir: path.join(cms.dataDir, 'uploads') })
    const text = JSON.stringify(snapshot)
    expect(text).not.toContain(VALID_MESSAGE)
    expect(text).not.toContain('Nguyễn Văn An')
  })
})
