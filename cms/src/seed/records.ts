import { primarySubjects, thcsCatalogue } from '@truongso/assessment'
import { currentSchoolYear, importStudents, STUDENT_COLUMNS, teachingAssignmentLabel } from '@truongso/payload-plugin'
import type { School } from '@truongso/registry'
import ExcelJS from 'exceljs'
import type { PayloadRequest } from 'payload'

import { seedDepartment } from './departments.ts'
import type { DemoAccount } from './demoAccounts.ts'
import { insertDocument, insertNewStudents, insertWithoutReading } from './fastRecords.ts'

type ID = number | string

/**
 * How the records seed writes its many documents (subjects, classes, staff, teaching assignments,
 * students and their enrolments): straight to the adapter (fastRecords.ts, the default), or through
 * the Local API and the real Excel importer, the reference the fast path is tested against.
 */
export type RecordWriter = {
  create(collection: string, data: Record<string, unknown>): Promise<ID>
  /** Like create, for documents nobody needs the id of (the fast path then skips reading them back). */
  add(collection: string, data: Record<string, unknown>): Promise<void>
  importStudents(args: { school: ID; schoolYear: string; buffer: Buffer; enrolledFrom?: string }): Promise<number>
}

export const fastRecordWriter = (req: PayloadRequest): RecordWriter => ({
  create: (collection, data) => insertDocument(req, collection, data),
  add: (collection, data) => insertWithoutReading(req, collection, [data]),
  importStudents: (args) => insertNewStudents(req, args),
})

export const localApiRecordWriter = (req: PayloadRequest): RecordWriter => ({
  create: async (collection, data) => (await req.payload.create({ collection: collection as never, data: data as never, overrideAccess: true, req })).id as ID,
  add: async (collection, data) => {
    await req.payload.create({ collection: collection as never, data: data as never, overrideAccess: true, req })
  },
  importStudents: async (args) => {
    const report = await importStudents(req, args)
    if (!report.ok) throw new Error(`demo students failed to import: ${JSON.stringify(report.errors.slice(0, 3))}`)
    return report.created
  },
})

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Phan', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Trương', 'Lương']
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Đức', 'Hữu', 'Thành', 'Gia']
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Bảo', 'Khánh', 'Mai', 'Thanh']
const GIVEN_M = ['An', 'Bảo', 'Cường', 'Dũng', 'Đạt', 'Huy', 'Khoa', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Vinh']
const GIVEN_F = ['Anh', 'Chi', 'Diệp', 'Giang', 'Hà', 'Hân', 'Linh', 'My', 'Ngân', 'Oanh', 'Phương', 'Quỳnh', 'Trâm', 'Vy']
const JOBS = ['Buôn bán', 'Nông dân', 'Công nhân', 'Giáo viên', 'Lao động tự do', 'Kinh doanh du lịch', 'Ngư dân']

/** Deterministic pseudo-random numbers, so the demo looks the same on every machine. */
export function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
}

/** Obviously fake: province 049, century digit 9 (people born after 2300). Never a real CCCD. */
const fakeCccd = (schoolStt: number, n: number) => `0499${String(schoolStt).padStart(2, '0')}${String(n).padStart(6, '0')}`

function person(random: () => number) {
  const female = random() < 0.5
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
  return { female, name: `${pick(FAMILY)} ${pick(female ? MIDDLE_F : MIDDLE_M)} ${pick(female ? GIVEN_F : GIVEN_M)}`, pick }
}

/**
 * A believable school year for a primary or lower-secondary school: departments, staff, classes
 * per grade, 25–40 students per class (generated as the Excel sheet a school admin would import,
 * and planned by the real importer), and the demo teachers' homeroom and teaching assignments.
 * Runs in the caller's transaction (`req`); the writer decides how the documents are written.
 */
export async function seedSchoolRecords(
  req: PayloadRequest,
  school: School,
  schoolId: ID,
  accounts: DemoAccount[],
  userIds: Map<string, ID>,
  writer: RecordWriter = fastRecordWriter(req),
) {
  const { payload } = req
  if (school.grades.length === 0) return 0
  const existing = await payload.count({ collection: 'classes', where: { school: { equals: schoolId } }, overrideAccess: true, req })
  if (existing.totalDocs > 0) return 0
  const random = prng(school.stt * 7919)
  const year = currentSchoolYear()
  const [y1, y2] = year.split('-').map(Number) as [number, number]
  const create = (collection: string, data: Record<string, unknown>) => writer.create(collection, { school: schoolId, ...data })
  const add = (collection: string, data: Record<string, unknown>) => writer.add(collection, { school: schoolId, ...data })
  // One document with an array of terms: through the Local API either way (Payload gives array rows their ids).
  await payload.create({
    collection: 'school-years',
    overrideAccess: true,
    req,
    data: {
      school: schoolId,
      name: year,
      current: true,
      terms: [
        // Mid-term: the week of the mid-term tests (half the regular marks are due by then).
        { term: 'hk1', start: `${y1}-09-05T00:00:00.000Z`, midTerm: `${y1}-11-07T00:00:00.000Z`, end: `${y2}-01-15T00:00:00.000Z` },
        { term: 'hk2', start: `${y2}-01-19T00:00:00.000Z`, midTerm: `${y2}-03-20T00:00:00.000Z`, end: `${y2}-05-31T00:00:00.000Z` },
      ],
    } as never,
  })
  // Subjects offered per grade, from the level's catalogue (periods editable by the school).
  for (const grade of school.grades) {
    if (grade >= 6) {
      for (const subject of thcsCatalogue(grade as 6 | 7 | 8 | 9)) {
        await add('subjects', { name: subject.name, grade, schoolYear: year, kind: subject.kind, periodsPerYear: subject.periodsPerYear })
      }
    } else {
      for (const name of primarySubjects(grade as 1 | 2 | 3 | 4 | 5)) await add('subjects', { name, grade, schoolYear: year, kind: 'primary' })
    }
  }
  const primary = school.grades[0] === 1
  const departmentNames = school.level === 'TH' ? ['Tổ 1', 'Tổ 2', 'Tổ 3', 'Tổ 4-5'] : school.level === 'THCS' ? ['Tổ Toán – Tin', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Xã hội', 'Tổ Ngoại ngữ'] : ['Tổ Tiểu học', 'Tổ Khoa học tự nhiên', 'Tổ Khoa học xã hội']
  // One spelling per department: the records the demo accounts and posts already point at are
  // reused (staff are spread over them too), then the level's usual ones are added.
  const existingDepartments = await payload.find({ collection: 'departments', where: { school: { equals: schoolId } }, pagination: false, depth: 0, overrideAccess: true, req })
  const departments = existingDepartments.docs.map((d) => ({ id: d.id, name: String((d as { name?: unknown }).name) }))
  for (const name of [...departmentNames, 'Tổ Văn phòng']) {
    if (!departments.some((d) => d.name === name)) departments.push({ id: await seedDepartment(req, schoolId, name), name })
  }
  // By name, so staff land in the same departments whether these existed already or were just made.
  departments.sort((a, b) => a.name.localeCompare(b.name, 'vi'))

  const perGrade = primary && school.level === 'TH' ? 3 : school.level === 'THCS' ? 4 : 2
  const homeroomUser = accounts.find((a) => a.school === school.slug && a.roles.includes('homeroom-teacher'))
  const teacherUser = accounts.find((a) => a.school === school.slug && a.roles.includes('teacher'))
  const classes: { id: ID; name: string; grade: number }[] = []
  for (const grade of school.grades) {
    for (let k = 1; k <= perGrade; k++) {
      const first = classes.length === 0
      const homeroom = first && homeroomUser ? userIds.get(homeroomUser.email) : undefined
      const name = `${grade}/${k}`
      classes.push({ id: await create('classes', { name, grade, schoolYear: year, homeroomTeacher: homeroom ?? null }), name, grade })
    }
  }
  const staffCount = Math.min(60, Math.max(20, classes.length + 8))
  // The demo accounts' own staff records, linked to their logins (as a school admin links them), so
  // a demo teacher prints their own book (GET /api/staff/:id/gradebook); then the generated staff.
  const positions: Partial<Record<string, string>> = { principal: 'Hiệu trưởng', 'vice-principal': 'Phó hiệu trưởng', staff: 'Nhân viên', 'school-admin': 'Nhân viên' }
  const linked = accounts.filter((a) => a.school === school.slug && userIds.has(a.email))
  for (const account of linked) {
    const department = account.department ? departments.find((d) => d.name === account.department) : undefined
    await add('staff', { fullName: account.fullName ?? account.email, currentPosition: positions[account.roles[0] ?? ''] ?? 'Giáo viên', department: department?.id ?? null, user: userIds.get(account.email) })
  }
  for (let i = linked.length; i < staffCount; i++) {
    const p = person(random)
    const department = departments[i % departments.length]!
    await add('staff', {
      fullName: p.name,
      currentPosition: i === 0 ? 'Hiệu trưởng' : i === 1 ? 'Phó hiệu trưởng' : department.name === 'Tổ Văn phòng' ? 'Nhân viên' : 'Giáo viên',
      department: department.id,
      cccd: fakeCccd(school.stt, 900000 + i),
      sex: p.female ? 'Nữ' : 'Nam',
      mobile: `0900${String(school.stt).padStart(2, '0')}${String(i).padStart(4, '0')}`,
      contractType: 'Viên chức',
      qualificationGroup: 'Đại học',
      teacherRank: primary ? 'Hạng III' : 'Hạng II',
    })
  }
  // The demo teacher teaches three classes, the demo homeroom teacher also teaches the class next to
  // their own: what a teacher sees of students follows from these assignments.
  const teaching = [
    { account: teacherUser, classes: classes.slice(0, 3), subject: primary ? 'Toán' : 'Ngữ văn' },
    { account: homeroomUser, classes: classes.slice(0, 2), subject: primary ? 'Tiếng Việt' : 'Toán' },
  ]
  // Each assignment points at the subject the school offers that grade this year (seeded above).
  const offered = await payload.find({ collection: 'subjects', where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: year } }] }, pagination: false, depth: 0, select: { name: true, grade: true }, overrideAccess: true, req })
  const subjectIds = new Map(offered.docs.map((d) => [`${d.grade}:${d.name}`, d.id as ID]))
  for (const { account, classes: taught, subject: name } of teaching) {
    if (!account) continue
    for (const klass of taught) {
      const subject = subjectIds.get(`${klass.grade}:${name}`)
      if (subject === undefined) throw new Error(`seed: no subject ${name} for grade ${klass.grade} of ${school.slug}`)
      const assignment = { teacher: userIds.get(account.email), class: klass.id, subject, term: 'year', schoolYear: year }
      // The label the collection's save hook writes, so the fast path stores the same text.
      await add('teaching-assignments', { ...assignment, label: await teachingAssignmentLabel(req, assignment) })
    }
  }

  // Students go in through the same Excel importer a school admin uses.
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Hoc sinh')
  const keys = ['studentCode', 'fullName', 'dateOfBirth', 'sex', 'className', 'cccd', 'ethnicity', 'religion', 'currentAddress', 'phone', 'fatherName', 'fatherOccupation', 'motherName', 'motherOccupation']
  sheet.addRow(keys.map((key) => STUDENT_COLUMNS.find((c) => c.key === key)!.header))
  let n = 0
  for (const klass of classes) {
    const grade = Number(klass.name.split('/')[0])
    const size = 25 + Math.floor(random() * 16)
    for (let i = 0; i < size; i++) {
      n++
      const p = person(random)
      const father = person(random)
      const mother = person(random)
      sheet.addRow([
        `${school.slug.slice(0, 6).toUpperCase()}${String(n).padStart(5, '0')}`,
        p.name,
        `${String(1 + Math.floor(random() * 28)).padStart(2, '0')}/${String(1 + Math.floor(random() * 12)).padStart(2, '0')}/${y1 - 5 - grade}`,
        p.female ? 'Nữ' : 'Nam',
        klass.name,
        fakeCccd(school.stt, n),
        'Kinh',
        'Không',
        `Tổ ${1 + Math.floor(random() * 20)}, thành phố Hội An`,
        `0999${String(school.stt).padStart(2, '0')}${String(n).padStart(4, '0')}`,
        `${father.name.split(' ')[0]} Văn ${father.name.split(' ').at(-1)}`,
        father.pick(JOBS),
        `${mother.name.split(' ')[0]} Thị ${mother.name.split(' ').at(-1)}`,
        mother.pick(JOBS),
      ])
    }
  }
  // Enrolled since the first day of the year (the term's start above), as a school that has used the system since September.
  return writer.importStudents({ school: schoolId, schoolYear: year, buffer: Buffer.from(await book.xlsx.writeBuffer()), enrolledFrom: `${year.slice(0, 4)}-09-05T00:00:00.000Z` })
}
