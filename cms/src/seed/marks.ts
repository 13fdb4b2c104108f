import { LOCK_SCHEDULE_CONTEXT, MARK_CHANGE_REASON, MARK_CHANGE_SOURCE, primaryPeriodicTests, regularSlots, relationId, TRUSTED_WRITE } from '@truongso/payload-plugin'
import type { PayloadRequest } from 'payload'

import { prng } from './records.ts'

type ID = number | string

/**
 * Term I marks for the class-subjects of a school's demo teachers, so the gradebook shows a living
 * term on the first start: the first class-subject is up to date (every TX so far and the mid-term),
 * the next has half its TX and the mid-term, the others are behind (one TX, no mid-term). Primary
 * classes get their mid-term I level (and test score where the grade has one) in the same pattern.
 * Written through the Local API in the school's transaction, as trusted imports, so every value has
 * its entry in the school's mark history.
 */
export async function seedDemoMarks(req: PayloadRequest, schoolId: ID, schoolYear: string, stt: number): Promise<number> {
  const { payload } = req
  const assignments = await payload.find({
    collection: 'teaching-assignments',
    where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }] },
    sort: 'id',
    pagination: false,
    depth: 1,
    overrideAccess: true,
    req,
  })
  const random = prng(stt * 104_729)
  const half = () => Math.round((5 + random() * 5) * 2) / 2 // 5.0 … 10.0 in halves, as teachers mark
  const y1 = Number(schoolYear.slice(0, 4))
  const txDates = [`${y1}-09-22`, `${y1}-10-13`, `${y1}-11-03`, `${y1}-11-24`]
  const context = { [MARK_CHANGE_SOURCE]: 'import', [MARK_CHANGE_REASON]: 'Dữ liệu mẫu (demo)' }
  let written = 0
  for (const [index, assignment] of assignments.docs.entries()) {
    const subject = assignment.subject as unknown as { id: ID; kind: string; grade: number; periodsPerYear?: number | null; name: string }
    const klass = relationId(assignment.class)!
    const enrolled = await payload.find({
      collection: 'enrolments',
      where: { and: [{ class: { equals: klass } }, { endDate: { exists: false } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const progress = index === 0 ? 'up-to-date' : index === 1 ? 'half' : 'behind'
    for (const enrolment of enrolled.docs) {
      const data: Record<string, unknown> = { school: schoolId, student: relationId(enrolment.student), class: klass, subject: subject.id, schoolYear, term: 'hk1' }
      if (subject.kind === 'primary') {
        if (progress === 'behind') continue
        if (progress === 'half' && random() < 0.5) continue
        const level = random()
        data.midTermLevel = level < 0.35 ? 'HTT' : level < 0.93 ? 'HT' : 'CHT'
        // A test score where the engine's catalogue has a mid-term I test for the subject and grade.
        if (primaryPeriodicTests(subject as never).includes('mid-term-1')) data.midTermTest = Math.round(5 + random() * 5)
      } else {
        const slots = regularSlots(subject as never)
        const due = Math.min(slots, txDates.length)
        const entered = progress === 'up-to-date' ? due : progress === 'half' ? Math.ceil(due / 2) : 1
        const value = () => (subject.kind === 'comment' ? (random() < 0.95 ? 'Đ' : 'CĐ') : half())
        data.regular = Array.from({ length: entered }, (_, i) => ({ value: value(), date: txDates[i] }))
        if (progress !== 'behind') data.midTerm = { value: value(), date: `${y1}-11-05` }
      }
      await payload.create({ collection: 'marks', data: data as never, overrideAccess: true, req, context })
      written++
    }
  }
  return written
}

/**
 * The school year's lock calendar, as a board would set it: term I's mid-term column locked on
 * 20 November (already passed: applied), the rest at the end of each term. Written after the marks
 * (a lock refuses even trusted writes). Then one pending correction: the demo teacher asks to change
 * a locked mid-term mark of their first class, so the principal's queue has something to decide.
 */
export async function seedLockCalendar(req: PayloadRequest, schoolId: ID, schoolYear: string, teacher: ID | null): Promise<void> {
  const { payload } = req
  const [y1, y2] = schoolYear.split('-').map(Number) as [number, number]
  const at = (date: string) => `${date}T17:00:00.000Z` // midnight in Vietnam (UTC+7) the next day
  const calendar: { term: 'hk1' | 'hk2'; kind: string; lockAt: string }[] = [
    { term: 'hk1', kind: 'midTerm', lockAt: at(`${y1}-11-19`) },
    { term: 'hk1', kind: 'regular', lockAt: at(`${y2}-01-10`) },
    { term: 'hk1', kind: 'endTerm', lockAt: at(`${y2}-01-14`) },
    { term: 'hk1', kind: 'conduct', lockAt: at(`${y2}-01-14`) },
    { term: 'hk1', kind: 'termResults', lockAt: at(`${y2}-01-17`) },
    { term: 'hk2', kind: 'midTerm', lockAt: at(`${y2}-03-31`) },
    { term: 'hk2', kind: 'regular', lockAt: at(`${y2}-05-20`) },
    { term: 'hk2', kind: 'endTerm', lockAt: at(`${y2}-05-24`) },
    { term: 'hk2', kind: 'conduct', lockAt: at(`${y2}-05-24`) },
    { term: 'hk2', kind: 'termResults', lockAt: at(`${y2}-05-28`) },
  ]
  const now = Date.now()
  for (const entry of calendar) {
    const due = new Date(entry.lockAt).getTime() <= now
    // A date already passed is applied as the scheduled job would have applied it.
    await payload.create({
      collection: 'mark-locks' as never,
      data: { school: schoolId, schoolYear, ...entry, locked: due } as never,
      overrideAccess: true,
      req,
      context: due ? { [LOCK_SCHEDULE_CONTEXT]: true } : {},
    })
  }
  if (teacher === null) return
  const firstMark = await payload.find({
    collection: 'marks',
    where: { and: [{ school: { equals: schoolId } }, { schoolYear: { equals: schoolYear } }, { term: { equals: 'hk1' } }, { midTerm: { exists: true } }] },
    sort: 'id',
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const mark = firstMark.docs[0] as { id: ID; midTerm?: { value?: unknown } | null } | undefined
  if (!mark || typeof mark.midTerm?.value !== 'number' || new Date(calendar[0]!.lockAt).getTime() > now) return
  await payload.create({
    collection: 'mark-corrections' as never,
    data: {
      mark: mark.id,
      field: 'midTerm',
      newValue: Math.min(10, mark.midTerm.value + 1),
      reason: 'Chấm sót câu 3 của bài kiểm tra giữa kì; đề nghị cộng 1 điểm (bài làm đính kèm bản scan khi nộp giấy).',
      requestedBy: teacher,
    } as never,
    overrideAccess: true,
    req,
    context: { [TRUSTED_WRITE]: true },
  })
}

