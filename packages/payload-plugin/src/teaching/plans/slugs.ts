export const TEACHING_PLANS_SLUG = 'teaching-plans'
export const TEACHING_SETTINGS_SLUG = 'teaching-settings'
/** Both scoped to a school by the multi-tenant plugin; the settings are one document per school. */
export const TEACHING_PLAN_COLLECTIONS = [TEACHING_PLANS_SLUG, TEACHING_SETTINGS_SLUG] as const
/** Who acknowledges a plan (issue 14 item 3): the board. */
export const PLAN_ACKNOWLEDGERS = ['principal', 'vice-principal'] as const
