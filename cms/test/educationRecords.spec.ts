import { createHash } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeDocx } from '../../packages/payload-plugin/src/educationRecords/files/officeFixture.ts'
import { makePlainPdf, makeSignedPdf } from '../../packages/payload-plugin/src/educationRecords/files/signedPdfFixture.ts'
import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, any>

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex')
const pdf = (name: string, data: Buffer) => ({ name, data, type: 'application/pdf' })

// Hồ sơ giáo dục (issue 15) over REST with real logins: the year's tree from the template, who
// files where, versions with their hashes, the content check, review with feedback to the
// submitter, lesson plans that cannot skip the team leader, the week's counts, signatures read
// from a PDF, and the office above reading approved work only.
describe(`education records over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const users = {} as Record<Who, ID>
  const ids = {} as Record<string, any>
  let folders: Doc[] = []

  // Relations as ids (depth 0) unless a test asks otherwise.
  const depth0 = (path: string) => (path.includes('depth=') ? path : `${path}${path.includes('?') ? '&' : '?'}depth=0`)
  const call = (who: Who | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) => cms.rest.request(method, depth0(path), { token: who ? tokens[who] : undefined, body })
  const folder = (templateKey: string, owner?: Who) => folders.find((f) => f.templateKey === templateKey && (!owner || String(f.owner) === String(users[owner])))!
  const fileInto = (who: Who, templateKey: string, title: string, owner?: Who) => call(who, 'POST', '/education-documents', { title, folder: folder(templateKey, owner).id })
  const upload = (who: Who, owner: { document?: ID; lessonPlan?: ID }, file: { name: string; data: Buffer; type: string }) => cms.rest.upload('/education-files?depth=0', file, tokens[who], owner)
  const review = (who: Who, collection: 'education-documents' | 'lesson-plans', id: ID, action: 'submit' | 'approve' | 'return', reason?: string) =>
    call(who, 'POST', `/${collection}/${id}/review`, { action, ...(reason ? { reason } : {}) })
  const files = async (where: Doc) => (await cms.payload.find({ collection: 'education-files' as never, where, depth: 0, pagination: false, sort: 'version', overrideAccess: true })).docs as unknown as Doc[]
  const stored = async (collection: string, id: ID) => (await cms.payload.findByID({ collection: collection as never, id, depth: 0, overrideAccess: true })) as unknown as Doc
  const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) {
      tokens[who as Who] = await cms.rest.login(email, PASSWORD)
      users[who as Who] = (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
    }
    await cms.payload.update({ collection: 'users', id: users.teacherA, data: { fullName: 'Hoàng Thị Giáo' } as never, overrideAccess: true })
    // teacherA teaches Toán 4 in 4A (3 periods a week) and 4B (2), and Tiếng Việt 4 in 4A (2).
    ids.c4a = await create('classes', { name: '4A', grade: 4, schoolYear: YEAR })
    ids.c4b = await create('classes', { name: '4B', grade: 4, schoolYear: YEAR })
    ids.toan = await create('subjects', { name: 'Toán', grade: 4, schoolYear: YEAR, kind: 'scored', periodsPerYear: 175 })
    ids.tv = await create('subjects', { name: 'Tiếng Việt', grade: 4, schoolYear: YEAR, kind: 'scored', periodsPerYear: 245 })
    const toan4a = await create('teaching-assignments', { teacher: users.teacherA, class: ids.c4a, subject: ids.toan, term: 'year', schoolYear: YEAR })
    const toan4b = await create('teaching-assignments', { teacher: users.teacherA, class: ids.c4b, subject: ids.toan, term: 'year', schoolYear: YEAR })
    const tv4a = await create('teaching-assignments', { teacher: users.teacherA, class: ids.c4a, subject: ids.tv, term: 'year', schoolYear: YEAR })
    const t4a = await create('timetables', { class: ids.c4a, term: 'hk1', startsOn: '2026-09-07' })
    const t4b = await create('timetables', { class: ids.c4b, term: 'hk1', startsOn: '2026-09-07' })
    for (const [timetable, teachingAssignment, day, period] of [
      [t4a, toan4a, 2, 1], [t4a, toan4a, 3, 1], [t4a, toan4a, 4, 1], [t4a, tv4a, 2, 2], [t4a, tv4a, 3, 2],
      [t4b, toan4b, 2, 3], [t4b, toan4b, 5, 1],
    ] as const) {
      await create('timetable-slots', { timetable, teachingAssignment, day, session: 'morning', period })
    }
  })
  afterAll(async () => {
    await cms?.close()
  })

  describe('the tree of a school year', () => {
    it('is made by the board from the template, once, and only for its own school', async () => {
      expect((await call('teacherA', 'POST', '/document-folders/tree', { school: fx.schoolA, schoolYear: YEAR })).status).toBe(403)
      expect((await call('principalB', 'POST', '/document-folders/tree', { school: fx.schoolA, schoolYear: YEAR })).status).toBe(403)
      expect((await call('principalA', 'POST', '/document-folders/tree', { school: fx.schoolA, schoolYear: 'năm nay' })).status).toBe(400)
      const first = await call('principalA', 'POST', '/document-folders/tree', { school: fx.schoolA, schoolYear: YEAR })
      expect(first.status, JSON.stringify(first.body)).toBe(200)
      expect(first.body.created).toBeGreaterThan(20)
      const again = await call('principalA', 'POST', '/document-folders/tree', { school: fx.schoolA, schoolYear: YEAR })
      expect(again.body).toMatchObject({ created: 0, existing: first.body.created })
      folders = (await cms.payload.find({ collection: 'document-folders' as never, where: { schoolYear: { equals: YEAR } }, depth: 0, pagination: false, overrideAccess: true })).docs as unknown as Doc[]
      // One folder per department, one per teacher with their own sub-folders.
      expect(folders.filter((f) => f.templateKey === 'to').map((f) => f.name).sort()).toEqual(['Tổ 1-2-3', 'Tổ 4-5'])
      expect(folder('ke-hoach-gv', 'teacherA').path).toBe('Hồ sơ giáo viên / Hoàng Thị Giáo / Kế hoạch giáo dục của giáo viên')
      for (const key of ['cong-doan', 'doan-tn', 'doi-tntp', 'van-ban-di', 'van-ban-den', 'y-te', 'thu-vien', 'thiet-bi', 'ban-tru', 'tu-van-tam-ly']) expect(folder(key), key).toBeTruthy()
      // School B's members see none of them.
      const seen = await call('teacherB', 'GET', '/document-folders?limit=200')
      expect(seen.body.totalDocs).toBe(0)
    })
  })

  describe('who files where', () => {
    it('a teacher files into their own folder only; the team leader into their department; the board into the school', async () => {
      const own = await fileInto('teacherA', 'ke-hoach-gv', 'Kế hoạch giáo dục của giáo viên', 'teacherA')
      expect(own.status, JSON.stringify(own.body)).toBe(201)
      ids.teacherPlan = own.body.doc.id
      expect(own.body.doc).toMatchObject({ workflowState: 'draft', schoolYear: YEAR })
      const other = await fileInto('teacherA', 'ke-hoach-gv', 'Của người khác', 'teacherA2')
      expect(other.status).toBe(403)
      expect(other.body.errors[0].message).toContain('không được nộp')
      expect((await fileInto('teacherA', 'ke-hoach-nam-hoc', 'Kế hoạch năm học')).status).toBe(403)
      expect((await fileInto('teacherB', 'ke-hoach-nam-hoc', 'Kế hoạch năm học')).status).toBe(403)
      const departmentFolder = folders.find((f) => f.templateKey === 'ke-hoach-to' && String(f.department) === String(fx.departments['Tổ 4-5']))!
      const leader = await call('teamLeaderA', 'POST', '/education-documents', { title: 'Kế hoạch tổ 4-5', folder: departmentFolder.id })
      expect(leader.status, JSON.stringify(leader.body)).toBe(201)
      expect((await call('teamLeaderA2', 'POST', '/education-documents', { title: 'Không phải tổ mình', folder: departmentFolder.id })).status).toBe(403)
      const board = await fileInto('principalA', 'ke-hoach-nam-hoc', 'Kế hoạch năm học 2026-2027')
      expect(board.status).toBe(201)
      ids.schoolPlan = board.body.doc.id
      // The author is whoever filed it, whatever the client says.
      const forged = await call('principalA', 'POST', '/education-documents', { title: 'Giả', folder: folder('bao-cao').id, author: users.teacherA, workflowState: 'approved' })
      expect(forged.body.doc).toMatchObject({ author: users.principalA, workflowState: 'draft' })
      expect((await call(null, 'POST', '/education-documents', { title: 'Ẩn danh', folder: folder('bao-cao').id })).status).toBe(403)
    })
  })

  describe('files', () => {
    it('each upload is a new version with its SHA-256; the old one stays', async () => {
      const v1 = makePlainPdf({ text: 'Ke hoach ban 1' })
      const v2 = makePlainPdf({ text: 'Ke hoach ban 2' })
      const first = await upload('teacherA', { document: ids.teacherPlan }, pdf('ke-hoach.pdf', v1))
      expect(first.status, JSON.stringify(first.body)).toBe(201)
      expect(first.body.doc).toMatchObject({ version: 1, sha256: sha256(v1), detectedType: 'pdf', signed: false, uploadedBy: users.teacherA })
      const second = await upload('teacherA', { document: ids.teacherPlan }, pdf('ke-hoach.pdf', v2))
      expect(second.status).toBe(201)
      const versions = await files({ document: { equals: ids.teacherPlan } })
      expect(versions.map((v) => [v.version, v.sha256])).toEqual([[1, sha256(v1)], [2, sha256(v2)]])
      expect(await stored('education-documents', ids.teacherPlan)).toMatchObject({ versionCount: 2, currentSha256: sha256(v2), currentFile: second.body.doc.id })
      // Versions are never changed or removed through the API.
      expect((await call('teacherA', 'PATCH', `/education-files/${first.body.doc.id}`, { sha256: 'x' })).status).toBe(403)
      expect((await call('principalA', 'DELETE', `/education-files/${first.body.doc.id}`)).status).toBe(403)
      // Someone else cannot add a version to it.
      expect((await upload('teacherA2', { document: ids.teacherPlan }, pdf('khac.pdf', v1))).status).toBe(403)
    })

    it('a fake PDF (wrong magic bytes) is refused in Vietnamese and nothing is stored', async () => {
      const before = (await files({ document: { equals: ids.teacherPlan } })).length
      const fake = await upload('teacherA', { document: ids.teacherPlan }, pdf('ke-hoach.pdf', Buffer.from('MZ\x90\x00 not a pdf at all, an executable renamed')))
      expect(fake.status).toBe(400)
      expect(fake.body.errors[0].message).toContain('không phải PDF')
      expect((await files({ document: { equals: ids.teacherPlan } })).length).toBe(before)
      const empty = await call('teacherA', 'POST', '/education-files', { document: ids.teacherPlan })
      expect(empty.status).toBe(400)
    })

    it('reads the signature of a signed PDF, and reports the same file with one byte changed as modified after signing', async () => {
      const signed = await makeSignedPdf({ signerName: 'Nguyễn Văn Hiệu Trưởng', organisation: 'Trường Tiểu học Lê Độ' })
      const good = await upload('principalA', { document: ids.schoolPlan }, pdf('ky-so.pdf', signed))
      expect(good.status, JSON.stringify(good.body)).toBe(201)
      expect(good.body.doc.signed).toBe(true)
      expect(good.body.doc.signatures[0]).toMatchObject({ signerName: 'Nguyễn Văn Hiệu Trưởng', coversWholeFile: true, digestMatches: true, modifiedAfterSigning: false })
      expect(good.body.doc.signatures[0].signingTime).toBeTruthy()
      // One byte of the signed content changed (inside the first signed range, after the header).
      const changed = Buffer.from(signed)
      const at = changed.indexOf('Hello') >= 0 ? changed.indexOf('Hello') : 200
      changed[at] = changed[at]! ^ 0x01
      const bad = await upload('principalA', { document: ids.schoolPlan }, pdf('ky-so-sua.pdf', changed))
      expect(bad.status).toBe(201)
      expect(bad.body.doc.signed).toBe(false)
      expect(bad.body.doc.signatures[0]).toMatchObject({ digestMatches: false, modifiedAfterSigning: true })
      // A folder that requires a signature refuses the unsigned and the changed file.
      const outgoing = await fileInto('principalA', 'van-ban-di', 'Công văn số 12')
      expect((await upload('principalA', { document: outgoing.body.doc.id }, pdf('cv.pdf', changed))).body.errors[0].message).toContain('chữ ký số')
      expect((await upload('principalA', { document: outgoing.body.doc.id }, pdf('cv.pdf', signed))).status).toBe(201)
    })
  })

  describe('approval with feedback', () => {
    it('a teacher’s document goes to the team leader, then the board; a return reaches the submitter with its note; every step names the version hash', async () => {
      expect((await review('principalA', 'education-documents', ids.teacherPlan, 'submit')).status).toBe(403)
      const submitted = await review('teacherA', 'education-documents', ids.teacherPlan, 'submit')
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
      expect(submitted.body.to).toBe('submitted')
      // Under review: no new version.
      expect((await upload('teacherA', { document: ids.teacherPlan }, pdf('v3.pdf', makePlainPdf({ text: 'v3' })))).status).toBe(409)
      expect((await review('principalA', 'education-documents', ids.teacherPlan, 'approve')).status).toBe(403)
      expect((await review('teamLeaderA', 'education-documents', ids.teacherPlan, 'approve')).body.to).toBe('leader-approved')
      expect((await review('principalA', 'education-documents', ids.teacherPlan, 'return')).status).toBe(400)
      await cms.payload.jobs.run({ queue: 'email', limit: 100 })
      const before = cms.sentEmails.length
      const returned = await review('principalA', 'education-documents', ids.teacherPlan, 'return', 'Bổ sung kế hoạch tháng 10')
      expect(returned.body.to).toBe('returned')
      await cms.payload.jobs.run({ queue: 'email', limit: 100 })
      const mail = cms.sentEmails.slice(before).find((m) => String(m.to).includes(fx.emails.teacherA))
      expect(String(mail?.text)).toContain('Bổ sung kế hoạch tháng 10')
      const mine = await call('teacherA', 'GET', `/education-documents/${ids.teacherPlan}`)
      expect(mine.body).toMatchObject({ workflowState: 'returned', lastReturnReason: 'Bổ sung kế hoạch tháng 10' })
      const v3 = makePlainPdf({ text: 'Ke hoach ban 3 da bo sung' })
      expect((await upload('teacherA', { document: ids.teacherPlan }, pdf('v3.pdf', v3))).status).toBe(201)
      expect((await review('teacherA', 'education-documents', ids.teacherPlan, 'submit')).body.to).toBe('submitted')
      expect((await review('teamLeaderA', 'education-documents', ids.teacherPlan, 'approve')).body.to).toBe('leader-approved')
      const approved = await review('principalA', 'education-documents', ids.teacherPlan, 'approve')
      expect(approved.body).toMatchObject({ to: 'approved', versionHash: sha256(v3) })
      const versions = await files({ document: { equals: ids.teacherPlan } })
      expect(versions.filter((v) => v.approved).map((v) => v.sha256)).toEqual([sha256(v3)])
      expect((await stored('education-documents', ids.teacherPlan)).approvedFile).toBe(versions.at(-1)!.id)
      const events = (await cms.payload.find({ collection: 'workflow-events' as never, where: { and: [{ collectionSlug: { equals: 'education-documents' } }, { documentId: { equals: String(ids.teacherPlan) } }] }, sort: 'createdAt', depth: 0, pagination: false, overrideAccess: true })).docs as unknown as Doc[]
      expect(events.map((e) => [e.action, e.actor])).toEqual([
        ['submit', users.teacherA], ['approve', users.teamLeaderA], ['return', users.principalA], ['submit', users.teacherA], ['approve', users.teamLeaderA], ['approve', users.principalA],
      ])
      expect(events.every((e) => typeof e.versionHash === 'string' && e.versionHash.length === 64)).toBe(true)
      expect(events.at(-1)!.versionHash).toBe(sha256(v3))
    })

    it('a school document goes straight to the board; an incoming document needs no approval', async () => {
      expect((await review('principalA', 'education-documents', ids.schoolPlan, 'submit')).body.to).toBe('leader-approved')
      expect((await review('vicePrincipalA', 'education-documents', ids.schoolPlan, 'approve')).body.to).toBe('approved')
      const incoming = await fileInto('principalA', 'van-ban-den', 'Công văn của Phòng số 345')
      await upload('principalA', { document: incoming.body.doc.id }, pdf('den.pdf', makePlainPdf({ text: 'den' })))
      expect(await stored('education-documents', incoming.body.doc.id)).toMatchObject({ workflowState: 'approved' })
    })
  })

  describe('lesson plans', () => {
    it('are named "Môn + khối", made only for one’s own subjects, and cannot skip the team leader', async () => {
      expect((await call('teacherA2', 'POST', '/lesson-plans', { subject: ids.toan, weekStart: '2026-09-14' })).status).toBe(403)
      const made = await call('teacherA', 'POST', '/lesson-plans', { subject: ids.toan, weekStart: '2026-09-16', lessonNumber: 7, lessonTitle: 'Phép cộng' })
      expect(made.status, JSON.stringify(made.body)).toBe(201)
      expect(made.body.doc).toMatchObject({ name: 'Toán 4', weekStart: '2026-09-14', teacher: users.teacherA, department: fx.departments['Tổ 4-5'], workflowState: 'draft' })
      ids.plan = made.body.doc.id
      expect((await review('teacherA', 'lesson-plans', ids.plan, 'submit')).body.errors[0].message).toContain('Chưa có tệp')
      await upload('teacherA', { lessonPlan: ids.plan }, { name: 'giao-an.docx', data: await docx(), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
      expect((await review('teacherA', 'lesson-plans', ids.plan, 'submit')).body.to).toBe('submitted')
      expect((await review('principalA', 'lesson-plans', ids.plan, 'approve')).status).toBe(403)
      expect((await review('teamLeaderA2', 'lesson-plans', ids.plan, 'approve')).status).toBe(403)
      const asked = await review('teamLeaderA', 'lesson-plans', ids.plan, 'return', 'Thêm hoạt động khởi động')
      expect(asked.body.to).toBe('returned')
      await upload('teacherA', { lessonPlan: ids.plan }, { name: 'giao-an.docx', data: await docx('v2'), type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })
      expect((await review('teacherA', 'lesson-plans', ids.plan, 'submit')).body.to).toBe('submitted')
      expect((await review('teamLeaderA', 'lesson-plans', ids.plan, 'approve')).body.to).toBe('leader-approved')
      expect((await review('principalA', 'lesson-plans', ids.plan, 'approve')).body.to).toBe('approved')
      const plan = await stored('lesson-plans', ids.plan)
      // Handed in after the deadline (Wednesday 9/9): late, judged on the first hand-in.
      expect(plan).toMatchObject({ late: true, workflowState: 'approved', versionCount: 2 })
      const requests = (await cms.payload.find({ collection: 'workflow-events' as never, where: { and: [{ collectionSlug: { equals: 'lesson-plans' } }, { action: { equals: 'return' } }] }, depth: 0, overrideAccess: true })).docs as unknown as Doc[]
      expect(requests.map((r) => r.reason)).toEqual(['Thêm hoạt động khởi động'])
    })

    it('counts the week: expected from the timetable, handed in, approved, late and missing', async () => {
      // Expected: Toán 4 three (4A has 3), Tiếng Việt 4 two = 5. One Toán approved (above), one Toán
      // draft, one Tiếng Việt submitted: 2 handed in, 3 missing after the deadline.
      const draft = await call('teacherA', 'POST', '/lesson-plans', { subject: ids.toan, weekStart: '2026-09-14', lessonNumber: 8 })
      expect(draft.status).toBe(201)
      const tv = await call('teacherA', 'POST', '/lesson-plans', { subject: ids.tv, weekStart: '2026-09-14', lessonNumber: 12 })
      await upload('teacherA', { lessonPlan: tv.body.doc.id }, pdf('tv.pdf', makePlainPdf({ text: 'tv' })))
      expect((await review('teacherA', 'lesson-plans', tv.body.doc.id, 'submit')).status).toBe(200)
      const leaderView = await call('teamLeaderA', 'GET', '/lesson-plans/week?weekStart=2026-09-16')
      expect(leaderView.status, JSON.stringify(leaderView.body)).toBe(200)
      const row = leaderView.body.teachers.find((t: Doc) => String(t.teacher.id) === String(users.teacherA))
      expect(row).toMatchObject({ expected: 5, handedIn: 2, approved: 1, inReview: 1, drafts: 1, late: 2, missing: 3, notYet: 0 })
      // The other department's leader does not see this teacher; the teacher sees only their own row.
      const otherLeader = await call('teamLeaderA2', 'GET', '/lesson-plans/week?weekStart=2026-09-14')
      expect(otherLeader.body.teachers.some((t: Doc) => String(t.teacher.id) === String(users.teacherA))).toBe(false)
      const own = await call('teacherA', 'GET', '/lesson-plans/week?weekStart=2026-09-14')
      expect(own.body.teachers.map((t: Doc) => t.teacher.id)).toEqual([users.teacherA])
      const board = await call('principalA', 'GET', '/lesson-plans/week?weekStart=2026-09-14')
      expect(board.body.teachers.length).toBeGreaterThan(3)
      expect((await call('teacherB', 'GET', `/lesson-plans/week?weekStart=2026-09-14&school=${fx.schoolA}`)).status).toBe(403)
      // A future week: nothing is missing yet.
      const later = await call('teacherA', 'GET', '/lesson-plans/week?weekStart=2027-05-10')
      expect(later.body.teachers[0]).toMatchObject({ missing: 0 })
    })
  })

  describe('shared upward', () => {
    it('district officers read approved documents and lesson plans only; colleagues read approved ones; anonymous nothing', async () => {
      const district = await call('districtOfficer', 'GET', '/education-documents?limit=100&depth=0')
      expect(district.status).toBe(200)
      expect(district.body.docs.length).toBeGreaterThan(0)
      expect(district.body.docs.every((d: Doc) => d.approvedFile)).toBe(true)
      expect(district.body.docs.map((d: Doc) => d.id)).toContain(ids.teacherPlan)
      const drafts = await cms.payload.find({ collection: 'education-documents' as never, where: { approvedFile: { exists: false } }, depth: 0, overrideAccess: true })
      expect(drafts.totalDocs).toBeGreaterThan(0)
      expect((await call('districtOfficer', 'GET', `/education-documents/${drafts.docs[0]!.id}`)).status).toBe(404)
      const plans = await call('districtOfficer', 'GET', '/lesson-plans?limit=100&depth=0')
      expect(plans.body.docs.map((d: Doc) => d.id)).toEqual([ids.plan])
      const filesSeen = await call('districtOfficer', 'GET', '/education-files?limit=100&depth=0')
      expect(filesSeen.body.docs.length).toBeGreaterThan(0)
      expect(filesSeen.body.docs.every((f: Doc) => f.approved === true)).toBe(true)
      // A colleague sees approved work of the school, not a draft of someone else.
      const colleague = await call('teacherA2', 'GET', '/education-documents?limit=100&depth=0')
      expect(colleague.body.docs.every((d: Doc) => d.approvedFile || String(d.author) === String(users.teacherA2))).toBe(true)
      expect((await call(null, 'GET', '/education-documents')).status).toBe(403)
      expect((await call(null, 'GET', '/lesson-plans')).body.docs ?? []).toEqual([])
      expect((await call(null, 'GET', '/education-files')).body.docs ?? []).toEqual([])
    })
  })
})

const docx = async (text = 'Giáo án') => makeDocx(text)
