/**
 * `pnpm bench teaching` (issue 14): the teaching day's screens on a fresh SQLite file, through the
 * real REST handlers with real logins (cms/test/helpers.ts's RestClient, in-process, so a request's
 * time is the server's time). The district's 34 schools from the registry; THCS Kim Đồng is a
 * lower-secondary school of 60 teachers in six departments, 32 classes of 35 students in two
 * shifts, the catalogue's subjects, a clash-free timetable (the seed's planTimetables) and a PPCT for
 * every subject × grade; the other schools have classes, enrolments and the day's attendance.
 * Measured (median, and p95 where there are enough requests):
 *   - POST /api/teaching-plans/generate for each of the 60 teachers: a first week (no earlier plan)
 *     and the week after (lesson numbers continuing), per request and the whole school's total
 *   - GET /api/teaching-plans/status of that week: the board (whole school) and a team leader
 *   - GET /api/class-logs/day of a class: the first read of each class (which makes the log), repeat reads
 *   - GET /api/timetables/week: a teacher's own week, a class's week
 *   - GET /api/attendance/daily for the 34 schools as a district officer: JSON and CSV
 * Goal: every screen ≤ 300 ms server time. SQLite by default; BENCH_DATABASE=postgres with
 * TEST_POSTGRES_URI on a fresh PostgreSQL database. Prints one JSON line (scripts/bench.ts shows it as tables).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { thcsCatalogue } from '@truongso/assessment'
import { schools as registry } from '@truongso/registry'
import { TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG, SYLLABI_SLUG } from '@truongso/payload-plugin'
import { commitTransaction, createLocalReq, getPayload, initTransaction, type PayloadRequest } from 'payload'
import pg from 'pg'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { insertDocument, insertWithoutReading } from '../src/seed/fastRecords.ts'
import { seedSchools } from '../src/seed/schools.ts'
import { planTimetables } from '../src/seed/teachingDay.ts'
import { RestClient } from '../test/helpers.ts'

type ID = number | string
const PASSWORD = 'Rat-kho-doan-2026!'
const YEAR = '2026-2027'
const BENCH_SCHOOL = 'thcskimdong'
/** Two consecutive weeks of term I; the class log and the attendance feed read the second week's Tuesday. */
const WEEK_1 = '2026-11-02'
const WEEK_2 = '2026-11-09'
const DAY = '2026-11-10'
const TERM_START = '2026-09-07'
const REPEATS = 10

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** BENCH_DATABASE=postgres (with TEST_POSTGRES_URI, which scripts/postgres.sh prints): a fresh database on that server. */
const database = process.env.BENCH_DATABASE === 'postgres' ? 'postgres' : 'sqlite'
async function postgresDatabase(base: string, name: string, drop = false): Promise<string> {
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  if (!drop) await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const uri = new URL(base)
  uri.pathname = `/${name}`
  return uri.toString()
}
const postgresName = `truongso_bench_teaching_${process.pid}`
const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-teaching-'))
process.env.TRUONGSO_DISABLE_JOBS = '1'
const config = buildTruongsoConfig({
  databaseUri: database === 'postgres' ? await postgresDatabase(process.env.TEST_POSTGRES_URI ?? '', postgresName) : `file:${path.join(dataDir, 'bench.db')}`,
  dataDir,
  secret: 'bench-secret',
  logLevel: 'silent',
  email: () => ({ name: 'none', defaultFromAddress: 'x@x.vn', defaultFromName: 'x', sendEmail: async () => undefined }),
})
const payload = await getPayload({ config })
const rest = new RestClient(config)
const req = await createLocalReq({}, payload)
const t0 = performance.now()

/** Setup writes of one school in one transaction (the fast path is meant to run inside one). */
async function inTransaction(task: (req: PayloadRequest) => Promise<void>): Promise<void> {
  const tx = await createLocalReq({}, payload)
  await initTransaction(tx)
  await task(tx)
  await commitTransaction(tx)
}

const schoolIds = await seedSchools(req)
const school = schoolIds.get(BENCH_SCHOOL)!
await payload.create({ collection: 'school-years', overrideAccess: true, data: { school, name: YEAR, current: true, terms: [{ term: 'hk1', start: '2026-09-05', midTerm: '2026-11-07', end: '2027-01-15' }, { term: 'hk2', start: '2027-01-19', midTerm: '2027-03-20', end: '2027-05-31' }] } as never })

// Six departments, each teaching a group of subjects with teachers in proportion to its periods a week.
const DEPARTMENTS: { name: string; subjects: string[]; teachers: number }[] = [
  { name: 'Tổ Ngữ văn', subjects: ['Ngữ văn', 'GDCD', 'GD địa phương'], teachers: 12 },
  { name: 'Tổ Toán – Tin', subjects: ['Toán', 'Tin học'], teachers: 10 },
  { name: 'Tổ Ngoại ngữ', subjects: ['Ngoại ngữ 1'], teachers: 6 },
  { name: 'Tổ Khoa học tự nhiên', subjects: ['Khoa học tự nhiên', 'Công nghệ'], teachers: 10 },
  { name: 'Tổ Khoa học xã hội', subjects: ['Lịch sử và Địa lí', 'HĐTN-HN'], teachers: 13 },
  { name: 'Tổ Thể dục – Nghệ thuật', subjects: ['Giáo dục thể chất', 'Nghệ thuật'], teachers: 9 },
]
const departmentOf = (subject: string) => DEPARTMENTS.findIndex((d) => d.subjects.includes(subject))
const departmentIds: ID[] = []
for (const d of DEPARTMENTS) departmentIds.push((await payload.create({ collection: 'departments', overrideAccess: true, data: { school, name: d.name } as never })).id as ID)

// 60 teachers (the first of Tổ Toán – Tin is also its team leader), the principal, a district officer.
const teachers: { id: ID; email: string; department: number }[] = []
for (const [d, department] of DEPARTMENTS.entries()) {
  for (let k = 0; k < department.teachers; k++) {
    const email = `gv${teachers.length}@bench.vn`
    const roles = d === 1 && k === 0 ? ['teacher', 'team-leader'] : ['teacher']
    const user = await payload.create({ collection: 'users', overrideAccess: true, data: { email, password: PASSWORD, fullName: `Giáo viên ${String(teachers.length).padStart(2, '0')}`, memberships: [{ school, roles, department: departmentIds[d] }] } as never })
    teachers.push({ id: user.id as ID, email, department: d })
  }
}
const teamLeader = teachers.find((t) => t.department === 1)!
await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'hieutruong@bench.vn', password: PASSWORD, fullName: 'Hiệu trưởng', memberships: [{ school, roles: ['principal'] }] } as never })
await payload.create({ collection: 'users', overrideAccess: true, data: { email: 'chuyenvien@bench.vn', password: PASSWORD, fullName: 'Chuyên viên phòng', districtRoles: ['district-officer'] } as never })

// The bench school's subjects, classes with students, teaching assignments, timetables and PPCTs.
const subjects: { id: ID; name: string; grade: number; periodsPerYear: number }[] = []
const classesOf = new Map<string, { id: ID; grade: number; students: ID[] }[]>()
type Assignment = { id: ID; class: ID; teacher: ID; subject: ID }
const assignments: Assignment[] = []
let studentCode = 0
/** Classes of `count` × `size` students for a school, on the fast path (one transaction a school). */
async function classesWithStudents(tx: PayloadRequest, schoolId: ID, count: number, size: number, grades: readonly number[]) {
  const made: { id: ID; grade: number; students: ID[] }[] = []
  const perGrade = Math.ceil(count / grades.length)
  for (let k = 0; k < count; k++) {
    const grade = grades[Math.floor(k / perGrade)]!
    const klass = await insertDocument(tx, 'classes', { school: schoolId, name: `${grade}/${(k % perGrade) + 1}`, grade, schoolYear: YEAR })
    const students: ID[] = []
    for (let s = 0; s < size; s++) {
      const code = ++studentCode
      const student = await insertDocument(tx, 'students', { school: schoolId, studentCode: `HS${String(code).padStart(6, '0')}`, fullName: `Học sinh ${code}`, sex: s % 2 ? 'Nữ' : 'Nam', currentClass: klass, status: 'studying' })
      await insertDocument(tx, 'enrolments', { school: schoolId, student, class: klass, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z', startKind: 'enrolled' })
      students.push(student)
    }
    made.push({ id: klass, grade, students })
  }
  return made
}

await inTransaction(async (tx) => {
  for (const grade of [6, 7, 8, 9] as const) {
    for (const s of thcsCatalogue(grade)) {
      subjects.push({ id: await insertDocument(tx, 'subjects', { school, name: s.name, grade, schoolYear: YEAR, kind: s.kind, periodsPerYear: s.periodsPerYear }), name: s.name, grade, periodsPerYear: s.periodsPerYear ?? 35 })
    }
  }
  const classes = await classesWithStudents(tx, school, 32, 35, [6, 7, 8, 9])
  classesOf.set(BENCH_SCHOOL, classes)
  // Each class-subject to the least loaded teacher (in periods a week) of the subject's department.
  const load = new Map(teachers.map((t) => [t.id, 0]))
  for (const klass of classes) {
    for (const subject of subjects.filter((s) => s.grade === klass.grade)) {
      const d = departmentOf(subject.name)
      if (d < 0) throw new Error(`no department teaches ${subject.name}`)
      const teacher = teachers.filter((t) => t.department === d).reduce((a, b) => (load.get(b.id)! < load.get(a.id)! ? b : a))
      load.set(teacher.id, load.get(teacher.id)! + Math.max(1, Math.round(subject.periodsPerYear / 35)))
      const id = await insertDocument(tx, 'teaching-assignments', { school, teacher: teacher.id, class: klass.id, subject: subject.id, term: 'year', schoolYear: YEAR, label: `${subject.name} ${String(klass.id)}` })
      assignments.push({ id, class: klass.id, teacher: teacher.id, subject: subject.id })
    }
  }
})
const subjectById = new Map(subjects.map((s) => [String(s.id), s]))
const benchClasses = classesOf.get(BENCH_SCHOOL)!
// Two shifts, as most lower-secondary schools of the district: grades 8–9 in the morning, 6–7 in the
// afternoon. Each shift is laid out on its own (a teacher's morning and afternoon never clash).
const gradeOf = new Map(benchClasses.map((c) => [String(c.id), c.grade]))
// GD địa phương is taught in blocks outside the weekly timetable here (28 of a shift's 30 periods
// a week are laid out; at 29 the greedy layout runs out of free periods).
const periodsOf = (a: Assignment) => {
  const subject = subjectById.get(String(a.subject))!
  return subject.name === 'GD địa phương' ? 0 : Math.max(1, Math.round(subject.periodsPerYear / 35))
}
const planned = (['morning', 'afternoon'] as const).flatMap((session) =>
  planTimetables(assignments.filter((a) => (gradeOf.get(String(a.class))! >= 8) === (session === 'morning')), periodsOf).map((slot) => ({ ...slot, session })),
)
// The timetables through the Local API (their save hook writes the key and label), their slots on the fast path as the seed writes them.
const slotRows: Record<string, unknown>[] = []
for (const [i, klass] of benchClasses.entries()) {
  const timetable = (await payload.create({ collection: TIMETABLES_SLUG as never, data: { school, class: klass.id, term: 'hk1', startsOn: `${TERM_START}T00:00:00.000Z` } as never, overrideAccess: true, depth: 0 })).id as ID
  for (const slot of planned.filter((p) => String(p.class) === String(klass.id))) {
    slotRows.push({ school, timetable, class: klass.id, schoolYear: YEAR, term: 'hk1', day: slot.day, session: slot.session, period: slot.period, teachingAssignment: slot.assignment.id, teacher: slot.assignment.teacher, subject: slot.assignment.subject, room: `P${101 + (i % 16)}`, key: `${String(timetable)}:${slot.day}:${slot.session}:${slot.period}` })
  }
}
await inTransaction((tx) => insertWithoutReading(tx, TIMETABLE_SLOTS_SLUG, slotRows))
// A PPCT per subject × grade (the Local API: its save hook checks the numbering), one row per period of the year.
for (const s of subjects) {
  const lessons = Array.from({ length: s.periodsPerYear }, (_, n) => ({ number: n + 1, title: `${s.name} ${s.grade}: bài ${n + 1}`, chapter: `Chủ đề ${Math.floor(n / 10) + 1}` }))
  await payload.create({ collection: SYLLABI_SLUG as never, data: { school, subjectName: s.name, grade: s.grade, schoolYear: YEAR, department: departmentIds[departmentOf(s.name)], lessons } as never, overrideAccess: true, depth: 0 })
}

// The other 33 schools: lower-secondary 30 classes × 35, primary 20 × 30, kindergartens 10 × 25.
for (const entry of registry) {
  if (entry.slug === BENCH_SCHOOL) continue
  const id = schoolIds.get(entry.slug)!
  const secondary = entry.level.includes('THCS')
  const [count, size, grades] = secondary ? [30, 35, [6, 7, 8, 9]] : entry.level === 'TH' ? [20, 30, [1, 2, 3, 4, 5]] : [10, 25, [3, 4, 5]]
  await inTransaction(async (tx) => void classesOf.set(entry.slug, await classesWithStudents(tx, id, count, size, grades)))
}
// The day's morning attendance of every class but one in ten (a missing report), a few absences each,
// on the fast path with what the save hook (attendance/hooks.ts checkAttendance) sets (array rows need
// the id Payload's create would give them).
const STATUSES = ['excused', 'unexcused', 'late'] as const
let sessions = 0
for (const [slug, classes] of classesOf) {
  await inTransaction(async (tx) => {
    for (const [k, klass] of classes.entries()) {
      if (k % 10 === 9) continue
      const absences = Array.from({ length: k % 4 }, (_, n) => ({ id: randomBytes(12).toString('hex'), student: klass.students[(k * 7 + n * 5) % klass.students.length], status: STATUSES[(k + n) % 3], reason: 'Phụ huynh báo' }))
      await insertDocument(tx, 'attendance-sessions', { school: schoolIds.get(slug), class: klass.id, date: DAY, session: 'morning', schoolYear: YEAR, term: 'hk1', key: `${String(klass.id)}:${DAY}:morning`, enrolled: klass.students.length, absences, takenAt: new Date().toISOString() })
      sessions++
    }
  })
}
const setupSeconds = (performance.now() - t0) / 1000

const tokens = await Promise.all(teachers.map((t) => rest.login(t.email, PASSWORD)))
const principal = await rest.login('hieutruong@bench.vn', PASSWORD)
const officer = await rest.login('chuyenvien@bench.vn', PASSWORD)
const leaderToken = tokens[teachers.indexOf(teamLeader)]!

/** One request's time (ms); a status other than `expected` stops the bench. */
async function timed(method: 'GET' | 'POST', apiPath: string, token: string, body?: unknown, expected: number[] = [200]) {
  const t = performance.now()
  const res = await rest.request(method, apiPath, { token, body })
  const ms = performance.now() - t
  if (!expected.includes(res.status)) throw new Error(`${method} ${apiPath}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  return { ms, body: res.body as Record<string, any> }
}
const repeat = async (n: number, run: () => Promise<{ ms: number }>) => {
  const times: number[] = []
  for (let i = 0; i < n; i++) times.push((await run()).ms)
  return times
}

// 1. Every teacher generates the plan of week 1 (nothing before it), then of week 2 (continuing).
const generateWeek = async (weekStart: string) => {
  const times: number[] = []
  const plans: ID[] = []
  const started = performance.now()
  let rows = 0
  for (const token of tokens) {
    const { ms, body } = await timed('POST', '/teaching-plans/generate', token, { weekStart }, [201])
    times.push(ms)
    plans.push(body.doc.id)
    rows += body.doc.rows.length
  }
  return { times, plans, rows, total: performance.now() - started }
}
const week1 = await generateWeek(WEEK_1)
const week2 = await generateWeek(WEEK_2)
// Three in four hand in week 2's plan: the status board then has all three states.
for (const [i, plan] of week2.plans.entries()) if (i % 4 !== 3) await timed('POST', `/teaching-plans/${plan}/submit`, tokens[i]!)

// 2. Who has handed in week 2's plan: the board, and the team leader of Tổ Toán – Tin.
const statusOf = async (token: string, teachersExpected: number) => {
  const times = await repeat(REPEATS, async () => {
    const result = await timed('GET', `/teaching-plans/status?weekStart=${WEEK_2}`, token)
    if (result.body.teachers.length !== teachersExpected) throw new Error(`status lists ${result.body.teachers.length} teachers, expected ${teachersExpected}`)
    return result
  })
  return times
}
const statusBoard = await statusOf(principal, teachers.length)
const statusLeader = await statusOf(leaderToken, DEPARTMENTS[1]!.teachers)

// 3. The class log of Tuesday of week 2: each class's first read (the log is made), then repeat reads of one.
const firstReads: number[] = []
for (const klass of benchClasses) {
  const { ms, body } = await timed('GET', `/class-logs/day?class=${klass.id}&date=${DAY}`, principal)
  if (body.doc.rows.length === 0 || body.doc.rows.some((r: { lessonNumber: unknown }) => typeof r.lessonNumber !== 'number')) throw new Error(`class log of ${String(klass.id)} is not pre-filled from the plans`)
  firstReads.push(ms)
}
const repeatReads = await repeat(REPEATS, () => timed('GET', `/class-logs/day?class=${benchClasses[0]!.id}&date=${DAY}`, principal))

// 4. The week's timetable: a teacher's own, and a class's as the board.
const teacherWeek = await repeat(REPEATS, () => timed('GET', `/timetables/week?date=${DAY}&teacher=me`, tokens[0]!))
const classWeek = await repeat(REPEATS, () => timed('GET', `/timetables/week?date=${DAY}&class=${benchClasses[0]!.id}`, principal))

// 5. The attendance feed of the 34 schools, as a district officer.
const feedJson = await repeat(REPEATS, async () => {
  const result = await timed('GET', `/attendance/daily?date=${DAY}`, officer)
  if (result.body.schools.length !== registry.length) throw new Error(`the feed lists ${result.body.schools.length} schools`)
  return result
})
const feedCsv = await repeat(REPEATS, () => timed('GET', `/attendance/daily?date=${DAY}&format=csv`, officer))

await payload.destroy()
rmSync(dataDir, { recursive: true, force: true })
if (database === 'postgres') {
  // payload.destroy() leaves the adapter's pool connected, which would keep the database from being dropped.
  await (payload.db as unknown as { pool?: pg.Pool }).pool?.end()
  await postgresDatabase(process.env.TEST_POSTGRES_URI!, postgresName, true)
}

const ms = (value: number) => Number(value.toFixed(1))
const row = (times: number[], withP95 = false) => ({ 'median (ms)': ms(median(times)), 'p95 (ms)': withP95 ? ms(percentile(times, 95)) : null, requests: times.length })
const allClasses = [...classesOf.values()].flat()
console.log(
  JSON.stringify({
    setup: {
      database,
      'schools / classes / students': `${classesOf.size} / ${allClasses.length} / ${allClasses.reduce((sum, c) => sum + c.students.length, 0)}`,
      [`${BENCH_SCHOOL}: teachers / classes / class-subjects / timetable slots`]: `${teachers.length} / ${benchClasses.length} / ${assignments.length} / ${slotRows.length}`,
      'attendance sessions of the day': sessions,
      'plan rows a week (whole school)': week2.rows,
      'setup (s)': Number(setupSeconds.toFixed(1)),
      'generate week 1, all 60 teachers one after the other (ms)': Math.round(week1.total),
      'generate week 2, all 60 teachers one after the other (ms)': Math.round(week2.total),
    },
    screens: {
      'POST /teaching-plans/generate, first week (no earlier plan)': row(week1.times, true),
      'POST /teaching-plans/generate, next week (continuing)': row(week2.times, true),
      'GET /teaching-plans/status, board (60 teachers)': row(statusBoard),
      'GET /teaching-plans/status, team leader (10 teachers)': row(statusLeader),
      'GET /class-logs/day, first read (makes the log), 32 classes': row(firstReads, true),
      'GET /class-logs/day, repeat read': row(repeatReads),
      'GET /timetables/week, a teacher': row(teacherWeek),
      'GET /timetables/week, a class': row(classWeek),
      'GET /attendance/daily, 34 schools, JSON': row(feedJson),
      'GET /attendance/daily, 34 schools, CSV': row(feedCsv),
    },
  }),
)
process.exit(0)
