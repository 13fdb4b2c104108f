/**
 * The seed's fast path (cms/src/seed/fastRecords.ts) writes school records straight to the database
 * adapter. Here one school's records are seeded through the Local API and the real Excel importer,
 * read back, removed, and seeded again through the fast path: both must read back identical.
 */
import path from 'node:path'

import { schools } from '@truongso/registry'
import type { PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readDemoAccounts } from '../src/seed/demoAccounts.ts'
import { inSeedTransaction, seedDistrict } from '../src/seed/index.ts'
import { fastRecordWriter, localApiRecordWriter, seedSchoolRecords, type RecordWriter } from '../src/seed/records.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

/** What seedSchoolRecords writes, and how each collection's documents are told apart. */
const WRITTEN = ['school-years', 'subjects', 'classes', 'staff', 'students', 'enrolments', 'teaching-assignments'] as const
/** A record's natural key, so relations compare by what they point at and not by database id. */
const NATURAL_KEY: Record<string, string | ((doc: Doc) => unknown)> = {
  schools: 'slug',
  // A subject is offered per grade and school year: its name alone repeats across grades.
  subjects: (doc) => `${String(doc.grade)}:${String(doc.name)}:${String(doc.schoolYear)}`,
  users: 'email',
  departments: 'name',
  classes: 'name',
  students: 'studentCode',
  'school-years': 'name',
}

type Doc = Record<string, unknown>

describe(`seed fast path (${testDatabase})`, () => {
  let cms: TestCms
  let accountsFile: string
  const slug = 'thcskimdong'
  const school = schools.find((s) => s.slug === slug)!

  beforeAll(async () => {
    cms = await startTestCms()
    accountsFile = path.join(cms.dataDir, 'demo-accounts.json')
    // Schools, accounts and websites; no records yet.
    await seedDistrict(cms.payload, accountsFile, { records: [] })
  })
  afterAll(async () => {
    await cms?.close()
  })

  const schoolId = async () => (await cms.payload.find({ collection: 'schools', where: { slug: { equals: slug } }, limit: 1, depth: 0 })).docs[0]!.id

  async function seedRecords(writerFor: (req: PayloadRequest) => RecordWriter): Promise<number> {
    const id = await schoolId()
    const users = await cms.payload.find({ collection: 'users', pagination: false, depth: 0 })
    const userIds = new Map(users.docs.map((u) => [String(u.email), u.id]))
    return inSeedTransaction(cms.payload, (req) => seedSchoolRecords(req, school, id, readDemoAccounts(accountsFile), userIds, writerFor(req)))
  }

  /** Every record of the school, as the Local API reads it, with ids and timestamps replaced by natural keys. */
  async function readRecords(): Promise<Record<string, Doc[]>> {
    const id = await schoolId()
    const labels = new Map<string, Map<string, unknown>>()
    for (const [collection, key] of Object.entries(NATURAL_KEY)) {
      const all = await cms.payload.find({ collection: collection as never, pagination: false, depth: 0, overrideAccess: true })
      labels.set(collection, new Map(all.docs.map((d) => [String(d.id), typeof key === 'function' ? key(d as Doc) : (d as Doc)[key]])))
    }
    const out: Record<string, Doc[]> = {}
    for (const collection of WRITTEN) {
      const relations = new Map(
        cms.payload.collections[collection]!.config.flattenedFields
          .filter((f) => (f.type === 'relationship' || f.type === 'upload') && typeof f.relationTo === 'string')
          .map((f) => [f.name, (f as { relationTo: string }).relationTo]),
      )
      const found = await cms.payload.find({ collection, where: { school: { equals: id } }, pagination: false, depth: 0, overrideAccess: true })
      out[collection] = found.docs
        .map((doc) => {
          const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc as Doc
          for (const [field, target] of relations) {
            const value = rest[field]
            if (value === null || value === undefined) continue
            rest[field] = labels.get(target)?.get(String(value)) ?? `${target}:${String(value)}`
          }
          // Array rows get fresh random ids on every write.
          if (Array.isArray(rest.terms)) rest.terms = rest.terms.map(({ id: _rowId, ...row }: Doc) => row)
          return rest
        })
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
    }
    return out
  }

  async function removeRecords(): Promise<void> {
    const id = await schoolId()
    for (const collection of [...WRITTEN].reverse()) {
      await cms.payload.delete({ collection, where: { school: { equals: id } }, overrideAccess: true })
    }
  }

  it('writes exactly the records the Local API and the Excel importer write', async () => {
    const throughImporter = await seedRecords(localApiRecordWriter)
    const reference = await readRecords()
    await removeRecords()
    expect(Object.values(await readRecords()).every((docs) => docs.length === 0)).toBe(true)

    const throughFastPath = await seedRecords(fastRecordWriter)
    const fast = await readRecords()

    expect(throughFastPath).toBe(throughImporter)
    expect(throughImporter).toBeGreaterThan(300)
    for (const collection of WRITTEN) {
      expect(fast[collection]!.length, collection).toBe(reference[collection]!.length)
      expect(fast[collection], collection).toEqual(reference[collection])
    }
    // The derived placement the importer's hooks compute, and the class sizes counted from enrolments.
    const students = fast.students!
    expect(students.every((s) => typeof s.currentClass === 'string' && s.status === 'studying')).toBe(true)
    expect(fast.classes!.reduce((sum, c) => sum + Number(c.size), 0)).toBe(students.length)
    // A default value no seed data sets: the fast path applies it as Payload's create does.
    expect(fast.staff!.every((s) => s.nationality === 'Việt Nam')).toBe(true)
  })

  it('seeds a school in one transaction: a failure leaves none of its records', async () => {
    await removeRecords()
    const failing = (req: PayloadRequest): RecordWriter => ({
      ...fastRecordWriter(req),
      importStudents: async () => {
        throw new Error('disk full (simulated)')
      },
    })
    await expect(seedRecords(failing)).rejects.toThrow('disk full')
    const left = await readRecords()
    for (const collection of WRITTEN) expect(left[collection], collection).toEqual([])
  })
})
