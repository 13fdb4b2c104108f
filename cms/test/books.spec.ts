import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { closeBookRenderer } from '@truongso/payload-plugin'
import { createHash } from 'node:crypto'
import { unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const YEAR = '2026-2027'
type ID = number | string
type Doc = Record<string, any>

// Printing needs Chromium (the renderer) and poppler (pdftotext, pdfinfo, pdffonts) to read the result back.
const has = (tool: string, args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0
const tools = has('pdftotext', ['-v']) && has('pdfinfo', ['-v']) && ['/usr/bin/chromium', process.env.CHROMIUM_PATH].some((p) => p && has(p, ['--version']))
if (!tools && process.env.REQUIRE_E2E === '1') throw new Error('books.spec needs chromium and poppler-utils (REQUIRE_E2E=1)')

const A4 = { width: 595.28, height: 841.89 }
const MM = 72 / 25.4

/** The PDF's text as pdftotext reads it (layout kept), its page size and its words' boxes. */
function readPdf(pdf: Buffer) {
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-book-'))
  const file = path.join(dir, 'book.pdf')
  writeFileSync(file, pdf)
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC')
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' })
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
  const bbox = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! }))
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }))
  return { text, info, fonts, words, sizes, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) }
}
// Every line of text collapsed to single spaces, so a phrase is found whatever the layout's gaps.
const flat = (text: string) => text.replace(/[ \t]+/g, ' ')
const bookNumber = (value: number) => value.toFixed(1).replace('.', ',')

// Printed books (issue 16): the học bạ and the class's book, rendered by Chromium, read back with poppler.
describe.skipIf(!tools)(`printed books (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids = {} as Record<string, any>
  // Names with stacked diacritics: they must come back from the PDF exactly.
  const students = [
    { key: 'huong', name: 'Nguyễn Thị Hường', code: 'HS701', base: 8.6 },
    { key: 'ang', name: 'Đỗ Mỹ Ặng', code: 'HS702', base: 6.4 },
    { key: 'ky', name: 'Trần Quốc Kỹ', code: 'HS703', base: 4.8 },
  ]
  const download = (who: Who | null, p: string) => cms.rest.download(p, who ? tokens[who] : undefined)

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const userId = async (email: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]!.id
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.teacherA2), data: { fullName: 'Võ Thị Chủ Nhiệm' } as never, overrideAccess: true })
    await cms.payload.update({ collection: 'users', id: await userId(fx.emails.principalA), data: { fullName: 'Phan Văn Hiệu' } as never, overrideAccess: true })
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    ids.c7 = await create('classes', { name: '7/2', grade: 7, schoolYear: YEAR, homeroomTeacher: await userId(fx.emails.teacherA2) })
    ids.toan = await create('subjects', { name: 'Toán', grade: 7, schoolYear: YEAR, kind: 'scored', periodsPerYear: 140 })
    ids.gdtc = await create('subjects', { name: 'Giáo dục thể chất', grade: 7, schoolYear: YEAR, kind: 'comment', periodsPerYear: 70 })
    await create('teaching-assignments', { teacher: await userId(fx.emails.teacherA), class: ids.c7, subject: ids.toan, term: 'year', schoolYear: YEAR })
    for (const s of students) {
      ids[s.key] = await create('students', { fullName: s.name, studentCode: s.code, dateOfBirth: '2013-05-14T00:00:00.000Z', sex: 'Nữ', birthplace: 'Cẩm Châu, Hội An', fatherName: `Cha của ${s.name.split(' ').at(-1)}` })
      await create('enrolments', { student: ids[s.key], class: ids.c7, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
      for (const term of ['hk1', 'hk2'] as const) {
        const b = s.base + (term === 'hk2' ? 0.4 : 0)
        const cells = (values: number[]) => values.map((value) => ({ value: Math.round(value * 10) / 10, date: '2026-10-01' }))
        await create('marks', { student: ids[s.key], class: ids.c7, subject: ids.toan, schoolYear: YEAR, term, regular: cells([b, b + 0.5, b - 0.5, b + 0.2]), midTerm: { value: Math.round((b + 0.3) * 10) / 10 }, endTerm: { value: Math.round((b - 0.3) * 10) / 10 } })
        await create('marks', { student: ids[s.key], class: ids.c7, subject: ids.gdtc, schoolYear: YEAR, term, regular: [{ value: 'Đ', date: '2026-10-01' }, { value: 'Đ', date: '2026-11-01' }], midTerm: { value: 'Đ' }, endTerm: { value: 'Đ' } })
        await create('student-term-records', { student: ids[s.key], class: ids.c7, schoolYear: YEAR, term, conduct: 'tot', absencesExcused: 1, absencesUnexcused: 0 })
      }
    }
  })
  afterAll(async () => {
    await closeBookRenderer()
    await cms?.close()
  })

  it('prints a student’s học bạ on A4 inside the Decree 30 margins, with the heading, the record and the results exactly as computed', async () => {
    const res = await download('teacherA2', `/students/${ids.huong}/transcript?schoolYear=${YEAR}`)
    expect(res.status, res.data.toString('utf8').slice(0, 300)).toBe(200)
    expect(res.type).toBe('application/pdf')
    const pdf = readPdf(res.data)
    if (process.env.BOOKS_DUMP) writeFileSync(path.join(process.env.BOOKS_DUMP, 'transcript.pdf'), res.data)
    const text = flat(pdf.text)
    for (const phrase of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc', 'TRƯỜNG TIỂU HỌC LÊ ĐỘ', 'HỌC BẠ', 'Nguyễn Thị Hường', 'HS701', '14/05/2013', '7/2 – năm học 2026-2027', 'Võ Thị Chủ Nhiệm', 'Phan Văn Hiệu', 'Hội An, ngày', 'BẢN NHÁP']) {
      expect(text, phrase).toContain(phrase)
    }
    // The averages and levels the results endpoint computes from the stored marks, digit for digit.
    const results = await cms.rest.request('GET', `/classes/${ids.c7}/results?schoolYear=${YEAR}&term=year`, { token: tokens.principalA })
    const hk1 = await cms.rest.request('GET', `/classes/${ids.c7}/results?schoolYear=${YEAR}&term=1`, { token: tokens.principalA })
    const mine = (body: Doc) => (body.students as Doc[]).find((s) => s.studentCode === 'HS701')!
    const toanRow = text.split('\n').find((line) => /\bToán\b/.test(line))!
    expect(toanRow).toContain(bookNumber(mine(hk1.body).subjects['Toán']))
    expect(toanRow).toContain(bookNumber(mine(results.body).subjects['Toán']))
    expect(text.split('\n').find((line) => line.includes('Giáo dục thể chất'))).toContain('Đ')
    expect(text).toContain(mine(results.body).learning.level)
    // A4, and every word of the body inside the margins (the page number sits in the bottom margin).
    expect(pdf.sizes.length).toBe(pdf.pages)
    for (const size of pdf.sizes) expect([Math.abs(size.width - A4.width) < 1.5, Math.abs(size.height - A4.height) < 1.5]).toEqual([true, true])
    const body = pdf.words.filter((w) => w.yMin < A4.height - 20 * MM)
    expect(body.length).toBeGreaterThan(50)
    expect(Math.min(...body.map((w) => w.xMin))).toBeGreaterThanOrEqual(30 * MM - 1)
    expect(Math.max(...body.map((w) => w.xMax))).toBeLessThanOrEqual(A4.width - 15 * MM + 1)
    expect(Math.min(...body.map((w) => w.yMin))).toBeGreaterThanOrEqual(20 * MM - 1)
    const footer = pdf.words.filter((w) => w.yMin >= A4.height - 20 * MM).map((w) => w.text)
    expect(footer.join(' ')).toBe(Array.from({ length: pdf.pages }, (_, i) => `Trang ${i + 1}/${pdf.pages}`).join(' '))
    // A Times-metric serif embedded, no sans fallback.
    expect(pdf.fonts).toMatch(/LiberationSerif|Tinos|TimesNewRoman/)
    expect(pdf.fonts).not.toMatch(/DejaVu|Sans/)
  })

  it('prints the class’s book: every student, every stored mark, the term and year averages, the signatures', async () => {
    const res = await download('principalA', `/classes/${ids.c7}/book?schoolYear=${YEAR}`)
    expect(res.status, res.data.toString('utf8').slice(0, 300)).toBe(200)
    const pdf = readPdf(res.data)
    if (process.env.BOOKS_DUMP) writeFileSync(path.join(process.env.BOOKS_DUMP, 'class-book.pdf'), res.data)
    const text = flat(pdf.text)
    expect(pdf.pages).toBeGreaterThanOrEqual(4)
    // A4 throughout: the cover and the student list upright, each subject's wide table across the page.
    const upright = (size: { width: number; height: number }) => Math.abs(size.width - A4.width) < 1.5 && Math.abs(size.height - A4.height) < 1.5
    const across = (size: { width: number; height: number }) => Math.abs(size.width - A4.height) < 1.5 && Math.abs(size.height - A4.width) < 1.5
    expect(pdf.sizes.every((size) => upright(size) || across(size))).toBe(true)
    expect(upright(pdf.sizes[0]!) && pdf.sizes.some(across)).toBe(true)
    for (const phrase of ['SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH', 'DANH SÁCH HỌC SINH', 'MÔN HỌC: TOÁN', 'TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ', 'GIÁO VIÊN CHỦ NHIỆM', 'HIỆU TRƯỞNG', 'Phan Văn Hiệu']) expect(text, phrase).toContain(phrase)
    for (const s of students) expect(text).toContain(s.name)
    // Each stored Toán mark, as stored (one decimal, comma), on the student's row.
    const marks = (await cms.payload.find({ collection: 'marks', where: { and: [{ class: { equals: ids.c7 } }, { subject: { equals: ids.toan } }] }, depth: 0, pagination: false, overrideAccess: true })).docs as Doc[]
    for (const mark of marks) {
      const student = students.find((s) => String(ids[s.key]) === String(mark.student))!
      const rows = text.split('\n').filter((line) => line.includes(student.name))
      const values = [...mark.regular.map((c: Doc) => c.value), mark.midTerm.value, mark.endTerm.value].map(bookNumber)
      expect(rows.some((row) => values.every((v) => row.includes(v))), `${student.name} ${mark.term}: ${values.join(' ')}`).toBe(true)
    }
  })

  it('prints a primary pupil’s học bạ and the class’s Sổ theo dõi chất lượng giáo dục with the stored levels and tests', async () => {
    const create = async (collection: string, data: Doc) => (await cms.payload.create({ collection: collection as never, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })).id as ID
    const homeroom = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA2 } }, overrideAccess: true })).docs[0]!.id
    const c4 = await create('classes', { name: '4/3', grade: 4, schoolYear: YEAR, homeroomTeacher: homeroom })
    const toan = await create('subjects', { name: 'Toán', grade: 4, schoolYear: YEAR, kind: 'primary' })
    const pupil = await create('students', { fullName: 'Lê Thị Thùy Dương', studentCode: 'HS401', dateOfBirth: '2016-09-01T00:00:00.000Z', sex: 'Nữ' })
    await create('enrolments', { student: pupil, class: c4, schoolYear: YEAR, startDate: '2026-09-05T00:00:00.000Z' })
    const all = (labels: string[], level: string) => Object.fromEntries(labels.map((l) => [l, level]))
    for (const [term, test] of [['hk1', 8], ['hk2', 10]] as const) {
      await create('marks', { student: pupil, class: c4, subject: toan, schoolYear: YEAR, term, midTermLevel: 'HTT', endTermLevel: 'HTT', midTermTest: test - 1, endTermTest: test, comment: 'Tính toán nhanh, cẩn thận.' })
      await create('student-term-records', { student: pupil, class: c4, schoolYear: YEAR, term, qualities: all(['patriotism', 'kindness', 'diligence', 'honesty', 'responsibility'], 'tot'), competences: all(['selfStudy', 'communication', 'problemSolving', 'language', 'mathematics'], 'tot') })
    }
    const res = await download('teacherA2', `/students/${pupil}/transcript?schoolYear=${YEAR}`)
    expect(res.status, res.data.toString('utf8').slice(0, 300)).toBe(200)
    const text = flat(readPdf(res.data).text)
    for (const phrase of ['HỌC BẠ', 'Kết quả đánh giá giáo dục năm học 2026-2027', 'Lê Thị Thùy Dương', 'PHẨM CHẤT CHỦ YẾU', 'Yêu nước', 'NĂNG LỰC CỐT LÕI', 'Tính toán nhanh, cẩn thận.']) expect(text, phrase).toContain(phrase)
    const toanRow = text.split('\n').find((line) => /\bToán\b/.test(line))!
    expect(toanRow).toMatch(/HTT\s+8\s+HTT\s+10/)
    const year = await cms.rest.request('GET', `/classes/${c4}/results?schoolYear=${YEAR}&term=year`, { token: tokens.principalA })
    const result = (year.body.students as Doc[])[0]!.yearResult
    if (result) expect(text).toContain(result)
    const book = await download('principalA', `/classes/${c4}/book?schoolYear=${YEAR}`)
    expect(book.status).toBe(200)
    const bookText = flat(readPdf(book.data).text)
    expect(bookText).toContain('SỔ THEO DÕI CHẤT LƯỢNG GIÁO DỤC')
    expect(bookText.split('\n').find((line) => line.includes('Lê Thị Thùy Dương') && line.includes('HTT'))).toMatch(/HTT\s+7\s+HTT\s+8\s+HTT\s+9\s+HTT\s+10/)
  })

  it('prints the sổ đăng bộ for the board only: every student with their record', async () => {
    const res = await download('principalA', `/classes/${ids.c7}/registry?schoolYear=${YEAR}`)
    expect(res.status, res.data.toString('utf8').slice(0, 300)).toBe(200)
    const text = flat(readPdf(res.data).text)
    expect(text).toContain('SỔ ĐĂNG BỘ')
    for (const s of students) {
      const row = text.split('\n').find((line) => line.includes(s.name))
      expect(row, s.name).toContain(s.code)
      expect(row).toContain('14/05/2013')
    }
    expect(text).toContain('Cẩm Châu, Hội An')
    expect(text).toContain('Cha của Hường')
    // Personal data: not for a plain teacher, nor for the homeroom teacher.
    expect((await download('teacherA', `/classes/${ids.c7}/registry?schoolYear=${YEAR}`)).status).toBe(403)
    const homeroom = await download('teacherA2', `/classes/${ids.c7}/registry?schoolYear=${YEAR}`)
    expect(homeroom.status).toBe(403)
    expect(JSON.parse(homeroom.data.toString('utf8')).errors[0].message).toContain('Sổ đăng bộ')
  })

  it('is refused to a teacher of the class who is not its homeroom teacher, to another school, and to anonymous callers', async () => {
    expect((await download('teacherA', `/students/${ids.huong}/transcript?schoolYear=${YEAR}`)).status).toBe(403)
    expect((await download('teacherA', `/classes/${ids.c7}/book?schoolYear=${YEAR}`)).status).toBe(403)
    expect((await download('principalB', `/classes/${ids.c7}/book?schoolYear=${YEAR}`)).status).toBe(403)
    expect((await download(null, `/students/${ids.huong}/transcript?schoolYear=${YEAR}`)).status).toBe(403)
    expect((await download('principalA', `/students/${ids.huong}/transcript?schoolYear=năm-nay`)).status).toBe(400)
    // Printing a transcript is logged like other reads of personal data (the board's print).
    await download('principalA', `/students/${ids.ang}/transcript?schoolYear=${YEAR}`)
    const logs = await cms.payload.find({ collection: 'record-access-logs' as never, where: { kind: { equals: 'export' } }, depth: 0, overrideAccess: true })
    expect(logs.docs.some((l: Doc) => (l.students as ID[]).map(String).includes(String(ids.ang)))).toBe(true)
  })
  it('prints a teacher’s own book: their class-subjects only, for the teacher, the board, not a colleague nor anonymous callers', async () => {
    const teacher = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.teacherA } }, overrideAccess: true })).docs[0]!.id
    ids.staffA = (await cms.payload.create({ collection: 'staff', data: { school: fx.schoolA, fullName: 'Trương Thị Toán', user: teacher } as never, overrideAccess: true })).id
    const res = await download('teacherA', `/staff/${ids.staffA}/gradebook?schoolYear=${YEAR}`)
    expect(res.status, res.data.toString('utf8').slice(0, 300)).toBe(200)
    expect(res.type).toBe('application/pdf')
    const text = flat(readPdf(res.data).text)
    // The cover's title wraps over two lines.
    expect(text.replace(/\s+/g, ' ')).toContain('SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH CỦA GIÁO VIÊN')
    for (const phrase of ['Trương Thị Toán', 'MÔN HỌC: TOÁN – LỚP 7/2', 'Phan Văn Hiệu']) expect(text, phrase).toContain(phrase)
    // Not the subject they do not teach.
    expect(text).not.toContain('GIÁO DỤC THỂ CHẤT')
    for (const s of students) expect(text).toContain(s.name)
    const mark = (await cms.payload.find({ collection: 'marks', where: { and: [{ student: { equals: ids.huong } }, { subject: { equals: ids.toan } }, { term: { equals: 'hk1' } }] }, depth: 0, overrideAccess: true })).docs[0] as Doc
    const row = text.split('\n').find((line) => line.includes('Nguyễn Thị Hường'))!
    for (const cell of mark.regular) expect(row).toContain(bookNumber(cell.value))
    expect((await download('principalA', `/staff/${ids.staffA}/gradebook?schoolYear=${YEAR}`)).status).toBe(200)
    expect((await download('teacherA2', `/staff/${ids.staffA}/gradebook?schoolYear=${YEAR}`)).status).toBe(403)
    expect((await download('principalB', `/staff/${ids.staffA}/gradebook?schoolYear=${YEAR}`)).status).toBe(403)
    expect((await download(null, `/staff/${ids.staffA}/gradebook?schoolYear=${YEAR}`)).status).toBe(403)
  })

  it('prints a mark corrected after its lock as the paper rule wants: the old value struck through, the new one, a footnote with the approval', async () => {
    const lock = await cms.rest.request('POST', '/mark-locks?depth=0', { token: tokens.principalA, body: { school: fx.schoolA, schoolYear: YEAR, term: 'hk1', kind: 'regular', lockAt: new Date(Date.now() - 60_000).toISOString() } })
    expect(lock.status, JSON.stringify(lock.body)).toBe(201)
    await cms.payload.jobs.queue({ task: 'truongsoApplyMarkLocks' as never, input: {} as never, queue: 'gradebook-locks' })
    await cms.payload.jobs.run({ queue: 'gradebook-locks' })
    const mark = (await cms.payload.find({ collection: 'marks', where: { and: [{ student: { equals: ids.ang } }, { subject: { equals: ids.toan } }, { term: { equals: 'hk1' } }] }, depth: 0, overrideAccess: true })).docs[0] as Doc
    const old = mark.regular[1].value as number
    const filed = await cms.rest.request('POST', '/mark-corrections?depth=0', { token: tokens.teacherA, body: { mark: mark.id, field: 'regular.1', newValue: 9.5, reason: 'Cộng nhầm điểm khi chép vào sổ' } })
    expect(filed.status, JSON.stringify(filed.body)).toBe(201)
    const decided = await cms.rest.request('POST', `/mark-corrections/${filed.body.doc.id}/decide`, { token: tokens.principalA, body: { decision: 'approve' } })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    const res = await download('principalA', `/classes/${ids.c7}/book?schoolYear=${YEAR}`)
    expect(res.status).toBe(200)
    const text = flat(readPdf(res.data).text)
    // The old value, then the new one with its footnote number, on the student's row.
    const row = text.split('\n').find((line) => line.includes('Đỗ Mỹ Ặng') && line.includes('9,5'))
    expect(row, text.slice(0, 2000)).toMatch(new RegExp(`${bookNumber(old)} 9,51`))
    expect(text).toContain(`từ ${bookNumber(old)} thành 9,5; người duyệt: Phan Văn Hiệu`)
    expect(text).toContain(`giấy đề nghị sửa điểm số ${filed.body.doc.id}`)
    // The struck-through value is drawn with a line: the HTML sent to Chromium says <del> (the PDF has no text for a line).
    const { classBookHtml, loadClassBook } = await import('../../packages/payload-plugin/src/books/classBook.ts')
    const { bookSchool } = await import('../../packages/payload-plugin/src/books/school.ts')
    const { createLocalReq } = await import('payload')
    const req = await createLocalReq({}, cms.payload)
    const klass = await cms.payload.findByID({ collection: 'classes', id: ids.c7, depth: 0, overrideAccess: true })
    const html = classBookHtml(await loadClassBook(req, klass as never, YEAR, (await bookSchool(req, fx.schoolA))!))
    expect(html).toContain(`<del>${bookNumber(old)}</del> 9,5<sup>1</sup>`)
  })

  it('builds the year-end archive as a job (requests coalesce), whose manifest hashes match the files; Kiểm tra tệp tells a changed file', async () => {
    const first = await cms.rest.request('POST', '/book-archives/build', { token: tokens.principalA, body: { schoolYear: YEAR } })
    expect(first.status, JSON.stringify(first.body)).toBe(202)
    const again = await cms.rest.request('POST', '/book-archives/build', { token: tokens.schoolAdminA, body: { schoolYear: YEAR } })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ coalesced: true, archive: { id: first.body.archive.id } })
    expect((await cms.rest.request('POST', '/book-archives/build', { token: tokens.teacherA, body: { schoolYear: YEAR } })).status).toBe(403)
    expect((await cms.rest.request('POST', '/book-archives/build', { body: { schoolYear: YEAR } })).status).toBe(403)
    const bad = await cms.rest.request('POST', '/book-archives/build', { token: tokens.principalA, body: { schoolYear: '2026' } })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].message).toContain('Năm học phải có dạng')
    await cms.payload.jobs.run({ queue: 'books' })
    let archive: Doc = {}
    for (let i = 0; i < 240 && archive.state !== 'done' && archive.state !== 'failed'; i++) {
      archive = (await cms.rest.request('GET', `/book-archives/${first.body.archive.id}?depth=0`, { token: tokens.principalA })).body
      if (archive.state !== 'done') await new Promise((r) => setTimeout(r, 250))
    }
    expect(archive.state, archive.error).toBe('done')
    expect(archive.done).toBe(archive.total)
    // A teacher reads no archive; the board downloads the zip.
    expect((await cms.rest.request('GET', `/book-archives/${archive.id}`, { token: tokens.teacherA })).status).toBe(403)
    expect((await download('teacherA', `/book-archives/file/${archive.filename}`)).status).toBe(403)
    expect((await download(null, `/book-archives/file/${archive.filename}`)).status).toBe(403)
    const zip = await download('principalA', `/book-archives/file/${archive.filename}`)
    expect(zip.status).toBe(200)
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
    expect(sha(zip.data)).toBe(archive.archiveSha256)
    const files = unzipSync(new Uint8Array(zip.data))
    const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'))
    expect(manifest).toEqual(archive.manifest)
    expect(manifest.files.length).toBe(archive.total)
    for (const entry of manifest.files) {
      expect(files[entry.path], entry.path).toBeDefined()
      expect([sha(files[entry.path]!), files[entry.path]!.length]).toEqual([entry.sha256, entry.size])
    }
    // A folder per class: its book, its sổ đăng bộ and each student's học bạ; the teachers' own books.
    const paths = manifest.files.map((f: Doc) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['lop-7-2/so-theo-doi-danh-gia-lop.pdf', 'lop-7-2/so-dang-bo.pdf', 'lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf', 'lop-7-2/hoc-ba/HS702-Do-My-Ang.pdf', 'lop-4-3/hoc-ba/HS401-Le-Thi-Thuy-Duong.pdf']))
    expect(manifest.files.some((f: Doc) => f.kind === 'teacher-book' && f.title === 'Trương Thị Toán')).toBe(true)
    expect(flat(readPdf(Buffer.from(files['lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf']!)).text)).toContain('Nguyễn Thị Hường')

    // Kiểm tra tệp: the unchanged file matches; one changed byte does not, and the answer names the file.
    const pdfName = 'HS701-Nguyen-Thi-Huong.pdf'
    const original = Buffer.from(files['lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf']!)
    const check = (data: Buffer, name: string, who: Who = 'principalA') => cms.rest.upload('/book-archives/verify', { name, data, type: 'application/pdf' }, tokens[who])
    const ok = await check(original, pdfName)
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toMatchObject({ match: true, path: 'lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf' })
    expect(ok.body.message).toContain('Khớp')
    const changed = Buffer.from(original)
    const middle = Math.floor(changed.length / 2)
    changed[middle] = changed[middle]! ^ 0x01
    const no = await check(changed, pdfName)
    expect(no.body).toMatchObject({ match: false, sameName: { path: 'lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf' } })
    expect(no.body.message).toContain('Không khớp')
    // The whole zip matches; a zip with one file changed names it.
    expect((await check(zip.data, archive.filename)).body.match).toBe(true)
    const tampered = Buffer.from(zipSync({ ...files, 'lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf': new Uint8Array(changed) }))
    const zipCheck = await check(tampered, 'luu-tru.zip')
    expect(zipCheck.body.match).toBe(false)
    expect(zipCheck.body.inside.filter((f: Doc) => !f.match).map((f: Doc) => f.name)).toEqual(['lop-7-2/hoc-ba/HS701-Nguyen-Thi-Huong.pdf'])
    expect((await check(original, pdfName, 'teacherA')).status).toBe(403)
  })
})
