/** Weekly teaching plans (kế hoạch dạy học, issue 14 item 3): the rules, the collection, the school's deadline setting. */
export { teachingPlansCollection, PLAN_STATUSES, type PlanStatus } from './TeachingPlans.ts'
export { teachingSettingsCollection, planRuleOfSchool } from './settings.ts'
export { TEACHING_PLAN_COLLECTIONS, TEACHING_PLANS_SLUG, TEACHING_SETTINGS_SLUG } from './slugs.ts'
export { generatePlan } from './generate.ts'
