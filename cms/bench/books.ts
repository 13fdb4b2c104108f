/**
 * `pnpm bench books` (issue 16): printed books on a fresh SQLite file. A lower-secondary school of
 * 12 classes (grades 6–9, three each) of 40 students, every subject of the grade's catalogue with a
 * teacher, every student's marks of both terms and their term records (written through the seed's
 * fast path: the bench measures printing, not entry). Measured:
 *   - GET /api/classes/:id/book as the principal (in-process REST, real login): one 40-student
 *     class's THCS book, median of 5 after a warm-up; its pages and pages per second
 *   - the whole school's transcripts (480 học bạ), rendered as the archive job renders them (two at
 *     a time in the shared Chromium): total time, transcripts and pages per second
 *   - the year-end archive job (books/archiveTask.ts) of the school: every book, sổ đăng bộ,
 *     transcript and teacher's book, zipped: time, files, pages, zip size
 *   - peak memory: the Node process's RSS and Chromium's (all its processes, summed), sampled every 250 ms
 * Prints one JSON line (scripts/bench.ts shows it as tables).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { thcsCatalogue } from '@truongso/assessment'
import { buildArchive, closeBookRenderer } from '@truongso/payload-plugin'
import { createLocalReq, getPayload } from 'payload'

import { planArchive, renderArchive } from '../../packages/payload-plugin/src/books/archive.ts'
import { bookSchool } from '../../packages/payload-plugin/src/books/school.ts'
import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { insertWithoutReading } from '../src/seed/fastRecords.ts'
import { RestClient } from '../test/helpers.ts'

type ID = number | string
const PASSWORD = 'Rat-kho-doan-2026!'
const YEAR = '2026-2027'
const CLASSES_PER_GRADE = 3
const STUDENTS_PER_CLASS = 40
const RUNS = 5
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ']
const MIDDLE = ['Thị', 'Văn', 'Ngọc', 'Minh', 'Quốc', 'Thùy', 'Đức', 'Mỹ']
const GIVEN = ['Hường', 'Ặng', 'Kỹ', 'Dương', 'Nguyệt', 'Tuấn', 'Thảo', 'Khải', 'Yến', 'Phúc', 'Quỳnh', 'Đạt']

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
/** A PDF's page count, from its page objects (Chromium writes one `/Type /Page` each). */
const pagesOf = (pdf: Uint8Array) => (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length

// Peak memory: this process and Chromium's processes together (ps, asynchronously: the sampling must not hold up the event loop).
let peakNode = 0
let peakChromium = 0
const sampler = setInterval(() => {
  peakNode = Math.max(peakNode, process.memoryUsage().rss)
  execFile('ps', ['-eo', 'rss=,comm='], { encoding: 'utf8' }, (error, out) => {
    if (error) return
    const rss = out
      .split('\n')
      .filter((line) => /chrom/i.test(line))
      .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0] ?? 0) * 1024, 0)
    peakChromium = Math.max(peakChromium, rss)
  })
}, 250)

const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-books-'))
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
const create = async (collection: string, data: Record<string, unknown>) => (await payload.create({ collection: collection as never, data: { school, ...data } as never, overrideAccess: true, depth: 0 })).id as ID

const school = (await payload.create({ collection: 'schools', data: { slug: 'thcskimdong' } as never, overrideAccess: true })).id as ID
await create('school-years', { name: YEAR, current: true, terms: [{ term: 'hk1', start: '2026-09-05', midTerm: '2026-11-07', end: '2027-01-15' }, { term: 'hk2', start: '2027-01-19', midTerm: '2027-03-20', end: '2027-05-31' }] })
await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'hieutruong@bench.vn', password: PASSWORD, fullName: 'Phan Văn Hiệu', memberships: [{ school, roles: ['principal'] }] } as never })
const teachers: ID[] = []
for (let n = 0; n < 12; n++) {
  const user = (await payload.create({ collection: 'users', overrideAccess: true, data: { email: `gv${n}@bench.vn`, password: PASSWORD, fullName: `${FAMILY[n % 10]} ${MIDDLE[n % 8]} ${GIVEN[n % 12]}`, memberships: [{ school, roles: ['teacher', 'homeroom-teacher'] }] } as never })).id as ID
  teachers.push(user)
  await create('staff', { fullName: `${FAMILY[n % 10]} ${MIDDLE[n % 8]} ${GIVEN[n % 12]}`, user })
}

// Classes, subjects, assignments through the Local API; students, enrolments, marks and term records on the fast path.
const req = await createLocalReq({}, payload)
const classes: ID[] = []
let students = 0
let marks = 0
let k = 0
for (const grade of [6, 7, 8, 9] as const) {
  const subjects: { id: ID; kind: string }[] = []
  for (const s of thcsCatalogue(grade)) subjects.push({ id: await create('subjects', { name: s.name, grade, schoolYear: YEAR, kind: s.kind, periodsPerYear: s.periodsPerYear ?? 35 }), kind: s.kind })
  for (let c = 1; c <= CLASSES_PER_GRADE; c++, k++) {
    const klass = await create('classes', { name: `${grade}/${c}`, grade, schoolYear: YEAR, homeroomTeacher: teachers[k % teachers.length] })
    classes.push(klass)
    for (const [i, subject] of subjects.entries()) await create('teaching-assignments', { teacher: teachers[(k + i) % teachers.length], class: klass, subject: subject.id, term: 'year', schoolYear: YEAR })
    const rows: Record<string, unknown>[] = []
    const terms: Record<string, unknown>[] = []
    for (let n = 0; n < STUDENTS_PER_CLASS; n++, students++) {
      const code = `HS${String(students + 1).padStart(4, '0')}`
      const student = (await payload.db.create({ collection: 'students', data: { school, fullName: `${FAMILY[students % 10]} ${MIDDLE[(students >> 1) % 8]} ${GIVEN[students % 12]}`, studentCode: code, dateOfBirth: `${2020 - grade}-0${1 + (n % 9)}-1${n % 10}T00:00:00.000Z`, sex: n % 2 ? 'Nam' : 'Nữ', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() }, req })).id as ID
      await insertWithoutReading(req, 'enrolments', [{ school, student, class: klass, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' }])
      const base = 5 + ((students * 7) % 45) / 10
      for (const term of ['hk1', 'hk2'] as const) {
        for (const subject of subjects) {
          const v = (d: number) => (subject.kind === 'comment' ? 'Đ' : Math.min(10, Math.round((base + d) * 10) / 10))
          rows.push({ school, student, class: klass, subject: subject.id, schoolYear: YEAR, term, key: `${student}:${subject.id}:${YEAR}:${term}`, regular: [0, 0.5, -0.5, 0.2].map((d, i) => ({ value: v(d), date: `2026-1${i % 2}-0${i + 1}` })), midTerm: { value: v(0.3) }, endTerm: { value: v(-0.3) } })
        }
        terms.push({ school, student, class: klass, schoolYear: YEAR, term, key: `${student}:${YEAR}:${term}`, conduct: 'tot', absencesExcused: n % 3, absencesUnexcused: 0, homeroomComment: 'Chăm ngoan, tiến bộ.' })
      }
    }
    await insertWithoutReading(req, 'marks', rows)
    await insertWithoutReading(req, 'student-term-records', terms)
    marks += rows.length
  }
}
const setupSeconds = (performance.now() - t0) / 1000
const schoolInfo = (await bookSchool(req, school))!

// 1. One class's THCS book over REST.
const principal = await rest.login('hieutruong@bench.vn', PASSWORD)
let bookPages = 0
const bookTimes: number[] = []
for (let run = 0; run <= RUNS; run++) {
  const t = performance.now()
  const res = await rest.download(`/classes/${classes[0]}/book?schoolYear=${YEAR}`, principal)
  if (res.status !== 200 || res.type !== 'application/pdf') throw new Error(`class book: ${res.status} ${res.data.toString('utf8').slice(0, 300)}`)
  if (run > 0) bookTimes.push(performance.now() - t)
  bookPages = pagesOf(res.data)
}

// 2. The whole school's transcripts, as the archive renders them.
const transcripts = (await planArchive(req, schoolInfo, YEAR)).filter((f) => f.kind === 'transcript')
const tTranscripts = performance.now()
const rendered = await renderArchive(transcripts, async () => undefined)
const transcriptSeconds = (performance.now() - tTranscripts) / 1000
const transcriptPages = rendered.bytes.reduce((sum, pdf) => sum + pagesOf(pdf), 0)

// 3. The archive job of the whole school.
const archive = await payload.create({ collection: 'book-archives' as never, overrideAccess: true, data: { school, schoolYear: YEAR, state: 'queued', done: 0, total: 0, title: 'bench' } as never })
const tArchive = performance.now()
const outcome = await buildArchive(payload, archive.id as ID)
const archiveSeconds = (performance.now() - tArchive) / 1000
const built = (await payload.findByID({ collection: 'book-archives' as never, id: archive.id as ID, depth: 0, overrideAccess: true })) as unknown as { state: string; total: number; filesize: number; manifest: { files: { kind: string }[] }; error?: string }
if (outcome !== 'built' || built.state !== 'done') throw new Error(`archive: ${outcome} ${built.state} ${built.error ?? ''}`)

clearInterval(sampler)
await closeBookRenderer()
await payload.destroy()
rmSync(dataDir, { recursive: true, force: true })

const ms = (value: number) => Number(value.toFixed(value < 10 ? 2 : 1))
const MiB = (bytes: number) => Number((bytes / 1048576).toFixed(1))
const bookMedian = median(bookTimes)
const kinds = built.manifest.files.reduce<Record<string, number>>((all, f) => ({ ...all, [f.kind]: (all[f.kind] ?? 0) + 1 }), {})
console.log(
  JSON.stringify({
    setup: { database: 'sqlite', 'classes × students': `${classes.length} × ${STUDENTS_PER_CLASS}`, marks, 'setup (s)': Number(setupSeconds.toFixed(1)), cores: (await import('node:os')).cpus().length },
    classBook: { 'median (ms)': ms(bookMedian), 'min (ms)': ms(Math.min(...bookTimes)), 'max (ms)': ms(Math.max(...bookTimes)), runs: bookTimes.length, pages: bookPages, 'pages/s': Number(((bookPages * 1000) / bookMedian).toFixed(1)), 'goal (ms)': 5000, 'ratio to goal': Number((bookMedian / 5000).toFixed(2)) },
    transcripts: { count: transcripts.length, 'total (s)': Number(transcriptSeconds.toFixed(1)), 'per transcript (ms)': ms((transcriptSeconds * 1000) / transcripts.length), pages: transcriptPages, 'pages/s': Number((transcriptPages / transcriptSeconds).toFixed(1)), 'goal (s)': 120, 'ratio to goal': Number((transcriptSeconds / 120).toFixed(2)) },
    archive: { 'time (s)': Number(archiveSeconds.toFixed(1)), files: built.total, ...kinds, 'zip (MiB)': MiB(built.filesize) },
    memory: { 'peak Node RSS (MiB)': MiB(peakNode), 'peak Chromium RSS (MiB)': MiB(peakChromium) },
  }),
)
process.exit(0)
