import { randomBytes } from 'node:crypto'

import type { PayloadRequest } from 'payload'

import { insertDocument, insertWithoutReading } from './fastRecords.ts'
import { addDays, prefilledRows, type LogRow } from '@truongso/payload-plugin'
import { vietnamTime } from './teachingWeeks.ts'

type ID = number | string

/** Per `date:session`, the students the attendance marks absent (excused or not) and late. */
export type DayAttendance = Map<string, { absent: ID[]; late: ID[] }>

/** An array row's id as Payload makes one (an ObjectId's 24 hex digits: seconds, then random bytes). */
const rowId = () => Math.floor(Date.now() / 1000).toString(16).padStart(8, '0') + randomBytes(8).toString('hex')

/** When a period ends (45 minutes, 5 between periods; period 1 at 07:00, 13:30 in the afternoon), `HH:MM`. */
function periodEnd(session: LogRow['session'], period: number): string {
  const minutes = (session === 'afternoon' ? 13 * 60 + 30 : 7 * 60) + (period - 1) * 50 + 45
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** What the period's teachers write, in turn: a comment and the period's rating. */
const REMARKS: [comment: string, rating: 'tot' | 'kha' | 'trung-binh'][] = [
  ['Lớp chuẩn bị bài tốt, sôi nổi phát biểu.', 'tot'],
  ['Lớp trật tự, tiếp thu bài khá.', 'kha'],
  ['Nhiều em tích cực xây dựng bài.', 'tot'],
  ['Một số em chưa làm bài tập về nhà, đã nhắc nhở.', 'kha'],
  ['Lớp học nghiêm túc, hoàn thành nội dung bài học.', 'tot'],
  ['Cuối giờ còn vài em nói chuyện riêng, cần chấn chỉnh.', 'trung-binh'],
]
const ORAL_MARKS = ['8', '7', '9', '6', '10', '8']

/**
 * The demo homeroom teacher's class log (sổ đầu bài, issue 14 item 8) over the two seeded weeks,
 * one log a day with the rows the server fills (prefill.ts: the timetable in force, the lesson
 * numbers and titles of the teachers' plans), each period signed by its teacher on that day as the
 * sign endpoint stores it: the day's absentees as the attendance has them, an oral check every other
 * period, a comment and a rating. One period of the latest week stays unsigned (the last of its
 * middle school day). The earlier week is closed by the homeroom teacher with a weekly comment; the
 * latest is open. On the fast path: a dozen documents the endpoints would otherwise build one by one.
 */
export async function seedClassLogs(
  req: PayloadRequest,
  args: { school: ID; schoolYear: string; classId: ID; homeroom: ID; students: readonly ID[]; attendance: DayAttendance; weeks: { earlier: string; latest: string } },
): Promise<number> {
  const { payload } = req
  const { school, schoolYear, classId, homeroom, students, attendance, weeks } = args
  const found = students.length === 0 ? { docs: [] } : await payload.db.find({ collection: 'students', where: { id: { in: [...students] } }, pagination: false, req })
  const nameOf = new Map(found.docs.map((s) => [String(s.id), String((s as { fullName?: string }).fullName ?? '')]))
  const days: { date: string; rows: LogRow[] }[] = []
  for (const monday of [weeks.earlier, weeks.latest]) {
    for (let i = 0; i < 6; i++) {
      const date = addDays(monday, i)
      // One after the other: the seed's transaction is one database connection.
      const rows = await prefilledRows(req, classId, date)
      if (rows.length > 0) days.push({ date, rows })
    }
  }
  const latestDays = days.filter((d) => d.date >= weeks.latest)
  const unsigned = latestDays[Math.floor(latestDays.length / 2)]
  let turn = 0
  const logs = days.map(({ date, rows }) => ({
    school,
    class: classId,
    date,
    schoolYear,
    term: 'hk1',
    key: `${String(classId)}:${date}`,
    rows: rows.map((row, index) => {
      // Exactly the GET /day endpoint's row when unsigned; with the sign endpoint's fields when signed.
      if (unsigned?.date === date && index === rows.length - 1) return { id: rowId(), ...row }
      const present = attendance.get(`${date}:${row.session}`) ?? { absent: [], late: [] }
      const [comment, rating] = REMARKS[turn % REMARKS.length]!
      const called = turn % 2 === 0 ? students.filter((s) => !present.absent.some((a) => String(a) === String(s))) : []
      const oral = called.length >= 2 ? [called[(turn * 7) % called.length]!, called[(turn * 7 + 3) % called.length]!] : []
      const lateNote = index === 0 && present.late.length > 0 ? `${present.late.map((s) => nameOf.get(String(s))).join(', ')} đến lớp muộn. ` : ''
      turn++
      return {
        id: rowId(),
        ...row,
        absentStudents: [...present.absent],
        oralCheck: oral.length === 2 && oral[0] !== oral[1] ? oral.map((s, k) => `${nameOf.get(String(s))}: ${ORAL_MARKS[(turn + k) % ORAL_MARKS.length]}`).join('; ') : null,
        comment: `${lateNote}${comment}`,
        rating,
        signedBy: row.teacher,
        signedAt: vietnamTime(date, periodEnd(row.session, row.period)),
      }
    }),
  }))
  await insertWithoutReading(req, 'class-logs', logs)
  // The close-week endpoint's document, on the Saturday after the last period.
  await insertDocument(req, 'class-log-weeks', {
    school,
    class: classId,
    weekStart: weeks.earlier,
    key: `${String(classId)}:${weeks.earlier}`,
    weeklyComment: 'Lớp giữ nề nếp tốt, đi học chuyên cần; các tiết học đều được ký đầy đủ. Nhắc học sinh nghỉ học phải báo trước cho giáo viên chủ nhiệm.',
    closedBy: homeroom,
    closedAt: vietnamTime(addDays(weeks.earlier, 5), '11:15'),
  })
  return logs.length
}
