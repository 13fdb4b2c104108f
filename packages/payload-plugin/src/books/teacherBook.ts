import type { PayloadRequest } from 'payload'

import type { ClassDoc } from '../gradebook/loadGradebook.ts'
import { relationId } from '../roles.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { loadClassBook, subjectSectionsHtml, type ClassBookData } from './classBook.ts'
import { documentHtml, esc, headingHtml, signaturesHtml, type BookHeading } from './decree30.ts'
import type { BookSchool } from './school.ts'

/**
 * Sổ theo dõi và đánh giá học sinh của giáo viên (issue 16 item 3): a teacher's own class-subjects of
 * a school year, each with its marks as the class's book prints them (corrections included), then
 * the teacher's and the principal's signatures.
 */

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)

export type TeacherBookData = {
  heading: BookHeading
  teacher: string
  department: string | null
  schoolYear: string
  principal: string | null
  /** Each class the teacher teaches, with the subjects they teach there. */
  classes: { book: ClassBookData; subjects: Set<string>; subjectNames: string[] }[]
}

/** The teacher's book: their teaching assignments of the year, grouped by class (in class order). */
export async function loadTeacherBook(req: PayloadRequest, teacher: { user: ID; fullName: string; department: string | null }, schoolYear: string, school: BookSchool, now = new Date()): Promise<TeacherBookData> {
  const assignments = (
    await req.payload.db.find({
      collection: 'teaching-assignments',
      where: { and: [{ teacher: { equals: teacher.user } }, { schoolYear: { equals: schoolYear } }, { school: { equals: school.id } }] },
      pagination: false,
      limit: 0,
      req,
    })
  ).docs as Doc[]
  const subjectsByClass = new Map<string, Set<string>>()
  for (const a of assignments) {
    const klass = String(relationId(a.class))
    subjectsByClass.set(klass, (subjectsByClass.get(klass) ?? new Set()).add(String(relationId(a.subject))))
  }
  const classes = subjectsByClass.size
    ? ((await req.payload.db.find({ collection: 'classes', where: { id: { in: [...subjectsByClass.keys()] } }, pagination: false, limit: 0, req })).docs as ClassDoc[])
    : []
  classes.sort((a, b) => Number(a.grade) - Number(b.grade) || String(a.name).localeCompare(String(b.name), 'vi', { numeric: true }))
  const books: TeacherBookData['classes'] = []
  // One class after the other: inside a transaction the reads share one connection.
  for (const klass of classes) {
    const book = await loadClassBook(req, klass, schoolYear, school, now)
    const subjects = subjectsByClass.get(String(klass.id))!
    books.push({ book, subjects, subjectNames: book.book.subjects.filter((s) => subjects.has(String(s.id))).map((s) => s.name) })
  }
  // Draft while any of the classes is not locked for the year.
  const draft = books.length === 0 || books.some((c) => c.book.heading.draft)
  return {
    heading: { ...(books[0]?.book.heading ?? { managingBody: school.managingBody, school: school.officialName, place: school.place, date: now }), draft },
    teacher: teacher.fullName,
    department: teacher.department,
    schoolYear,
    principal: books[0]?.book.principal ?? null,
    classes: books,
  }
}

export function teacherBookHtml(d: TeacherBookData): string {
  const list = d.classes
    .map((c, i) => `<tr><td class="num">${i + 1}</td><td>${esc(c.book.klass.name)}</td><td>${esc(c.subjectNames.join(', '))}</td></tr>`)
    .join('')
  const cover = `${headingHtml(d.heading)}
<div style="margin-top:40mm;text-align:center">
<h1 style="font-size:20pt">${esc(vi('books.teacher-book-title'))}</h1>
<p style="font-size:15pt;margin:6mm 0">${esc(vi('books.school-year', { year: d.schoolYear }))}</p>
<p>${esc(vi('books.teacher'))}: <b>${esc(d.teacher)}</b></p>
${d.department ? `<p>${esc(vi('books.department'))}: ${esc(d.department)}</p>` : ''}
</div>
<div class="page-break"></div><h2>${esc(vi('books.teacher-classes'))}</h2>
<table><thead><tr><th style="width:9mm">${esc(vi('books.no'))}</th><th style="width:30mm">${esc(vi('books.class'))}</th><th>${esc(vi('books.subject'))}</th></tr></thead><tbody>${list}</tbody></table>`
  const sections = d.classes.map((c) => subjectSectionsHtml(c.book, c.subjects, (subject) => vi('books.subject-class-heading', { subject, class: c.book.klass.name }))).join('')
  const signatures = signaturesHtml([
    { role: vi('books.teacher'), name: d.teacher },
    { role: vi('books.principal'), name: d.principal },
  ])
  return documentHtml(vi('books.teacher-book-file-title', { name: d.teacher, year: d.schoolYear }), `${cover}${sections}<div class="sign-block">${signatures}</div>`)
}
