import type { Payload } from 'payload'

import { seedDemoAccounts, type DemoAccount } from './demoAccounts.ts'
import { seedSchools } from './schools.ts'

export type SeedResult = { schools: number; accounts: DemoAccount[] }

/** The district's demo data: the 34 schools and the demo accounts. Safe to run again: it only adds what is missing. */
export async function seedDistrict(payload: Payload, demoAccountsFile: string): Promise<SeedResult> {
  const schoolIds = await seedSchools(payload)
  const accounts = await seedDemoAccounts(payload, schoolIds, demoAccountsFile)
  return { schools: schoolIds.size, accounts }
}
