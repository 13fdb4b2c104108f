/**
 * The seed's fast path for school records. Going through Payload's create operation costs about
 * 4 ms a document (access, validation, relation look-ups, hooks, the read-back) and an imported
 * student takes three of them plus a placement update: the district's ~10,000 demo students took
 * minutes. Here documents go straight to the database adapter (`payload.db.create`, part of the
 * adapter interface every Payload adapter implements: no SQL, nothing adapter-specific) inside the
 * school's one transaction, with what the create operation would add by itself: default values and
 * timestamps. Only the seed writes this way, with data it generated or the real importer planned;
 * cms/test/seedFastPath.spec.ts checks that every record is the one the Local API path writes.
 */
import { planStudentImport, relationId } from '@truongso/payload-plugin'
import type { Field, PayloadRequest } from 'payload'

type ID = number | string

/** Top-level values the collection's fields default to (through unnamed tabs, rows and collapsibles). */
function defaultValues(fields: readonly Field[], into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) if (!('name' in tab && tab.name)) defaultValues(tab.fields, into)
      continue
    }
    if ((field.type === 'row' || field.type === 'collapsible') && 'fields' in field) {
      defaultValues(field.fields, into)
      continue
    }
    if (!('name' in field) || ('virtual' in field && field.virtual)) continue
    const value = 'defaultValue' in field ? field.defaultValue : undefined
    // Function defaults depend on the user and locale of a request: the seed's collections have none.
    if (value !== undefined && typeof value !== 'function') into[field.name] = value
  }
  return into
}

/** Each collection's defaults, worked out once: the seed inserts thousands of documents of a few collections. */
const defaultsOf = new WeakMap<object, Record<string, unknown>>()

function storedForm(req: PayloadRequest, collection: string, data: Record<string, unknown>): Record<string, unknown> {
  const config = req.payload.collections[collection as never]?.config
  if (!config) throw new Error(`unknown collection ${collection}`)
  let defaults = defaultsOf.get(config)
  if (!defaults) defaultsOf.set(config, (defaults = defaultValues(config.fields)))
  const now = new Date().toISOString()
  return { ...defaults, ...data, createdAt: now, updatedAt: now }
}

/** Inserts one document as Payload's create would store it, without its hooks; returns the new id. */
export async function insertDocument(req: PayloadRequest, collection: string, data: Record<string, unknown>): Promise<ID> {
  const doc = await req.payload.db.create({ collection: collection as never, data: storedForm(req, collection, data), req, select: { id: true } })
  return doc.id as ID
}

/** Inserts documents without reading each back (a third of the cost); ids are looked up afterwards if needed. */
export async function insertWithoutReading(req: PayloadRequest, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  for (const data of docs) await req.payload.db.create({ collection: collection as never, data: storedForm(req, collection, data), req, returning: false })
}

/**
 * Writes a student sheet as the importer would for students who are new to the school (the seed's
 * case; a sheet naming students already on file is refused, the importer is for that): the
 * importer's own plan (parsed, validated and normalised rows), each student placed in their class
 * with the class's homeroom teacher, and their enrolment. Returns how many students were written.
 */
export async function insertNewStudents(req: PayloadRequest, args: { school: ID; schoolYear: string; buffer: Buffer; enrolledFrom?: string }): Promise<number> {
  const planned = await planStudentImport(req, args)
  if (!planned.ok) throw new Error(`demo students failed to import: ${JSON.stringify(planned.report.errors.slice(0, 3))}`)
  const { rows, classByName, existingFor, startDate } = planned.plan
  const students = rows.map((row) => {
    if (existingFor(row)) throw new Error(`student ${row.studentCode} is already on file: the fast path only adds new students`)
    const klass = classByName.get(row.className)!
    const { rowNumber: _row, className: _class, ...data } = row
    // What the enrolment's placement hook (refreshStudentPlacement) sets after the importer's create.
    return { ...data, school: args.school, currentClass: klass.id, homeroomTeacher: relationId(klass.homeroomTeacher), status: 'studying' }
  })
  await insertWithoutReading(req, 'students', students)
  const written = await req.payload.find({
    collection: 'students',
    where: { and: [{ school: { equals: args.school } }, { studentCode: { in: rows.map((r) => r.studentCode) } }] },
    select: { studentCode: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const idByCode = new Map(written.docs.map((s) => [String(s.studentCode), s.id as ID]))
  await insertWithoutReading(
    req,
    'enrolments',
    rows.map((row) => ({ student: idByCode.get(row.studentCode), class: classByName.get(row.className)!.id, schoolYear: args.schoolYear, startDate, startKind: 'enrolled', school: args.school })),
  )
  return rows.length
}
