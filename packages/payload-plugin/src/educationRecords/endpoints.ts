import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { addDays, dayOf, mondayOf } from '../calendar/days.ts'
import { managesSchool } from '../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../roles.ts'
import { slotsForTeachersWeek } from '../teaching/timetable/week.ts'
import { errorResponse, errorResponseText, issueDetails } from '../translations/errorResponse.ts'
import { jsonBody } from '../validation/jsonBody.ts'
import type { WorkflowOptions } from '../workflow/options.ts'
import { performRecordTransition, type ReviewedRecord } from '../workflow/recordTransition.ts'
import { BOARD_ONLY, LEADER_THEN_BOARD } from '../workflow/rules.ts'
import { WorkflowRefusal } from '../workflow/transition.ts'
import { ledDepartmentIds } from './access.ts'
import { createDocumentTree } from './createTree.ts'
import { expectedLessons, isLateSubmission, lessonPlanDeadline, weekCounts, type PlanForCount } from './lessonPlanRules.ts'
import { teachersOfSchool } from './teachers.ts'
import { DOCUMENT_FOLDERS_SLUG, EDUCATION_DOCUMENTS_SLUG, EDUCATION_FILES_SLUG, EVENT_FIELD, LESSON_PLANS_SLUG } from './slugs.ts'

type ID = number | string
type AnyDoc = Record<string, unknown> & { id: ID }

const transitionBody = z.object({ action: z.enum(['submit', 'approve', 'return']), reason: z.string().max(2000).nullish() })

/** The lesson plans' chain is fixed (teacher → team leader → board); a document's is its folder's. */
const lessonPlanRecord: ReviewedRecord = {
  collection: LESSON_PLANS_SLUG,
  eventField: EVENT_FIELD[LESSON_PLANS_SLUG],
  authorField: 'teacher',
  chain: LEADER_THEN_BOARD,
  files: { collection: EDUCATION_FILES_SLUG, ownerField: 'lessonPlan' },
  adminPath: () => '/lesson-plans',
  // Late is judged on the first time it is handed in.
  extraData: (doc, to, now) => (to === 'submitted' || to === 'leader-approved') && !doc.submittedAt ? { submittedAt: now.toISOString(), late: isLateSubmission(now, new Date(String(doc.deadline))) } : {},
}

/** How a record of `collection` is reviewed: a lesson plan's chain is fixed, a document's is its folder's. */
export async function reviewedRecord(req: PayloadRequest, collection: typeof EDUCATION_DOCUMENTS_SLUG | typeof LESSON_PLANS_SLUG, id: ID): Promise<ReviewedRecord> {
  return collection === LESSON_PLANS_SLUG ? lessonPlanRecord : documentRecord(req, id)
}

async function documentRecord(req: PayloadRequest, id: ID): Promise<ReviewedRecord> {
  const doc = (await req.payload.findByID({ collection: EDUCATION_DOCUMENTS_SLUG as never, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
  const folder = doc ? ((await req.payload.findByID({ collection: DOCUMENT_FOLDERS_SLUG as never, id: relationId(doc.folder)!, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null) : null
  return {
    collection: EDUCATION_DOCUMENTS_SLUG,
    eventField: EVENT_FIELD[EDUCATION_DOCUMENTS_SLUG],
    authorField: 'author',
    chain: folder?.approval === 'leader-then-board' ? LEADER_THEN_BOARD : BOARD_ONLY,
    files: { collection: EDUCATION_FILES_SLUG, ownerField: 'document' },
    adminPath: () => '/education-records',
  }
}

/** POST /api/education-documents/:id/review and /api/lesson-plans/:id/review  { action: submit|approve|return, reason? } */
export function recordReviewEndpoint(collection: typeof EDUCATION_DOCUMENTS_SLUG | typeof LESSON_PLANS_SLUG, options: WorkflowOptions): Endpoint {
  return {
    path: '/:id/review',
    method: 'post',
    handler: async (req) => {
      if (!req.user) return errorResponse(req, 401, 'workflow.not-in-school')
      const parsed = transitionBody.safeParse(await jsonBody(req))
      if (!parsed.success) return errorResponse(req, 400, 'workflow.bad-request', { details: issueDetails(req, parsed.error.issues) })
      const id = String(req.routeParams?.id ?? '')
      try {
        const record = await reviewedRecord(req, collection, id)
        const result = await performRecordTransition(req, record, { id, ...parsed.data }, options)
        return Response.json({ ok: true, ...result })
      } catch (error) {
        if (error instanceof WorkflowRefusal) return errorResponseText(error.status, error.message, {}, error.data)
        throw error
      }
    },
  }
}

const treeBody = z.object({ school: z.union([z.number(), z.string().min(1)]), schoolYear: z.string().regex(/^\d{4}-\d{4}$/) })

/** POST /api/document-folders/tree  { school, schoolYear }: the board or school admin makes the year's tree. */
export const createTreeEndpoint: Endpoint = {
  path: '/tree',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'workflow.not-in-school')
    const parsed = treeBody.safeParse(await jsonBody(req))
    if (!parsed.success) return errorResponse(req, 400, 'workflow.bad-request', { details: issueDetails(req, parsed.error.issues) })
    if (!managesSchool(actor, parsed.data.school)) return errorResponse(req, 403, 'workflow.not-board')
    return Response.json(await createDocumentTree(req, parsed.data))
  },
}

/**
 * GET /api/lesson-plans/week?weekStart=YYYY-MM-DD[&school=][&department=]: per teacher, the week's
 * lesson plans against the lessons of their timetable — a teacher their own, a team leader their
 * department's, the board and school admin the school's.
 */
export const lessonPlanWeekEndpoint: Endpoint = {
  path: '/week',
  method: 'get',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 401, 'workflow.not-in-school')
    const day = dayOf(req.searchParams.get('weekStart'))
    if (!day) return errorResponse(req, 400, 'plans.bad-week')
    const monday = mondayOf(day)
    const schools = schoolsWhereUserHas(actor)
    const school = req.searchParams.get('school') ?? (schools[0] !== undefined ? String(schools[0]) : null)
    if (school === null || !schools.some((s) => String(s) === school)) return errorResponse(req, 403, 'workflow.not-in-school')
    const manager = managesSchool(actor, school)
    const led = ledDepartmentIds(actor).map(String)
    const department = req.searchParams.get('department')
    const teachers = (await teachersOfSchool(req, school))
      .filter((t) => {
        if (department && String(t.department) !== department) return false
        if (manager) return true
        if (t.department !== null && led.includes(String(t.department))) return true
        return String(t.id) === String(actor.id)
      })
    const ids = teachers.map((t) => t.id)
    const [slots, plans] = await Promise.all([
      slotsForTeachersWeek(req, ids, monday),
      req.payload.find({ collection: LESSON_PLANS_SLUG as never, where: { and: [{ teacher: { in: ids } }, { weekStart: { equals: monday } }] }, depth: 0, pagination: false, sort: 'title', overrideAccess: true, req }),
    ])
    const deadline = lessonPlanDeadline(monday)
    const now = new Date()
    const rows = teachers.map((t) => {
      const own = (plans.docs as unknown as AnyDoc[]).filter((p) => String(relationId(p.teacher)) === String(t.id))
      const counts = weekCounts(expectedLessons(slots.get(String(t.id)) ?? []), own.map((p): PlanForCount => ({ subject: relationId(p.subject)!, workflowState: p.workflowState as PlanForCount['workflowState'], late: Boolean(p.late), submittedAt: (p.submittedAt as string | null) ?? null })), deadline, now)
      return { teacher: { id: t.id, name: t.name }, ...counts, plans: own.map((p) => ({ id: p.id, title: p.title, state: p.workflowState, late: Boolean(p.late), lastReturnReason: p.lastReturnReason ?? null, versionCount: p.versionCount ?? 0 })) }
    })
    return Response.json({ weekStart: monday, weekEnd: addDays(monday, 5), deadline: deadline.toISOString(), teachers: rows })
  },
}
