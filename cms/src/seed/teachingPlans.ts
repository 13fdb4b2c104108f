import { addDays, generatePlan, isLate, PlanRefusal } from '@truongso/payload-plugin'
import type { PayloadRequest } from 'payload'

import { vietnamTime } from './teachingWeeks.ts'

type ID = number | string

/** Whose plans get the demo's particular states: the demo teacher's, acknowledged by the demo principal. */
export type PlanPeople = { teacher: ID | null; board: ID | null }

const same = (a: ID | null, b: ID | null) => a !== null && b !== null && String(a) === String(b)

/**
 * The weekly teaching plans of the demo (issue 14 item 8), built by the server's own generator
 * (teaching/plans/generate.ts: the timetable's lessons, the next PPCT lessons continuing from the
 * earlier week, the school's deadline), for every teacher with lessons, over the two seeded weeks:
 * - handed in on the Saturday evening before the week and acknowledged by the board on its Monday;
 * - except the demo teacher's plan of the latest week: handed in on Monday after period 1, past the
 *   deadline (late), waiting for the board — the one late plan of the board's status view;
 * - and the demo teacher's plan of the following week (today's, usually) generated and left a draft,
 *   so the demo shows a plan still to be checked and handed in. The other teachers have none yet.
 * The state is written as the submit and acknowledge endpoints write it (status, submittedAt, late,
 * acknowledgedBy, acknowledgedAt, boardNote), on the adapter: the rows and titles are untouched.
 */
export async function seedTeachingPlans(req: PayloadRequest, teachers: readonly ID[], weeks: { earlier: string; latest: string; next: string }, people: PlanPeople): Promise<number> {
  let written = 0
  // The earlier week first: the latest one continues its lesson numbers.
  for (const monday of [weeks.earlier, weeks.latest]) {
    for (const teacher of teachers) {
      const { doc } = await generatePlan(req, teacher, monday)
      written++
      const lateOne = monday === weeks.latest && same(teacher, people.teacher)
      const submittedAt = lateOne ? vietnamTime(monday, '09:40') : vietnamTime(addDays(monday, -2), '20:15')
      const acknowledged = !lateOne && people.board !== null
      const data = {
        status: acknowledged ? 'acknowledged' : 'submitted',
        submittedAt,
        late: isLate(submittedAt, String(doc.deadline)),
        ...(acknowledged ? { acknowledgedBy: people.board, acknowledgedAt: vietnamTime(monday, '10:30'), boardNote: monday === weeks.earlier && !same(teacher, people.teacher) ? 'Kế hoạch đầy đủ, bám sát PPCT.' : null } : {}),
        updatedAt: new Date().toISOString(),
      }
      await req.payload.db.updateOne({ collection: 'teaching-plans', id: doc.id as ID, data, req, returning: false })
    }
  }
  if (people.teacher !== null && teachers.some((teacher) => same(teacher, people.teacher))) {
    try {
      await generatePlan(req, people.teacher, weeks.next)
      written++
    } catch (error) {
      // No lessons that week (past the school year): no draft.
      if (!(error instanceof PlanRefusal)) throw error
    }
  }
  return written
}
