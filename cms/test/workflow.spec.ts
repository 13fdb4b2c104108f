import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, SCHOOL_A, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type RestResponse, type TestCms } from './helpers.ts'

type Action = 'submit' | 'approve' | 'publish' | 'return' | 'unpublish'

// The approval workflow through REST with real logins (author → team leader → board → public).
describe(`website workflow over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
  })
  afterAll(async () => {
    await cms?.close()
  })

  const act = (who: Who, id: number | string, action: Action, extra: Record<string, unknown> = {}) =>
    cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens[who], body: { action, ...extra } })

  const expectOk = (res: RestResponse, to: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.to).toBe(to)
  }

  async function createPost(who: Who, data: Record<string, unknown> = {}) {
    const res = await cms.rest.request('POST', '/posts', {
      token: tokens[who],
      body: { title: 'Thông báo tuyển sinh lớp 1', section: 'thong-bao', department: fx.departments['Tổ 4-5'], summary: 'Bản đầu', ...data },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body.doc as { id: number | string; slug: string; workflowState: string; department?: unknown }
  }

  /** The stored working copy and its history, read as the server sees them. */
  async function stored(id: number | string) {
    const latest = await cms.payload.findByID({ collection: 'posts', id, draft: true, depth: 0, overrideAccess: true })
    const events = await cms.payload.find({ collection: 'workflow-events', where: { documentId: { equals: String(id) } }, sort: 'createdAt', pagination: false, depth: 0, overrideAccess: true })
    return { state: latest.workflowState, status: latest._status, title: latest.title, events: events.docs }
  }

  async function postInState(state: 'draft' | 'submitted' | 'leader-approved' | 'published') {
    const post = await createPost('teacherA', { title: `Bài ở trạng thái ${state} ${Math.random()}` })
    if (state === 'draft') return post.id
    expectOk(await act('teacherA', post.id, 'submit'), 'submitted')
    if (state === 'submitted') return post.id
    expectOk(await act('teamLeaderA', post.id, 'approve'), 'leader-approved')
    if (state === 'leader-approved') return post.id
    expectOk(await act('principalA', post.id, 'publish'), 'published')
    return post.id
  }

  const publicFind = (query: string) => cms.rest.request('GET', `/posts?${query}`)

  /** Departments are records of the school (one spelling everywhere). */
  const departmentId = async (name: keyof Fixture['departments']) => fx.departments[name]

  it("shows reviewers the author's name, and nothing else of the account; nobody anonymous sees it", async () => {
    const post = await createPost('teacherA', { title: `Bài có tên tác giả ${Math.random()}` })
    expectOk(await act('teacherA', post.id, 'submit'), 'submitted')
    const leader = await cms.rest.request('GET', `/posts/${post.id}?draft=true&depth=1`, { token: tokens.teamLeaderA })
    expect(leader.status).toBe(200)
    expect(leader.body.authorName).toBe(fx.emails.teacherA.split('@')[0])
    // The account itself stays out of reach: the relation is an id, not the user's document.
    expect(typeof leader.body.author === 'object' && leader.body.author !== null ? Object.keys(leader.body.author) : []).not.toContain('email')
    expectOk(await act('teamLeaderA', post.id, 'approve'), 'leader-approved')
    expectOk(await act('principalA', post.id, 'publish'), 'published')
    const anonymous = await cms.rest.request('GET', `/posts/${post.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.authorName).toBeUndefined()
    expect(anonymous.body.author).toBeUndefined()
  })

  it('carries a post from a teacher to the public, and keeps the live version during a re-review', async () => {
    const post = await createPost('teacherA')
    expect(post.workflowState).toBe('draft')
    expect(post.slug).toBe('thong-bao-tuyen-sinh-lop-1')
    expect((await publicFind(`where[id][equals]=${post.id}`)).body.docs).toHaveLength(0)

    expectOk(await act('teacherA', post.id, 'submit'), 'submitted')
    expectOk(await act('teamLeaderA', post.id, 'approve'), 'leader-approved')
    expect((await publicFind(`where[id][equals]=${post.id}`)).body.docs).toHaveLength(0)
    expectOk(await act('principalA', post.id, 'publish'), 'published')

    const live = await publicFind(`where[slug][equals]=${post.slug}`)
    expect(live.status).toBe(200)
    expect(live.body.docs).toHaveLength(1)
    const publicDoc = live.body.docs[0]
    expect(publicDoc.summary).toBe('Bản đầu')
    expect(publicDoc.publishedDate).toBeTruthy()
    // No reviewer identities, workflow history or internal fields for the public.
    for (const field of ['author', 'workflowHistory', 'workflowState', 'lastReturnReason', 'consent', 'showsStudents']) {
      expect(publicDoc, field).not.toHaveProperty(field)
    }

    // The teacher edits the live post: a new draft; the public keeps the published text.
    const edit = await cms.rest.request('PATCH', `/posts/${post.id}`, { token: tokens.teacherA, body: { summary: 'Bản sửa' } })
    expect(edit.status, JSON.stringify(edit.body)).toBe(200)
    expect((await stored(post.id)).state).toBe('draft')
    expect((await publicFind(`where[id][equals]=${post.id}`)).body.docs[0].summary).toBe('Bản đầu')
    // Asking for drafts anonymously never reveals the pending edit.
    expect(JSON.stringify((await publicFind(`where[id][equals]=${post.id}&draft=true`)).body)).not.toContain('Bản sửa')
    expect(JSON.stringify((await cms.rest.request('GET', `/posts/${post.id}?draft=true`)).body)).not.toContain('Bản sửa')
    expectOk(await act('teacherA', post.id, 'submit'), 'submitted')
    expectOk(await act('teamLeaderA', post.id, 'approve'), 'leader-approved')
    expect((await publicFind(`where[id][equals]=${post.id}`)).body.docs[0].summary).toBe('Bản đầu')
    expectOk(await act('vicePrincipalA', post.id, 'publish'), 'published')
    expect((await publicFind(`where[id][equals]=${post.id}`)).body.docs[0].summary).toBe('Bản sửa')

    // Every transition recorded: who, role, from → to, which version.
    const { events } = await stored(post.id)
    expect(events.map((e) => [e.action, e.fromState, e.toState, e.actorRole])).toEqual([
      ['submit', 'draft', 'submitted', 'author'],
      ['approve', 'submitted', 'leader-approved', 'team-leader'],
      ['publish', 'leader-approved', 'published', 'principal'],
      ['submit', 'draft', 'submitted', 'author'],
      ['approve', 'submitted', 'leader-approved', 'team-leader'],
      ['publish', 'leader-approved', 'published', 'vice-principal'],
    ])
    expect(events.every((e) => e.versionId && e.actor)).toBe(true)
    expect(new Set(events.map((e) => e.versionId)).size).toBe(6)

    // History is on the document in the admin (join field), for signed-in members only.
    const asPrincipal = await cms.rest.request('GET', `/posts/${post.id}?depth=0`, { token: tokens.principalA })
    expect(asPrincipal.body.workflowHistory.docs).toHaveLength(6)
    expect((await cms.rest.request('GET', '/workflow-events')).status).toBe(403)

    // Then the board takes it down.
    expectOk(await act('principalA', post.id, 'unpublish'), 'unpublished')
    expect((await publicFind(`where[id][equals]=${post.id}`)).body.docs).toHaveLength(0)
    // Notifications: leader on submit, board on approval, the author on publish (sent by the e-mail job).
    await cms.payload.jobs.run({ queue: 'email', limit: 100 })
    const to = cms.sentEmails.map((m) => String(m.to))
    expect(to.some((t) => t.includes(fx.emails.teamLeaderA))).toBe(true)
    expect(to.some((t) => t.includes(fx.emails.principalA) && t.includes(fx.emails.vicePrincipalA))).toBe(true)
    expect(to.filter((t) => t === fx.emails.teacherA).length).toBeGreaterThanOrEqual(2)
    expect(to.some((t) => t.includes(fx.emails.teamLeaderA2))).toBe(false)
  })

  describe('forbidden transitions are refused and change nothing', () => {
    const actors: (Who | null)[] = ['teacherA', 'teacherA2', 'teamLeaderA', 'teamLeaderA2', 'principalA', 'vicePrincipalA', 'schoolAdminA', 'principalB', 'teacherB', 'districtOfficer', null]
    const actions: Action[] = ['submit', 'approve', 'publish', 'return', 'unpublish']
    // Written out by hand from the approval rules (docs/domain.md § Approval), not derived from the code under test.
    const allowed: Record<string, string[]> = {
      draft: ['teacherA:submit'],
      submitted: ['teamLeaderA:approve', 'teamLeaderA:return', 'principalA:return', 'vicePrincipalA:return'],
      'leader-approved': ['principalA:publish', 'vicePrincipalA:publish', 'principalA:return', 'vicePrincipalA:return'],
      published: ['principalA:unpublish', 'vicePrincipalA:unpublish'],
    }
    for (const state of Object.keys(allowed) as (keyof typeof allowed & string)[]) {
      it(`in state ${state}`, async () => {
        const id = await postInState(state as never)
        const before = await stored(id)
        let refused = 0
        for (const who of actors) {
          for (const action of actions) {
            if (who && allowed[state]!.includes(`${who}:${action}`)) continue
            const res = await cms.rest.request('POST', `/posts/${id}/workflow`, {
              token: who ? tokens[who] : undefined,
              body: { action, reason: 'Lý do thử' },
            })
            expect([401, 403, 404, 409], `${who ?? 'anonymous'} ${action} in ${state}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status)
            expect(res.body.errors?.[0]?.message, `${who} ${action}`).toBeTruthy()
            refused++
          }
        }
        const after = await stored(id)
        expect(after.state).toBe(before.state)
        expect(after.status).toBe(before.status)
        expect(after.title).toBe(before.title)
        expect(after.events.map((e) => e.id)).toEqual(before.events.map((e) => e.id))
        expect(refused).toBe(actors.length * actions.length - allowed[state]!.length)
      })
    }

    it('nobody publishes by writing _status or the state directly (REST, GraphQL, Local API)', async () => {
      const id = await postInState('leader-approved')
      const direct = await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.teacherA, body: { _status: 'published' } })
      expect(direct.status).toBe(403)
      expect(JSON.stringify(direct.body)).toContain('Không thể đăng trực tiếp')
      const asBoard = await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.principalA, body: { _status: 'published' } })
      expect(asBoard.status).toBe(403)
      const state = await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.teacherA, body: { workflowState: 'published' } })
      expect(state.status).toBe(403)
      const created = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Đăng luôn', section: 'thong-bao', _status: 'published' } })
      expect(created.status).toBe(403)
      const gql = await cms.rest.graphql(`mutation { updatePost(id: ${JSON.stringify(id)}, data: { _status: published }) { id } }`, tokens.teacherA)
      expect(gql.body.errors?.length).toBeGreaterThan(0)
      const teacher = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]
      await expect(
        cms.payload.update({ collection: 'posts', id, data: { _status: 'published' } as never, overrideAccess: false, user: teacher }),
      ).rejects.toThrow()
      const after = await stored(id)
      expect([after.state, after.status]).toEqual(['leader-approved', 'draft'])
      expect((await publicFind(`where[id][equals]=${id}`)).body.docs).toHaveLength(0)
    })

    it('restoring an earlier published version never puts it live again', async () => {
      const id = await postInState('published')
      expectOk(await act('principalA', id, 'unpublish'), 'unpublished')
      const versions = await cms.payload.findVersions({
        collection: 'posts',
        where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
        depth: 0,
        overrideAccess: true,
      })
      expect(versions.docs.length).toBeGreaterThan(0)
      const versionId = versions.docs[0]!.id
      const before = await stored(id)
      for (const who of ['teacherA', 'teamLeaderA', 'principalA'] as const) {
        const res = await cms.rest.request('POST', `/posts/versions/${versionId}`, { token: tokens[who] })
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(403)
        expect(JSON.stringify(res.body)).toContain('bản nháp')
        expect((await publicFind(`where[id][equals]=${id}`)).body.docs, who).toHaveLength(0)
      }
      expect(await stored(id)).toEqual(before)
      // Restoring as a draft is allowed: it is a new working copy that goes through review again.
      const asDraft = await cms.rest.request('POST', `/posts/versions/${versionId}?draft=true`, { token: tokens.teacherA })
      expect(asDraft.status, JSON.stringify(asDraft.body)).toBe(200)
      expect((await publicFind(`where[id][equals]=${id}`)).body.docs).toHaveLength(0)
      expect((await stored(id)).state).toBe('draft')
    })

    it('a school admin’s edit of the live introduction stays a draft until the board publishes it', async () => {
      // Every school has its introduction from its creation (an empty draft); it is published here.
      const made = await cms.payload.find({ collection: 'introductions', where: { school: { equals: fx.schoolA } }, limit: 1, overrideAccess: true })
      const intro = await cms.payload.update({
        collection: 'introductions',
        id: made.docs[0]!.id,
        data: { schoolName: 'Trường A', _status: 'published' } as never,
        overrideAccess: true,
      })
      const publicName = async () => (await cms.rest.request('GET', `/introductions/${intro.id}`)).body.schoolName
      expect(await publicName()).toBe('Trường A')
      const edit = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.schoolAdminA, body: { schoolName: 'Trường A (sửa)' } })
      expect(edit.status, JSON.stringify(edit.body)).toBe(200)
      expect(await publicName()).toBe('Trường A')
      const sneaky = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.schoolAdminA, body: { schoolName: 'Trường A (lén)', _status: 'published' } })
      expect(sneaky.status).toBe(403)
      expect(await publicName()).toBe('Trường A')
      const publish = await cms.rest.request('PATCH', `/introductions/${intro.id}`, { token: tokens.principalA, body: { schoolName: 'Trường A (mới)', _status: 'published' } })
      expect(publish.status, JSON.stringify(publish.body)).toBe(200)
      expect(await publicName()).toBe('Trường A (mới)')
    })

    it('an image is changed or removed only by its uploader or the board', async () => {
      const sharp = (await import('sharp')).default
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } }).png().toBuffer()
      const teacher = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]!
      const media = await cms.payload.create({
        collection: 'media',
        data: { alt: 'Ảnh bìa', school: fx.schoolA } as never,
        file: { data: png, mimetype: 'image/png', name: 'bia.png', size: png.length },
        overrideAccess: false,
        user: teacher,
      })
      const idOf = (v: unknown) => String((v as { id?: unknown } | null)?.id ?? v)
      expect(idOf((media as { uploadedBy?: unknown }).uploadedBy)).toBe(String(teacher.id))
      const colleague = await cms.rest.request('PATCH', `/media/${media.id}`, { token: tokens.teacherA2, body: { alt: 'Đổi trộm' } })
      expect([403, 404]).toContain(colleague.status)
      expect((await cms.rest.request('DELETE', `/media/${media.id}`, { token: tokens.teamLeaderA2 })).status).not.toBe(200)
      const stolen = await cms.rest.request('PATCH', `/media/${media.id}`, { token: tokens.teacherA2, body: { uploadedBy: (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA2 } }, overrideAccess: true })).docs[0]!.id } })
      expect([403, 404]).toContain(stolen.status)
      expect((await cms.rest.request('PATCH', `/media/${media.id}`, { token: tokens.teacherA, body: { alt: 'Ảnh bìa mới' } })).status).toBe(200)
      expect((await cms.rest.request('PATCH', `/media/${media.id}`, { token: tokens.principalA, body: { alt: 'Ảnh bìa (BGH)' } })).status).toBe(200)
      const stored = await cms.payload.findByID({ collection: 'media', id: media.id, depth: 0, overrideAccess: true })
      expect([stored.alt, idOf((stored as { uploadedBy?: unknown }).uploadedBy)]).toEqual(['Ảnh bìa (BGH)', String(teacher.id)])
    })

    it('an author sends posts only to their own department and cannot backdate them', async () => {
      const res = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Gửi nhầm tổ', section: 'thong-bao', department: fx.departments['Tổ 1-2-3'] } })
      expect(res.status).toBe(403)
      expect(JSON.stringify(res.body)).toContain('tổ của mình')
      const post = await createPost('teacherA', { title: 'Bài ghim', publishedDate: '2099-01-01T00:00:00.000Z' })
      const moved = await cms.rest.request('PATCH', `/posts/${post.id}`, { token: tokens.teacherA, body: { department: fx.departments['Tổ 1-2-3'] } })
      expect(moved.status).toBe(403)
      const latest = await cms.payload.findByID({ collection: 'posts', id: post.id, draft: true, depth: 0, overrideAccess: true })
      expect([latest.department, latest.publishedDate ?? null]).toEqual([await departmentId('Tổ 4-5'), null])
      // The board may file its own post under any department.
      await createPost('principalA', { title: 'Bài của BGH', department: fx.departments['Tổ 1-2-3'] })
    })

    it('nobody writes content into another school', async () => {
      const res = await cms.rest.request('POST', '/posts', { token: tokens.teacherA, body: { title: 'Nhầm trường', section: 'thong-bao', school: fx.schoolB } })
      expect(res.status).toBe(403)
      const id = await postInState('draft')
      const other = await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.principalB, body: { title: 'Sửa trộm' } })
      expect([403, 404]).toContain(other.status)
      const colleague = await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.teacherA2, body: { title: 'Sửa bài đồng nghiệp' } })
      expect([403, 404]).toContain(colleague.status)
      expect((await stored(id)).title).not.toMatch(/Sửa/)
    })
  })

  describe('departments are the school’s records, and the latest draft decides', () => {
    it('pre-fills the author’s department from their membership', async () => {
      const post = await createPost('teacherA', { title: `Tổ tự điền ${Math.random()}`, department: undefined })
      const idOf = (doc: { department?: unknown }) => (doc.department as { id?: unknown } | null)?.id ?? doc.department
      expect(idOf(post)).toEqual(await departmentId('Tổ 4-5'))
      const blank = await createPost('teamLeaderA2', { title: `Tổ tự điền 2 ${Math.random()}`, department: undefined })
      expect(idOf(blank)).toEqual(await departmentId('Tổ 1-2-3'))
    })

    it('refuses a department that does not exist or belongs to another school, and changes nothing', async () => {
      const post = await createPost('teacherA', { title: `Tổ lạ ${Math.random()}` })
      for (const department of ['Tổ Chuyên môn 1', 987654, { $ne: null }]) {
        const unknown = await cms.rest.request('PATCH', `/posts/${post.id}`, { token: tokens.teacherA, body: { department, title: 'Đổi' } })
        expect(unknown.status, JSON.stringify(unknown.body)).toBe(400)
      }
      const foreign = await cms.payload.create({ collection: 'departments', data: { school: fx.schoolB, name: 'Tổ 4-5' } as never, overrideAccess: true })
      const other = await cms.rest.request('PATCH', `/posts/${post.id}`, { token: tokens.teacherA, body: { department: foreign.id, title: 'Đổi' } })
      expect(other.status).toBe(400)
      expect(JSON.stringify(other.body)).toContain('không thuộc trường')
      const created = await cms.rest.request('POST', '/posts', { token: tokens.principalA, body: { title: 'Tổ trường khác', section: 'thong-bao', department: foreign.id } })
      expect(created.status).toBe(400)
      const latest = await cms.payload.findByID({ collection: 'posts', id: post.id, draft: true, depth: 0, overrideAccess: true })
      expect([latest.title, latest.department]).toEqual([expect.not.stringMatching(/^Đổi$/), await departmentId('Tổ 4-5')])
    })

    it('a department filled in after the first save reaches its team leader, who can edit, approve and return', async () => {
      // A new colleague whose account has no department yet: the first save has none.
      const email = `giaovienmoi.${Date.now()}@test.vn`
      await cms.payload.create({ collection: 'users', overrideAccess: true, data: { email, password: PASSWORD, fullName: 'Giáo viên mới', memberships: [{ school: fx.schoolA, roles: ['teacher'] }] } as never })
      const token = await cms.rest.login(email, PASSWORD)
      const created = await cms.rest.request('POST', '/posts', { token, body: { title: `Tổ điền sau ${Math.random()}`, section: 'thong-bao' } })
      expect(created.status, JSON.stringify(created.body)).toBe(201)
      const id = created.body.doc.id
      expect(created.body.doc.department ?? null).toBeNull()
      const refused = await cms.rest.request('POST', `/posts/${id}/workflow`, { token, body: { action: 'submit' } })
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.body)).toContain('Chọn tổ chuyên môn')
      const filled = await cms.rest.request('PATCH', `/posts/${id}?draft=true`, { token, body: { department: await departmentId('Tổ 4-5') } })
      expect(filled.status, JSON.stringify(filled.body)).toBe(200)
      // The main row still has the first save's (empty) department: only the draft has it.
      const main = await cms.payload.findByID({ collection: 'posts', id, draft: false, depth: 0, overrideAccess: true })
      expect(main.department ?? null).toBeNull()
      expectOk(await cms.rest.request('POST', `/posts/${id}/workflow`, { token, body: { action: 'submit' } }), 'submitted')

      const queue = await cms.rest.request('GET', '/posts/review-queue', { token: tokens.teamLeaderA })
      expect(queue.body.awaitingMyReview.find((i: { id: unknown }) => String(i.id) === String(id))).toMatchObject({ department: 'Tổ 4-5' })
      // The admin's edit rights (document access) come from the latest draft, as do the writes.
      const access = await cms.rest.request('POST', `/posts/access/${id}`, { token: tokens.teamLeaderA })
      expect(access.status).toBe(200)
      expect(access.body.update?.permission).toBe(true)
      const other = await cms.rest.request('POST', `/posts/access/${id}`, { token: tokens.teamLeaderA2 })
      expect(other.body.update?.permission ?? false).toBe(false)
      const typo = await cms.rest.request('PATCH', `/posts/${id}?draft=true`, { token: tokens.teamLeaderA, body: { summary: 'Tổ trưởng sửa lỗi chính tả' } })
      expect(typo.status, JSON.stringify(typo.body)).toBe(200)
      expect((await stored(id)).state).toBe('submitted')
      expect((await cms.rest.request('PATCH', `/posts/${id}?draft=true`, { token: tokens.teamLeaderA2, body: { summary: 'Tổ khác sửa' } })).status).toBe(403)
      expectOk(await act('teamLeaderA', id, 'return', { reason: 'Bổ sung địa điểm' }), 'returned')
      expectOk(await cms.rest.request('POST', `/posts/${id}/workflow`, { token, body: { action: 'submit' } }), 'submitted')
      expectOk(await act('teamLeaderA', id, 'approve'), 'leader-approved')
    })

    it('saving content under review withdraws it with a history step', async () => {
      const id = await postInState('submitted')
      const edit = await cms.rest.request('PATCH', `/posts/${id}?draft=true`, { token: tokens.teacherA, body: { summary: 'Sửa khi đang chờ duyệt' } })
      expect(edit.status, JSON.stringify(edit.body)).toBe(200)
      const { state, events } = await stored(id)
      expect(state).toBe('draft')
      expect(events.map((e) => [e.action, e.fromState, e.toState, e.actorRole])).toEqual([
        ['submit', 'draft', 'submitted', 'author'],
        ['withdraw', 'submitted', 'draft', 'author'],
      ])
      // The team leader's queue no longer has it; the author submits again.
      const queue = await cms.rest.request('GET', '/posts/review-queue', { token: tokens.teamLeaderA })
      expect(queue.body.awaitingMyReview.map((i: { id: unknown }) => String(i.id))).not.toContain(String(id))
      expectOk(await act('teacherA', id, 'submit'), 'submitted')
    })

    it('memberships point at the school’s departments too', async () => {
      const leader = await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teamLeaderA } }, depth: 0, overrideAccess: true })
      expect(leader.docs[0]!.memberships![0]!.department).toEqual(await departmentId('Tổ 4-5'))
      const foreign = await cms.payload.create({ collection: 'departments', data: { school: fx.schoolB, name: 'Tổ của trường B' } as never, overrideAccess: true })
      for (const department of ['Tổ Không Có', foreign.id]) {
        const res = await cms.rest.request('PATCH', `/users/${leader.docs[0]!.id}`, { token: tokens.principalA, body: { memberships: [{ school: fx.schoolA, roles: ['team-leader', 'teacher'], department }] } })
        expect(res.status, JSON.stringify(res.body)).toBe(400)
      }
      const after = await cms.payload.findByID({ collection: 'users', id: leader.docs[0]!.id, depth: 0, overrideAccess: true })
      expect(after.memberships![0]!.department).toEqual(await departmentId('Tổ 4-5'))
    })
  })

  describe('returning with a reason', () => {
    it('refuses a return without a reason and changes nothing', async () => {
      const id = await postInState('submitted')
      const res = await act('teamLeaderA', id, 'return', { reason: '  ' })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('Phải ghi lý do')
      expect((await stored(id)).state).toBe('submitted')
    })

    it('sends the post back to its author with the reason, in their queue and by e-mail', async () => {
      const id = await postInState('leader-approved')
      await cms.payload.jobs.run({ queue: 'email', limit: 100 })
      const before = cms.sentEmails.length
      expectOk(await act('principalA', id, 'return', { reason: 'Thiếu ảnh minh họa' }), 'returned')
      const queue = await cms.rest.request('GET', '/posts/review-queue', { token: tokens.teacherA })
      const item = queue.body.returnedToMe.find((i: { id: unknown }) => String(i.id) === String(id))
      expect(item?.reason).toBe('Thiếu ảnh minh họa')
      await cms.payload.jobs.run({ queue: 'email', limit: 100 })
      const mail = cms.sentEmails.slice(before).find((m) => String(m.to) === fx.emails.teacherA)
      expect(String(mail?.text)).toContain('Thiếu ảnh minh họa')
      const { events } = await stored(id)
      expect(events.at(-1)).toMatchObject({ action: 'return', reason: 'Thiếu ảnh minh họa', actorRole: 'principal' })
      // The author fixes it and submits again.
      expect((await cms.rest.request('PATCH', `/posts/${id}`, { token: tokens.teacherA, body: { summary: 'Đã thêm ảnh' } })).status).toBe(200)
      expectOk(await act('teacherA', id, 'submit'), 'submitted')
    })
  })

  describe('queues, shortcuts and safeguards', () => {
    it('shows each reviewer what awaits them, and only that', async () => {
      const id = await postInState('submitted')
      const mine = await cms.rest.request('GET', '/posts/review-queue', { token: tokens.teamLeaderA })
      expect(mine.body.awaitingMyReview.map((i: { id: unknown }) => String(i.id))).toContain(String(id))
      const other = await cms.rest.request('GET', '/posts/review-queue', { token: tokens.teamLeaderA2 })
      expect(other.body.awaitingMyReview.map((i: { id: unknown }) => String(i.id))).not.toContain(String(id))
      const board = await cms.rest.request('GET', '/posts/review-queue', { token: tokens.principalA })
      expect(board.body.awaitingMyReview.map((i: { id: unknown }) => String(i.id))).not.toContain(String(id))
    })

    it('lets a team leader’s own post skip their step and the board publish its own post directly', async () => {
      const leaderPost = await createPost('teamLeaderA', { title: 'Kế hoạch tổ 4-5' })
      expectOk(await act('teamLeaderA', leaderPost.id, 'submit'), 'leader-approved')
      const boardPost = await createPost('principalA', { title: 'Thư ngỏ của Hiệu trưởng', department: null })
      expectOk(await act('principalA', boardPost.id, 'publish'), 'published')
    })

    it('requires consent before publishing a post that shows students', async () => {
      const post = await createPost('teacherA', { title: 'Hội thi vẽ tranh', showsStudents: true })
      expectOk(await act('teacherA', post.id, 'submit'), 'submitted')
      expectOk(await act('teamLeaderA', post.id, 'approve'), 'leader-approved')
      const refused = await act('principalA', post.id, 'publish')
      expect(refused.status).toBe(400)
      expect(JSON.stringify(refused.body)).toContain('sự đồng ý')
      const fix = await cms.rest.request('PATCH', `/posts/${post.id}`, { token: tokens.principalA, body: { consent: 'Cha mẹ HS lớp 4/2 đồng ý (biên bản 05/9)' } })
      expect(fix.status).toBe(200)
      expect((await stored(post.id)).state).toBe('leader-approved')
      expectOk(await act('principalA', post.id, 'publish'), 'published')
    })

    it('publishes at the scheduled time through the jobs queue', async () => {
      const id = await postInState('leader-approved')
      const publishAt = new Date(Date.now() + 1500)
      expectOk(await act('principalA', id, 'publish', { publishAt: publishAt.toISOString() }), 'scheduled')
      await cms.payload.jobs.run({ queue: 'workflow' })
      expect((await publicFind(`where[id][equals]=${id}`)).body.docs).toHaveLength(0)
      await new Promise((resolve) => setTimeout(resolve, 1700))
      await cms.payload.jobs.run({ queue: 'workflow' })
      expect((await publicFind(`where[id][equals]=${id}`)).body.docs).toHaveLength(1)
      expect((await stored(id)).events.at(-1)).toMatchObject({ action: 'auto-publish', toState: 'published', actorRole: 'system' })
    })

    it('a schedule replaced by a later one does not fire early; scheduled unpublish takes the post down', async () => {
      const id = await postInState('leader-approved')
      const first = new Date(Date.now() + 1000)
      expectOk(await act('principalA', id, 'publish', { publishAt: first.toISOString() }), 'scheduled')
      expectOk(await act('principalA', id, 'return', { reason: 'Đổi ngày đăng' }), 'returned')
      expectOk(await act('teacherA', id, 'submit'), 'submitted')
      expectOk(await act('teamLeaderA', id, 'approve'), 'leader-approved')
      expectOk(await act('principalA', id, 'publish', { publishAt: new Date(Date.now() + 3_600_000).toISOString() }), 'scheduled')
      await new Promise((resolve) => setTimeout(resolve, 1200))
      await cms.payload.jobs.run({ queue: 'workflow' })
      expect((await publicFind(`where[id][equals]=${id}`)).body.docs).toHaveLength(0)
      expect((await stored(id)).state).toBe('scheduled')

      const live = await postInState('leader-approved')
      expectOk(await act('principalA', live, 'publish', { unpublishAt: new Date(Date.now() + 1000).toISOString() }), 'published')
      await cms.payload.jobs.run({ queue: 'workflow' })
      expect((await publicFind(`where[id][equals]=${live}`)).body.docs).toHaveLength(1)
      await new Promise((resolve) => setTimeout(resolve, 1200))
      await cms.payload.jobs.run({ queue: 'workflow' })
      expect((await publicFind(`where[id][equals]=${live}`)).body.docs).toHaveLength(0)
      expect((await stored(live)).events.at(-1)).toMatchObject({ action: 'auto-unpublish', toState: 'unpublished' })
    })

    it('tells the school which Circular 09 disclosure groups are still missing for the year', async () => {
      const before = await cms.rest.request('GET', '/disclosures/compliance?year=2026-2027', { token: tokens.principalA })
      expect(before.status).toBe(200)
      expect(before.body.statuses.map((s: { group: string; status: string; due: string }) => [s.group, s.status, s.due])).toEqual(
        ['general', 'finance', 'quality', 'plan-results', 'annual-report'].map((g) => [g, 'missing', '2027-06-30']),
      )
      const created = await cms.rest.request('POST', '/disclosures', { token: tokens.teacherA, body: { title: 'Công khai tài chính', group: 'finance', schoolYear: '2026-2027', department: fx.departments['Tổ 4-5'] } })
      expect(created.status).toBe(201)
      const id = created.body.doc.id
      for (const [who, action] of [['teacherA', 'submit'], ['teamLeaderA', 'approve'], ['principalA', 'publish']] as const) {
        expect((await cms.rest.request('POST', `/disclosures/${id}/workflow`, { token: tokens[who], body: { action } })).status).toBe(200)
      }
      const after = await cms.rest.request('GET', '/disclosures/compliance?year=2026-2027', { token: tokens.principalA })
      expect(after.body.statuses.find((s: { group: string }) => s.group === 'finance').status).toBe('published')
      const past = await cms.rest.request('GET', '/disclosures/compliance?year=2024-2025', { token: tokens.principalA })
      expect(past.body.statuses.every((s: { status: string }) => s.status === 'overdue')).toBe(true)
      const other = await cms.rest.request('GET', `/disclosures/compliance?school=${fx.schoolA}`, { token: tokens.teacherB })
      expect(other.status).toBe(403)

      // The board sees the same gaps on its dashboard (this school year's), the teacher does not.
      const { renderToStaticMarkup } = await import('react-dom/server')
      const { DisclosureCompliance } = await import('@truongso/payload-plugin/rsc')
      const userOf = async (who: Who) => (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails[who] } }, depth: 0, overrideAccess: true })).docs[0] as never
      const board = renderToStaticMarkup((await DisclosureCompliance({ user: await userOf('principalA'), payload: cms.payload }))!)
      expect(board).toContain('Công khai cần đăng')
      expect(board).toMatch(/hạn \d{2}\/\d{2}\/\d{4}/)
      expect(await DisclosureCompliance({ user: await userOf('teacherA'), payload: cms.payload })).toBeNull()
    })

    it('tracks Circular 09’s other rules: a change within 10 working days (the district’s holidays skipped), a preschool’s monthly and weekly plans', async () => {
      const { TRUSTED_WRITE } = await import('@truongso/payload-plugin')
      const { schoolDisclosureStatuses } = await import('../../packages/payload-plugin/src/website/disclosureCompliance.ts')
      const { addWorkingDays, holidaysAround, isWorkingDay } = await import('../../packages/payload-plugin/src/calendar/workingDays.ts')
      const { addDays, vietnamDay } = await import('../../packages/payload-plugin/src/calendar/days.ts')
      // Only the district admin lists the year's days off.
      const today = vietnamDay()
      // A day off inside the ten working days after a change made 30 days ago.
      let dayOff = addDays(today, -29)
      while (!isWorkingDay(dayOff, holidaysAround(today, []))) dayOff = addDays(dayOff, 1)
      const days = { days: [{ date: `${dayOff}T00:00:00.000Z`, name: 'Nghỉ bù' }] }
      expect((await cms.rest.request('POST', '/globals/public-holidays', { token: tokens.principalA, body: days })).status).toBe(403)
      expect((await cms.rest.request('POST', '/globals/public-holidays', { token: tokens.districtAdmin, body: days })).status).toBe(200)
      const publish = async (title: string, changedOn: string) => {
        const created = await cms.rest.request('POST', '/disclosures', { token: tokens.teacherA, body: { title, group: 'general', schoolYear: '2026-2027', department: fx.departments['Tổ 4-5'], changedOn } })
        expect(created.status, JSON.stringify(created.body)).toBe(201)
        for (const [who, action] of [['teacherA', 'submit'], ['teamLeaderA', 'approve'], ['principalA', 'publish']] as const) {
          expect((await cms.rest.request('POST', `/disclosures/${created.body.doc.id}/workflow`, { token: tokens[who], body: { action } })).status).toBe(200)
        }
        return created.body.doc.id
      }
      // Changed 30 days ago and published today: late. Changed yesterday: on time.
      const late = await publish('Danh sách cán bộ quản lý (cập nhật)', addDays(today, -30))
      const onTime = await publish('Cơ cấu tổ chức (cập nhật)', addDays(today, -1))
      const res = await cms.rest.request('GET', '/disclosures/compliance?year=2026-2027', { token: tokens.principalA })
      const changes = (res.body.statuses as { rule: string; status: string; due: string; disclosure?: { id: unknown } }[]).filter((s) => s.rule === 'change')
      const holidays = holidaysAround(today, [dayOff])
      expect(changes.find((c) => c.disclosure?.id === late)).toMatchObject({ status: 'late', due: addWorkingDays(addDays(today, -30), 10, holidays) })
      expect(changes.find((c) => c.disclosure?.id === onTime)).toMatchObject({ status: 'published', due: addWorkingDays(addDays(today, -1), 10, holidays) })
      // The listed day off counts: without it the deadline would be a working day earlier.
      expect(changes.find((c) => c.disclosure?.id === late)!.due).not.toBe(addWorkingDays(addDays(today, -30), 10, holidaysAround(today, [])))
      // A new change saved as a draft of the published one: pending until it is published.
      await cms.payload.update({ collection: 'disclosures', id: onTime, data: { changedOn: `${today}T00:00:00.000Z` } as never, draft: true, overrideAccess: true, context: { [TRUSTED_WRITE]: true } })
      const pending = (await cms.rest.request('GET', '/disclosures/compliance?year=2026-2027', { token: tokens.principalA })).body.statuses.filter((s: { rule: string; status: string }) => s.rule === 'change' && s.status === 'missing')
      expect(pending).toHaveLength(1)
      expect(pending[0]).toMatchObject({ disclosure: { id: onTime, changedOn: today }, due: addWorkingDays(today, 10, holidays) })
      // A preschool: this month's and next month's plans (due the 25th before), next week's plan and menu.
      const preschool = await schoolDisclosureStatuses(cms.payload, { id: fx.schoolA, template: 'preschool' }, '2026-2027')
      expect(preschool.filter((s) => s.rule === 'monthly').map((s) => s.due.slice(8))).toEqual(['25', '25'])
      expect(preschool.filter((s) => s.rule === 'weekly')).toHaveLength(1)
      // The board's dashboard names the change.
      const { renderToStaticMarkup } = await import('react-dom/server')
      const { DisclosureCompliance } = await import('@truongso/payload-plugin/rsc')
      const principal = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.principalA } }, depth: 0, overrideAccess: true })).docs[0] as never
      const board = renderToStaticMarkup((await DisclosureCompliance({ user: principal, payload: cms.payload }))!)
      expect(board).toContain('Cập nhật &quot;Danh sách cán bộ quản lý (cập nhật)&quot;')
      expect(board).toContain('đăng muộn')
    })

    it('tells who the content went to', async () => {
      const post = await createPost('teacherA', { title: `Ai nhận bài ${Math.random()}` })
      const submitted = await act('teacherA', post.id, 'submit')
      expectOk(submitted, 'submitted')
      expect(submitted.body.next).toEqual(['totruong.a'])
      const approved = await act('teamLeaderA', post.id, 'approve')
      expect([...approved.body.next].sort()).toEqual(['hieutruong.a', 'phohieutruong.a'])
    })

    it('links a published post to its page on the school’s website, and nothing else', async () => {
      const id = await postInState('published')
      const { slug } = await cms.payload.findByID({ collection: 'posts', id, depth: 0, overrideAccess: true })
      const link = await cms.rest.request('GET', `/posts/${id}/site-link`, { token: tokens.teacherA })
      expect(link.status).toBe(200)
      expect(link.body.url).toBe(`http://${SCHOOL_A}.localhost:${process.env.SITES_PORT ?? 4321}/bai-viet/${slug}/`)
      const draft = await postInState('draft')
      expect((await cms.rest.request('GET', `/posts/${draft}/site-link`, { token: tokens.teacherA })).body.url).toBeNull()
      expect((await cms.rest.request('GET', `/posts/${id}/site-link`, { token: tokens.principalB })).status).toBe(404)
      expect((await cms.rest.request('GET', `/posts/${id}/site-link`)).status).toBe(401)
    })

    it('rejects a malformed transition request with a clear message', async () => {
      const id = await postInState('draft')
      const res = await cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens.teacherA, body: { action: 'approve-everything' } })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toContain('Yêu cầu không hợp lệ')
      expect((await stored(id)).events).toHaveLength(0)
    })
  })
})
