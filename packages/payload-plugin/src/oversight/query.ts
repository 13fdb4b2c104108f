import { z } from 'zod'

import type { PayloadRequest } from 'payload'

import { currentUser, isDistrictUser, relationId, type RoleHolder } from '../roles.ts'
import { currentSchoolYear, isSchoolYear } from '../website/schoolYear.ts'
import type { Term } from './dashboard.ts'
import { TIERS_SLUG } from './slugs.ts'

/** The term a date falls in, as schools count it: term I from August to mid-January, term II after. */
export function termOfDate(now: Date = new Date()): Term {
  const month = now.getUTCMonth() + 1
  return month >= 8 || (month === 1 && now.getUTCDate() <= 15) ? 1 : 2
}

/** ?schoolYear=2026-2027&term=1|2&level=TH&behind=1 — what the dashboard, its API and the reports are asked. */
export const oversightQuerySchema = z.object({
  schoolYear: z.string().refine(isSchoolYear, 'oversight.bad-year').optional(),
  term: z.enum(['1', '2']).optional(),
  level: z.enum(['MG', 'MN', 'TH', 'THCS', 'TH-THCS', 'preschool']).optional(),
  behind: z.enum(['0', '1']).optional(),
  school: z.string().regex(/^[\w-]{1,64}$/).optional(),
})

export type OversightParams = { schoolYear: string; term: Term; level?: string; behindOnly: boolean; school?: string }

export function oversightParams(input: z.infer<typeof oversightQuerySchema>, now = new Date()): OversightParams {
  return {
    schoolYear: input.schoolYear ?? currentSchoolYear(now),
    term: input.term ? (Number(input.term) as Term) : termOfDate(now),
    level: input.level,
    behindOnly: input.behind === '1',
    school: input.school,
  }
}

/** Who reads the oversight figures: the officers and admins of a tier, for its schools. */
export function oversightReader(req: { user?: unknown }): RoleHolder | null {
  const actor = currentUser(req)
  return isDistrictUser(actor) ? actor : null
}

/** The reader's own tier as reports and e-mails name it; null for an account without one. */
export type ReaderTier = { id: number | string; code: string | null; name: string; kind: string | null; superior: string; place: string }
export async function tierOfReader(req: PayloadRequest, actor: RoleHolder): Promise<ReaderTier | null> {
  const id = relationId((actor as { tier?: unknown }).tier)
  if (id === null) return null
  const doc = (await req.payload.findByID({ collection: TIERS_SLUG, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as Record<string, unknown> | null
  if (!doc) return null
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  return { id, code: text(doc.code) || null, name: text(doc.name), kind: text(doc.kind) || null, superior: text(doc.superior), place: text(doc.place) }
}

/** A level filter: "preschool" groups MG and MN, as the office reads them together. */
export function matchesLevel(level: string, filter: string | undefined): boolean {
  if (!filter) return true
  if (filter === 'preschool') return level === 'MG' || level === 'MN'
  return level === filter
}
