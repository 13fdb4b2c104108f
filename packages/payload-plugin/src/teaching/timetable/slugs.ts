export const TIMETABLES_SLUG = 'timetables'
export const TIMETABLE_SLOTS_SLUG = 'timetable-slots'
/** Scoped to a school by the multi-tenant plugin, like the records. */
export const TIMETABLE_COLLECTIONS = [TIMETABLES_SLUG, TIMETABLE_SLOTS_SLUG] as const
