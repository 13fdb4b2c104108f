import { addDays } from '../calendar/days.ts'
import type { RecordReviewState } from '../workflow/states.ts'

/**
 * The rules of lesson plans (giáo án; issue 15 item 5), pure:
 * - due before a weekday of the week before they are taught: by default before Wednesday of the
 *   previous week (seed 004), i.e. at 00:00 Vietnam time on that Wednesday, `daysBefore` = 5 days
 *   before the teaching week's Monday; a school may choose another number of days;
 * - late: first handed in ("gửi kiểm tra") after the deadline; a plan returned and handed in again
 *   keeps its first time;
 * - expected: one plan per lesson the teacher teaches that week, counted per subject of a grade
 *   (a plan serves every class of the grade): the most periods of that subject any one of their
 *   classes has in the week's timetable;
 * - missing: expected lessons without a handed-in plan once the deadline has passed (before it they
 *   are "not yet").
 */

export const DEFAULT_LESSON_PLAN_DAYS_BEFORE = 5

/** The deadline (an instant) of the lesson plans of the week starting `monday` (YYYY-MM-DD). */
export function lessonPlanDeadline(monday: string, daysBefore: number = DEFAULT_LESSON_PLAN_DAYS_BEFORE): Date {
  return new Date(`${addDays(monday, -daysBefore)}T00:00:00+07:00`)
}

export const isLateSubmission = (submittedAt: Date, deadline: Date): boolean => submittedAt.getTime() > deadline.getTime()

type ID = number | string
export type ExpectedSlot = { class: { id: ID }; subject: { id: ID } }

/** Lessons expected per subject (a subject record is one subject of one grade and year). */
export function expectedLessons(slots: readonly ExpectedSlot[]): Map<string, number> {
  const perClass = new Map<string, Map<string, number>>()
  for (const slot of slots) {
    const subject = String(slot.subject.id)
    const classes = perClass.get(subject) ?? new Map<string, number>()
    classes.set(String(slot.class.id), (classes.get(String(slot.class.id)) ?? 0) + 1)
    perClass.set(subject, classes)
  }
  return new Map([...perClass].map(([subject, classes]) => [subject, Math.max(...classes.values())]))
}

export type PlanForCount = { subject: ID; workflowState: RecordReviewState; late: boolean; submittedAt: string | null }
export type WeekCounts = { expected: number; handedIn: number; approved: number; inReview: number; returned: number; drafts: number; late: number; missing: number; notYet: number }

const HANDED_IN: readonly RecordReviewState[] = ['submitted', 'leader-approved', 'approved']

/** One teacher's week (or a department's, summed by the caller). */
export function weekCounts(expected: Map<string, number>, plans: readonly PlanForCount[], deadline: Date, now: Date): WeekCounts {
  const handedIn = plans.filter((p) => HANDED_IN.includes(p.workflowState) || (p.workflowState === 'returned' && p.submittedAt))
  // A plan returned for revision was handed in (it counts against "missing") but is not approved.
  let open = 0
  for (const [subject, count] of expected) {
    const covered = handedIn.filter((p) => String(p.subject) === subject).length
    open += Math.max(0, count - covered)
  }
  const passed = now.getTime() > deadline.getTime()
  return {
    expected: [...expected.values()].reduce((a, b) => a + b, 0),
    handedIn: handedIn.length,
    approved: plans.filter((p) => p.workflowState === 'approved').length,
    inReview: plans.filter((p) => p.workflowState === 'submitted' || p.workflowState === 'leader-approved').length,
    returned: plans.filter((p) => p.workflowState === 'returned').length,
    drafts: plans.filter((p) => p.workflowState === 'draft').length,
    late: plans.filter((p) => p.late).length,
    missing: passed ? open : 0,
    notYet: passed ? 0 : open,
  }
}
