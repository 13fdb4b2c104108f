import type { PayloadRequest } from 'payload'

import { termCalendar, type TermRow } from '../../gradebook/progress/deadlines.ts'
import { relationId } from '../../roles.ts'

/** The term (hk1/hk2) of the school's year that holds the day (the school-years document's term dates, as days in Vietnam), or null outside both. */
export async function termOfDay(req: PayloadRequest, school: unknown, schoolYear: string, day: string): Promise<'hk1' | 'hk2' | null> {
  const found = await req.payload.db.findOne({
    collection: 'school-years',
    where: { and: [{ school: { equals: relationId(school) } }, { name: { equals: schoolYear } }] },
    req,
  })
  const terms = (found as { terms?: TermRow[] } | null)?.terms ?? []
  for (const term of ['hk1', 'hk2'] as const) {
    const calendar = termCalendar(terms, term)
    if (calendar && calendar.start <= day && day <= calendar.end) return term
  }
  return null
}
