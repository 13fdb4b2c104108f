import { relationId, SYLLABI_SLUG, TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from '@truongso/payload-plugin'
import type { PayloadRequest } from 'payload'

import { insertWithoutReading } from './fastRecords.ts'

type ID = number | string

/**
 * The teaching day's demo data for a school with records (issue 14 item 8): a term I timetable for
 * every class that has teaching assignments (Monday–Saturday mornings, periods 1–5, from the term's
 * start; slots on the fast path, checked against the clash rule), the PPCT of Ngữ văn 6 and Toán 6,
 * and two weeks of term I's attendance of the demo homeroom teacher's class (twoWeeksFrom). Runs in
 * the school's seed transaction, before the lock calendar (attendance writes the term records).
 */
export async function seedTeachingDay(req: PayloadRequest, schoolId: ID, schoolYear: string): Promise<{ slots: number; lessons: number; sessions: number }> {
  const { payload } = req
  const existing = await payload.db.count({ collection: TIMETABLES_SLUG, where: { school: { equals: schoolId } }, req })
  if (existing.totalDocs > 0) return { slots: 0, lessons: 0, sessions: 0 }
  const year = await payload.db.findOne({ collection: 'school-years', where: { and: [{ school: { equals: schoolId } }, { name: { equals: schoolYear } }] }, req })
  const termOne = ((year as { terms?: { term?: string; start?: string; end?: string }[] } | null)?.terms ?? []).find((t) => t.term === 'hk1')
  if (!termOne?.start || !termOne.end) return { slots: 0, lessons: 0, sessions: 0 }
  const termStart = new Date(termOne.start).toISOString().slice(0, 10)
  const termEnd = new Date(termOne.end).toISOString().slice(0, 10)
  const slots = await seedTimetables(req, schoolId, schoolYear, termStart)
  const lessons = await seedSyllabi(req, schoolId, schoolYear)
  const sessions = await seedAttendance(req, schoolId, schoolYear, { start: termStart, end: termEnd })
  return { slots, lessons, sessions }
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

async function seedTimetables(req: PayloadRequest, schoolId: ID, schoolYear: string, termStart: string): Promise<number> {
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
  return rows.length
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

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * 86_400_000).toISOString().slice(0, 10)

/**
 * Twelve school days (Monday–Saturday, two weeks) from `from`, none after `until`. The seed starts
 * them on the day the class's students are enrolled from (the term's start, or the day the records
 * were imported when that is later): attendance lists only students enrolled that day.
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

/**
 * Twelve morning sessions of the demo homeroom teacher's class through the Local API: few documents,
 * and the save hooks must run (the school, term, key and class size; the term's absences fed to the
 * student term records of the gradebook).
 */
async function seedAttendance(req: PayloadRequest, schoolId: ID, schoolYear: string, term: { start: string; end: string }): Promise<number> {
  const { payload } = req
  const klass = await payload.db.findOne({ collection: 'classes', where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }, { homeroomTeacher: { exists: true } }] }, req })
  const homeroom = relationId((klass as { homeroomTeacher?: unknown } | null)?.homeroomTeacher)
  if (!klass || homeroom === null) return 0
  const enrolled = await payload.db.find({ collection: 'enrolments', where: { and: [{ class: { equals: klass.id } }, { endDate: { exists: false } }] }, sort: 'id', pagination: false, req })
  const students = (enrolled.docs as { student?: unknown }[]).map((e) => relationId(e.student)!)
  const enrolledFrom = enrolled.docs.map((e) => String((e as { startDate?: string }).startDate ?? '').slice(0, 10)).sort().at(-1) ?? term.start
  let written = 0
  for (const [index, date] of twoWeeksFrom(enrolledFrom > term.start ? enrolledFrom : term.start, term.end).entries()) {
    const absences = ABSENCES.filter(([day, student]) => day === index && students[student] !== undefined).map(([, student, status, reason]) => ({ student: students[student], status, reason }))
    await payload.create({ collection: 'attendance-sessions' as never, data: { class: klass.id, date, session: 'morning', absences, takenBy: homeroom } as never, overrideAccess: true, depth: 0, req })
    written++
  }
  return written
}
