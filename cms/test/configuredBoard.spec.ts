import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

// Issue 11, item 3: a project's configured board (here the vice-principal alone) is the board for
// images, attachments and the introduction too, not only for posts; the default board's other
// role (the principal) gets no board rights there.

const PNG = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).png().toBuffer()
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 2\ntrailer<</Root 1 0 R>>\nstartxref\n0\n%%EOF\n')

describe(`a non-default board (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>

  beforeAll(async () => {
    cms = await startTestCms({ workflow: { roles: { board: ['vice-principal'] } } })
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
  })
  afterAll(async () => {
    await cms?.close()
  })

  const teacher = async () => (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]!
  const refused = (status: number) => expect([403, 404]).toContain(status)

  /** A teacher's upload, made as the teacher (the authors' create right). */
  const upload = async (collection: 'media' | 'documents', name: string) =>
    collection === 'media'
      ? cms.payload.create({ collection, data: { alt: `Ảnh ${name}`, school: fx.schoolA } as never, file: { data: PNG, mimetype: 'image/png', name, size: PNG.length }, overrideAccess: false, user: await teacher() })
      : cms.payload.create({ collection, data: { title: `Tệp ${name}`, school: fx.schoolA } as never, file: { data: PDF, mimetype: 'application/pdf', name, size: PDF.length }, overrideAccess: false, user: await teacher() })

  it.each([
    ['media', 'alt'],
    ['documents', 'title'],
  ] as const)('the configured board changes and removes a teacher’s %s; the principal (not on this board) cannot', async (collection, field) => {
    const file = await upload(collection, collection === 'media' ? 'anh-bia.png' : 'ke-hoach.pdf')
    const stored = async () => (await cms.payload.findByID({ collection, id: file.id, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null

    refused((await cms.rest.request('PATCH', `/${collection}/${file.id}`, { token: tokens.principalA, body: { [field]: 'Hiệu trưởng sửa' } })).status)
    refused((await cms.rest.request('DELETE', `/${collection}/${file.id}`, { token: tokens.principalA })).status)
    expect((await stored())?.[field]).not.toBe('Hiệu trưởng sửa')

    const edit = await cms.rest.request('PATCH', `/${collection}/${file.id}`, { token: tokens.vicePrincipalA, body: { [field]: 'Phó hiệu trưởng sửa' } })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    expect((await stored())?.[field]).toBe('Phó hiệu trưởng sửa')
    const removed = await cms.rest.request('DELETE', `/${collection}/${file.id}`, { token: tokens.vicePrincipalA })
    expect(removed.status, JSON.stringify(removed.body)).toBe(200)
    expect(await stored()).toBeNull()
  })

  it('the configured board publishes the introduction; the principal cannot edit it; the school admin still only drafts', async () => {
    const intro = (await cms.payload.find({ collection: 'introductions', where: { school: { equals: fx.schoolA } }, limit: 1, draft: true, overrideAccess: true })).docs[0]!
    const publicName = async () => (await cms.rest.request('GET', `/introductions/${intro.id}`)).body.schoolName

    refused((await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.principalA, body: { schoolName: 'Trường A (hiệu trưởng)', _status: 'published' } })).status)
    refused((await cms.rest.request('PATCH', `/introductions/${intro.id}?draft=true`, { token: tokens.principalA, body: { schoolName: 'Trường A (nháp)' } })).status)

    const publish = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.vicePrincipalA, body: { schoolName: 'Trường A', _status: 'published' } })
    expect(publish.status, JSON.stringify(publish.body)).toBe(200)
    expect(await publicName()).toBe('Trường A')

    const sneaky = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.schoolAdminA, body: { schoolName: 'Trường A (lén)', _status: 'published' } })
    expect(sneaky.status).toBe(403)
    const draft = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.schoolAdminA, body: { schoolName: 'Trường A (sửa)' } })
    expect(draft.status, JSON.stringify(draft.body)).toBe(200)
    expect(await publicName()).toBe('Trường A')
  })
})
