import { addDays, relationId, SYLLABI_SLUG, TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG, vietnamDay } from '@truongso/payload-plugin'
import type { PayloadRequest } from 'payload'

import { seedClassLogs, type DayAttendance } from './classLogs.ts'
import { insertWithoutReading } from './fastRecords.ts'
import { seedTeachingPlans, type PlanPeople } from './teachingPlans.ts'
import { seededWeeks } from './teachingWeeks.ts'

type ID = number | string

export type TeachingDaySeed = { slots: number; lessons: number; plans: number; sessions: number; logs: number }

/**
 * The teaching day's demo data for a school with records (issue 14 item 8): a term I timetable for
 * every class that has teaching assignments (Monday–Saturday mornings, periods 1–5, from the term's
 * start; slots on the fast path, checked against the clash rule), the PPCT of Ngữ văn 6 and Toán 6,
 * and over the two seeded weeks (seededWeeks: the two before today's, in term I) every teacher's
 * weekly plans (teachingPlans.ts: one late), the demo homeroom teacher's class's attendance and
 * its class log (classLogs.ts: one period unsigned, the earlier week closed). Runs in the school's
 * seed transaction, before the lock calendar (attendance writes the term records).
 */
export async function seedTeachingDay(req: PayloadRequest, schoolId: ID, schoolYear: string, people: PlanPeople = { teacher: null, board: null }, today = vietnamDay()): Promise<TeachingDaySeed> {
  const { payload } = req
  const none = { slots: 0, lessons: 0, plans: 0, sessions: 0, logs: 0 }
  const existing = await payload.db.count({ collection: TIMETABLES_SLUG, where: { school: { equals: schoolId } }, req })
  if (existing.totalDocs > 0) return none
  const year = await payload.db.findOne({ collection: 'school-years', where: { and: [{ school: { equals: schoolId } }, { name: { equals: schoolYear } }] }, req })
  const termOne = ((year as { terms?: { term?: string; start?: string; end?: string }[] } | null)?.terms ?? []).find((t) => t.term === 'hk1')
  if (!termOne?.start || !termOne.end) return none
  const termStart = new Date(termOne.start).toISOString().slice(0, 10)
  const termEnd = new Date(termOne.end).toISOString().slice(0, 10)
  const slots = await seedTimetables(req, schoolId, schoolYear, termStart)
  const lessons = await seedSyllabi(req, schoolId, schoolYear)
  const homeroomClass = await findHomeroomClass(req, schoolId, schoolYear)
  // Attendance lists only students enrolled that day: the weeks start once both the term and the enrolments have.
  const from = homeroomClass && homeroomClass.enrolledFrom > termStart ? homeroomClass.enrolledFrom : termStart
  const weeks = seededWeeks({ from, termEnd, today })
  const teachers = [...new Map(slots.map((slot) => [String(slot.teacher), slot.teacher as ID])).values()].sort((a, b) => String(a).localeCompare(String(b)))
  const plans = await seedTeachingPlans(req, teachers, weeks, people)
  if (!homeroomClass) return { ...none, slots: slots.length, lessons, plans }
  const attendance = await seedAttendance(req, homeroomClass, twoWeeksFrom(weeks.earlier, termEnd))
  const logs = await seedClassLogs(req, { school: schoolId, schoolYear, classId: homeroomClass.id, homeroom: homeroomClass.homeroom, students: homeroomClass.students, attendance: attendance.byDay, weeks })
  return { slots: slots.length, lessons, plans, sessions: attendance.sessions, logs }
}

// ---------------------------------------------------------------- timetable

/** Periods a week of a subject: its periods a year over 35 weeks; primary subjects (no count stored) from the 2018 programme. */
function periodsPerWeek(subject: { name?: string; grade?: number; periodsPerYear?: number | null }): number {
  if (subject.periodsPerYear) return Math.max(1, Math.round(subject.periodsPerYear / 35))
  const grade = Number(subject.grade)
  if (subject.name === 'Tiếng Việt') return grade === 1 ? 12 : grade === 2 ? 10 : 7
  if (subject.name === 'Toán') return grade === 1 ? 3 : 5
  return 2
}

const DAYS = [2, 3, 4, 5, 6, 7] as const
const PERIODS = [1, 2, 3, 4, 5] as const

type Assignment = { id: ID; class: ID; teacher: ID; subject: ID }
type PlannedSlot = { class: ID; day: number; period: number; assignment: Assignment }

/**
 * Places each assignment's periods greedily, a slot at a time, where both the class and the teacher
 * are free, on the day with the fewest periods of that subject (so subjects spread over the week):
 * a teacher is never placed twice at one time, so no clash can arise.
 */
export function planTimetables(assignments: Assignment[], periodsOf: (a: Assignment) => number): PlannedSlot[] {
  const busy = new Set<string>()
  const planned: PlannedSlot[] = []
  // The busiest teachers first: they have the fewest free slots.
  const load = new Map<string, number>()
  for (const a of assignments) load.set(String(a.teacher), (load.get(String(a.teacher)) ?? 0) + periodsOf(a))
  const ordered = [...assignments].sort((a, b) => (load.get(String(b.teacher)) ?? 0) - (load.get(String(a.teacher)) ?? 0) || String(a.id).localeCompare(String(b.id)))
  for (const [index, assignment] of ordered.entries()) {
    const perDay = new Map<number, number>()
    for (let n = 0; n < periodsOf(assignment); n++) {
      // Rotate the starting day per assignment, then prefer the days with the fewest of its periods.
      const days = DAYS.map((_, i) => DAYS[(i + index) % DAYS.length]!).sort((x, y) => (perDay.get(x) ?? 0) - (perDay.get(y) ?? 0))
      let placed = false
      for (const day of days) {
        const period = PERIODS.find((p) => !busy.has(`c:${assignment.class}:${day}:${p}`) && !busy.has(`t:${assignment.teacher}:${day}:${p}`))
        if (period === undefined) continue
        busy.add(`c:${assignment.class}:${day}:${period}`)
        busy.add(`t:${assignment.teacher}:${day}:${period}`)
        perDay.set(day, (perDay.get(day) ?? 0) + 1)
        planned.push({ class: assignment.class, day, period, assignment })
        placed = true
        break
      }
      if (!placed) throw new Error(`seed: no free morning period left for teaching assignment ${String(assignment.id)}`)
    }
  }
  return planned
}

/** The clash rule (teaching/timetable/clashes.ts) over slots of timetables that all start the same day: one teacher, or one room, per time. */
function assertNoClash(slots: { day: number; session: string; period: number; teacher: ID; room: string | null }[]): void {
  const seen = new Set<string>()
  for (const slot of slots) {
    const at = `${slot.day}:${slot.session}:${slot.period}`
    for (const key of [`t:${slot.teacher}:${at}`, ...(slot.room ? [`r:${slot.room}:${at}`] : [])]) {
      if (seen.has(key)) throw new Error(`seed: timetable clash ${key}`)
      seen.add(key)
    }
  }
}

async function seedTimetables(req: PayloadRequest, schoolId: ID, schoolYear: string, termStart: string): Promise<Record<string, unknown>[]> {
  const { payload } = req
  const [classes, found, subjects] = await Promise.all([
    payload.db.find({ collection: 'classes', where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }] }, sort: 'id', pagination: false, req }),
    payload.db.find({ collection: 'teaching-assignments', where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }, { term: { in: ['hk1', 'year'] } }] }, sort: 'id', pagination: false, req }),
    payload.db.find({ collection: 'subjects', where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }] }, pagination: false, req }),
  ])
  const subjectById = new Map(subjects.docs.map((s) => [String(s.id), s as { name?: string; grade?: number; periodsPerYear?: number | null }]))
  const assignments: Assignment[] = (found.docs as { id: ID; class?: unknown; teacher?: unknown; subject?: unknown }[]).map((a) => ({ id: a.id as ID, class: relationId(a.class)!, teacher: relationId(a.teacher)!, subject: relationId(a.subject)! }))
  const planned = planTimetables(assignments, (a) => periodsPerWeek(subjectById.get(String(a.subject)) ?? {}))
  // One room per class (its homeroom): a room is then never in two places either.
  const roomOf = new Map(classes.docs.map((c, i) => [String(c.id), `P${101 + i}`]))
  const rows: Record<string, unknown>[] = []
  for (const klass of classes.docs) {
    const ofClass = planned.filter((s) => String(s.class) === String(klass.id))
    if (ofClass.length === 0) continue
    // The timetable itself through the Local API (its save hook writes the key and label); its many slots on the fast path.
    const timetable = await payload.create({ collection: TIMETABLES_SLUG as never, data: { school: schoolId, class: klass.id, term: 'hk1', startsOn: `${termStart}T00:00:00.000Z` } as never, overrideAccess: true, depth: 0, req })
    for (const slot of ofClass.sort((a, b) => a.day - b.day || a.period - b.period)) {
      // Exactly what hooks.ts checkSlot stores: class, school, year and term of the timetable, teacher and subject of the assignment, the key.
      rows.push({
        school: schoolId,
        timetable: timetable.id,
        class: klass.id,
        schoolYear,
        term: 'hk1',
        day: slot.day,
        session: 'morning',
        period: slot.period,
        teachingAssignment: slot.assignment.id,
        teacher: slot.assignment.teacher,
        subject: slot.assignment.subject,
        room: roomOf.get(String(klass.id)) ?? null,
        key: `${String(timetable.id)}:${slot.day}:morning:${slot.period}`,
      })
    }
  }
  assertNoClash(rows as never)
  await insertWithoutReading(req, TIMETABLE_SLOTS_SLUG, rows)
  return rows
}

// ---------------------------------------------------------------- PPCT

type Unit = [chapter: string, title: string, periods: number]

/** Ngữ văn 6 (Kết nối tri thức với cuộc sống), tập một: the first three topics. */
const NGU_VAN_6: Unit[] = [
  ['Bài 1. Tôi và các bạn', 'Giới thiệu bài học và Tri thức ngữ văn', 1],
  ['Bài 1. Tôi và các bạn', 'Đọc: Bài học đường đời đầu tiên (Tô Hoài)', 2],
  ['Bài 1. Tôi và các bạn', 'Đọc: Nếu cậu muốn có một người bạn… (Ăng-toan đơ Xanh-tơ Ê-xu-pe-ri)', 2],
  ['Bài 1. Tôi và các bạn', 'Thực hành tiếng Việt: từ đơn, từ phức, biện pháp tu từ so sánh', 1],
  ['Bài 1. Tôi và các bạn', 'Đọc kết nối chủ điểm: Bắt nạt (Nguyễn Thế Hoàng Linh)', 1],
  ['Bài 1. Tôi và các bạn', 'Viết: Viết bài văn kể lại một trải nghiệm của em', 2],
  ['Bài 1. Tôi và các bạn', 'Nói và nghe: Kể lại một trải nghiệm của em', 1],
  ['Bài 1. Tôi và các bạn', 'Ôn tập Bài 1', 1],
  ['Bài 2. Gõ cửa trái tim', 'Giới thiệu bài học và Tri thức ngữ văn', 1],
  ['Bài 2. Gõ cửa trái tim', 'Đọc: Chuyện cổ tích về loài người (Xuân Quỳnh)', 2],
  ['Bài 2. Gõ cửa trái tim', 'Thực hành tiếng Việt: từ đồng nghĩa, biện pháp tu từ ẩn dụ', 1],
  ['Bài 2. Gõ cửa trái tim', 'Đọc: Mây và sóng (R. Ta-go)', 2],
  ['Bài 2. Gõ cửa trái tim', 'Đọc kết nối chủ điểm: Bức tranh của em gái tôi (Tạ Duy Anh)', 1],
  ['Bài 2. Gõ cửa trái tim', 'Viết: Tập làm một bài thơ lục bát', 1],
  ['Bài 2. Gõ cửa trái tim', 'Viết: Đoạn văn ghi lại cảm xúc về một bài thơ lục bát', 2],
  ['Bài 2. Gõ cửa trái tim', 'Nói và nghe: Trình bày ý kiến về một vấn đề', 1],
  ['Bài 2. Gõ cửa trái tim', 'Ôn tập Bài 2', 1],
  ['Bài 3. Yêu thương và chia sẻ', 'Giới thiệu bài học và Tri thức ngữ văn', 1],
  ['Bài 3. Yêu thương và chia sẻ', 'Đọc: Cô bé bán diêm (H. C. An-đéc-xen)', 2],
  ['Bài 3. Yêu thương và chia sẻ', 'Thực hành tiếng Việt: cụm danh từ', 1],
  ['Bài 3. Yêu thương và chia sẻ', 'Đọc: Gió lạnh đầu mùa (Thạch Lam)', 2],
  ['Bài 3. Yêu thương và chia sẻ', 'Đọc kết nối chủ điểm: Con chào mào (Mai Văn Phấn)', 1],
  ['Bài 3. Yêu thương và chia sẻ', 'Viết: Kể lại một trải nghiệm đáng nhớ', 2],
  ['Bài 3. Yêu thương và chia sẻ', 'Nói và nghe: Kể về một trải nghiệm đáng nhớ', 1],
  ['Bài 3. Yêu thương và chia sẻ', 'Ôn tập Bài 3', 1],
]

/** Toán 6 (Kết nối tri thức với cuộc sống), tập một: chapters I–III. */
const TOAN_6: Unit[] = [
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 1. Tập hợp', 2],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 2. Cách ghi số tự nhiên', 2],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 3. Thứ tự trong tập hợp các số tự nhiên', 1],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 4. Phép cộng và phép trừ số tự nhiên', 2],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 5. Phép nhân và phép chia số tự nhiên', 2],
  ['Chương I. Tập hợp các số tự nhiên', 'Luyện tập chung', 1],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 6. Lũy thừa với số mũ tự nhiên', 2],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài 7. Thứ tự thực hiện các phép tính', 1],
  ['Chương I. Tập hợp các số tự nhiên', 'Luyện tập chung', 1],
  ['Chương I. Tập hợp các số tự nhiên', 'Bài tập cuối chương I', 1],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Bài 8. Quan hệ chia hết và tính chất', 2],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Bài 9. Dấu hiệu chia hết', 2],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Bài 10. Số nguyên tố', 2],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Luyện tập chung', 1],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Bài 11. Ước chung. Ước chung lớn nhất', 2],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Bài 12. Bội chung. Bội chung nhỏ nhất', 2],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Luyện tập chung', 1],
  ['Chương II. Tính chia hết trong tập hợp các số tự nhiên', 'Bài tập cuối chương II', 1],
  ['Chương III. Số nguyên', 'Bài 13. Tập hợp các số nguyên', 2],
  ['Chương III. Số nguyên', 'Bài 14. Phép cộng và phép trừ số nguyên', 2],
  ['Chương III. Số nguyên', 'Bài 15. Quy tắc dấu ngoặc', 1],
]

/** One row per period (tiết), numbered 1…n: a two-period lesson is two rows, "(tiết 1)" and "(tiết 2)". */
export function syllabusRows(units: readonly Unit[]): { number: number; title: string; chapter: string; periods: number }[] {
  const rows: { number: number; title: string; chapter: string; periods: number }[] = []
  for (const [chapter, title, periods] of units) {
    for (let k = 1; k <= periods; k++) rows.push({ number: rows.length + 1, title: periods > 1 ? `${title} (tiết ${k})` : title, chapter, periods: 1 })
  }
  return rows
}

const SYLLABI: { subjectName: string; grade: number; department: string; units: Unit[] }[] = [
  { subjectName: 'Ngữ văn', grade: 6, department: 'Tổ Ngữ văn', units: NGU_VAN_6 },
  { subjectName: 'Toán', grade: 6, department: 'Tổ Toán – Tin', units: TOAN_6 },
]

async function seedSyllabi(req: PayloadRequest, schoolId: ID, schoolYear: string): Promise<number> {
  const { payload } = req
  let written = 0
  for (const { subjectName, grade, department, units } of SYLLABI) {
    const offered = await payload.db.count({ collection: 'subjects', where: { and: [{ school: { equals: schoolId } }, { name: { equals: subjectName } }, { grade: { equals: grade } }, { schoolYear: { equals: schoolYear } }] }, req })
    const dept = await payload.db.findOne({ collection: 'departments', where: { and: [{ school: { equals: schoolId } }, { name: { equals: department } }] }, req })
    if (offered.totalDocs === 0 || !dept) continue
    const lessons = syllabusRows(units)
    // Two documents: the Local API (its save hook checks the numbering and writes the key).
    await payload.create({ collection: SYLLABI_SLUG as never, data: { school: schoolId, subjectName, grade, schoolYear, department: dept.id, lessons } as never, overrideAccess: true, depth: 0, req })
    written += lessons.length
  }
  return written
}

// ---------------------------------------------------------------- attendance

/**
 * Twelve school days (Monday–Saturday, two weeks) from `from`, none after `until`: the seeded
 * weeks' days (seededWeeks).
 */
export function twoWeeksFrom(from: string, until: string): string[] {
  const days: string[] = []
  for (let day = from; days.length < 12 && day <= until; day = addDays(day, 1)) {
    if (new Date(`${day}T00:00:00.000Z`).getUTCDay() !== 0) days.push(day)
  }
  return days
}

/** A few absences over the two weeks: [school day index, student index, status, reason]. */
const ABSENCES: [day: number, student: number, status: 'excused' | 'unexcused' | 'late', reason: string][] = [
  [1, 3, 'excused', 'Ốm, phụ huynh gọi điện xin phép'],
  [2, 3, 'excused', 'Ốm, có giấy xin phép của phụ huynh'],
  [4, 7, 'unexcused', 'Không báo trước'],
  [7, 12, 'late', 'Xe đạp hỏng trên đường đến trường'],
  [9, 5, 'excused', 'Về quê dự đám cưới của chị gái'],
]

type HomeroomClass = { id: ID; homeroom: ID; students: ID[]; enrolledFrom: string }

/** The demo homeroom teacher's class (the school's one class with a homeroom teacher in the seed), its students and since when they are enrolled. */
async function findHomeroomClass(req: PayloadRequest, schoolId: ID, schoolYear: string): Promise<HomeroomClass | null> {
  const { payload } = req
  const klass = await payload.db.findOne({ collection: 'classes', where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }, { homeroomTeacher: { exists: true } }] }, req })
  const homeroom = relationId((klass as { homeroomTeacher?: unknown } | null)?.homeroomTeacher)
  if (!klass || homeroom === null) return null
  const enrolled = await payload.db.find({ collection: 'enrolments', where: { and: [{ class: { equals: klass.id } }, { endDate: { exists: false } }] }, sort: 'id', pagination: false, req })
  const students = (enrolled.docs as { student?: unknown }[]).map((e) => relationId(e.student)!)
  const enrolledFrom = enrolled.docs.map((e) => String((e as { startDate?: string }).startDate ?? '').slice(0, 10)).sort().at(-1) ?? ''
  return { id: klass.id as ID, homeroom, students, enrolledFrom }
}

/**
 * The class's morning sessions of `days` through the Local API: few documents, and the save hooks
 * must run (the school, term, key and class size; the term's absences fed to the student term
 * records of the gradebook). Returns who is absent or late when, for the class log.
 */
async function seedAttendance(req: PayloadRequest, klass: HomeroomClass, days: string[]): Promise<{ sessions: number; byDay: DayAttendance }> {
  const { payload } = req
  const byDay: DayAttendance = new Map()
  for (const [index, date] of days.entries()) {
    const absences = ABSENCES.filter(([day, student]) => day === index && klass.students[student] !== undefined).map(([, student, status, reason]) => ({ student: klass.students[student]!, status, reason }))
    await payload.create({ collection: 'attendance-sessions' as never, data: { class: klass.id, date, session: 'morning', absences, takenBy: klass.homeroom } as never, overrideAccess: true, depth: 0, req })
    byDay.set(`${date}:morning`, { absent: absences.filter((a) => a.status !== 'late').map((a) => a.student), late: absences.filter((a) => a.status === 'late').map((a) => a.student) })
  }
  return { sessions: days.length, byDay }
}
