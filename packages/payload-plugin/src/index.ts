import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import type { CollectionConfig, Config, Plugin } from 'payload'

import { canEditSchoolRoles } from './accounts/access.ts'
import { withSameSchoolRelations } from './schools/sameSchoolRelations.ts'
import { applyVietnameseDateFormats } from './admin/dates.ts'
import { applyNavigationRules } from './admin/navigation.ts'
import { disclosuresCollection } from './website/Disclosures.ts'
import { documentsCollection } from './website/Documents.ts'
import { FEEDBACK_SLUG, feedbackCollection } from './website/Feedback.ts'
import { introductionsCollection } from './website/Introductions.ts'
import { mediaCollection } from './website/Media.ts'
import { postsCollection } from './website/Posts.ts'
import { schoolsCollection } from './schools/Schools.ts'
import { siteBuildsCollection } from './sites/SiteBuilds.ts'
import { siteBuildLocksCollection } from './sites/SiteBuildLocks.ts'
import { membershipRowFields, usersCollection } from './accounts/Users.ts'
import { workflowEventsCollection } from './workflow/WorkflowEvents.ts'
import { markHistoryCollection, markHistoryHeadsCollection } from './gradebook/MarkHistory.ts'
import { withMarkHistoryHead } from './gradebook/history.ts'
import { withSchoolResults } from './gradebook/resultsEndpoints.ts'
import { resolveOptions } from './defaults.ts'
import { classesCollection } from './records/Classes.ts'
import { departmentsCollection } from './records/Departments.ts'
import { enrolmentsCollection } from './records/Enrolments.ts'
import { RECORD_COLLECTIONS } from './records/fields.ts'
import { recordAccessLogsCollection } from './records/RecordAccessLogs.ts'
import { recordPhotosCollection } from './records/RecordPhotos.ts'
import { SYLLABI_SLUG, syllabiCollection } from './teaching/syllabus/Syllabi.ts'
import { schoolYearsCollection } from './records/SchoolYears.ts'
import { staffCollection } from './records/Staff.ts'
import { studentsCollection } from './records/Students.ts'
import { subjectsCollection } from './records/Subjects.ts'
import { teachingAssignmentsCollection } from './records/TeachingAssignments.ts'
import { GRADEBOOK_COLLECTIONS, marksCollection, studentTermRecordsCollection } from './gradebook/collections.ts'
import { withServerCheckedRelations } from './gradebook/serverCheckedRelations.ts'
import { ATTENDANCE_SLUG, attendanceFeedEndpoint, attendanceSessionsCollection } from './teaching/attendance/index.ts'
import { MARK_LOCKS_SLUG, markLocksCollection } from './gradebook/MarkLocks.ts'
import { applyMarkLocksTask, markLocksAutoRun } from './gradebook/lockCalendar.ts'
import { markCorrectionsCollection } from './gradebook/MarkCorrections.ts'
import { CORRECTION_ATTACHMENTS_SLUG, correctionAttachmentsCollection } from './gradebook/CorrectionAttachments.ts'
import { MARK_CORRECTIONS_SLUG } from './gradebook/corrections.ts'
import { CLASS_RESULTS_APPROVALS_SLUG, classResultsApprovalsCollection } from './gradebook/approvals.ts'
import { GRADEBOOK_VIEW_PATH, withGridEndpoints } from './gradebook/grid/index.ts'
import { TIMETABLE_COLLECTIONS, TIMETABLE_NOTICES_SLUG, timetableNoticesCollection, timetablesCollection, timetableSlotsCollection } from './teaching/timetable/index.ts'
import { TEACHING_PLAN_COLLECTIONS, teachingPlansCollection, teachingSettingsCollection } from './teaching/plans/index.ts'
import { CLASS_LOG_COLLECTIONS, classLogsCollection, classLogWeeksCollection } from './teaching/classLog/index.ts'
import { GRADEBOOK_PROGRESS_PATH, progressEndpoint } from './gradebook/progress/index.ts'
import { publicHolidaysGlobal } from './website/publicHolidays.ts'
import { BOOK_ARCHIVES_SLUG, BOOKS_QUEUE, bookArchivesCollection, buildArchiveTask, withBookEndpoints } from './books/index.ts'
import { educationRecordsCollections, educationRecordsGlobals, EDUCATION_RECORD_COLLECTIONS, REVIEWED_RECORD_COLLECTIONS } from './educationRecords/index.ts'
import { isDistrictUser } from './roles.ts'
import { tiersCollection } from './oversight/Tiers.ts'
import { scopeToOverseenSchools } from './oversight/overseen.ts'
import { oversightExportEndpoint, oversightReportEndpoint, oversightSchoolsEndpoint } from './oversight/endpoints.ts'
import { remindersCollection, REMINDERS_SLUG, sendRemindersEndpoint } from './oversight/reminders.ts'
import { labels } from './translations/index.ts'
import type { TruongsoPluginOptions } from './types.ts'
import { SITE_BUILDS_SLUG } from './sites/options.ts'
import { rebuildSiteTask } from './sites/rebuildTask.ts'
import { withInputValidation } from './validation/index.ts'
import { healthEndpoint } from './health/healthEndpoint.ts'
import { withApprovalWorkflow } from './workflow/index.ts'
import { workflowTasks } from './workflow/jobs.ts'
import { EMAIL_QUEUE, sendEmailTask } from './workflow/sendEmailTask.ts'
import { EVENTS_SLUG } from './workflow/options.ts'

export * from './roles.ts'
export { groupCounts, localApiGroupCounts, type CountSpec, type Group } from './oversight/groupCounts.ts'
export { oversightOfSchools, BEHIND, type SchoolOversight } from './oversight/dashboard.ts'
export { TIERS_SLUG, TIER_KINDS } from './oversight/slugs.ts'
export { passwordPolicyViolations, MIN_PASSWORD_LENGTH } from './accounts/passwordPolicy.ts'
export { passwordReminderReason } from './accounts/passwordAge.ts'
export { roleLabels, labels, message, messageEn, languageOf, type MessageKey } from './translations/index.ts'
export { errorResponse } from './translations/errorResponse.ts'
export { decideTransition, DEFAULT_WORKFLOW_ROLES, type WorkflowRoles } from './workflow/rules.ts'
export { performTransition } from './workflow/transition.ts'
export { requestSiteRebuild } from './sites/requestRebuild.ts'
export { requeueStrandedBuilds } from './sites/rebuildTask.ts'
export { BULK_WRITE_CONTEXT, SKIP_SITE_REBUILD, TRUSTED_WRITE } from './context.ts'
export type { SiteBuildOptions } from './sites/options.ts'
export { withApprovalWorkflow } from './workflow/index.ts'
export { WORKFLOW_STATES, type WorkflowState, type WorkflowAction } from './workflow/states.ts'
export { POST_SECTIONS, DISCLOSURE_GROUPS, sectionLabels, disclosureGroupLabels, slugify } from '@truongso/snapshot'
export { currentSchoolYear } from './website/schoolYear.ts'
export { enrolmentStartDate, importStudents, planStudentImport, studentTemplate, type StudentImportPlan } from './records/excel/studentSheets.ts'
export { STUDENT_COLUMNS } from './records/excel/columns.ts'
export { teachingAssignmentLabel } from './records/TeachingAssignments.ts'
export { SYLLABI_SLUG } from './teaching/syllabus/Syllabi.ts'
export { planDeadline, isLate, planDeadlineRuleSchema, DEFAULT_PLAN_DEADLINE_RULE, type PlanDeadlineRule } from './teaching/plans/deadline.ts'
export { generateWeekPlan, type PlanSlot, type PlanRow, type SyllabusLessons, type WeekPlan } from './teaching/plans/weekPlan.ts'
export { appendMarkHistory, verifyMarkHistory, type MarkHistoryVerdict } from './gradebook/history.ts'
export { MARK_HISTORY_SLUG } from './gradebook/MarkHistory.ts'
export { isClassYearApproved, CLASS_RESULTS_APPROVALS_SLUG } from './gradebook/approvals.ts'
export { classSummaryInputOf, computeClassResults } from './gradebook/results.ts'
export { loadClassGradebook, loadClassGradebooks } from './gradebook/loadGradebook.ts'
export { MARK_CHANGE_REASON, MARK_CHANGE_SOURCE, MARK_CORRECTION_REQUEST } from './gradebook/audit.ts'
export { primaryPeriodicTests, regularSlots } from './gradebook/subjects.ts'
export { LOCK_SCHEDULE_CONTEXT } from './gradebook/MarkLocks.ts'
export { slotsForTeacherWeek, classWeek, teacherWeek, TIMETABLES_SLUG, TIMETABLE_SLOTS_SLUG, type TimetableWeek, type WeekSlot } from './teaching/timetable/index.ts'
export { generatePlan, PlanRefusal } from './teaching/plans/generate.ts'
export { prefilledRows, type LogRow } from './teaching/classLog/prefill.ts'
export { CLASS_LOGS_SLUG, CLASS_LOG_WEEKS_SLUG } from './teaching/classLog/slugs.ts'
export { addDays, mondayOf, vietnamDay } from './calendar/days.ts'
export type { TruongsoPluginOptions } from './types.ts'
export { DOCUMENT_FOLDERS_SLUG, EDUCATION_DOCUMENTS_SLUG, EDUCATION_FILES_SLUG, LESSON_PLANS_SLUG } from './educationRecords/index.ts'
export { createDocumentTree } from './educationRecords/createTree.ts'
export { reviewedRecord } from './educationRecords/endpoints.ts'
export { makePlainPdf } from './educationRecords/files/plainPdf.ts'
export { lessonPlanDeadline } from './educationRecords/lessonPlanRules.ts'
export { performRecordTransition } from './workflow/recordTransition.ts'
export { archivesToCheck, BOOK_ARCHIVES_SLUG, buildArchive, closeBookRenderer, officialSchoolName, renderPdf, verdictMessage, verifyFile, type VerifyResult } from './books/index.ts'

/**
 * Trường Số for Payload: schools as tenants (via @payloadcms/plugin-multi-tenant), accounts with
 * per-school roles, auth hardening, website content under an author → team leader → board
 * approval workflow. `plugins: [truongsoPlugin()]`.
 */
export const truongsoPlugin =
  (pluginOptions: TruongsoPluginOptions = {}): Plugin =>
  (incoming: Config): Config => {
    const options = resolveOptions(pluginOptions)
    if (!options.enabled) return incoming
    const sites = options.sites

    const underWorkflow = (collection: CollectionConfig) =>
      // Every save of a school's document keeps its relations inside the school (access/sameSchoolRelations.ts).
      withSameSchoolRelations(options.workflow.collections.includes(collection.slug) ? withApprovalWorkflow(collection, options.workflow) : collection)
    const incomingCollections = (incoming.collections ?? []).map(underWorkflow)
    const ours = [
      withSchoolResults(withMarkHistoryHead(schoolsCollection(options))),
      usersCollection(options),
      tiersCollection(),
      remindersCollection(),
      introductionsCollection(options.workflow.roles, options.workflow.onLiveChange),
      postsCollection(),
      disclosuresCollection(),
      mediaCollection(options),
      documentsCollection(options),
      // The public feedback form's messages (POST /api/feedback is its endpoint): the board's queue, never published.
      feedbackCollection(options.workflow.roles.board),
      schoolYearsCollection(),
      subjectsCollection(),
      departmentsCollection(),
      staffCollection(),
      classesCollection(),
      studentsCollection(),
      enrolmentsCollection(),
      teachingAssignmentsCollection(),
      withGridEndpoints(marksCollection()),
      studentTermRecordsCollection(),
      markLocksCollection(),
      markCorrectionsCollection(),
      correctionAttachmentsCollection(options),
      classResultsApprovalsCollection(),
      attendanceSessionsCollection(),
      timetablesCollection(),
      timetableSlotsCollection(),
      timetableNoticesCollection(),
      recordAccessLogsCollection(),
      recordPhotosCollection(options),
      syllabiCollection(),
      teachingPlansCollection(),
      teachingSettingsCollection(),
      classLogsCollection(),
      classLogWeeksCollection(),
      ...educationRecordsCollections(options),
      bookArchivesCollection(options),
    ]
      .map(underWorkflow)
      .map(withBookEndpoints)

    const withCollections: Config = {
      ...incoming,
      custom: { ...incoming.custom, truongsoMaxPasswordAgeDays: options.maxPasswordAgeDays, truongsoWorkflow: options.workflow, truongsoBooks: options.books },
      admin: {
        ...incoming.admin,
        user: 'users',
        components: {
          ...incoming.admin?.components,
          // Sổ điểm (gradebook/grid): the entry grid, linked from the navigation for teachers.
          // Exact paths: Payload matches a root view's path as a prefix otherwise (/gradebook would take /gradebook/results).
          views: {
            ...incoming.admin?.components?.views,
            gradebook: { Component: '@truongso/payload-plugin/views#GradebookView', path: GRADEBOOK_VIEW_PATH, exact: true },
            gradebookCorrections: { Component: '@truongso/payload-plugin/views#GradebookCorrectionsView', path: `${GRADEBOOK_VIEW_PATH}/corrections`, exact: true },
            gradebookResults: { Component: '@truongso/payload-plugin/views#GradebookResultsView', path: `${GRADEBOOK_VIEW_PATH}/results`, exact: true },
            gradebookProgress: { Component: '@truongso/payload-plugin/views#GradebookProgress', path: GRADEBOOK_PROGRESS_PATH, exact: true },
            attendance: { Component: '@truongso/payload-plugin/views#AttendanceView', path: '/attendance', exact: true },
            teachingPlans: { Component: '@truongso/payload-plugin/views#TeachingPlansView', path: '/teaching-plans', exact: true },
            timetable: { Component: '@truongso/payload-plugin/views#TimetableView', path: '/timetable', exact: true },
            classLog: { Component: '@truongso/payload-plugin/views#ClassLogView', path: '/class-log', exact: true },
            educationRecords: { Component: '@truongso/payload-plugin/views#EducationRecordsView', path: '/education-records', exact: true },
            lessonPlans: { Component: '@truongso/payload-plugin/views#LessonPlansView', path: '/lesson-plans', exact: true },
            books: { Component: '@truongso/payload-plugin/views#BooksView', path: '/books', exact: true },
            oversight: { Component: '@truongso/payload-plugin/views#OversightView', path: '/oversight', exact: true },
          },
          afterNavLinks: [...(incoming.admin?.components?.afterNavLinks ?? []), '@truongso/payload-plugin/client#GradebookNavLink'],
          beforeDashboard: [
            ...(incoming.admin?.components?.beforeDashboard ?? []),
            '@truongso/payload-plugin/rsc#PasswordReminderBanner',
            '@truongso/payload-plugin/rsc#OversightReminderBanner',
            '@truongso/payload-plugin/rsc#MyWork',
            '@truongso/payload-plugin/rsc#ReviewQueue',
            '@truongso/payload-plugin/rsc#CorrectionsBadge',
            '@truongso/payload-plugin/rsc#DisclosureCompliance',
          ],
        },
      },
      collections: [...incomingCollections, ...ours, workflowEventsCollection(options.workflow, REVIEWED_RECORD_COLLECTIONS), markHistoryCollection(), markHistoryHeadsCollection(), ...(sites ? [siteBuildsCollection(), siteBuildLocksCollection()] : [])],
      // GET /api/gradebook/progress (gradebook/progress): marks entry against the deadlines.
      globals: [...(incoming.globals ?? []), ...educationRecordsGlobals(), publicHolidaysGlobal()],
      endpoints: [...(incoming.endpoints ?? []), healthEndpoint({ sites: Boolean(sites) }), progressEndpoint, attendanceFeedEndpoint, oversightSchoolsEndpoint, oversightReportEndpoint, sendRemindersEndpoint, oversightExportEndpoint],
      jobs: {
        ...incoming.jobs,
        tasks: [...(incoming.jobs?.tasks ?? []), ...workflowTasks(options.workflow), sendEmailTask(), applyMarkLocksTask(), buildArchiveTask(), ...(sites ? [rebuildSiteTask(sites)] : [])],
        autoRun: [
          ...(Array.isArray(incoming.jobs?.autoRun) ? incoming.jobs.autoRun : []),
          { cron: '* * * * *', queue: options.workflow.queue, limit: 20 },
          // Workflow e-mails (sendEmailTask.ts): also started right after each step; retries wait out their backoff.
          { cron: '* * * * *', queue: EMAIL_QUEUE, limit: 20 },
          // The gradebook's lock calendar (gradebook/lockCalendar.ts): scheduled and applied every 5 minutes.
          markLocksAutoRun(),
          // Year-end archives (books/archiveTask.ts): started right after the request, one at a time.
          { cron: '* * * * *', queue: BOOKS_QUEUE, limit: 1 },
          ...(sites ? [{ cron: '* * * * *', queue: 'sites', limit: 1 }] : []),
        ],
        shouldAutoRun: incoming.jobs?.shouldAutoRun ?? (() => process.env.TRUONGSO_DISABLE_JOBS !== '1'),
      },
    }

    const tenantCollections: Record<string, { isGlobal?: boolean }> = {
      // Every collection under the workflow is scoped to a school (a project may add its own).
      ...Object.fromEntries(options.workflow.collections.map((slug) => [slug, {}])),
      introductions: { isGlobal: true },
      posts: {},
      disclosures: {},
      media: {},
      documents: {},
      [FEEDBACK_SLUG]: {},
      [EVENTS_SLUG]: {},
      ...(sites ? { [SITE_BUILDS_SLUG]: {} } : {}),
      ...Object.fromEntries(RECORD_COLLECTIONS.map((slug) => [slug, {}])),
      ...Object.fromEntries(GRADEBOOK_COLLECTIONS.map((slug) => [slug, {}])),
      ...Object.fromEntries([MARK_LOCKS_SLUG, MARK_CORRECTIONS_SLUG, CORRECTION_ATTACHMENTS_SLUG].map((slug) => [slug, {}])),
      [CLASS_RESULTS_APPROVALS_SLUG]: {},
      [ATTENDANCE_SLUG]: {},
      [SYLLABI_SLUG]: {},
      ...Object.fromEntries(TIMETABLE_COLLECTIONS.map((slug) => [slug, {}])),
      [TIMETABLE_NOTICES_SLUG]: {},
      ...Object.fromEntries(TEACHING_PLAN_COLLECTIONS.map((slug) => [slug, slug === 'teaching-settings' ? { isGlobal: true } : {}])),
      ...Object.fromEntries(CLASS_LOG_COLLECTIONS.map((slug) => [slug, {}])),
      ...Object.fromEntries(EDUCATION_RECORD_COLLECTIONS.map((slug) => [slug, {}])),
      [BOOK_ARCHIVES_SLUG]: {},
      [REMINDERS_SLUG]: {},
    }
    const config = multiTenantPlugin({
      tenantsSlug: 'schools',
      tenantField: { name: 'school' },
      tenantsArrayField: {
        includeDefaultField: true,
        arrayFieldName: 'memberships',
        arrayTenantFieldName: 'school',
        rowFields: membershipRowFields(),
        arrayFieldAccess: { create: canEditSchoolRoles, update: canEditSchoolRoles },
      },
      userHasAccessToAllTenants: (user) => isDistrictUser(user as never),
      // District users pass the plugin's tenant check (they belong to no school); every access result is
      // then narrowed to the schools of their tier (oversight/overseen.ts).
      collections: Object.fromEntries(Object.entries(tenantCollections).map(([slug, settings]) => [slug, { ...settings, accessResultOverride: scopeToOverseenSchools() as never }])),
      i18n: {
        translations: {
          vi: {
            'nav-tenantSelector-label': 'Chọn trường',
            'assign-tenant-button-label': 'Gán trường',
            'assign-tenant-modal-title': 'Gán "{{title}}" cho trường',
            'field-assignedTenant-label': 'Trường',
          },
        },
      },
    })(withCollections)
    labelMembershipsField(config)
    applyVietnameseDateFormats(config)
    applyNavigationRules(config)
    withServerCheckedRelations(config, GRADEBOOK_COLLECTIONS)
    return withInputValidation(config, { maxJsonMegabytes: options.maxJsonMegabytes })
  }

/** The multi-tenant plugin adds the memberships array without a label option; give it ours. */
function labelMembershipsField(config: Config): void {
  const users = config.collections?.find((collection) => collection.slug === 'users')
  const field = users?.fields.find((f) => 'name' in f && f.name === 'memberships')
  if (field && field.type === 'array') {
    field.label = labels.fields.memberships
    field.labels = { singular: labels.fields.membershipSchool, plural: labels.fields.memberships }
    for (const row of field.fields) {
      if ('name' in row && row.name === 'school') row.label = labels.fields.membershipSchool
    }
  }
}

export default truongsoPlugin
