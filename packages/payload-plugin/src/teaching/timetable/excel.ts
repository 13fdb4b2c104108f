import ExcelJS from 'exceljs'
import { APIError, commitTransaction, initTransaction, killTransaction, ValidationError, type Endpoint, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { errorResponse } from '../../translations/errorResponse.ts'
import { isMessageKey, message } from '../../translations/index.ts'
import { currentSchoolYear, isSchoolYear } from '../../website/schoolYear.ts'
import { dayLabels, sessionLabels } from './labels.ts'
import { parseDay, schoolYearOfDay, storedDay } from '../../calendar/days.ts'
import { TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from './slugs.ts'

/**
 * The timetable in Excel (issue 14 item 1): one sheet per class (the sheet's name is the class's),
 * one row per day × session × period (Thứ 2…Thứ 7, Sáng/Chiều, tiết 1–5), a cell "Môn - Giáo viên"
 * or just the subject (the class's teaching assignment of that subject), and the room.
 *
 * GET /api/timetables/template.xlsx?term=hk1|hk2[&year=][&school=]: that layout with the school's
 * classes and, beside each, its assignments. POST /api/timetables/import (multipart: file, startsOn,
 * term; `?school=` for a manager of several schools): a timetable per sheet from `startsOn` (an
 * existing one of that class, term and date gets its slots replaced), written through the Local API
 * as the request's user in one transaction — the save checks and the clash rule apply — all sheets
 * or none, answered with a sheet/row/column report.
 */

type ID = number | string
export type TimetableImportError = { sheet: string; row: number; column: string; message: string }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const COLUMNS = { day: { header: 'Thứ' }, session: { header: 'Buổi' }, period: { header: 'Tiết' }, lesson: { header: 'Môn - Giáo viên' }, room: { header: 'Phòng' }, assignments: { header: 'Phân công của lớp' } }
const HEADER_ROW = 2
const FIRST_ROW = 3
const SESSIONS = ['morning', 'afternoon'] as const
type Session = (typeof SESSIONS)[number]

const normalise = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi')
/** Excel refuses / and a few more characters in a sheet's name: class 6/1 is sheet 6-1. */
const sheetNameOf = (className: string) => className.replace(/[\\/*?:[\]]/g, '-').slice(0, 31)
const cellText = (cell: ExcelJS.Cell): string => (cell.value === null || cell.value === undefined ? '' : String(cell.text ?? '').trim())

type ClassDoc = { id: ID; name: string; school?: unknown; schoolYear?: string }
type AssignmentDoc = { id: ID; subject: ID; teacher: ID; subjectName: string; teacherName: string }

async function schoolClasses(req: PayloadRequest, school: ID, year: string): Promise<ClassDoc[]> {
  const found = await req.payload.db.find({ collection: 'classes', where: { and: [{ school: { equals: school } }, { schoolYear: { equals: year } }] }, sort: 'name', pagination: false, req })
  return found.docs as ClassDoc[]
}

/** The class's teaching assignments of that year and term (or the whole year), with subject and teacher names. */
async function assignmentsOf(req: PayloadRequest, klass: ClassDoc, term: 'hk1' | 'hk2'): Promise<AssignmentDoc[]> {
  const found = await req.payload.db.find({
    collection: 'teaching-assignments',
    where: { and: [{ class: { equals: klass.id } }, { schoolYear: { equals: klass.schoolYear } }, { term: { in: [term, 'year'] } }] },
    pagination: false,
    req,
  })
  const docs = found.docs as { id: ID; subject?: unknown; teacher?: unknown }[]
  const ids = (collection: 'subjects' | 'users', key: 'subject' | 'teacher') => [...new Set(docs.map((d) => relationId(d[key])).filter((id): id is ID => id !== null))]
  const [subjects, teachers] = await Promise.all([
    req.payload.db.find({ collection: 'subjects', where: { id: { in: ids('subjects', 'subject') } }, pagination: false, req }),
    req.payload.db.find({ collection: 'users', where: { id: { in: ids('users', 'teacher') } }, pagination: false, req }),
  ])
  const name = (list: { docs: unknown[] }, id: unknown) => {
    const doc = list.docs.find((d) => String((d as { id: ID }).id) === String(relationId(id))) as { name?: string; fullName?: string; email?: string } | undefined
    return String(doc?.name ?? doc?.fullName ?? doc?.email ?? '')
  }
  return docs.map((d) => ({ id: d.id, subject: relationId(d.subject)!, teacher: relationId(d.teacher)!, subjectName: name(subjects, d.subject), teacherName: name(teachers, d.teacher) }))
}

/** The school asked for (`?school=`), or the user's only managed one; null when it is not theirs. */
function managedSchool(req: PayloadRequest): string | null {
  const ids = schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS).map(String)
  const school = new URL(req.url ?? 'http://x').searchParams.get('school') ?? (ids.length === 1 ? ids[0]! : null)
  return school && ids.includes(school) ? school : null
}

const termOf = z.enum(['hk1', 'hk2'], { error: 'timetable.bad-term' })
const details = (req: PayloadRequest, issues: { message: string }[]) => issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : i.message)).join('; ')

export const timetableTemplateEndpoint: Endpoint = {
  path: '/template.xlsx',
  method: 'get',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const query = z
      .object({ term: termOf, year: z.string().refine(isSchoolYear, { error: 'website.bad-school-year' }).optional() })
      .safeParse(Object.fromEntries(new URL(req.url ?? 'http://x').searchParams))
    if (!query.success) return errorResponse(req, 400, 'records.bad-request', { details: details(req, query.error.issues) })
    const school = managedSchool(req)
    if (!school) return errorResponse(req, 403, 'timetable.import-forbidden')
    const year = query.data.year ?? currentSchoolYear()
    const term = query.data.term
    const workbook = new ExcelJS.Workbook()
    for (const klass of await schoolClasses(req, school, year)) {
      const sheet = workbook.addWorksheet(sheetNameOf(String(klass.name)))
      sheet.getCell(1, 1).value = message(req, 'timetable.template-title', { class: klass.name, term: message(req, term === 'hk2' ? 'timetable.term-2' : 'timetable.term-1').toUpperCase(), year })
      sheet.getRow(1).font = { bold: true }
      sheet.getRow(HEADER_ROW).values = [COLUMNS.day.header, COLUMNS.session.header, COLUMNS.period.header, COLUMNS.lesson.header, COLUMNS.room.header, '', COLUMNS.assignments.header]
      sheet.getRow(HEADER_ROW).font = { bold: true }
      ;[8, 8, 6, 36, 10, 2, 40].forEach((width, i) => (sheet.getColumn(i + 1).width = width))
      let row = FIRST_ROW
      for (const day of [2, 3, 4, 5, 6, 7] as const) {
        for (const session of SESSIONS) for (let period = 1; period <= 5; period++) sheet.getRow(row++).values = [dayLabels[day].vi, sessionLabels[session].vi, period]
      }
      sheet.getCell(FIRST_ROW, 7).value = message(req, 'timetable.template-hint')
      ;(await assignmentsOf(req, klass, term)).forEach((a, i) => (sheet.getCell(FIRST_ROW + 1 + i, 7).value = `${a.subjectName} - ${a.teacherName}`))
    }
    if (workbook.worksheets.length === 0) workbook.addWorksheet('TKB')
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
    return new Response(new Uint8Array(buffer), { headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`thoi-khoa-bieu-${year}-${term}.xlsx`)}` } })
  },
}

type PlannedSlot = { sheet: string; row: number; day: number; session: Session; period: number; assignment: AssignmentDoc; room: string | null }
type PlannedSheet = { klass: ClassDoc; slots: PlannedSlot[] }

const parseDayCell = (text: string): number | null => {
  const match = /^(?:thứ\s*)?([2-7])$/i.exec(text.trim())
  return match ? Number(match[1]) : null
}
const parseSessionCell = (text: string): Session | null => SESSIONS.find((s) => normalise(sessionLabels[s].vi) === normalise(text) || s === normalise(text)) ?? null

/** Reads every sheet and resolves every cell; the errors of all sheets at once. */
async function planImport(req: PayloadRequest, school: ID, startsOn: string, term: 'hk1' | 'hk2', buffer: Buffer): Promise<{ sheets: PlannedSheet[]; errors: TimetableImportError[] }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  const year = schoolYearOfDay(startsOn)
  const classes = await schoolClasses(req, school, year)
  const errors: TimetableImportError[] = []
  const sheets: PlannedSheet[] = []
  for (const sheet of workbook.worksheets) {
    const klass = classes.find((c) => normalise(sheetNameOf(String(c.name))) === normalise(sheet.name) || normalise(String(c.name)) === normalise(sheet.name))
    if (!klass) {
      errors.push({ sheet: sheet.name, row: 0, column: '', message: message(req, 'timetable.unknown-sheet-class', { sheet: sheet.name, year }) })
      continue
    }
    const assignments = await assignmentsOf(req, klass, term)
    const vars = { class: String(klass.name), term: message(req, term === 'hk2' ? 'timetable.term-2' : 'timetable.term-1') }
    const seen = new Map<string, number>()
    const planned: PlannedSheet = { klass, slots: [] }
    for (let row = FIRST_ROW; row <= sheet.rowCount; row++) {
      const cells = sheet.getRow(row)
      const lesson = cellText(cells.getCell(4))
      if (lesson === '') continue
      const fail = (column: string, text: string) => errors.push({ sheet: sheet.name, row, column, message: text })
      const day = parseDayCell(cellText(cells.getCell(1)))
      const session = parseSessionCell(cellText(cells.getCell(2)))
      const periodText = cellText(cells.getCell(3))
      const period = /^[1-5]$/.test(periodText) ? Number(periodText) : null
      if (day === null) fail(COLUMNS.day.header, message(req, 'timetable.bad-day'))
      if (session === null) fail(COLUMNS.session.header, message(req, 'timetable.bad-session'))
      if (period === null) fail(COLUMNS.period.header, message(req, 'timetable.bad-period'))
      const split = /^(.*\S)\s+[-–]\s+(\S.*)$/.exec(lesson)
      const subjectName = split ? split[1]! : lesson
      const teacherName = split ? split[2]! : null
      const ofSubject = assignments.filter((a) => normalise(a.subjectName) === normalise(subjectName))
      let assignment: AssignmentDoc | undefined
      if (ofSubject.length === 0) fail(COLUMNS.lesson.header, message(req, 'timetable.unknown-subject', { ...vars, subject: subjectName }))
      else if (teacherName === null) {
        if (ofSubject.length > 1) fail(COLUMNS.lesson.header, message(req, 'timetable.ambiguous-subject', { ...vars, subject: subjectName }))
        else assignment = ofSubject[0]
      } else {
        assignment = ofSubject.find((a) => normalise(a.teacherName) === normalise(teacherName))
        if (!assignment) fail(COLUMNS.lesson.header, message(req, 'timetable.unknown-teacher', { ...vars, subject: subjectName, teacher: teacherName }))
      }
      if (day === null || session === null || period === null || !assignment) continue
      const at = `${day}:${session}:${period}`
      const repeated = seen.get(at)
      if (repeated !== undefined) {
        fail(COLUMNS.lesson.header, message(req, 'timetable.repeated-row', { row: repeated }))
        continue
      }
      seen.set(at, row)
      const room = cellText(cells.getCell(5))
      planned.slots.push({ sheet: sheet.name, row, day, session, period, assignment, room: room === '' ? null : room })
    }
    sheets.push(planned)
  }
  if (errors.length === 0 && sheets.every((s) => s.slots.length === 0)) errors.push({ sheet: '', row: 0, column: '', message: message(req, 'timetable.empty-file') })
  // Clashes inside the file (all the sheets start the same day: their timetables overlap); those with what is stored come at write time.
  const byTime = new Map<string, PlannedSlot[]>()
  for (const slot of sheets.flatMap((s) => s.slots)) {
    const at = `${slot.day}:${slot.session}:${slot.period}`
    for (const other of byTime.get(at) ?? []) {
      const teacher = String(other.assignment.teacher) === String(slot.assignment.teacher)
      if (!teacher && !(slot.room && other.room === slot.room)) continue
      const reason = teacher ? `${slot.assignment.teacherName}` : `${slot.room}`
      errors.push({ sheet: slot.sheet, row: slot.row, column: teacher ? COLUMNS.lesson.header : COLUMNS.room.header, message: message(req, 'timetable.import-clash', { sheet: other.sheet, row: other.row, reason }) })
      break
    }
    byTime.set(at, [...(byTime.get(at) ?? []), slot])
  }
  return { sheets, errors }
}

/** Writes the planned sheets as the request's user in one transaction; the first refusal rolls all back. */
async function writeImport(req: PayloadRequest, school: ID, startsOn: string, term: 'hk1' | 'hk2', sheets: PlannedSheet[]): Promise<{ ok: true; timetables: number; slots: number } | { ok: false; status: number; errors: TimetableImportError[] }> {
  const shouldCommit = await initTransaction(req)
  let slots = 0
  let at: { sheet: string; row: number } = { sheet: '', row: 0 }
  try {
    for (const { klass, slots: planned } of sheets) {
      at = { sheet: planned[0]?.sheet ?? String(klass.name), row: 0 }
      const existing = (await req.payload.db.find({ collection: TIMETABLES_SLUG, where: { key: { equals: `${klass.id}:${term}:${startsOn}` } }, limit: 1, pagination: false, req })).docs[0] as { id: ID } | undefined
      let timetable: ID
      if (existing) {
        timetable = existing.id
        await req.payload.db.deleteMany({ collection: TIMETABLE_SLOTS_SLUG, where: { timetable: { equals: timetable } }, req })
      } else {
        const created = await req.payload.create({ collection: TIMETABLES_SLUG as never, data: { school, class: klass.id, term, startsOn: storedDay(startsOn) } as never, overrideAccess: false, user: req.user, req, depth: 0 })
        timetable = created.id as ID
      }
      for (const slot of planned) {
        at = { sheet: slot.sheet, row: slot.row }
        const data = { school, timetable, day: slot.day, session: slot.session, period: slot.period, teachingAssignment: slot.assignment.id, room: slot.room }
        await req.payload.create({ collection: TIMETABLE_SLOTS_SLUG as never, data: data as never, overrideAccess: false, user: req.user, req, depth: 0 })
        slots++
      }
    }
    if (shouldCommit) await commitTransaction(req)
    return { ok: true, timetables: sheets.length, slots }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    const column = COLUMNS.lesson.header
    if (error instanceof ValidationError) {
      return { ok: false, status: 400, errors: (error.data?.errors ?? []).map((e: { message: string }) => ({ ...at, column, message: e.message })) }
    }
    if (error instanceof APIError && error.status >= 400 && error.status < 500) {
      return { ok: false, status: error.status, errors: [{ ...at, column, message: message(req, 'timetable.write-refused', { reason: error.message }) }] }
    }
    throw error
  }
}

const importFields = z.object({
  startsOn: z.string().refine((value) => parseDay(value) !== null, { error: 'timetable.bad-date' }),
  term: termOf,
})

export const timetableImportEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!currentUser(req)) return errorResponse(req, 401, 'records.login-required')
    const school = managedSchool(req)
    if (!school) return errorResponse(req, 403, 'timetable.import-forbidden')
    let form: FormData
    try {
      form = await (req as unknown as Request).formData()
    } catch {
      return errorResponse(req, 400, 'excel.no-file')
    }
    const file = form.get('file')
    if (!file || typeof file === 'string' || file.size === 0) return errorResponse(req, 400, 'excel.no-file')
    const fields = importFields.safeParse({ startsOn: form.get('startsOn') ?? undefined, term: form.get('term') ?? undefined })
    if (!fields.success) return errorResponse(req, 400, 'records.bad-request', { details: details(req, fields.error.issues) })
    const { startsOn, term } = fields.data
    let plan
    try {
      plan = await planImport(req, school, startsOn, term, Buffer.from(await file.arrayBuffer()))
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'timetable import unreadable' })
      return errorResponse(req, 400, 'timetable.unreadable')
    }
    if (plan.errors.length > 0) return errorResponse(req, 400, 'timetable.import-errors', { count: plan.errors.length }, { report: { ok: false, changed: 0, errors: plan.errors } })
    const written = await writeImport(req, school, startsOn, term, plan.sheets)
    if (!written.ok) return errorResponse(req, written.status, 'timetable.import-errors', { count: written.errors.length }, { report: { ok: false, changed: 0, errors: written.errors } })
    return Response.json({ ok: true, report: { ok: true, timetables: written.timetables, changed: written.slots, errors: [] } })
  },
}
