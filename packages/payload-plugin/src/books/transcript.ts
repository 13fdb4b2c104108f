import type { PayloadRequest } from 'payload'

import { calendarDay, displayDay } from '../calendar/days.ts'
import { isClassYearApproved } from '../gradebook/approvals.ts'
import { loadClassGradebook, type ClassDoc, type ClassGradebook } from '../gradebook/loadGradebook.ts'
import { computeClassResults, type ClassResults, type PrimaryStudentResult, type ResultsPeriod, type ThcsStudentResult } from '../gradebook/results.ts'
import { userNameOf } from '../accounts/userName.ts'
import { relationId } from '../roles.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { bookHeadingOf, type BookSchool } from './school.ts'
import { documentHtml, esc, headingHtml, signaturesHtml, type BookHeading } from './decree30.ts'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)

/** Everything a học bạ page shows, read from the stored records only. */
export type TranscriptData = {
  heading: BookHeading
  level: 'THCS' | 'TH'
  schoolYear: string
  klass: { id: ID; name: string; grade: number }
  student: { id: ID; fullName: string; studentCode: string; dateOfBirth: string | null; sex: string | null; ethnicity: string | null }
  homeroomTeacher: string | null
  principal: string | null
  subjects: { id: ID; name: string; kind: string }[]
  /** Sessions absent per term, from the stored term records (null: no record). */
  absences: { hk1: number | null; hk2: number | null }
  /** The homeroom teacher's comment of the year (the second term's, else the first's). */
  homeroomComment: string | null
  /** Per period, the student's row of the class's results (THCS) or the stored levels (TH). */
  results: Partial<Record<ResultsPeriod, ThcsStudentResult | PrimaryStudentResult>>
}

/** The class the student belongs to in `schoolYear` (the latest enrolment of that year). */
async function classOfYear(req: PayloadRequest, studentId: ID, schoolYear: string): Promise<ClassDoc | null> {
  const enrolments = await req.payload.db.find({ collection: 'enrolments', where: { and: [{ student: { equals: studentId } }, { schoolYear: { equals: schoolYear } }] }, sort: '-startDate', limit: 1, pagination: false, req })
  const classId = relationId((enrolments.docs[0] as Doc | undefined)?.class)
  if (classId === null) return null
  return (await req.payload.db.findOne({ collection: 'classes', where: { id: { equals: classId } }, req })) as ClassDoc | null
}

/** The school's principal (for the signature block), if one holds the role. */
export async function principalOf(req: PayloadRequest, school: ID): Promise<string | null> {
  const found = await req.payload.find({ collection: 'users', where: { and: [{ 'memberships.school': { equals: school } }, { 'memberships.roles': { contains: 'principal' } }] }, depth: 0, limit: 5, overrideAccess: true, req })
  const principal = (found.docs as unknown as Doc[]).find((u) => ((u.memberships as { school: unknown; roles?: string[] }[] | undefined) ?? []).some((m) => String(relationId(m.school)) === String(school) && (m.roles ?? []).includes('principal')))
  return principal ? String(principal.fullName || principal.email) : null
}

/** What every transcript of a class shares: its gradebook, the results computed from it, the signers. Loaded once per class. */
export type ClassTranscripts = {
  klass: ClassDoc
  schoolYear: string
  heading: BookHeading
  book: ClassGradebook
  computed: Record<ResultsPeriod, ClassResults>
  homeroomTeacher: string | null
  principal: string | null
}

export async function loadClassTranscripts(req: PayloadRequest, klass: ClassDoc, schoolYear: string, school: BookSchool, now = new Date()): Promise<ClassTranscripts> {
  const book = await loadClassGradebook(req, klass, schoolYear)
  const computed = {} as ClassTranscripts['computed']
  for (const period of ['hk1', 'hk2', 'year'] as const) computed[period] = computeClassResults(book, period)
  const approved = await isClassYearApproved(req, klass.id, schoolYear)
  return { klass, schoolYear, heading: bookHeadingOf(school, now, !approved), book, computed, homeroomTeacher: await userNameOf(req, klass.homeroomTeacher), principal: await principalOf(req, school.id) }
}

/** One student's transcript from their class's shared data. */
export function transcriptOf(c: ClassTranscripts, student: Doc): TranscriptData {
  const { book, klass } = c
  const results: TranscriptData['results'] = {}
  for (const period of ['hk1', 'hk2', 'year'] as const) {
    const row = c.computed[period].students.find((s) => String(s.id) === String(student.id))
    if (row) results[period] = row
  }
  const record = (term: 'hk1' | 'hk2') => book.termRecords.get(String(student.id))?.[term]
  const termAbsences = (term: 'hk1' | 'hk2') => {
    const r = record(term)
    return r ? Number(r.absencesExcused ?? 0) + Number(r.absencesUnexcused ?? 0) : null
  }
  const comment = (term: 'hk1' | 'hk2') => {
    const text = record(term)?.homeroomComment
    return typeof text === 'string' && text.trim() ? text.trim() : null
  }
  return {
    heading: c.heading,
    homeroomComment: comment('hk2') ?? comment('hk1'),
    absences: { hk1: termAbsences('hk1'), hk2: termAbsences('hk2') },
    level: book.primary ? 'TH' : 'THCS',
    schoolYear: c.schoolYear,
    klass: { id: klass.id, name: String(klass.name), grade: Number(klass.grade) },
    student: {
      id: student.id,
      fullName: String(student.fullName),
      studentCode: String(student.studentCode ?? ''),
      dateOfBirth: calendarDay(student.dateOfBirth),
      sex: typeof student.sex === 'string' ? student.sex : null,
      ethnicity: typeof student.ethnicity === 'string' ? student.ethnicity : null,
    },
    homeroomTeacher: c.homeroomTeacher,
    principal: c.principal,
    subjects: c.computed.year.subjects ?? book.subjects.map((s) => ({ id: s.id, name: s.name, kind: s.kind })),
    results,
  }
}

/** The transcript's data, or null when the student has no class that year. */
export async function loadTranscript(req: PayloadRequest, student: Doc, schoolYear: string, school: BookSchool, now = new Date()): Promise<TranscriptData | null> {
  const klass = await classOfYear(req, student.id, schoolYear)
  if (!klass) return null
  return transcriptOf(await loadClassTranscripts(req, klass, schoolYear, school, now), student)
}

/** A primary test score: whole numbers 0–10, printed as they are. */
const testScore = (value: unknown) => (typeof value === 'number' ? String(value) : '')

/** The engine's year-end outcome in the books' words. */
export function outcomeWords(result: ThcsStudentResult | undefined): string {
  const key = ({ promoted: 'ui.results.outcome-promoted', reassessment: 'ui.results.outcome-reassessment', retained: 'ui.results.outcome-retained' } as const)[String(result?.outcome) as 'promoted']
  return key ? vi(key) : ''
}

/** A number as the books print it: one decimal, with a comma (8,5); a text (Đ, CĐ) as stored; empty while missing. */
export { testScore }

export function bookValue(value: unknown): string {
  if (typeof value === 'number') return value.toFixed(1).replace('.', ',')
  if (typeof value === 'string') return value
  return ''
}

function studentBlock(d: TranscriptData): string {
  const row = (label: MessageKey, value: string | null) => `<tr><td style="width:38%">${esc(vi(label))}:</td><td class="bold">${esc(value ?? '')}</td></tr>`
  return `<table class="plain">
${row('books.student-name', d.student.fullName)}
${row('books.student-code', d.student.studentCode)}
${row('books.date-of-birth', d.student.dateOfBirth ? displayDay(d.student.dateOfBirth) : null)}
${row('books.sex', d.student.sex)}
${d.student.ethnicity ? row('books.ethnicity', d.student.ethnicity) : ''}
${row('books.class', vi('books.class-year', { class: d.klass.name, year: d.schoolYear }))}
</table>`
}

function thcsBody(d: TranscriptData): string {
  const hk1 = d.results.hk1 as ThcsStudentResult | undefined
  const hk2 = d.results.hk2 as ThcsStudentResult | undefined
  const year = d.results.year as ThcsStudentResult | undefined
  const rows = d.subjects
    .map((s, i) => `<tr><td class="num">${i + 1}</td><td>${esc(s.name)}</td><td class="num">${esc(bookValue(hk1?.subjects[s.name]))}</td><td class="num">${esc(bookValue(hk2?.subjects[s.name]))}</td><td class="num">${esc(bookValue(year?.subjects[s.name]))}</td></tr>`)
    .join('')
  const level = (r: ThcsStudentResult | undefined) => esc(r?.learning?.level ?? '')
  const conduct = (r: ThcsStudentResult | undefined) => esc(r?.conduct ?? '')
  return `<h2>${esc(vi('books.subject-results'))}</h2>
<table>
<thead><tr><th style="width:9mm">${esc(vi('books.no'))}</th><th>${esc(vi('books.subject'))}</th><th style="width:24mm">${esc(vi('books.term-1'))}</th><th style="width:24mm">${esc(vi('books.term-2'))}</th><th style="width:24mm">${esc(vi('books.whole-year'))}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
<h2>${esc(vi('books.overall'))}</h2>
<table>
<thead><tr><th></th><th style="width:24mm">${esc(vi('books.term-1'))}</th><th style="width:24mm">${esc(vi('books.term-2'))}</th><th style="width:24mm">${esc(vi('books.whole-year'))}</th></tr></thead>
<tbody>
<tr><td>${esc(vi('books.learning'))}</td><td class="num">${level(hk1)}</td><td class="num">${level(hk2)}</td><td class="num">${level(year)}</td></tr>
<tr><td>${esc(vi('books.conduct'))}</td><td class="num">${conduct(hk1)}</td><td class="num">${conduct(hk2)}</td><td class="num">${conduct(year)}</td></tr>
<tr><td>${esc(vi('books.absences'))}</td><td class="num">${esc(d.absences.hk1 ?? '')}</td><td class="num">${esc(d.absences.hk2 ?? '')}</td><td class="num">${esc(year?.absences ?? '')}</td></tr>
</tbody>
</table>
<table class="plain" style="margin-top:3mm">
<tr><td style="width:38%">${esc(vi('books.award'))}:</td><td class="bold">${esc(year?.award ?? '')}</td></tr>
<tr><td>${esc(vi('books.outcome'))}:</td><td class="bold">${esc(outcomeWords(year))}</td></tr>
${year?.retests && year.retests.length > 0 ? `<tr><td>${esc(vi('books.retests'))}:</td><td>${esc(year.retests.join(', '))}</td></tr>` : ''}
</table>`
}

function primaryBody(d: TranscriptData): string {
  const end = d.results.hk2 as PrimaryStudentResult | undefined
  const mid = d.results.hk1 as PrimaryStudentResult | undefined
  const rows = d.subjects
    .map((s, i) => {
      const a = mid?.subjects[s.name]
      const b = end?.subjects[s.name]
      return `<tr><td class="num">${i + 1}</td><td>${esc(s.name)}</td><td class="num">${esc(a?.endTermLevel ?? '')}</td><td class="num">${esc(testScore(a?.endTermTest))}</td><td class="num">${esc(b?.endTermLevel ?? '')}</td><td class="num">${esc(testScore(b?.endTermTest))}</td><td class="correction">${esc(b?.comment ?? a?.comment ?? '')}</td></tr>`
    })
    .join('')
  const traits = (group: 'qualities' | 'competences', title: MessageKey) => {
    const names = Object.keys(end?.[group] ?? mid?.[group] ?? {})
    if (names.length === 0) return ''
    return `<h2>${esc(vi(title))}</h2><table><thead><tr><th></th><th style="width:28mm">${esc(vi('books.term-1'))}</th><th style="width:28mm">${esc(vi('books.end-of-year'))}</th></tr></thead><tbody>${names
      .map((n) => `<tr><td>${esc(n)}</td><td class="num">${esc(mid?.[group][n] ?? '')}</td><td class="num">${esc(end?.[group][n] ?? '')}</td></tr>`)
      .join('')}</tbody></table>`
  }
  const year = (d.results.year as PrimaryStudentResult | undefined)?.yearResult ?? null
  return `<h2>${esc(vi('books.subject-results'))}</h2>
<table class="small">
<thead><tr><th rowspan="2" style="width:9mm">${esc(vi('books.no'))}</th><th rowspan="2">${esc(vi('books.subject'))}</th><th colspan="2">${esc(vi('books.term-1'))}</th><th colspan="2">${esc(vi('books.end-of-year'))}</th><th rowspan="2">${esc(vi('books.comment'))}</th></tr>
<tr><th style="width:16mm">${esc(vi('books.level'))}</th><th style="width:14mm">${esc(vi('books.test'))}</th><th style="width:16mm">${esc(vi('books.level'))}</th><th style="width:14mm">${esc(vi('books.test'))}</th></tr></thead>
<tbody>${rows}</tbody>
</table>
${traits('qualities', 'books.qualities')}
${traits('competences', 'books.competences')}
<table class="plain" style="margin-top:3mm"><tr><td style="width:38%">${esc(vi('books.year-result'))}:</td><td class="bold">${esc(year ?? '')}</td></tr></table>`
}

/** Học bạ of one student for one year (THCS: Circular 22; TH: Circular 27), as a printable HTML document. */
export function transcriptHtml(d: TranscriptData): string {
  const body = `${headingHtml(d.heading)}
<h1>${esc(vi('books.transcript-title'))}</h1>
<p class="subtitle">${esc(vi(d.level === 'TH' ? 'books.transcript-subtitle-th' : 'books.transcript-subtitle-thcs', { year: d.schoolYear }))}</p>
${studentBlock(d)}
${d.level === 'TH' ? primaryBody(d) : thcsBody(d)}
<h2>${esc(vi('books.homeroom-comment'))}</h2>
${d.homeroomComment ? `<p>${esc(d.homeroomComment)}</p>` : '<div class="dots"></div><div class="dots"></div>'}
${signaturesHtml([
  { role: vi('books.homeroom-teacher'), name: d.homeroomTeacher },
  { role: vi('books.principal'), name: d.principal },
])}`
  return documentHtml(vi('books.transcript-file-title', { name: d.student.fullName, year: d.schoolYear }), body)
}
