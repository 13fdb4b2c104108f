import type { CollectionConfig, Config } from 'payload'

import { RECORD_MANAGERS } from '../records/rights.ts'
import { isDistrictUser, SCHOOL_MANAGER_ROLES, schoolsWhereUserHas, type RoleHolder, type SchoolRole } from '../roles.ts'

/**
 * Who finds which collection in the admin's navigation. Only the nav and the document tabs: what a
 * user may read or change is decided by access control, never here. A teacher sees the collections
 * of their work (posts, disclosures, images, documents, their classes and students, staff), not
 * the school's administration.
 */
export type Audience = 'district' | 'directory' | 'managers'

export const NAV_AUDIENCE: Record<string, Audience> = {
  schools: 'district',
  users: 'directory',
  introductions: 'managers',
  'school-years': 'managers',
  subjects: 'managers',
  departments: 'managers',
  enrolments: 'managers',
  'teaching-assignments': 'managers',
  'record-access-logs': 'managers',
  'record-photos': 'managers',
  'site-builds': 'managers',
  'workflow-events': 'managers',
}

const rolesFor: Record<Exclude<Audience, 'district'>, readonly SchoolRole[]> = {
  directory: SCHOOL_MANAGER_ROLES,
  managers: RECORD_MANAGERS,
}

/** Does the nav show a collection of this audience to `user`? District staff see everything. */
export function audienceIncludes(audience: Audience, user: RoleHolder | null | undefined): boolean {
  if (!user) return false
  if (isDistrictUser(user)) return true
  if (audience === 'district') return false
  return schoolsWhereUserHas(user, rolesFor[audience]).length > 0
}

/** Who gets the "Sổ điểm" link (gradebook/grid): a teacher enters their class-subjects' marks; the school's board and admin read them. */
export const seesGradebook = (user: RoleHolder | null | undefined): boolean => Boolean(user) && schoolsWhereUserHas(user, ['teacher', ...RECORD_MANAGERS]).length > 0

/** A school's board and admin team (and district staff): they get the API tab and the admin collections. */
export const isSchoolManager = (user: RoleHolder | null | undefined): boolean => audienceIncludes('managers', user)

function withNavRules(collection: CollectionConfig): CollectionConfig {
  const audience = NAV_AUDIENCE[collection.slug]
  const admin = (collection.admin ??= {})
  if (audience && admin.hidden === undefined) admin.hidden = ({ user }) => !audienceIncludes(audience, user as never)
  const edit = ((admin.components ??= {}).views ??= {}).edit ?? {}
  // The raw JSON of a document helps whoever configures the system, not a teacher writing a post.
  const api = (edit as Record<string, { tab?: Record<string, unknown> }>).api ?? {}
  admin.components.views.edit = {
    ...edit,
    api: { ...api, tab: { ...api.tab, condition: ({ req }: { req: { user?: unknown } }) => isSchoolManager(req.user as never) } },
  } as never
  return collection
}

/**
 * District staff read every school's lists, so a school-scoped list shows which school a row is
 * of (the tenant field `school`); a school's own staff only ever see their school's rows there.
 */
function withSchoolColumn(collection: CollectionConfig): void {
  if (collection.slug === 'users' || !collection.fields.some((f) => 'name' in f && f.name === 'school')) return
  const columns = collection.admin?.defaultColumns
  if (columns && !columns.includes('school')) collection.admin!.defaultColumns = [...columns, 'school']
}

export function applyNavigationRules(config: Config): void {
  for (const collection of config.collections ?? []) {
    withNavRules(collection)
    withSchoolColumn(collection)
  }
}
