import type { PayloadRequest, Where } from 'payload'

import { relationId } from '../roles.ts'
import { MARKS_SLUG, TERM_RECORDS_SLUG } from './collections.ts'
import { loadClassGradebooks, type ClassDoc, type ClassGradebook } from './loadGradebook.ts'
import { computeClassResults, type ClassResults, type ResultsPeriod } from './results.ts'

/**
 * A school's results, kept between requests and brought up to date by what changed (issue 13's
 * results benchmark: a 1,500-student school holds ~36,000 mark documents, and reading them all is
 * most of a second on every request).
 *
 * Each check asks every collection the results read for the documents written since the previous
 * check (updatedAt, with an overlap so a transaction that committed late is not missed) and for its
 * count (deletions): nothing changed, the cached results are the answer; a mark or term record
 * changed, only the classes of those students are re-read and re-computed; a class, subject,
 * enrolment or student changed, the school is read again. Every process keeps its own copy and asks
 * the database, so a change made by another process (the worker, a second server) is seen too.
 * A copy older than MAX_AGE_MS is read again anyway.
 */

type ID = number | string
type Stamp = Record<string, number>
type Entry = {
  checkedAt: number
  loadedAt: number
  counts: Stamp
  classes: ClassDoc[]
  books: Map<string, ClassGradebook>
  /** Documents written within OVERLAP_MS of the last check, by collection:id → updatedAt: already counted in. */
  recent: Map<string, string>
  /** Which class a student's marks count in (the results' students follow their enrolments). */
  classOfStudent: Map<string, string>
  results: Map<string, ClassResults>
}

/** A transaction's updatedAt is set before it commits: look this far back past the last check. */
const OVERLAP_MS = 10_000
const MAX_AGE_MS = 10 * 60_000
const MAX_SCHOOLS = 40
const cache = new Map<string, Entry>()

/** The collections whose change means reading the whole school again. */
const STRUCTURE = ['classes', 'subjects', 'enrolments', 'students'] as const

const scoped = (school: ID, schoolYear: string, collection: string): Where => {
  const bySchool: Where = { school: { equals: school } }
  if (collection === 'classes' || collection === 'subjects' || collection === MARKS_SLUG || collection === TERM_RECORDS_SLUG) {
    return { and: [bySchool, { schoolYear: { equals: schoolYear } }] }
  }
  return bySchool
}

async function counts(req: PayloadRequest, school: ID, schoolYear: string): Promise<Stamp> {
  const collections = [...STRUCTURE, MARKS_SLUG, TERM_RECORDS_SLUG]
  const totals = await Promise.all(collections.map((collection) => req.payload.db.count({ collection, where: scoped(school, schoolYear, collection), req })))
  return Object.fromEntries(collections.map((collection, i) => [collection, totals[i]!.totalDocs]))
}

type Written = { collection: string; id: string; updatedAt: string; student: string | null }

/** Every document of the school's results written since `since` (less the overlap). */
async function writtenSince(req: PayloadRequest, school: ID, schoolYear: string, since: number): Promise<Written[]> {
  const after = new Date(since - OVERLAP_MS).toISOString()
  const found = await Promise.all(
    [...STRUCTURE, MARKS_SLUG, TERM_RECORDS_SLUG].map(async (collection) => {
      const where: Where = { and: [scoped(school, schoolYear, collection), { updatedAt: { greater_than_equal: after } }] }
      const select = collection === MARKS_SLUG || collection === TERM_RECORDS_SLUG ? { student: true, updatedAt: true } : { updatedAt: true }
      const { docs } = await req.payload.db.find({ collection, where, pagination: false, limit: 0, select: select as Record<string, true>, req })
      return (docs as Record<string, unknown>[]).map((doc) => ({ collection, id: String(doc.id), updatedAt: String(doc.updatedAt), student: doc.student == null ? null : String(relationId(doc.student)) }))
    }),
  )
  return found.flat()
}

const recentOf = (written: Written[]) => new Map(written.map((doc) => [`${doc.collection}:${doc.id}`, doc.updatedAt]))

async function loadSchool(req: PayloadRequest, school: ID, schoolYear: string, now: number, stamp: Stamp): Promise<Entry> {
  // Before the documents themselves: a write after this query and before their read is counted again next time, never missed.
  const recent = recentOf(await writtenSince(req, school, schoolYear, now))
  const found = await req.payload.db.find({ collection: 'classes', where: scoped(school, schoolYear, 'classes'), pagination: false, limit: 0, req })
  const classes = (found.docs as unknown as ClassDoc[]).sort(
    (a, b) => Number(a.grade) - Number(b.grade) || String(a.name).localeCompare(String(b.name), 'vi', { numeric: true }),
  )
  const books = await loadClassGradebooks(req, classes, schoolYear)
  const entry: Entry = { checkedAt: now, loadedAt: now, counts: stamp, classes, books: new Map(), recent, classOfStudent: new Map(), results: new Map() }
  for (const book of books) remember(entry, book)
  return entry
}

function remember(entry: Entry, book: ClassGradebook): void {
  const klass = String(book.klass.id)
  entry.books.set(klass, book)
  for (const student of book.students) entry.classOfStudent.set(String(student.id), klass)
  for (const key of entry.results.keys()) if (key.startsWith(`${klass}:`)) entry.results.delete(key)
}

/** Brings the school's entry up to date (see the module comment) and returns it. */
async function freshEntry(req: PayloadRequest, school: ID, schoolYear: string): Promise<Entry> {
  const key = `${String(school)}:${schoolYear}`
  const now = Date.now()
  const stamp = await counts(req, school, schoolYear)
  const entry = cache.get(key)
  const sameCounts = entry && Object.entries(stamp).every(([collection, count]) => entry.counts[collection] === count)
  if (!entry || !sameCounts || now - entry.loadedAt > MAX_AGE_MS) return keep(key, await loadSchool(req, school, schoolYear, now, stamp))
  const written = await writtenSince(req, school, schoolYear, entry.checkedAt)
  const fresh = written.filter((doc) => entry.recent.get(`${doc.collection}:${doc.id}`) !== doc.updatedAt)
  if (fresh.some((doc) => (STRUCTURE as readonly string[]).includes(doc.collection))) return keep(key, await loadSchool(req, school, schoolYear, now, stamp))
  const touched = new Set<string>()
  for (const doc of fresh) {
    const klass = doc.student === null ? undefined : entry.classOfStudent.get(doc.student)
    if (klass) touched.add(klass)
  }
  entry.recent = recentOf(written)
  if (touched.size > 0) {
    const classes = entry.classes.filter((klass) => touched.has(String(klass.id)))
    for (const book of await loadClassGradebooks(req, classes, schoolYear)) remember(entry, book)
  }
  entry.checkedAt = now
  return keep(key, entry)
}

function keep(key: string, entry: Entry): Entry {
  cache.delete(key)
  cache.set(key, entry)
  while (cache.size > MAX_SCHOOLS) cache.delete(cache.keys().next().value!)
  return entry
}

/** The results of every class of a school for a term or the year, every value from the engine. */
export async function schoolClassResults(req: PayloadRequest, school: ID, schoolYear: string, period: ResultsPeriod): Promise<ClassResults[]> {
  const entry = await freshEntry(req, school, schoolYear)
  return entry.classes.map((klass) => {
    const key = `${String(klass.id)}:${period}`
    let results = entry.results.get(key)
    if (!results) entry.results.set(key, (results = computeClassResults(entry.books.get(String(klass.id))!, period)))
    return results
  })
}

/** Forget every cached school (tests that write behind the adapter's back). */
export function clearResultsCache(): void {
  cache.clear()
}
