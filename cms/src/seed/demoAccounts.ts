import { randomInt } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { DistrictRole, SchoolRole } from '@truongso/payload-plugin'
import type { PayloadRequest } from 'payload'
import { z } from 'zod'

import { seedDepartment } from './departments.ts'
import { DISTRICT_TIER, WARD_TIERS } from './tiers.ts'

/** One line of cms/data/demo-accounts.json (shape fixed in docs/architecture.md § Names shared by code, tests and docs). */
export const demoAccountSchema = z.object({
  email: z.string().email(),
  password: z.string().min(10),
  roles: z.array(z.string()).min(1),
  school: z.string().nullable(),
  department: z.string().optional(),
  fullName: z.string().optional(),
  /** A district account's tier (its `code`); absent for school accounts. */
  tier: z.string().optional(),
})
export type DemoAccount = z.infer<typeof demoAccountSchema>

/** One school of each level gets a full set of demo accounts; TH Lê Độ is the one the README walks through. */
export const DEMO_SCHOOLS = ['tieuhocledo', 'mamnoncaman', 'mamnonsonca', 'thcskimdong', 'ththcslythuongkiet'] as const

type RolePlan = { role: SchoolRole; mailbox: string; fullName: string; department?: string }

const SCHOOL_ROLE_PLAN: RolePlan[] = [
  { role: 'school-admin', mailbox: 'quantri', fullName: 'Trần Thị Quản Trị' },
  { role: 'principal', mailbox: 'hieutruong', fullName: 'Nguyễn Văn Hiệu' },
  { role: 'vice-principal', mailbox: 'phohieutruong', fullName: 'Lê Thị Phó' },
  { role: 'team-leader', mailbox: 'totruong', fullName: 'Phạm Văn Tổ', department: 'Tổ Chuyên môn 1' },
  { role: 'teacher', mailbox: 'giaovien', fullName: 'Hoàng Thị Giáo', department: 'Tổ Chuyên môn 1' },
  { role: 'homeroom-teacher', mailbox: 'chunhiem', fullName: 'Võ Văn Chủ', department: 'Tổ Chuyên môn 1' },
  { role: 'staff', mailbox: 'vanthu', fullName: 'Đặng Thị Văn Thư', department: 'Tổ Văn phòng' },
]

const DISTRICT_PLAN: { role: DistrictRole; mailbox: string; fullName: string }[] = [
  { role: 'district-officer', mailbox: 'chuyenvien', fullName: 'Huỳnh Văn Chuyên' },
  { role: 'district-admin', mailbox: 'quantri', fullName: 'Bùi Thị Quản Lý' },
]

/** One officer per ward: they see only their ward's schools (seed/tiers.ts). */
const WARD_OFFICER_PLAN = WARD_TIERS.map((ward) => ({ role: 'district-officer' as DistrictRole, mailbox: `chuyenvien.${ward.code}`, fullName: `Chuyên viên ${ward.name.replace(/^Phòng Văn hóa – Xã hội /, '')}`, tier: `ward-${ward.code}` }))

const DEMO_DOMAIN = 'demo.truongso.vn'
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'

/** A fresh random password that passes the policy; generated per installation, never committed. */
export function generatePassword(length = 14): string {
  let out = 'Ts-'
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]
  return out
}

/** The accounts the demo should have, reusing passwords already written to the file. */
export function planDemoAccounts(previous: readonly DemoAccount[]): DemoAccount[] {
  const known = new Map(previous.map((account) => [account.email, account]))
  const pick = (email: string) => known.get(email)?.password ?? generatePassword()
  const accounts: DemoAccount[] = DISTRICT_PLAN.map(({ role, mailbox, fullName }) => {
    const email = `${mailbox}.phong@${DEMO_DOMAIN}`
    return { email, password: pick(email), roles: [role], school: null, fullName, tier: DISTRICT_TIER }
  })
  for (const { role, mailbox, fullName, tier } of WARD_OFFICER_PLAN) {
    const email = `${mailbox}@${DEMO_DOMAIN}`
    accounts.push({ email, password: pick(email), roles: [role], school: null, fullName, tier })
  }
  for (const slug of DEMO_SCHOOLS) {
    for (const { role, mailbox, fullName, department } of SCHOOL_ROLE_PLAN) {
      const email = `${mailbox}.${slug}@${DEMO_DOMAIN}`
      const account: DemoAccount = { email, password: pick(email), roles: [role], school: slug, fullName }
      if (department) account.department = department
      accounts.push(account)
    }
  }
  return accounts
}

export function readDemoAccounts(file: string): DemoAccount[] {
  if (!existsSync(file)) return []
  const parsed = z.array(demoAccountSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data : []
}

/** Creates the missing demo accounts and writes every account's credentials to `file`. */
export async function seedDemoAccounts(
  req: PayloadRequest,
  schoolIds: ReadonlyMap<string, number | string>,
  file: string,
  tiers: ReadonlyMap<string, number | string> = new Map(),
): Promise<DemoAccount[]> {
  const previous = readDemoAccounts(file)
  const knownPasswords = new Map(previous.map((a) => [a.email, a.password]))
  const accounts = planDemoAccounts(previous)
  const { payload } = req
  for (const account of accounts) {
    const found = await payload.find({
      collection: 'users',
      where: { email: { equals: account.email } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const existing = found.docs[0]
    if (existing) {
      // The credentials file was lost while the database was kept: give the account the new
      // password so the file stays true (it is still one an admin set, so the reminder stays).
      if (knownPasswords.get(account.email) !== account.password) {
        await payload.update({ collection: 'users', id: existing.id, overrideAccess: true, req, data: { password: account.password } as never })
      }
      // A district account from before the tiers: place it in its tier.
      if (account.tier && !existing.tier && tiers.has(account.tier)) {
        await payload.update({ collection: 'users', id: existing.id, overrideAccess: true, req, data: { tier: tiers.get(account.tier) } as never })
      }
      continue
    }
    const schoolId = account.school ? schoolIds.get(account.school) : undefined
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      req,
      data: {
        email: account.email,
        password: account.password,
        fullName: account.fullName ?? account.email,
        districtRoles: account.school ? [] : (account.roles as DistrictRole[]),
        ...(account.tier && tiers.has(account.tier) ? { tier: tiers.get(account.tier) } : {}),
        memberships:
          schoolId === undefined
            ? []
            : [{ school: schoolId, roles: account.roles as SchoolRole[], department: account.department ? await seedDepartment(req, schoolId, account.department) : null }],
      } as never,
    })
  }
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 })
  return accounts
}
