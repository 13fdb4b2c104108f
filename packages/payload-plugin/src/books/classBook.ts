import type { PayloadRequest } from 'payload'

import { userNameOf } from '../accounts/userName.ts'
import { calendarDay, displayDay } from '../calendar/days.ts'
import { isClassYearApproved } from '../gradebook/approvals.ts'
import { loadClassGradebook, type ClassDoc, type ClassGradebook } from '../gradebook/loadGradebook.ts'
import { computeClassResults, termEntryOf, type PrimaryStudentResult, type ResultsPeriod, type ThcsStudentResult } from '../gradebook/results.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { documentHtml, esc, headingHtml, signaturesHtml, type BookHeading } from './decree30.ts'
import { loadBookCorrections, type BookCorrections } from './corrections.ts'
import { bookHeadingOf, type BookSchool } from './school.ts'
import { bookValue, outcomeWords, principalOf, testScore } from './transcript.ts'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)

export type ClassBookData = {
  heading: BookHeading
  level: 'THCS' | 'TH'
  schoolYear: string
  klass: { id: ID; name: string; grade: number }
  homeroomTeacher: string | null
  principal: string | null
  book: ClassGradebook
  /** The students' records (date of birth, sex), by id. */
  people: Map<string, { dateOfBirth: string | null; sex: string | null }>
  results: Record<ResultsPeriod, Map<string, ThcsStudentResult | PrimaryStudentResult>>
  /** Marks corrected after their lock: printed struck through with a footnote. */
  corrections: BookCorrections
}

/** The class book's data: the class's stored gradebook and the results computed from it, nothing else. */
export async function loadClassBook(req: PayloadRequest, klass: ClassDoc, schoolYear: string, school: BookSchool, now = new Date()): Promise<ClassBookData> {
  const book = await loadClassGradebook(req, klass, schoolYear)
  const ids = book.students.map((s) => s.id)
  const records = ids.length > 0 ? ((await req.payload.db.find({ collection: 'students', where: { id: { in: ids } }, pagination: false, limit: 0, req })).docs as Doc[]) : []
  const results = {} as ClassBookData['results']
  for (const period of ['hk1', 'hk2', 'year'] as const) results[period] = new Map(computeClassResults(book, period).students.map((s) => [String(s.id), s]))
  const approved = await isClassYearApproved(req, klass.id, schoolYear)
  return {
    heading: bookHeadingOf(school, now, !approved),
    level: book.primary ? 'TH' : 'THCS',
    schoolYear,
    klass: { id: klass.id, name: String(klass.name), grade: Number(klass.grade) },
    homeroomTeacher: await userNameOf(req, klass.homeroomTeacher),
    principal: await principalOf(req, school.id),
    book,
    people: new Map(records.map((r) => [String(r.id), { dateOfBirth: calendarDay(r.dateOfBirth), sex: typeof r.sex === 'string' ? r.sex : null }])),
    results,
    corrections: await loadBookCorrections(req, klass.id, schoolYear),
  }
}

const plainText = (value: unknown) => (value === null || value === undefined ? '' : String(value))

const th = (key: MessageKey, style = '') => `<th${style ? ` style="${style}"` : ''}>${esc(vi(key))}</th>`

function cover(d: ClassBookData): string {
  return `${headingHtml(d.heading)}
<div style="margin-top:45mm;text-align:center">
<h1 style="font-size:20pt">${esc(vi(d.level === 'TH' ? 'books.class-book-title-th' : 'books.class-book-title-thcs'))}</h1>
<p style="font-size:15pt;margin:6mm 0">${esc(vi('books.class-year', { class: d.klass.name, year: d.schoolYear }))}</p>
<p>${esc(vi('books.homeroom-teacher'))}: <b>${esc(d.homeroomTeacher ?? '')}</b></p>
</div>`
}

function studentList(d: ClassBookData): string {
  const rows = d.book.students
    .map((s, i) => {
      const p = d.people.get(String(s.id))
      return `<tr><td class="num">${i + 1}</td><td>${esc(s.fullName)}</td><td class="num">${esc(s.studentCode)}</td><td class="num">${esc(p?.dateOfBirth ? displayDay(p.dateOfBirth) : '')}</td><td class="num">${esc(p?.sex ?? '')}</td></tr>`
    })
    .join('')
  return `<div class="page-break"></div><h2>${esc(vi('books.student-list'))}</h2>
<table><thead><tr>${th('books.no', 'width:9mm')}${th('books.student-name')}${th('books.student-code', 'width:30mm')}${th('books.date-of-birth', 'width:28mm')}${th('books.sex', 'width:18mm')}</tr></thead><tbody>${rows}</tbody></table>`
}

const subjectTitle = (subject: string) => vi('books.subject-heading', { subject })

/** THCS: per subject, each term's regular, mid-term and end-of-term marks as stored, and the averages. */
function thcsSubjects(d: ClassBookData, only?: ReadonlySet<string>, title = subjectTitle): string {
  return d.book.subjects
    .filter((subject) => !only || only.has(String(subject.id)))
    .map((subject) => {
      const scored = subject.kind !== 'comment'
      const rows = d.book.students
        .map((s, i) => {
          const cells = (['hk1', 'hk2'] as const).map((term) => {
            const entry = termEntryOf(d.book.marks.get(String(s.id))?.get(String(subject.id))?.[term])
            const average = (d.results[term].get(String(s.id)) as ThcsStudentResult | undefined)?.subjects[subject.name]
            const cell = (field: string, value: unknown) => d.corrections.cell(s.id, subject.id, term, field, bookValue(value), bookValue)
            const regular = (entry?.tx ?? []).map((v, n) => (v === null || v === undefined ? '' : cell(`regular.${n}`, v))).filter(Boolean).join('  ')
            return `<td class="marks">${regular}</td><td class="num">${cell('midTerm', entry?.gk)}</td><td class="num">${cell('endTerm', entry?.ck)}</td><td class="num bold">${esc(bookValue(average))}</td>`
          })
          const year = (d.results.year.get(String(s.id)) as ThcsStudentResult | undefined)?.subjects[subject.name]
          return `<tr><td class="num">${i + 1}</td><td class="name">${esc(s.fullName)}</td>${cells.join('')}<td class="num bold">${esc(bookValue(year))}</td></tr>`
        })
        .join('')
      const termHead = `${th('books.regular')}${th('books.mid-term', 'width:11mm')}${th('books.end-term', 'width:11mm')}${th(scored ? 'books.term-average' : 'books.term-level', 'width:12mm')}`
      return `<section class="wide"><h2>${esc(title(subject.name))}</h2>
<table class="small"><thead>
<tr><th rowspan="2" style="width:8mm">${esc(vi('books.no'))}</th><th rowspan="2" style="width:48mm">${esc(vi('books.student-name'))}</th><th colspan="4">${esc(vi('books.term-1'))}</th><th colspan="4">${esc(vi('books.term-2'))}</th><th rowspan="2" style="width:15mm">${esc(vi('books.whole-year'))}</th></tr>
<tr>${termHead}${termHead}</tr></thead><tbody>${rows}</tbody></table>${d.corrections.footnotes()}</section>`
    })
    .join('')
}

/** THCS: each student's learning and conduct per term and year, absences, award and promotion. */
function thcsSummary(d: ClassBookData, signatures: string): string {
  const rows = d.book.students
    .map((s, i) => {
      const r = (period: ResultsPeriod) => d.results[period].get(String(s.id)) as ThcsStudentResult | undefined
      const year = r('year')
      return `<tr><td class="num">${i + 1}</td><td class="name">${esc(s.fullName)}</td>${(['hk1', 'hk2', 'year'] as const)
        .map((p) => `<td class="num">${esc(r(p)?.learning?.level ?? '')}</td><td class="num">${esc(r(p)?.conduct ?? '')}</td>`)
        .join('')}<td class="num">${esc(year?.absences ?? '')}</td><td>${esc(year?.award ?? '')}</td><td>${esc(outcomeWords(year))}</td></tr>`
    })
    .join('')
  const pair = `${th('books.learning-short')}${th('books.conduct-short')}`
  return `<section class="wide"><h2>${esc(vi('books.class-summary'))}</h2>
<table class="small"><thead>
<tr><th rowspan="2" style="width:8mm">${esc(vi('books.no'))}</th><th rowspan="2" style="width:40mm">${esc(vi('books.student-name'))}</th><th colspan="2">${esc(vi('books.term-1'))}</th><th colspan="2">${esc(vi('books.term-2'))}</th><th colspan="2">${esc(vi('books.whole-year'))}</th><th rowspan="2">${esc(vi('books.absences-short'))}</th><th rowspan="2">${esc(vi('books.award'))}</th><th rowspan="2">${esc(vi('books.outcome'))}</th></tr>
<tr>${pair}${pair}${pair}</tr></thead><tbody>${rows}</tbody></table>${signatures}</section>`
}

/** TH: per subject, each term's level and test score as stored. */
function primarySubjects(d: ClassBookData, only?: ReadonlySet<string>, title = subjectTitle): string {
  return d.book.subjects
    .filter((subject) => !only || only.has(String(subject.id)))
    .map((subject) => {
      const rows = d.book.students
        .map((s, i) => {
          const cells = (['hk1', 'hk2'] as const).map((term) => {
            const m = (d.results[term].get(String(s.id)) as PrimaryStudentResult | undefined)?.subjects[subject.name]
            const level = (field: 'midTermLevel' | 'endTermLevel') => d.corrections.cell(s.id, subject.id, term, field, m?.[field] ?? '', plainText)
            const test = (field: 'midTermTest' | 'endTermTest') => d.corrections.cell(s.id, subject.id, term, field, testScore(m?.[field]), testScore)
            return `<td class="num">${level('midTermLevel')}</td><td class="num">${test('midTermTest')}</td><td class="num">${level('endTermLevel')}</td><td class="num">${test('endTermTest')}</td>`
          })
          return `<tr><td class="num">${i + 1}</td><td class="name">${esc(s.fullName)}</td>${cells.join('')}</tr>`
        })
        .join('')
      const head = `${th('books.mid-level')}${th('books.mid-test')}${th('books.end-level')}${th('books.end-test')}`
      return `<section class="wide"><h2>${esc(title(subject.name))}</h2>
<table class="small"><thead><tr><th rowspan="2" style="width:8mm">${esc(vi('books.no'))}</th><th rowspan="2" style="width:48mm">${esc(vi('books.student-name'))}</th><th colspan="4">${esc(vi('books.term-1'))}</th><th colspan="4">${esc(vi('books.end-of-year'))}</th></tr><tr>${head}${head}</tr></thead><tbody>${rows}</tbody></table>${d.corrections.footnotes()}</section>`
    })
    .join('')
}

/** The marks of some of the class's subjects (a teacher's own book), THCS or TH. */
export const subjectSectionsHtml = (d: ClassBookData, subjects: ReadonlySet<string>, title: (subject: string) => string): string =>
  d.level === 'TH' ? primarySubjects(d, subjects, title) : thcsSubjects(d, subjects, title)

/** TH: the subjects, then qualities, competences and the year's result. */
function primaryBook(d: ClassBookData, signatures: string): string {
  const subjects = primarySubjects(d)
  const rows = d.book.students
    .map((s, i) => `<tr><td class="num">${i + 1}</td><td>${esc(s.fullName)}</td><td>${esc((d.results.year.get(String(s.id)) as PrimaryStudentResult | undefined)?.yearResult ?? '')}</td></tr>`)
    .join('')
  return `${subjects}<div class="page-break"></div><h2>${esc(vi('books.year-result'))}</h2>
<table><thead><tr>${th('books.no', 'width:9mm')}${th('books.student-name')}${th('books.year-result', 'width:60mm')}</tr></thead><tbody>${rows}</tbody></table>${signatures}`
}

/** Sổ theo dõi và đánh giá học sinh (THCS) or Sổ theo dõi chất lượng giáo dục (TH) of a class and year. */
export function classBookHtml(d: ClassBookData): string {
  // Signed at the end, under the summary of the results.
  const signatures = signaturesHtml([
    { role: vi('books.homeroom-teacher'), name: d.homeroomTeacher },
    { role: vi('books.principal'), name: d.principal },
  ])
  const body = `${cover(d)}${studentList(d)}${d.level === 'TH' ? primaryBook(d, signatures) : `${thcsSubjects(d)}${thcsSummary(d, signatures)}`}`
  return documentHtml(vi('books.class-book-file-title', { class: d.klass.name, year: d.schoolYear }), body)
}
