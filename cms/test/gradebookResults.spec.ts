import { classSummary, type Level } from '@truongso/assessment'
import { isClassYearApproved } from '@truongso/payload-plugin'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createUser, PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
type ID = number | string
type Doc = Record<string, any>

// The stored conduct codes and the engine's words, written out here independently of traits.ts.
const CONDUCT: Record<string, Level> = { tot: 'Tốt', kha: 'Khá', dat: 'Đạt', 'chua-dat': 'Chưa đạt' }

// Class results (issue 13 item 8) and the mark sheet (item 9) through REST with real logins.
describe(`gradebook results and mark sheets (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who | 'teacherC', string>
  const ids: Record<string, ID> = {}
  const students: { key: string; name: string; code: string }[] = [
    { key: 'lan', name: 'Nguyễn Thị Lan', code: 'HS601' },
    { key: 'minh', name: 'Trần Văn Minh', code: 'HS602' },
    { key: 'binh', name: 'Phạm Thị Bình', code: 'HS603' },
  ]
  // Scores per student: Lan strong, Minh middling, Bình weak (learning Chưa đạt → re-tests).
  const level: Record<string, number> = { lan: 9, minh: 6.5, binh: 3 }
  const conduct: Record<string, [string, string]> = { lan: ['tot', 'tot'], minh: ['kha', 'tot'], binh: ['dat', 'chua-dat'] }

  const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
  const get = (who: keyof typeof tokens | null, path: string) => cms.rest.request('GET', path, { token: who ? tokens[who] : undefined })
  const post = (who: keyof typeof tokens | null, path: string, body: Doc = {}) => cms.rest.request('POST', path, { token: who ? tokens[who] : undefined, body })
  const cells = (values: (number | string)[], date = '2026-10-01') => values.map((value) => ({ value, date }))

  /** One term's marks of a subject as its teacher enters them. */
  const markBody = (subject: string, student: string, term: 'hk1' | 'hk2'): Doc => {
    const base = level[student]! + (term === 'hk2' ? 0.5 : 0)
    const score = (delta: number) => Math.min(10, Math.max(0, Math.round((base + delta) * 10) / 10))
    const common = { school: fx.schoolA, student: ids[student], class: ids.c6, subject: ids[subject], schoolYear: YEAR, term }
    if (subject === 'gdtc') {
      const mark = student === 'binh' && term === 'hk2' ? 'CĐ' : 'Đ'
      return { ...common, regular: cells([mark, 'Đ']), midTerm: { value: 'Đ' }, endTerm: { value: mark } }
    }
    const slots = subject === 'toan' ? 4 : 2
    return { ...common, regular: cells(Array.from({ length: slots }, (_, i) => score(i % 2 === 0 ? 0.3 : -0.2))), midTerm: { value: score(0.1) }, endTerm: { value: score(-0.1) } }
  }
  const teacherOf: Record<string, keyof typeof tokens> = { toan: 'teacherA', gdcd: 'teacherA2', gdtc: 'teacherC' }

  async function enterTerm(term: 'hk1' | 'hk2', skip: (subject: string, student: string) => boolean = () => false) {
    for (const subject of ['toan', 'gdcd', 'gdtc']) {
      for (const { key } of students) {
        if (skip(subject, key)) continue
        const res = await post(teacherOf[subject]!, '/marks?depth=0', markBody(subject, key, term))
        expect(res.status, JSON.stringify(res.body)).toBe(201)
      }
    }
    for (const { key } of students) {
      const body = { school: fx.schoolA, student: ids[key], class: ids.c6, schoolYear: YEAR, term, conduct: conduct[key]![term === 'hk1' ? 0 : 1], absencesExcused: 2, absencesUnexcused: key === 'binh' ? 3 : 0 }
      const res = await post('teacherA2', '/student-term-records?depth=0', body)
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
  }

  /** The engine fed from GET /marks (stored values), mapped here: what the results endpoint must equal. */
  async function engineFromStoredMarks() {
    const [hk1, hk2] = await Promise.all([get('principalA', `/classes/${ids.c6}/marks?schoolYear=${YEAR}&term=1`), get('principalA', `/classes/${ids.c6}/marks?schoolYear=${YEAR}&term=2`)])
    expect(hk1.status).toBe(200)
    expect(hk2.status).toBe(200)
    const subjects = (hk1.body.subjects as Doc[]).map((s) => ({ name: s.name, kind: s.kind, periodsPerYear: s.periodsPerYear }))
    const entry = (mark: Doc | null) =>
      mark ? { tx: (mark.regular ?? []).map((c: Doc | null) => c?.value ?? null), gk: mark.midTerm?.value ?? null, ck: mark.endTerm?.value ?? null } : undefined
    const input = {
      subjects,
      students: (hk1.body.students as Doc[]).map((s, i) => {
        const s2 = hk2.body.students[i] as Doc
        const bySubject: Doc = {}
        for (const subject of hk1.body.subjects as Doc[]) bySubject[subject.name] = { hk1: entry(s.marks[String(subject.id)]), hk2: entry(s2.marks[String(subject.id)]) }
        const absences = (r: Doc | null) => (r?.absencesExcused ?? 0) + (r?.absencesUnexcused ?? 0)
        return {
          id: String(s.id),
          name: s.fullName,
          subjects: bySubject,
          conduct: { hk1: CONDUCT[s.termRecord?.conduct] ?? null, hk2: CONDUCT[s2.termRecord?.conduct] ?? null },
          absences: absences(s.termRecord) + absences(s2.termRecord),
        }
      }),
    }
    return classSummary(input as never)
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    await createUser(cms.payload, 'giaovien3.a@test.vn', { memberships: [{ school: fx.schoolA, roles: ['teacher'], department: fx.departments['Tổ 1-2-3'] }], fullName: 'Trần Văn Ba' })
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    tokens.teacherC = await cms.rest.login('giaovien3.a@test.vn', PASSWORD)
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    ids.c6 = await create('classes', { name: '6/1', grade: 6, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA2) })
    ids.toan = await create('subjects', { name: 'Toán', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.gdcd = await create('subjects', { name: 'Giáo dục công dân', grade: 6, schoolYear: YEAR, kind: 'scored', periodsPerYear: 35 })
    ids.gdtc = await create('subjects', { name: 'Giáo dục thể chất', grade: 6, schoolYear: YEAR, kind: 'comment', periodsPerYear: 70 })
    for (const { key, name, code } of students) {
      ids[key] = await create('students', { fullName: name, studentCode: code, dateOfBirth: '2014-03-02T00:00:00.000Z', sex: 'Nam' })
      await create('enrolments', { student: ids[key], class: ids.c6, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    }
    ids.taToan = await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c6, subject: ids.toan, term: 'year', schoolYear: YEAR })
    await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA2), class: ids.c6, subject: ids.gdcd, term: 'year', schoolYear: YEAR })
    await create('teaching-assignments', { teacher: await userId('giaovien3.a@test.vn'), class: ids.c6, subject: ids.gdtc, term: 'year', schoolYear: YEAR })
  })
  afterAll(async () => {
    await cms?.close()
  })

  describe('results', () => {
    it('with term I only: the year lists what is missing, no 500, and approval is refused (409)', async () => {
      // Term I, with Bình's GDCD left out.
      await enterTerm('hk1', (subject, student) => subject === 'gdcd' && student === 'binh')
      const term1 = await get('principalA', `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=1`)
      expect(term1.status, JSON.stringify(term1.body)).toBe(200)
      const binh = (term1.body.students as Doc[]).find((s) => s.studentCode === 'HS603')!
      expect(binh.complete).toBe(false)
      expect(binh.missing).toEqual(expect.arrayContaining([{ term: 'hk1', subject: 'Giáo dục công dân', item: 'tx', count: 2 }]))
      expect(binh.subjects['Giáo dục công dân']).toBeNull()
      expect(binh.learning).toBeNull()
      const lan = (term1.body.students as Doc[]).find((s) => s.studentCode === 'HS601')!
      expect(lan).toMatchObject({ complete: true, missing: [] })

      const year = await get('vicePrincipalA', `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=year`)
      expect(year.status).toBe(200)
      expect(year.body.complete).toBe(false)
      expect((year.body.students as Doc[]).every((s) => s.missing.some((m: Doc) => m.term === 'hk2'))).toBe(true)
      expect((year.body.students as Doc[]).every((s) => s.promoted === null && s.award === null)).toBe(true)
      // A comment subject not yet assessed (GDTC has no term II marks) is "not yet", not CĐ; term I's is Đ.
      expect((year.body.students as Doc[]).map((s) => s.subjects['Giáo dục thể chất'])).toEqual([null, null, null])
      expect((term1.body.students as Doc[]).map((s) => s.subjects['Giáo dục thể chất'])).toEqual(['Đ', 'Đ', 'Đ'])

      const approve = await post('vicePrincipalA', `/classes/${ids.c6}/results/approve?schoolYear=${YEAR}`)
      expect(approve.status).toBe(409)
      expect(approve.body.errors[0].message).toContain('Chưa duyệt được: lớp 6/1 còn 3 học sinh')
      expect(approve.body.missing).toHaveLength(3)
      expect(approve.body.missing.find((s: Doc) => s.studentCode === 'HS603').missing).toEqual(expect.arrayContaining([{ term: 'hk1', subject: 'Giáo dục công dân', item: 'gk', count: 1 }]))
    })

    it('complete: every student’s results for term I, term II and the year equal the engine on the stored marks', async () => {
      const missing = await post('teacherA2', '/marks?depth=0', markBody('gdcd', 'binh', 'hk1'))
      expect(missing.status, JSON.stringify(missing.body)).toBe(201)
      await enterTerm('hk2')
      const expected = await engineFromStoredMarks()
      expect(expected.students).toHaveLength(3)
      for (const [term, period] of [['1', 'hk1'], ['2', 'hk2'], ['year', 'year']] as const) {
        const res = await get('teacherA2', `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=${term}`)
        expect(res.status, JSON.stringify(res.body)).toBe(200)
        expect(res.body).toMatchObject({ level: 'THCS', period, complete: true, errors: [] })
        for (const want of expected.students) {
          const got = (res.body.students as Doc[]).find((s) => String(s.id) === want.id)!
          expect(got, want.name).toBeTruthy()
          expect(got.subjects).toEqual(Object.fromEntries(Object.entries(want.subjects).map(([name, r]) => [name, r[period]])))
          expect(got.learning).toEqual(want.learning[period])
          expect(got.conduct).toBe(want.conduct[period])
          expect(got.absences).toBe(want.absences)
          if (period === 'year') {
            expect({ award: got.award, promoted: got.promoted, outcome: got.outcome, retests: got.retests, summerConductTraining: got.summerConductTraining }).toEqual({
              award: want.award,
              promoted: want.promoted,
              outcome: want.outcome,
              retests: want.retests,
              summerConductTraining: want.summerConductTraining,
            })
          }
        }
      }
      // Not a trivial fixture: with two scored subjects nobody reaches "6 subjects ≥ 5.0", so every year level is
      // Chưa đạt; Lan has nothing to re-test, Bình re-tests GDTC (CĐ in term II) and GDCD and has summer conduct training.
      const byName = Object.fromEntries(expected.students.map((s) => [s.name, s]))
      expect(byName['Nguyễn Thị Lan']).toMatchObject({ promoted: false, outcome: 'reassessment', retests: [], summerConductTraining: false })
      expect(byName['Phạm Thị Bình']).toMatchObject({ promoted: false, outcome: 'reassessment', summerConductTraining: true })
      expect(byName['Phạm Thị Bình']!.retests).toEqual(expect.arrayContaining(['Giáo dục thể chất', 'Giáo dục công dân']))
      expect(byName['Nguyễn Thị Lan']!.learning.hk1).toEqual({ level: 'Chưa đạt', beforeAdjustment: 'Chưa đạt' })
    })

    it('GET /schools/:id/results gives every class of the school exactly as the per-class endpoint does', async () => {
      for (const term of ['1', 'year'] as const) {
        const school = await get('principalA', `/schools/${fx.schoolA}/results?schoolYear=${YEAR}&term=${term}`)
        expect(school.status, JSON.stringify(school.body)).toBe(200)
        const classes = school.body.classes as Doc[]
        expect(classes.map((c) => String((c.class as Doc).id))).toContain(String(ids.c6))
        for (const klass of classes) {
          const one = await get('principalA', `/classes/${(klass.class as Doc).id}/results?schoolYear=${YEAR}&term=${term}`)
          expect(one.status).toBe(200)
          expect(klass).toEqual(JSON.parse(JSON.stringify(one.body)))
        }
        expect(classes.find((c) => String((c.class as Doc).id) === String(ids.c6))!.students).toHaveLength(3)
      }
      expect((await get(null, `/schools/${fx.schoolA}/results?schoolYear=${YEAR}&term=1`)).status).toBe(401)
      for (const who of ['teacherA', 'teacherA2', 'principalB', 'districtOfficer'] as const) {
        const res = await get(who, `/schools/${fx.schoolA}/results?schoolYear=${YEAR}&term=year`)
        expect(res.status, who).toBe(403)
        expect(res.body.errors[0].message).toContain('Chỉ Ban giám hiệu')
      }
      expect((await get('principalA', `/schools/${fx.schoolA}/results?term=1`)).status).toBe(400)
      expect((await get('principalA', `/schools/${fx.schoolA}/results?schoolYear=${YEAR}&term=4`)).status).toBe(400)
    })

    it('the school results kept between requests follow every change: a mark, a term record, a student renamed', async () => {
      const schoolPath = `/schools/${fx.schoolA}/results?schoolYear=${YEAR}&term=year`
      const classPath = `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=year`
      const same = async () => {
        const school = await get('principalA', schoolPath)
        const one = await get('principalA', classPath)
        const c6 = (school.body.classes as Doc[]).find((c) => String((c.class as Doc).id) === String(ids.c6))!
        expect(c6).toEqual(JSON.parse(JSON.stringify(one.body)))
        return c6
      }
      const lanOf = (results: Doc) => (results.students as Doc[]).find((s) => String(s.id) === String(ids.lan))!
      const before = await same()
      const toan = (lanOf(before).subjects as Doc)['Toán']
      const cell = await cms.rest.request('PUT', '/marks/cell', { token: tokens.teacherA, body: { student: ids.lan, subject: ids.toan, class: ids.c6, schoolYear: YEAR, term: 'hk2', column: 'endTerm', value: 1 } })
      expect(cell.status, JSON.stringify(cell.body)).toBe(200)
      const afterMark = await same()
      expect((lanOf(afterMark).subjects as Doc)['Toán']).not.toEqual(toan)
      const record = (await cms.payload.find({ collection: 'student-term-records', where: { and: [{ student: { equals: ids.lan } }, { term: { equals: 'hk2' } }] }, overrideAccess: true })).docs[0]!
      await cms.payload.update({ collection: 'student-term-records', id: record.id, data: { absencesUnexcused: 9 }, overrideAccess: true })
      expect(lanOf(await same()).absences).toBe(lanOf(afterMark).absences as number + 9)
      await cms.payload.update({ collection: 'students', id: ids.lan!, data: { fullName: 'Nguyễn Thị Lan Anh' }, overrideAccess: true })
      expect(lanOf(await same()).fullName).toBe('Nguyễn Thị Lan Anh')
      await cms.payload.update({ collection: 'students', id: ids.lan!, data: { fullName: 'Nguyễn Thị Lan' }, overrideAccess: true })
      const restore = await cms.rest.request('PUT', '/marks/cell', { token: tokens.teacherA, body: { student: ids.lan, subject: ids.toan, class: ids.c6, schoolYear: YEAR, term: 'hk2', column: 'endTerm', value: 9.4 } })
      expect(restore.status).toBe(200)
      await cms.payload.update({ collection: 'student-term-records', id: record.id, data: { absencesUnexcused: record.absencesUnexcused ?? 0 }, overrideAccess: true })
    })

    it('GET /marks gives the stored values; a subject teacher sees only their own subjects', async () => {
      const teacher = await get('teacherA', `/classes/${ids.c6}/marks?schoolYear=${YEAR}&term=1`)
      expect(teacher.status).toBe(200)
      expect((teacher.body.subjects as Doc[]).map((s) => s.name)).toEqual(['Toán'])
      const lan = (teacher.body.students as Doc[]).find((s) => s.studentCode === 'HS601')!
      expect(lan.termRecord).toBeUndefined()
      const stored = (await cms.payload.find({ collection: 'marks', where: { and: [{ student: { equals: ids.lan } }, { subject: { equals: ids.toan } }, { term: { equals: 'hk1' } }] }, overrideAccess: true, depth: 0 })).docs[0] as Doc
      expect(lan.marks[String(ids.toan)]).toMatchObject({ id: stored.id, regular: stored.regular, midTerm: stored.midTerm, endTerm: stored.endTerm })
      const homeroom = await get('teacherA2', `/classes/${ids.c6}/marks?schoolYear=${YEAR}&term=2`)
      expect((homeroom.body.subjects as Doc[]).map((s) => s.name).sort()).toEqual(['Giáo dục công dân', 'Giáo dục thể chất', 'Toán'])
      expect((homeroom.body.students as Doc[])[0]!.termRecord).toMatchObject({ absencesExcused: 2 })
    })

    it('refuses anonymous (401), other schools and subject teachers (403), and bad queries (400, in Vietnamese)', async () => {
      expect((await get(null, `/classes/${ids.c6}/results?term=1`)).status).toBe(401)
      expect((await get(null, `/classes/${ids.c6}/marks?term=1`)).status).toBe(401)
      for (const who of ['teacherB', 'principalB', 'districtOfficer', 'teacherA', 'teacherC'] as const) {
        const res = await get(who, `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=year`)
        expect(res.status, who).toBe(403)
        expect(res.body.errors[0].message).toContain('Chỉ Ban giám hiệu')
      }
      for (const who of ['teacherB', 'principalB', 'districtOfficer'] as const) expect((await get(who, `/classes/${ids.c6}/marks?term=1`)).status, who).toBe(403)
      const badTerm = await get('principalA', `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=3`)
      expect(badTerm.status).toBe(400)
      expect(badTerm.body.errors[0].message).toContain('học kì phải là 1, 2 hoặc year')
      const badYear = await get('principalA', `/classes/${ids.c6}/results?schoolYear=abc&term=1`)
      expect(badYear.status).toBe(400)
      expect(badYear.body.errors[0].message).toContain('năm học phải có dạng 2026-2027')
      expect((await get('principalA', `/classes/${ids.c6}/marks?schoolYear=${YEAR}&term=year`)).status).toBe(400)
      expect((await get('principalA', `/classes/${ids.c6}/results?schoolYear=2025-2026&term=1`)).status).toBe(400)
      expect((await get('principalA', `/classes/999999/results?term=1`)).status).toBe(404)
    })
  })

  describe('mark sheet (Excel)', () => {
    const sheetOf = async (data: Buffer) => {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(data as never)
      return book
    }
    const headerIndex = (sheet: ExcelJS.Worksheet, header: string) => {
      let found = 0
      sheet.getRow(3).eachCell((cell, col) => {
        if (cell.value === header) found = col
      })
      return found
    }
    const rowOf = (sheet: ExcelJS.Worksheet, code: string) => {
      for (let r = 4; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(2).value === code) return r
      throw new Error(`no row for ${code}`)
    }
    const storedToan = async (student: string) =>
      (await cms.payload.find({ collection: 'marks', where: { and: [{ student: { equals: ids[student] } }, { subject: { equals: ids.toan } }, { term: { equals: 'hk1' } }] }, overrideAccess: true, depth: 0 })).docs[0] as Doc
    const importSheet = async (book: ExcelJS.Workbook, who: keyof typeof tokens = 'teacherA') =>
      cms.rest.upload(`/teaching-assignments/${ids.taToan}/marks/import?term=1`, { name: 'so-diem.xlsx', data: Buffer.from(await book.xlsx.writeBuffer()), type: XLSX }, tokens[who])

    it('exports the class-subject in the known layout with the stored values', async () => {
      const res = await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`, tokens.teacherA)
      expect(res.status).toBe(200)
      expect(res.type).toBe(XLSX)
      const sheet = (await sheetOf(res.data)).worksheets[0]!
      const headers: unknown[] = []
      sheet.getRow(3).eachCell((cell) => headers.push(cell.value))
      expect(headers).toEqual(['STT', 'Mã học sinh', 'Họ và tên', 'TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'ĐTBmhk', 'Nhận xét'])
      const lan = await storedToan('lan')
      const row = sheet.getRow(rowOf(sheet, 'HS601'))
      expect(row.getCell(3).value).toBe('Nguyễn Thị Lan')
      expect(row.getCell(4).value).toBe(lan.regular[0].value)
      expect(row.getCell(8).value).toBe(lan.midTerm.value)
      expect(String(sheet.getRow(1).getCell(1).value)).toContain('SỔ ĐIỂM MÔN TOÁN – LỚP 6/1 – HỌC KÌ I')
      // A teacher of another school and a teacher of another subject do not get it.
      expect((await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`, tokens.teacherB)).status).toBe(403)
      expect((await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`, tokens.teacherC)).status).toBe(403)
      expect((await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`)).status).toBe(401)
      expect((await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx`, tokens.teacherA)).status).toBe(400)
    })

    it('imports two changed cells: values change, the history says "import", nothing else is written', async () => {
      const res = await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`, tokens.teacherA)
      const book = await sheetOf(res.data)
      const sheet = book.worksheets[0]!
      sheet.getRow(rowOf(sheet, 'HS601')).getCell(headerIndex(sheet, 'TX2')).value = 7.5
      sheet.getRow(rowOf(sheet, 'HS602')).getCell(headerIndex(sheet, 'CK')).value = '8,5' // typed with a decimal comma
      const historyBefore = (await cms.payload.count({ collection: 'mark-history' as never, overrideAccess: true })).totalDocs
      const minhBefore = await storedToan('minh')
      const imported = await importSheet(book)
      expect(imported.status, JSON.stringify(imported.body)).toBe(200)
      expect(imported.body.report).toMatchObject({ ok: true, changed: 2 })
      const lan = await storedToan('lan')
      expect(lan.regular[1]).toEqual({ value: 7.5, date: '2026-10-01' })
      expect((await storedToan('minh')).endTerm).toEqual({ ...minhBefore.endTerm, value: 8.5 })
      const history = await cms.payload.find({ collection: 'mark-history' as never, sort: '-sequence', limit: 10, overrideAccess: true, depth: 0 })
      expect((await cms.payload.count({ collection: 'mark-history' as never, overrideAccess: true })).totalDocs).toBe(historyBefore + 2)
      const entries = (history.docs as Doc[]).slice(0, 2).map((d) => [String(d.mark), d.field, d.source, d.newValue?.value])
      expect(entries).toEqual(expect.arrayContaining([[String(lan.id), 'regular.1', 'import', 7.5], [String(minhBefore.id), 'endTerm', 'import', 8.5]]))
      expect(String((history.docs[0] as Doc).actor)).toBe(String(await userId(fx.emails.teacherA)))
    })

    it('one bad cell (11): nothing changes and the report names the row and the column', async () => {
      const res = await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`, tokens.teacherA)
      const book = await sheetOf(res.data)
      const sheet = book.worksheets[0]!
      const lanRow = rowOf(sheet, 'HS601')
      sheet.getRow(lanRow).getCell(headerIndex(sheet, 'TX1')).value = 6 // a good change, which must not be written either
      const binhRow = rowOf(sheet, 'HS603')
      sheet.getRow(binhRow).getCell(headerIndex(sheet, 'TX2')).value = 11
      const before = [await storedToan('lan'), await storedToan('binh')]
      const imported = await importSheet(book)
      expect(imported.status).toBe(400)
      expect(imported.body.errors[0].message).toBe('Có 1 lỗi; chưa ghi điểm nào.')
      expect(imported.body.report.errors).toEqual([{ row: binhRow, column: 'TX2', message: 'TX2: điểm phải từ 0 đến 10, tối đa một chữ số thập phân.' }])
      expect([await storedToan('lan'), await storedToan('binh')]).toEqual(before)
    })

    it('another teacher’s import is refused and changes nothing', async () => {
      const res = await cms.rest.download(`/teaching-assignments/${ids.taToan}/marks.xlsx?term=1`, tokens.teacherA)
      const book = await sheetOf(res.data)
      const sheet = book.worksheets[0]!
      sheet.getRow(rowOf(sheet, 'HS601')).getCell(headerIndex(sheet, 'TX1')).value = 2
      const before = await storedToan('lan')
      for (const who of ['teacherA2', 'schoolAdminA', 'teacherB'] as const) {
        const imported = await importSheet(book, who)
        expect(imported.status, who).toBe(403)
      }
      expect(await storedToan('lan')).toEqual(before)
    })
  })

  describe('approval of the year results', () => {
    it('only the principal or a vice-principal approves, once; the approval is what locks.ts asks about', async () => {
      expect((await post('schoolAdminA', `/classes/${ids.c6}/results/approve?schoolYear=${YEAR}`)).status).toBe(403)
      expect((await post('teacherA2', `/classes/${ids.c6}/results/approve?schoolYear=${YEAR}`)).status).toBe(403)
      expect((await post(null, `/classes/${ids.c6}/results/approve?schoolYear=${YEAR}`)).status).toBe(401)
      const approved = await post('vicePrincipalA', `/classes/${ids.c6}/results/approve?schoolYear=${YEAR}`)
      expect(approved.status, JSON.stringify(approved.body)).toBe(201)
      expect(approved.body.approval).toMatchObject({ class: ids.c6, schoolYear: YEAR, approvedBy: await userId(fx.emails.vicePrincipalA) })
      expect((await post('principalA', `/classes/${ids.c6}/results/approve?schoolYear=${YEAR}`)).status).toBe(409)
      const year = await get('principalA', `/classes/${ids.c6}/results?schoolYear=${YEAR}&term=year`)
      expect(year.body.approval).toMatchObject({ approvedBy: await userId(fx.emails.vicePrincipalA) })
      expect(await isClassYearApproved({ payload: cms.payload } as never, ids.c6!, YEAR)).toBe(true)
      expect(await isClassYearApproved({ payload: cms.payload } as never, ids.c6!, '2027-2028')).toBe(false)
    })

    // Needs locks.ts's refuseLockedWrites to call isClassYearApproved (gradebook/approvals.ts).
    it('after the approval a teacher’s write to that class’s marks is refused and nothing changes', async () => {
      const mark = (await cms.payload.find({ collection: 'marks', where: { and: [{ student: { equals: ids.lan } }, { subject: { equals: ids.toan } }, { term: { equals: 'hk2' } }] }, overrideAccess: true, depth: 0 })).docs[0] as Doc
      const write = await cms.rest.request('PATCH', `/marks/${mark.id}?depth=0`, { token: tokens.teacherA, body: { endTerm: { value: 1 } } })
      expect(write.status, JSON.stringify(write.body)).toBeGreaterThanOrEqual(400)
      expect(((await cms.payload.findByID({ collection: 'marks', id: mark.id, overrideAccess: true, depth: 0 })) as Doc).endTerm).toEqual(mark.endTerm)
    })
  })
})
