import type { Payload } from 'payload'

import { schools } from '@truongso/registry'

import { seedDemoAccounts, type DemoAccount } from './demoAccounts.ts'
import { seedSchools } from './schools.ts'
import { seedSchoolRecords } from './records.ts'
import { seedSchoolWebsite } from './website.ts'

export type SeedResult = { schools: number; accounts: DemoAccount[]; websiteDocuments: number; students: number }

export type SeedOptions = {
  /** Which schools get generated school records (staff, classes, students): all primary/secondary ones, or a list of slugs. */
  records?: 'all' | string[]
}

/** The district's demo data: the 34 schools, the demo accounts, and each school's website content. Safe to run again: it only adds what is missing. */
export async function seedDistrict(payload: Payload, demoAccountsFile: string, options: SeedOptions = {}): Promise<SeedResult> {
  const schoolIds = await seedSchools(payload)
  const accounts = await seedDemoAccounts(payload, schoolIds, demoAccountsFile)
  let websiteDocuments = 0
  let students = 0
  const users = await payload.find({ collection: 'users', pagination: false, depth: 0, overrideAccess: true })
  const userIds = new Map(users.docs.map((u) => [String(u.email), u.id]))
  const recordsFor = options.records ?? 'all'
  for (const school of schools) {
    const schoolId = schoolIds.get(school.slug)
    if (schoolId === undefined) continue
    const idOf = (role: string) => {
      const account = accounts.find((a) => a.school === school.slug && a.roles.includes(role))
      return account ? (userIds.get(account.email) ?? null) : null
    }
    websiteDocuments += await seedSchoolWebsite(payload, school, schoolId, idOf('teacher'), { leader: idOf('team-leader'), board: idOf('principal') })
    if (recordsFor === 'all' || recordsFor.includes(school.slug)) {
      students += await seedSchoolRecords(payload, school, schoolId, accounts, userIds)
    }
  }
  return { schools: schoolIds.size, accounts, websiteDocuments, students }
}
