/** The timetable (thời khóa biểu, issue 14 item 1): collections, access, the week view, the Excel import. */
export { timetablesCollection, timetableSlotsCollection } from './collections.ts'
export { TIMETABLE_COLLECTIONS, TIMETABLE_SLOTS_SLUG, TIMETABLES_SLUG } from './slugs.ts'
export { classWeek, slotsForTeacherWeek, teacherWeek, type TimetableWeek, type WeekSlot } from './week.ts'
export { timetableNoticesCollection } from './TimetableNotices.ts'
export { TIMETABLE_NOTICES_SLUG } from './notices.ts'
