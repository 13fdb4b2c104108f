/**
 * `pnpm bench gradebook`: a lower-secondary school of about 1,500 students (40 classes, the
 * catalogue's subjects, 100 teachers), on a fresh SQLite file, through the real REST handlers with
 * real logins (cms/test/helpers.ts's RestClient, in-process):
 *   - saving one cell (PUT /api/marks/cell): 100 teachers typing marks at once over at most 50
 *     connections (p50, p95), and the saturation throughput of 50 connections saving without pause
 *   - the year results of every class: per class (GET /api/classes/:id/results?term=year) and the
 *     whole school in one request (GET /api/schools/:id/results?term=year)
 *   - the progress view's data (GET /api/gradebook/progress) for the board and for one teacher
 *   - importing a 45-student class-subject sheet (export, change every TX1, import back)
 * Prints one JSON line of figures (scripts/bench.ts shows it as a table).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { thcsCatalogue } from '@truongso/assessment'
import { regularSlots } from '@truongso/payload-plugin'
import { createLocalReq, getPayload } from 'payload'
import ExcelJS from 'exceljs'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { insertDocument } from '../src/seed/fastRecords.ts'
import { RestClient } from '../test/helpers.ts'

type ID = number | string
const PASSWORD = 'Rat-kho-doan-2026!'
const YEAR = '2026-2027'
const CONNECTIONS = 50
const SAVES = 2_000
/** A teacher's mean time between two saved cells: reading the paper list, typing the mark, Enter. */
const THINK_MS = 1_500

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}
const median = (values: number[]) => percentile(values, 50)

const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-gradebook-'))
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
const req = await createLocalReq({}, payload)
const t0 = performance.now()

// The school, its year, subjects, 40 classes of 37–38 students (one of 45), 100 teachers, a principal.
const school = (await payload.create({ collection: 'schools', data: { slug: 'thcskimdong' } as never, overrideAccess: true })).id as ID
await payload.create({ collection: 'school-years', overrideAccess: true, data: { school, name: YEAR, current: true, terms: [{ term: 'hk1', start: '2026-09-05', midTerm: '2026-11-07', end: '2027-01-15' }, { term: 'hk2', start: '2027-01-19', midTerm: '2027-03-20', end: '2027-05-31' }] } as never })
const subjects: { id: ID; grade: number; kind: string; periodsPerYear: number }[] = []
for (const grade of [6, 7, 8, 9] as const) {
  for (const subject of thcsCatalogue(grade)) {
    const data = { school, name: subject.name, grade, schoolYear: YEAR, kind: subject.kind, periodsPerYear: subject.periodsPerYear }
    subjects.push({ id: await insertDocument(req, 'subjects', data), grade, kind: subject.kind, periodsPerYear: subject.periodsPerYear })
  }
}
const users: { id: ID; email: string }[] = []
for (let i = 0; i < 101; i++) {
  const email = i === 100 ? 'hieutruong@bench.vn' : `gv${i}@bench.vn`
  const roles = i === 100 ? ['principal'] : ['teacher']
  const user = await payload.create({ collection: 'users', overrideAccess: true, data: { email, password: PASSWORD, fullName: `Giáo viên ${i}`, memberships: [{ school, roles }] } as never })
  users.push({ id: user.id as ID, email })
}
const classes: { id: ID; grade: number; students: ID[] }[] = []
let code = 0
for (let k = 0; k < 40; k++) {
  const grade = 6 + (k % 4)
  const klass = await insertDocument(req, 'classes', { school, name: `${grade}/${Math.floor(k / 4) + 1}`, grade, schoolYear: YEAR })
  const size = k === 0 ? 45 : 37 + (k % 2)
  const students: ID[] = []
  for (let s = 0; s < size; s++) {
    const student = await insertDocument(req, 'students', { school, studentCode: `HS${String(++code).padStart(5, '0')}`, fullName: `Học sinh ${code}`, sex: s % 2 ? 'Nữ' : 'Nam', currentClass: klass, status: 'studying' })
    await insertDocument(req, 'enrolments', { school, student, class: klass, schoolYear: YEAR, startDate: `2026-09-05T00:00:00.000Z`, startKind: 'enrolled' })
    students.push(student)
  }
  classes.push({ id: klass, grade, students })
}
// Every class-subject has a teacher (round robin over the 100) and complete marks for both terms, so
// the results are the year's whole computation; written straight to the adapter (setup, not measured).
const assignments: { id: ID; teacher: number; klass: (typeof classes)[number]; subject: (typeof subjects)[number] }[] = []
let next = 0
for (const klass of classes) {
  for (const subject of subjects.filter((s) => s.grade === klass.grade)) {
    const teacher = next++ % 100
    const id = await insertDocument(req, 'teaching-assignments', { school, teacher: users[teacher]!.id, class: klass.id, subject: subject.id, term: 'year', schoolYear: YEAR, label: `bench ${String(next)}` })
    assignments.push({ id, teacher, klass, subject })
    const slots = regularSlots(subject as never)
    for (const term of ['hk1', 'hk2'] as const) {
      for (const [i, student] of klass.students.entries()) {
        const value = (n: number) => (subject.kind === 'comment' ? 'Đ' : 5 + ((i * 7 + n * 3) % 50) / 10)
        await insertDocument(req, 'marks', {
          school,
          key: `${student}:${subject.id}:${YEAR}:${term}`,
          student,
          class: klass.id,
          subject: subject.id,
          teachingAssignment: id,
          schoolYear: YEAR,
          term,
          regular: Array.from({ length: slots }, (_, n) => ({ value: value(n), date: term === 'hk1' ? '2026-10-01' : '2027-03-01' })),
          midTerm: { value: value(7), date: term === 'hk1' ? '2026-11-05' : '2027-03-25' },
          endTerm: { value: value(9), date: term === 'hk1' ? '2027-01-05' : '2027-05-15' },
        })
      }
    }
  }
  for (const term of ['hk1', 'hk2'] as const) {
    for (const student of klass.students) {
      await insertDocument(req, 'student-term-records', { school, key: `${student}:${YEAR}:${term}`, student, class: klass.id, schoolYear: YEAR, term, conduct: 'tot', absencesExcused: 1, absencesUnexcused: 0 })
    }
  }
}
const setupSeconds = (performance.now() - t0) / 1000
const tokens = await Promise.all(users.map((u) => rest.login(u.email, PASSWORD)))
const principal = tokens[100]!

// 1. Saving one cell. The scenario is 100 teachers entering marks at the same time over at
// most 50 connections: each teacher types a mark and moves on (a think time drawn around
// THINK_MS, as a fast typist in a grid), so the server sees about 100 / THINK_MS saves per second
// arriving at random. Also measured: saturation, 50 connections saving back to back with no pause,
// where a save's latency is the queue in front of the single SQLite writer (50 / throughput).
const pick = (n: number, connection: number) => {
  const assignment = assignments[(n * 37 + connection) % assignments.length]!
  const student = assignment.klass.students[n % assignment.klass.students.length]!
  const value = assignment.subject.kind === 'comment' ? (n % 2 ? 'Đ' : 'CĐ') : 5 + (n % 50) / 10
  return { assignment, body: { student, teachingAssignment: assignment.id, term: 'hk1', column: `regular.${n % 2}`, value } }
}
let errors = 0
async function save(n: number, lane: number, latencies: number[]) {
  const { assignment, body } = pick(n, lane)
  const t = performance.now()
  const res = await rest.request('PUT', '/marks/cell', { token: tokens[assignment.teacher], body })
  latencies.push(performance.now() - t)
  if (res.status !== 200) errors++
}

// 1a. 100 teachers typing, through a pool of 50 connections (a request waits for a free one).
const TEACHERS = 100
const typing: number[] = []
let free = CONNECTIONS
const waiting: (() => void)[] = []
const connection = async () => {
  if (free > 0) return void free--
  await new Promise<void>((resolve) => waiting.push(resolve))
}
const release = () => (waiting.length > 0 ? waiting.shift()!() : void free++)
let seed = 2026
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31)
let typed = 0
const typingStarted = performance.now()
await Promise.all(
  Array.from({ length: TEACHERS }, async (_, teacher) => {
    while (typed < SAVES) {
      // Exponential think time: arrivals at random, as from independent people.
      await new Promise((resolve) => setTimeout(resolve, -Math.log(1 - random()) * THINK_MS))
      if (typed >= SAVES) break
      const n = typed++
      await connection()
      try {
        await save(n, teacher, typing)
      } finally {
        release()
      }
    }
  }),
)
const offeredPerSecond = SAVES / ((performance.now() - typingStarted) / 1000)

// 1b. Saturation: 50 connections, no pause.
const saturated: number[] = []
let issued = 0
const started = performance.now()
await Promise.all(
  Array.from({ length: CONNECTIONS }, async (_, lane) => {
    while (issued < SAVES) await save(SAVES + issued++, lane, saturated)
  }),
)
const savesPerSecond = SAVES / ((performance.now() - started) / 1000)

// 2. The year results of every class, as the principal.
const perClass: number[] = []
const schoolStarted = performance.now()
for (const klass of classes) {
  const t = performance.now()
  const res = await rest.request('GET', `/classes/${klass.id}/results?schoolYear=${YEAR}&term=year`, { token: principal })
  perClass.push(performance.now() - t)
  if (res.status !== 200) throw new Error(`results of class ${klass.id}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
}
const perClassLoopMs = performance.now() - schoolStarted
// The whole school in one request (GET /api/schools/:id/results): the first read, then reads with
// nothing changed, then reads each after one teacher saved one mark (results kept between requests,
// brought up to date by what changed: resultsCache.ts).
const schoolResults = async () => {
  const t = performance.now()
  const res = await rest.request('GET', `/schools/${school}/results?schoolYear=${YEAR}&term=year`, { token: principal })
  if (res.status !== 200 || (res.body.classes as unknown[]).length !== classes.length) throw new Error(`school results: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  return performance.now() - t
}
const firstSchoolRead = await schoolResults()
const unchangedReads: number[] = []
for (let run = 0; run < 5; run++) unchangedReads.push(await schoolResults())
const afterOneMark: number[] = []
for (let run = 0; run < 5; run++) {
  const assignment = assignments[run * 53]!
  const body = { student: assignment.klass.students[run]!, teachingAssignment: assignment.id, term: 'hk2', column: 'regular.0', value: assignment.subject.kind === 'comment' ? 'Đ' : 6 + run / 10 }
  const saved = await rest.request('PUT', '/marks/cell', { token: tokens[assignment.teacher], body })
  if (saved.status !== 200) throw new Error(`save before results: ${saved.status} ${JSON.stringify(saved.body).slice(0, 200)}`)
  afterOneMark.push(await schoolResults())
}

// The board's progress view of the whole school (GET /api/gradebook/progress), and a teacher's: median of 3.
const progress = async (token: string | undefined) => {
  const times: number[] = []
  for (let run = 0; run < 3; run++) {
    const t = performance.now()
    const res = await rest.request('GET', `/gradebook/progress?schoolYear=${YEAR}&term=hk1&asOf=2026-12-01`, { token })
    times.push(performance.now() - t)
    if (res.status !== 200) throw new Error(`progress: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  }
  return median(times)
}
const progressBoard = await progress(principal)
const progressTeacher = await progress(tokens[0])

// 3. The 45-student class's first scored class-subject: export, change TX1 everywhere, import back.
const sheetAssignment = assignments.find((a) => a.klass === classes[0] && a.subject.kind === 'scored')!
const imports: number[] = []
for (let run = 0; run < 3; run++) {
  const sheet = await rest.download(`/teaching-assignments/${sheetAssignment.id}/marks.xlsx?term=1`, tokens[sheetAssignment.teacher])
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(sheet.data as never)
  const ws = book.worksheets[0]!
  let tx1 = 0
  ws.eachRow((row) => row.eachCell((cell, col) => {
    if (String(cell.value).trim() === 'TX1') tx1 = col
  }))
  let changed = 0
  ws.eachRow((row, r) => {
    const cell = row.getCell(tx1)
    if (r > 1 && typeof cell.value === 'number') {
      cell.value = cell.value >= 9.5 ? 5 : Math.round((cell.value + 0.5) * 10) / 10
      changed++
    }
  })
  if (changed < 45) throw new Error(`the sheet has ${changed} TX1 values, expected 45`)
  const data = Buffer.from(await book.xlsx.writeBuffer())
  const t = performance.now()
  const res = await rest.upload(`/teaching-assignments/${sheetAssignment.id}/marks/import?term=1`, { name: 'so-diem.xlsx', data, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, tokens[sheetAssignment.teacher])
  imports.push(performance.now() - t)
  if (res.status !== 200) throw new Error(`import: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
}

await payload.destroy()
rmSync(dataDir, { recursive: true, force: true })
const students = classes.reduce((sum, c) => sum + c.students.length, 0)
console.log(
  JSON.stringify({
    'school: students / classes / class-subjects': `${students} / ${classes.length} / ${assignments.length}`,
    'setup (s)': Number(setupSeconds.toFixed(1)),
    [`save one cell, 100 teachers typing (one save per ${THINK_MS / 1000} s each, ${CONNECTIONS} connections): saves/s`]: Number(offeredPerSecond.toFixed(0)),
    'save one cell, 100 teachers typing: p50 (ms)': Number(median(typing).toFixed(1)),
    'save one cell, 100 teachers typing: p95 (ms) — goal ≤ 150': Number(percentile(typing, 95).toFixed(1)),
    [`save one cell, saturation (${CONNECTIONS} connections, no pause): saves/s`]: Number(savesPerSecond.toFixed(0)),
    'save one cell, saturation: p50 / p95 (ms)': `${median(saturated).toFixed(0)} / ${percentile(saturated, 95).toFixed(0)}`,
    'save one cell: errors': errors,
    'year results of one class, median (ms)': Number(median(perClass).toFixed(1)),
    'year results of every class, one request per class (ms)': Math.round(perClassLoopMs),
    'year results of the whole school, GET /api/schools/:id/results: first read (ms)': Math.round(firstSchoolRead),
    'year results of the whole school, nothing changed, median of 5 (ms) — goal ≤ 500': Math.round(median(unchangedReads)),
    'year results of the whole school, after one mark changed, median of 5 (ms) — goal ≤ 500': Math.round(median(afterOneMark)),
    'progress of the whole school (board), median of 3 (ms)': Math.round(progressBoard),
    'progress of one teacher, median of 3 (ms)': Math.round(progressTeacher),
    'import a 45-student sheet, median of 3 (ms) — goal ≤ 1000': Math.round(median(imports)),
  }),
)
process.exit(0)
