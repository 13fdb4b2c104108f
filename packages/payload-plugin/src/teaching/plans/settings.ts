import { ValidationError, type Access, type CollectionBeforeChangeHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { currentUser, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { RECORD_MANAGERS, RECORD_READERS } from '../../records/rights.ts'
import { message } from '../../translations/index.ts'
import { teachingGroup } from '../syllabus/Syllabi.ts'
import { DEFAULT_FIRST_PERIOD_TIME, DEFAULT_PLAN_DEADLINE_RULE, planDeadlineRuleSchema, type PlanDeadlineRule } from './deadline.ts'
import { TEACHING_SETTINGS_SLUG } from './slugs.ts'

/**
 * The school's teaching-day settings: when weekly plans are due, and when period 1 starts.
 *
 * Why its own one-per-school document (the multi-tenant plugin's `isGlobal`) rather than a group on
 * `schools`: a school's document is the registry's and only district admins write it, while this
 * rule is the school's own decision, edited by its admin team and board; and the class log and
 * attendance settings to come belong here too, not on the tenant.
 */

type ID = number | string

const managers = (req: PayloadRequest): ID[] => schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS)

const readSettings: Access = ({ req }) => {
  const schools = schoolsWhereUserHas(currentUser(req), RECORD_READERS)
  return schools.length > 0 ? { school: { in: schools } } : false
}
const createSettings: Access = ({ req }) => Boolean(currentUser(req)) && managers(req).length > 0
const manageSettings: Access = ({ req }) => (currentUser(req) && managers(req).length > 0 ? { school: { in: managers(req) } } : false)

/** The stored fields as the rule the deadline module reads; zod refuses a malformed one (400 naming the field). */
const checkSettings: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc as Record<string, unknown> | undefined), ...(data as Record<string, unknown>) }
  const school = relationId(merged.school)
  if (school !== null && currentUser(req) && !managers(req).some((id) => String(id) === String(school))) {
    throw new ValidationError({ collection: TEACHING_SETTINGS_SLUG, errors: [{ path: 'school', message: message(req, 'plans.settings-forbidden') }], req }, req.t)
  }
  const rule = ruleOf(merged)
  if (!rule) throw new ValidationError({ collection: TEACHING_SETTINGS_SLUG, errors: [{ path: 'planDeadlineDays', message: message(req, 'plans.bad-deadline-rule') }], req }, req.t)
  return data
}

function ruleOf(doc: Record<string, unknown>): PlanDeadlineRule | null {
  const kind = doc.planDeadlineKind ?? DEFAULT_PLAN_DEADLINE_RULE.kind
  const parsed = planDeadlineRuleSchema.safeParse(kind === 'days-before' ? { kind, days: doc.planDeadlineDays } : { kind })
  return parsed.success ? parsed.data : null
}

export type SchoolPlanRule = { rule: PlanDeadlineRule; firstPeriodTime: string }

/** The school's plan deadline rule, or the default (Monday, before period 1 at 07:00) when it has set none. */
export async function planRuleOfSchool(req: PayloadRequest, school: ID): Promise<SchoolPlanRule> {
  const found = await req.payload.db.findOne({ collection: TEACHING_SETTINGS_SLUG, where: { school: { equals: school } }, req })
  const doc = (found ?? {}) as Record<string, unknown>
  const time = typeof doc.firstPeriodTime === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(doc.firstPeriodTime) ? doc.firstPeriodTime : DEFAULT_FIRST_PERIOD_TIME
  return { rule: ruleOf(doc) ?? DEFAULT_PLAN_DEADLINE_RULE, firstPeriodTime: time }
}

export function teachingSettingsCollection(): CollectionConfig {
  return {
    slug: TEACHING_SETTINGS_SLUG,
    labels: { singular: { vi: 'Cài đặt dạy học', en: 'Teaching settings' }, plural: { vi: 'Cài đặt dạy học', en: 'Teaching settings' } },
    admin: { group: teachingGroup },
    access: { read: readSettings, create: createSettings, update: manageSettings, delete: manageSettings },
    hooks: { beforeChange: [checkSettings] },
    fields: [
      {
        name: 'planDeadlineKind',
        type: 'select',
        required: true,
        defaultValue: DEFAULT_PLAN_DEADLINE_RULE.kind,
        label: { vi: 'Hạn nộp kế hoạch dạy học tuần', en: 'Weekly teaching plan deadline' },
        options: [
          { value: 'before-first-period', label: { vi: 'Trước tiết 1 sáng thứ Hai của tuần', en: 'Before period 1 on the week’s Monday' } },
          { value: 'days-before', label: { vi: 'Trước tuần dạy một số ngày', en: 'A number of days before the week' } },
        ],
      },
      {
        name: 'planDeadlineDays',
        type: 'number',
        min: 0,
        max: 60,
        label: { vi: 'Số ngày trước thứ Hai', en: 'Days before the Monday' },
        admin: { step: 1, condition: (_, sibling) => sibling?.planDeadlineKind === 'days-before', description: { vi: 'Ví dụ 10: hạn là 10 ngày trước thứ Hai, vào giờ tiết 1.', en: 'E.g. 10: due 10 days before the Monday, at period 1’s time.' } },
      },
      {
        name: 'firstPeriodTime',
        type: 'text',
        defaultValue: DEFAULT_FIRST_PERIOD_TIME,
        label: { vi: 'Giờ bắt đầu tiết 1 (HH:MM)', en: 'Period 1 starts at (HH:MM)' },
        validate: (value: unknown) => (value === null || value === undefined || value === '' || (typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value)) ? true : 'HH:MM'),
      },
    ],
  }
}
