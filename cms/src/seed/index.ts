import { BULK_WRITE_CONTEXT, currentSchoolYear } from '@truongso/payload-plugin'
import { schools, type School } from '@truongso/registry'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import { DEMO_SCHOOLS, seedDemoAccounts, type DemoAccount } from './demoAccounts.ts'
import { seedDemoMarks, seedLockCalendar } from './marks.ts'
import { fastRecordWriter, localApiRecordWriter, seedSchoolRecords } from './records.ts'
import { seedSchools } from './schools.ts'
import { seedTiers } from './tiers.ts'
import { seedEducationRecords } from './educationRecords.ts'
import { seedTeachingDay } from './teachingDay.ts'
import { seedSchoolWebsite } from './website.ts'

export type SeedResult = { schools: number; accounts: DemoAccount[]; websiteDocuments: number; students: number }

export type SeedOptions = {
  /** Which schools get generated school records (staff, classes, students): all primary/secondary ones, or a list of slugs. */
  records?: 'all' | string[]
  /** How records are written: straight to the adapter (default), or through the Local API and the importer (the reference). */
  recordWrites?: 'fast' | 'local-api'
  /** A line per school as it is done (the main job prints them). */
  progress?: (line: string) => void
  /**
   * Called once every school's website content is in, before the (longer) records: the main job
   * exports the snapshots here and builds the sites while the records are written.
   */
  afterWebsites?: () => Promise<void>
}

/**
 * Runs `fn` in one transaction with the seed's context (trusted, no site rebuild per document):
 * a school is seeded whole or not at all, and SQLite commits once instead of once a document.
 * On MongoDB without a replica set there are no transactions, and `fn` just runs.
 */
export async function inSeedTransaction<T>(payload: Payload, fn: (req: PayloadRequest) => Promise<T>): Promise<T> {
  const req = await createLocalReq({ context: { ...BULK_WRITE_CONTEXT } }, payload)
  const own = await initTransaction(req)
  try {
    const result = await fn(req)
    if (own) await commitTransaction(req)
    return result
  } catch (error) {
    if (own) await killTransaction(req)
    throw error
  }
}

const count = (n: number) => n.toLocaleString('en-US')

/** The district's demo data: the 34 schools, the demo accounts, and each school's website content. Safe to run again: it only adds what is missing. */
export async function seedDistrict(payload: Payload, demoAccountsFile: string, options: SeedOptions = {}): Promise<SeedResult> {
  const { schoolIds, accounts, userIds } = await inSeedTransaction(payload, async (req) => {
    const tierIds = await seedTiers(req)
    const schoolIds = await seedSchools(req, tierIds)
    const accounts = await seedDemoAccounts(req, schoolIds, demoAccountsFile, tierIds)
    const users = await payload.find({ collection: 'users', pagination: false, depth: 0, overrideAccess: true, req })
    return { schoolIds, accounts, userIds: new Map(users.docs.map((u) => [String(u.email), u.id])) }
  })
  const recordsFor = options.records ?? 'all'
  const writerFor = options.recordWrites === 'local-api' ? localApiRecordWriter : fastRecordWriter
  const idsOf = (school: School) => {
    const id = (role: string) => {
      const account = accounts.find((a) => a.school === school.slug && a.roles.includes(role))
      return account ? (userIds.get(account.email) ?? null) : null
    }
    return { author: id('teacher'), staff: id('staff'), reviewers: { leader: id('team-leader'), board: id('principal') } }
  }
  // Each school in its own transaction: whole or not at all, and one commit instead of one a document.
  const eachSchool = async (what: string, seed: (req: PayloadRequest, school: School, schoolId: number | string) => Promise<number>) => {
    let total = 0
    for (const [index, school] of schools.entries()) {
      const schoolId = schoolIds.get(school.slug)
      if (schoolId === undefined) continue
      const started = performance.now()
      const added = await inSeedTransaction(payload, (req) => seed(req, school, schoolId))
      total += added
      if (added > 0) options.progress?.(`[seed] ${String(index + 1).padStart(2)}/${schools.length} ${school.name}: ${count(added)} ${what} (${((performance.now() - started) / 1000).toFixed(1)}s)`)
    }
    return total
  }
  // The demo schools' teachers also find term I marks in their gradebook (seed/marks.ts).
  const seedRecordsAndMarks = async (req: PayloadRequest, school: School, schoolId: number | string) => {
    const students = await seedSchoolRecords(req, school, schoolId, accounts, userIds, writerFor(req))
    if (students > 0 && (DEMO_SCHOOLS as readonly string[]).includes(school.slug)) {
      await seedDemoMarks(req, schoolId, currentSchoolYear(), school.stt)
      // Timetables, PPCT, plans, attendance, class log (seed/teachingDay.ts): before the lock calendar, as attendance feeds the term records.
      const started = performance.now()
      const day = await seedTeachingDay(req, schoolId, currentSchoolYear(), { teacher: idsOf(school).author, board: idsOf(school).reviewers.board })
      options.progress?.(`[seed]    ${school.name}: ${day.slots} timetable slots, ${day.lessons} PPCT lessons, ${day.plans} teaching plans, ${day.sessions} attendance sessions, ${day.logs} class logs (${((performance.now() - started) / 1000).toFixed(2)}s)`)
      await seedLockCalendar(req, schoolId, currentSchoolYear(), idsOf(school).author)
      // The document tree, a few documents and lesson plans in every state (seed/educationRecords.ts).
      const recordsStarted = performance.now()
      const { author, staff, reviewers } = idsOf(school)
      const filed = await seedEducationRecords(req, schoolId, currentSchoolYear(), { teacher: author, leader: reviewers.leader, board: reviewers.board, staff })
      options.progress?.(`[seed]    ${school.name}: ${filed.folders} record folders, ${filed.documents} documents, ${filed.lessonPlans} lesson plans, ${filed.files} files (${((performance.now() - recordsStarted) / 1000).toFixed(2)}s)`)
    }
    return students
  }
  const websiteDocuments = await eachSchool('website documents', (req, school, schoolId) => {
    const { author, reviewers } = idsOf(school)
    return seedSchoolWebsite(req, school, schoolId, author, reviewers)
  })
  await options.afterWebsites?.()
  const students = await eachSchool('students', (req, school, schoolId) =>
    recordsFor === 'all' || recordsFor.includes(school.slug) ? seedRecordsAndMarks(req, school, schoolId) : Promise.resolve(0),
  )
  return { schools: schoolIds.size, accounts, websiteDocuments, students }
}
