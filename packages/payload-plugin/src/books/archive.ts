import { createHash } from 'node:crypto'

import { zipSync, type Zippable } from 'fflate'
import type { PayloadRequest } from 'payload'

import type { ClassDoc } from '../gradebook/loadGradebook.ts'
import { relationId } from '../roles.ts'
import { classBookHtml, loadClassBook } from './classBook.ts'
import { pageFooter } from './decree30.ts'
import { fileNamePart } from './fileNames.ts'
import { loadRegistryBook, registryBookHtml } from './registryBook.ts'
import { renderPdf } from './render.ts'
import type { BookSchool } from './school.ts'
import { loadTeacherBook, teacherBookHtml } from './teacherBook.ts'
import { loadClassTranscripts, transcriptHtml, transcriptOf, type ClassTranscripts } from './transcript.ts'

/**
 * The year-end archive (issue 16 item 5, seed 001 Art. 5.l): every book of every class and every
 * transcript of a school year as PDF, a folder per class, the teachers' own books in `giao-vien/`,
 * and `manifest.json` with each file's SHA-256, size and what it contains, zipped. The manifest is
 * also kept in the CMS (book-archives) so a file can be checked against it later (verify.ts).
 */

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }

export type ArchiveFileKind = 'class-book' | 'registry' | 'transcript' | 'teacher-book'

export type ManifestEntry = { path: string; sha256: string; size: number; kind: ArchiveFileKind; title: string; class?: string; studentCode?: string }

export type ArchiveManifest = { format: 'truongso-book-archive/1'; school: string; schoolYear: string; createdAt: string; files: ManifestEntry[] }

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** One file of the archive, not rendered yet: where it goes, what it is, how to make its HTML. */
type PlannedFile = Omit<ManifestEntry, 'sha256' | 'size'> & { html: () => Promise<string> }

/** Every file the archive of `schoolYear` will hold, in order (classes by grade and name, students by the class list). */
export async function planArchive(req: PayloadRequest, school: BookSchool, schoolYear: string, now = new Date()): Promise<PlannedFile[]> {
  const classes = (
    await req.payload.db.find({ collection: 'classes', where: { and: [{ school: { equals: school.id } }, { schoolYear: { equals: schoolYear } }] }, pagination: false, limit: 0, req })
  ).docs as ClassDoc[]
  classes.sort((a, b) => Number(a.grade) - Number(b.grade) || String(a.name).localeCompare(String(b.name), 'vi', { numeric: true }))
  // A student who changed class during the year has one học bạ, in the class of their latest enrolment.
  const enrolments = classes.length
    ? ((await req.payload.db.find({ collection: 'enrolments', where: { and: [{ class: { in: classes.map((c) => c.id) } }, { schoolYear: { equals: schoolYear } }] }, sort: 'startDate', pagination: false, limit: 0, req })).docs as Doc[])
    : []
  const latestClass = new Map(enrolments.map((e) => [String(relationId(e.student)), String(relationId(e.class))]))
  const files: PlannedFile[] = []
  for (const klass of classes) {
    const folder = `lop-${fileNamePart(String(klass.name))}`
    const className = String(klass.name)
    files.push({ path: `${folder}/so-theo-doi-danh-gia-lop.pdf`, kind: 'class-book', title: className, class: className, html: async () => classBookHtml(await loadClassBook(req, klass, schoolYear, school, now)) })
    files.push({ path: `${folder}/so-dang-bo.pdf`, kind: 'registry', title: className, class: className, html: async () => registryBookHtml(await loadRegistryBook(req, klass, schoolYear, school, now)) })
    const ids = [...latestClass].filter(([, c]) => c === String(klass.id)).map(([student]) => student)
    const students = ids.length
      ? ((await req.payload.db.find({ collection: 'students', where: { id: { in: ids } }, pagination: false, limit: 0, req })).docs as Doc[])
      : []
    students.sort((a, b) => String(a.studentCode ?? '').localeCompare(String(b.studentCode ?? '')))
    // The class's gradebook and results once for all its transcripts.
    let shared: Promise<ClassTranscripts> | null = null
    const classTranscripts = () => (shared ??= loadClassTranscripts(req, klass, schoolYear, school, now))
    for (const student of students) {
      const code = String(student.studentCode ?? student.id)
      files.push({
        path: `${folder}/hoc-ba/${fileNamePart(code)}-${fileNamePart(String(student.fullName ?? ''))}.pdf`,
        kind: 'transcript',
        title: String(student.fullName ?? ''),
        class: className,
        studentCode: code,
        html: async () => transcriptHtml(transcriptOf(await classTranscripts(), student)),
      })
    }
  }
  const assignments = (await req.payload.db.find({ collection: 'teaching-assignments', where: { and: [{ school: { equals: school.id } }, { schoolYear: { equals: schoolYear } }] }, pagination: false, limit: 0, req })).docs as Doc[]
  const teachers = [...new Set(assignments.map((a) => String(relationId(a.teacher))))]
  const staff = teachers.length ? ((await req.payload.db.find({ collection: 'staff', where: { user: { in: teachers } }, pagination: false, limit: 0, req })).docs as Doc[]) : []
  staff.sort((a, b) => String(a.fullName).localeCompare(String(b.fullName), 'vi'))
  for (const person of staff) {
    const user = relationId(person.user)!
    files.push({
      path: `giao-vien/${fileNamePart(String(person.fullName))}-${String(person.id)}.pdf`,
      kind: 'teacher-book',
      title: String(person.fullName),
      html: async () => teacherBookHtml(await loadTeacherBook(req, { user, fullName: String(person.fullName), department: null }, schoolYear, school, now)),
    })
  }
  return files
}

/**
 * Renders the planned files two at a time (the machines have two cores; Chromium shapes one page
 * while Node prepares the next), reporting each finished file.
 */
export async function renderArchive(files: readonly PlannedFile[], onProgress: (done: number) => Promise<void>, parallel = 2): Promise<{ entries: ManifestEntry[]; bytes: Uint8Array[] }> {
  const entries: ManifestEntry[] = new Array(files.length)
  const bytes: Uint8Array[] = new Array(files.length)
  let next = 0
  let done = 0
  const worker = async () => {
    while (next < files.length) {
      const index = next++
      const { html, ...entry } = files[index]!
      const pdf = await renderPdf(await html(), pageFooter())
      bytes[index] = pdf
      entries[index] = { ...entry, sha256: sha256(pdf), size: pdf.length }
      done += 1
      await onProgress(done)
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, files.length) }, worker))
  return { entries, bytes }
}

/** The zip: the PDFs stored as they are (already compressed), the manifest deflated. */
export function zipArchive(manifest: ArchiveManifest, bytes: readonly Uint8Array[]): Uint8Array {
  const tree: Zippable = {}
  manifest.files.forEach((entry, i) => {
    tree[entry.path] = [bytes[i]!, { level: 0 }]
  })
  tree['manifest.json'] = [new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), { level: 6 }]
  return zipSync(tree, { mtime: new Date(manifest.createdAt) })
}
