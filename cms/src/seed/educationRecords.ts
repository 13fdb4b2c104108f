import {
  addDays,
  createDocumentTree,
  DOCUMENT_FOLDERS_SLUG,
  EDUCATION_DOCUMENTS_SLUG,
  EDUCATION_FILES_SLUG,
  LESSON_PLANS_SLUG,
  makePlainPdf,
  mondayOf,
  performRecordTransition,
  reviewedRecord,
  vietnamDay,
} from '@truongso/payload-plugin'
import type { PayloadRequest } from 'payload'

type ID = number | string
type Doc = Record<string, unknown> & { id: ID }
type Step = ['submit' | 'approve' | 'return', Who, string?]
type Who = 'teacher' | 'leader' | 'board' | 'staff'
export type EducationRecordsPeople = Record<Who, ID | null>
export type EducationRecordsSeed = { folders: number; documents: number; files: number; lessonPlans: number }

/**
 * The education records' demo (issue 15 item 8) for a school with records: the year's document tree
 * from the template, a few documents in each state (an approved school plan, one waiting for the
 * board, a department plan waiting, a teacher's plan returned with a note, an incoming letter filed
 * without review), and the demo teacher's lesson plans: the coming week's in every state, and this
 * week's with two handed in late (the rest missing). Everything goes through the same code as the
 * API (the tree, the upload checks, the review steps), acting as the demo accounts; e-mails are not
 * sent. Runs in the school's seed transaction.
 */
export async function seedEducationRecords(req: PayloadRequest, school: ID, schoolYear: string, people: EducationRecordsPeople, today = vietnamDay()): Promise<EducationRecordsSeed> {
  const { payload } = req
  const none = { folders: 0, documents: 0, files: 0, lessonPlans: 0 }
  const existing = await payload.db.count({ collection: DOCUMENT_FOLDERS_SLUG, where: { school: { equals: school } }, req })
  if (existing.totalDocs > 0 || !people.board) return none
  const users = new Map<Who, Doc>()
  for (const [who, id] of Object.entries(people) as [Who, ID | null][]) {
    if (id !== null) users.set(who, { ...((await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true, req })) as unknown as Doc), collection: 'users' })
  }
  const workflow = { ...(payload.config.custom?.truongsoWorkflow as Parameters<typeof performRecordTransition>[3]), notify: false }
  const previousUser = req.user
  const as = async <T>(who: Who, fn: () => Promise<T>): Promise<T> => {
    req.user = (users.get(who) ?? users.get('board')) as never
    try {
      return await fn()
    } finally {
      req.user = previousUser
    }
  }
  const counts = { ...none }
  const upload = async (who: Who, owner: { document?: ID; lessonPlan?: ID }, name: string) =>
    as(who, async () => {
      const data = makePlainPdf({ text: `${name} ${counts.files + 1}` })
      await payload.create({ collection: EDUCATION_FILES_SLUG as never, data: owner as never, file: { data, mimetype: 'application/pdf', name: `${name}.pdf`, size: data.length }, req })
      counts.files++
    })
  const review = async (collection: typeof EDUCATION_DOCUMENTS_SLUG | typeof LESSON_PLANS_SLUG, id: ID, steps: Step[]) => {
    for (const [action, who, reason] of steps) {
      await as(who, async () => performRecordTransition(req, await reviewedRecord(req, collection, id), { id, action, reason }, workflow))
    }
  }

  const tree = await as('board', () => createDocumentTree(req, { school, schoolYear }))
  counts.folders = tree.created
  const folders = (await payload.find({ collection: DOCUMENT_FOLDERS_SLUG as never, where: { and: [{ school: { equals: school } }, { schoolYear: { equals: schoolYear } }] }, depth: 0, pagination: false, overrideAccess: true, req })).docs as unknown as Doc[]
  const folderOf = (templateKey: string, match: (f: Doc) => boolean = () => true) => folders.find((f) => f.templateKey === templateKey && match(f))
  const leaderDepartment = (users.get('leader')?.memberships as { school: unknown; department?: unknown }[] | undefined)?.find((m) => String(m.school) === String(school))?.department
  const documents: { who: Who; folder: Doc | undefined; title: string; steps: Step[] }[] = [
    { who: 'board', folder: folderOf('ke-hoach-nam-hoc'), title: `Kế hoạch năm học ${schoolYear}`, steps: [['submit', 'board'], ['approve', 'board']] },
    { who: 'board', folder: folderOf('ke-hoach-giao-duc'), title: `Kế hoạch giáo dục nhà trường ${schoolYear}`, steps: [['submit', 'board']] },
    { who: 'leader', folder: folderOf('ke-hoach-to', (f) => String(f.department) === String(leaderDepartment)), title: `Kế hoạch giáo dục của tổ ${schoolYear}`, steps: [['submit', 'leader']] },
    {
      who: 'teacher',
      folder: folderOf('ke-hoach-gv', (f) => String(f.owner) === String(people.teacher)),
      title: `Kế hoạch giáo dục của giáo viên ${schoolYear}`,
      steps: [['submit', 'teacher'], ['approve', 'leader'], ['return', 'board', 'Bổ sung phân phối chương trình học kỳ II và hoạt động trải nghiệm.']],
    },
    { who: 'staff', folder: folderOf('van-ban-den'), title: 'Công văn hướng dẫn nhiệm vụ năm học của Phòng GDĐT', steps: [] },
  ]
  for (const { who, folder, title, steps } of documents) {
    if (!folder || !users.has(who)) continue
    const doc = await as(who, () => payload.create({ collection: EDUCATION_DOCUMENTS_SLUG as never, data: { title, folder: folder.id } as never, depth: 0, req }))
    counts.documents++
    await upload(who, { document: doc.id as ID }, title)
    await review(EDUCATION_DOCUMENTS_SLUG, doc.id as ID, steps)
  }

  // The demo teacher's lesson plans, for their first subject.
  if (people.teacher !== null && people.leader !== null) {
    const assignment = (await payload.find({ collection: 'teaching-assignments', where: { and: [{ teacher: { equals: people.teacher } }, { schoolYear: { equals: schoolYear } }] }, sort: 'id', limit: 1, depth: 0, overrideAccess: true, req })).docs[0] as Doc | undefined
    if (assignment) {
      const thisWeek = mondayOf(today)
      const comingWeek = addDays(thisWeek, 14)
      const plans: { week: string; lesson: number; steps: Step[] }[] = [
        { week: thisWeek, lesson: 21, steps: [['submit', 'teacher'], ['approve', 'leader']] },
        { week: thisWeek, lesson: 22, steps: [['submit', 'teacher']] },
        { week: comingWeek, lesson: 27, steps: [] },
        { week: comingWeek, lesson: 28, steps: [['submit', 'teacher']] },
        { week: comingWeek, lesson: 29, steps: [['submit', 'teacher'], ['approve', 'leader']] },
        { week: comingWeek, lesson: 30, steps: [['submit', 'teacher'], ['approve', 'leader'], ['approve', 'board']] },
        { week: comingWeek, lesson: 31, steps: [['submit', 'teacher'], ['return', 'leader', 'Bổ sung phần vận dụng và phiếu học tập.']] },
      ]
      for (const { week, lesson, steps } of plans) {
        const plan = await as('teacher', () => payload.create({ collection: LESSON_PLANS_SLUG as never, data: { subject: assignment.subject, weekStart: week, lessonNumber: lesson } as never, depth: 0, req }))
        counts.lessonPlans++
        await upload('teacher', { lessonPlan: plan.id as ID }, `giao-an-tiet-${lesson}`)
        await review(LESSON_PLANS_SLUG, plan.id as ID, steps)
      }
    }
  }
  return counts
}
