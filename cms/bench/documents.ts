/**
 * `pnpm bench documents` (issue 15): education records on a fresh SQLite file, through the real
 * REST handlers with real logins (cms/test/helpers.ts's RestClient, in-process, so a request's time
 * is the server's time). A lower-secondary school whose Tổ Khoa học tự nhiên has 15 teachers (one
 * of them its team leader) teaching Toán, KHTN, Tin học and Công nghệ to 28 classes (a clash-free
 * morning timetable, ~18–19 periods a week each), two more departments of 15 teachers (members of
 * the school the week view reads, without timetables), the year's document tree from the template.
 * Measured, median (min, max) of RUNS runs after one warm-up:
 *   - POST /api/education-files: a signed 10 MB PDF uploaded as a new version of a teacher's draft
 *     document (multipart, `_payload` {"document": id} and `file`): content check, SHA-256,
 *     signature reading, the version's and the document's writes, the file on disk
 *   - in-process on the same buffer: sha256Hex and readPdfSignatures alone (the upload's pure
 *     checking cost), and the upload's time as a multiple of it
 *   - GET /api/lesson-plans/week as the team leader: the 15 teachers' week, ~10 lesson plans each in
 *     mixed states against the lessons of their timetables
 * Prints one JSON line (scripts/bench.ts shows it as tables).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { thcsCatalogue } from '@truongso/assessment'
import { DOCUMENT_FOLDERS_SLUG, EDUCATION_FILES_SLUG, LESSON_PLANS_SLUG, TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from '@truongso/payload-plugin'
import { getPayload } from 'payload'

import { sha256Hex } from '../../packages/payload-plugin/src/educationRecords/files/contentCheck.ts'
import { readPdfSignatures } from '../../packages/payload-plugin/src/educationRecords/files/pdfSignatures.ts'
import { makeSignedPdf } from '../../packages/payload-plugin/src/educationRecords/files/signedPdfFixture.ts'
import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { planTimetables } from '../src/seed/teachingDay.ts'
import { RestClient } from '../test/helpers.ts'

type ID = number | string
const PASSWORD = 'Rat-kho-doan-2026!'
const YEAR = '2026-2027'
const WEEK = '2026-11-09'
const TERM_START = '2026-09-07'
const RUNS = 7
const PDF_BYTES = 10 * 1024 * 1024
const TEACHERS = 15
const OTHER_TEACHERS = 30
const CLASSES_PER_GRADE = 7
const PLANS_PER_TEACHER = 10
const DEPARTMENT_SUBJECTS = ['Toán', 'Khoa học tự nhiên', 'Tin học', 'Công nghệ']
/** A teacher's ten plans of the week: handed in, approved on the way, sent back, not yet handed in. */
const PLAN_STATES = ['approved', 'approved', 'leader-approved', 'submitted', 'submitted', 'returned', 'draft', 'draft', 'approved', 'submitted'] as const

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
/** One warm-up, then `RUNS` timed runs (ms). */
async function timeRuns(run: () => unknown): Promise<number[]> {
  await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    await run()
    times.push(performance.now() - t)
  }
  return times
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-documents-'))
process.env.TRUONGSO_DISABLE_JOBS = '1'
const config = buildTruongsoConfig({
  databaseUri: `file:${path.join(dataDir, 'bench.db')}`,
  dataDir,
  secret: 'bench-secret',
  logLevel: 'silent',
  email: () => ({ name: 'none', defaultFromAddress: 'x@x.vn', defaultFromName: 'x', sendEmail: async () => undefined }),
})
const payload = await getPayload({ config })
const rest = new RestClient(config)
const t0 = performance.now()
const create = async (collection: string, data: Record<string, unknown>, user?: unknown) =>
  (await payload.create({ collection: collection as never, data: { school, ...data } as never, overrideAccess: true, depth: 0, ...(user ? { user: user as never } : {}) })).id as ID

// The school, its year, three departments of 15 teachers (the first teacher of the first leads it), the principal.
const school = (await payload.create({ collection: 'schools', data: { slug: 'thcskimdong' } as never, overrideAccess: true })).id as ID
await create('school-years', { name: YEAR, current: true, terms: [{ term: 'hk1', start: '2026-09-05', midTerm: '2026-11-07', end: '2027-01-15' }, { term: 'hk2', start: '2027-01-19', midTerm: '2027-03-20', end: '2027-05-31' }] })
const departments: ID[] = []
for (const name of ['Tổ Khoa học tự nhiên', 'Tổ Ngữ văn – Xã hội', 'Tổ Ngoại ngữ – Nghệ thuật']) departments.push(await create('departments', { name }))
const users: { doc: Record<string, unknown> & { id: ID }; email: string }[] = []
for (let n = 0; n < TEACHERS + OTHER_TEACHERS; n++) {
  const email = `gv${n}@bench.vn`
  const department = departments[Math.floor(n / TEACHERS)]
  const roles = n === 0 ? ['teacher', 'team-leader'] : ['teacher']
  const doc = await payload.create({ collection: 'users', overrideAccess: true, data: { email, password: PASSWORD, fullName: `Giáo viên ${String(n).padStart(2, '0')}`, memberships: [{ school, roles, department }] } as never })
  users.push({ doc: doc as never, email })
}
const teachers = users.slice(0, TEACHERS)
await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'hieutruong@bench.vn', password: PASSWORD, fullName: 'Hiệu trưởng', memberships: [{ school, roles: ['principal'] }] } as never })

// The department's subjects in grades 6–9, 28 classes, each class-subject to the least loaded teacher.
const subjects: { id: ID; grade: number; perWeek: number }[] = []
for (const grade of [6, 7, 8, 9] as const) {
  for (const s of thcsCatalogue(grade).filter((c) => DEPARTMENT_SUBJECTS.includes(c.name))) {
    const periodsPerYear = s.periodsPerYear ?? 35
    subjects.push({ id: await create('subjects', { name: s.name, grade, schoolYear: YEAR, kind: s.kind, periodsPerYear }), grade, perWeek: Math.max(1, Math.round(periodsPerYear / 35)) })
  }
}
type Assignment = { id: ID; class: ID; teacher: ID; subject: ID; perWeek: number }
const assignments: Assignment[] = []
const classes: ID[] = []
const load = new Map(teachers.map((t) => [String(t.doc.id), 0]))
for (const grade of [6, 7, 8, 9]) {
  for (let k = 1; k <= CLASSES_PER_GRADE; k++) {
    const klass = await create('classes', { name: `${grade}/${k}`, grade, schoolYear: YEAR })
    classes.push(klass)
    for (const subject of subjects.filter((s) => s.grade === grade)) {
      const teacher = teachers.reduce((a, b) => (load.get(String(b.doc.id))! < load.get(String(a.doc.id))! ? b : a)).doc.id
      load.set(String(teacher), load.get(String(teacher))! + subject.perWeek)
      const id = await create('teaching-assignments', { teacher, class: klass, subject: subject.id, term: 'year', schoolYear: YEAR })
      assignments.push({ id, class: klass, teacher, subject: subject.id, perWeek: subject.perWeek })
    }
  }
}
// The classes' term-I timetables, and their slots through the Local API (the save hook checks clashes and fills the rest).
const planned = planTimetables(assignments, (a) => (a as Assignment).perWeek)
for (const klass of classes) {
  const timetable = await create(TIMETABLES_SLUG, { class: klass, term: 'hk1', startsOn: TERM_START })
  for (const slot of planned.filter((p) => String(p.class) === String(klass))) {
    await create(TIMETABLE_SLOTS_SLUG, { timetable, teachingAssignment: slot.assignment.id, day: slot.day, session: 'morning', period: slot.period })
  }
}

// Ten lesson plans a teacher for the week, made as that teacher (the save hook derives teacher,
// department and deadline), then moved to their states as the review steps would leave them.
let plans = 0
for (const t of teachers) {
  const own = assignments.filter((a) => String(a.teacher) === String(t.doc.id))
  for (let k = 0; k < PLANS_PER_TEACHER; k++) {
    const a = own[k % own.length]!
    const id = await create(LESSON_PLANS_SLUG, { subject: a.subject, weekStart: WEEK, lessonNumber: 20 + k, lessonTitle: `Bài ${20 + k}` }, t.doc)
    const state = PLAN_STATES[k % PLAN_STATES.length]!
    if (state !== 'draft') {
      const data = { workflowState: state, submittedAt: '2026-11-04T08:00:00.000Z', late: k === 4, ...(state === 'returned' ? { lastReturnReason: 'Bổ sung hoạt động khởi động' } : {}) }
      await payload.update({ collection: LESSON_PLANS_SLUG as never, id, data: data as never, overrideAccess: true, depth: 0 })
    }
    plans++
  }
}

// The year's tree (as the board would make it), and a draft document in the uploader's own folder.
const principal = await rest.login('hieutruong@bench.vn', PASSWORD)
const tree = await rest.request('POST', '/document-folders/tree', { token: principal, body: { school, schoolYear: YEAR } })
if (tree.status !== 200) throw new Error(`tree: ${tree.status} ${JSON.stringify(tree.body).slice(0, 300)}`)
const uploader = teachers[1]!
const uploaderToken = await rest.login(uploader.email, PASSWORD)
const folder = (await payload.find({ collection: DOCUMENT_FOLDERS_SLUG as never, where: { and: [{ templateKey: { equals: 'ke-hoach-gv' } }, { owner: { equals: uploader.doc.id } }] }, depth: 0, limit: 1, overrideAccess: true })).docs[0]
if (!folder) throw new Error('no teacher plan folder for the uploader')
const filed = await rest.request('POST', '/education-documents?depth=0', { token: uploaderToken, body: { title: 'Kế hoạch giáo dục của giáo viên', folder: folder.id } })
if (filed.status !== 201) throw new Error(`document: ${filed.status} ${JSON.stringify(filed.body).slice(0, 300)}`)
const documentId = filed.body.doc.id as ID
const setupSeconds = (performance.now() - t0) / 1000

// 1. A signed 10 MB PDF, uploaded as a new version of the draft document each run.
const pdf = await makeSignedPdf({ signerName: 'Nguyễn Văn Giáo Viên', organisation: 'Trường THCS Kim Đồng', padToBytes: PDF_BYTES })
const upload = async () => {
  const res = await rest.upload('/education-files?depth=0', { name: 'ke-hoach-10mb.pdf', data: pdf, type: 'application/pdf' }, uploaderToken, { document: documentId })
  if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  if (res.body.doc.signed !== true || res.body.doc.sha256 !== sha256Hex(pdf)) throw new Error(`upload: signature not read or hash wrong: ${JSON.stringify(res.body.doc).slice(0, 300)}`)
}
const uploads = await timeRuns(upload)
const versions = (await payload.count({ collection: EDUCATION_FILES_SLUG as never, where: { document: { equals: documentId } }, overrideAccess: true })).totalDocs

// 2. The same checks in-process on the same buffer.
const hashes = await timeRuns(() => sha256Hex(pdf))
const signatureReads = await timeRuns(async () => {
  const found = await readPdfSignatures(pdf)
  if (!found[0]?.signatureValid || !found[0].digestMatches) throw new Error('readPdfSignatures: the signature does not verify')
})

// 3. The team leader's week view of the department.
const leaderToken = await rest.login(teachers[0]!.email, PASSWORD)
let expected = 0
const weekViews = await timeRuns(async () => {
  const res = await rest.request('GET', `/lesson-plans/week?weekStart=${WEEK}`, { token: leaderToken })
  if (res.status !== 200) throw new Error(`week: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  const rows = res.body.teachers as { expected: number; plans: unknown[] }[]
  const seen = rows.reduce((sum, r) => sum + r.plans.length, 0)
  if (rows.length !== TEACHERS || seen !== plans) throw new Error(`week: ${rows.length} teachers and ${seen} plans, expected ${TEACHERS} and ${plans}`)
  expected = rows.reduce((sum, r) => sum + r.expected, 0)
})

await payload.destroy()
rmSync(dataDir, { recursive: true, force: true })

const ms = (value: number) => Number(value.toFixed(value < 10 ? 2 : 1))
const row = (times: number[]) => ({ 'median (ms)': ms(median(times)), 'min (ms)': ms(Math.min(...times)), 'max (ms)': ms(Math.max(...times)), runs: times.length })
const loads = [...load.values()]
const pureMs = median(hashes) + median(signatureReads)
console.log(
  JSON.stringify({
    setup: {
      database: 'sqlite',
      'PDF (MiB, signed once)': Number((pdf.length / 1048576).toFixed(2)),
      'department: teachers / classes / class-subjects / timetable slots': `${TEACHERS} / ${classes.length} / ${assignments.length} / ${planned.length}`,
      'periods a week per teacher (min–max)': `${Math.min(...loads)}–${Math.max(...loads)}`,
      'lesson plans of the week / lessons expected (department)': `${plans} / ${expected}`,
      'other teachers of the school (no timetable)': OTHER_TEACHERS,
      'versions of the document after the runs': versions,
      'setup (s)': Number(setupSeconds.toFixed(1)),
    },
    timings: {
      'POST /education-files, signed 10 MB PDF (whole upload)': row(uploads),
      'sha256Hex, same buffer, in-process': row(hashes),
      'readPdfSignatures, same buffer, in-process': row(signatureReads),
      'GET /lesson-plans/week, team leader (15 teachers)': row(weekViews),
    },
    ratios: {
      'upload / (sha256Hex + readPdfSignatures), medians': Number((median(uploads) / pureMs).toFixed(1)),
      'sha256Hex + readPdfSignatures, share of the upload (%)': Number(((100 * pureMs) / median(uploads)).toFixed(1)),
    },
  }),
)
process.exit(0)
