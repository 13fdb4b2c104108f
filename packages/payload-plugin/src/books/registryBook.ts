import type { PayloadRequest } from 'payload'

import { calendarDay, displayDay } from '../calendar/days.ts'
import type { ClassDoc } from '../gradebook/loadGradebook.ts'
import { relationId } from '../roles.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { documentHtml, esc, headingHtml, signaturesHtml, type BookHeading } from './decree30.ts'
import { bookHeadingOf, type BookSchool } from './school.ts'
import { principalOf } from './transcript.ts'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)

export type RegistryBookData = { heading: BookHeading; klass: { name: string }; schoolYear: string; principal: string | null; students: Doc[] }

/** Sổ đăng bộ of a class: every student enrolled that year, with the personal record as stored (managers only). */
export async function loadRegistryBook(req: PayloadRequest, klass: ClassDoc, schoolYear: string, school: BookSchool, now = new Date()): Promise<RegistryBookData> {
  const enrolments = (await req.payload.db.find({ collection: 'enrolments', where: { and: [{ class: { equals: klass.id } }, { schoolYear: { equals: schoolYear } }] }, pagination: false, limit: 0, req })).docs as Doc[]
  const ids = [...new Set(enrolments.map((e) => relationId(e.student)).filter((id): id is ID => id !== null))]
  const students = ids.length > 0 ? ((await req.payload.db.find({ collection: 'students', where: { id: { in: ids } }, pagination: false, limit: 0, req })).docs as Doc[]) : []
  students.sort((a, b) => String(a.fullName).split(' ').at(-1)!.localeCompare(String(b.fullName).split(' ').at(-1)!, 'vi') || String(a.fullName).localeCompare(String(b.fullName), 'vi'))
  return { heading: bookHeadingOf(school, now, false), klass: { name: String(klass.name) }, schoolYear, principal: await principalOf(req, school.id), students }
}

export function registryBookHtml(d: RegistryBookData): string {
  const text = (s: Doc, field: string) => esc(typeof s[field] === 'string' ? s[field] : '')
  const rows = d.students
    .map((s, i) => {
      const born = calendarDay(s.dateOfBirth)
      return `<tr><td class="num">${i + 1}</td><td class="num">${text(s, 'studentCode')}</td><td class="name">${text(s, 'fullName')}</td><td class="num">${esc(born ? displayDay(born) : '')}</td><td class="num">${text(s, 'sex')}</td><td>${text(s, 'birthplace')}</td><td>${text(s, 'ethnicity')}</td><td>${text(s, 'permanentAddress')}</td><td>${[text(s, 'fatherName'), text(s, 'motherName')].filter(Boolean).join('<br>')}</td></tr>`
    })
    .join('')
  const th = (key: MessageKey, style = '') => `<th${style ? ` style="${style}"` : ''}>${esc(vi(key))}</th>`
  const body = `<section class="wide" style="break-before:auto">${headingHtml(d.heading)}
<h1>${esc(vi('books.registry-title'))}</h1>
<p class="subtitle">${esc(vi('books.class-year', { class: d.klass.name, year: d.schoolYear }))}</p>
<table class="small"><thead><tr>${th('books.no', 'width:8mm')}${th('books.student-code', 'width:22mm')}${th('books.student-name', 'width:45mm')}${th('books.date-of-birth', 'width:22mm')}${th('books.sex', 'width:12mm')}${th('books.birthplace')}${th('books.ethnicity', 'width:16mm')}${th('books.permanent-address')}${th('books.parents')}</tr></thead><tbody>${rows}</tbody></table>
${signaturesHtml([{ role: vi('books.principal'), name: d.principal }])}</section>`
  return documentHtml(vi('books.registry-file-title', { class: d.klass.name, year: d.schoolYear }), body)
}
