/** Sổ đầu bài (class log, issue 14 item 4): the collections, their endpoints and rules. */
export { classLogsCollection, classLogWeeksCollection } from './ClassLogs.ts'
export { CLASS_LOG_COLLECTIONS, CLASS_LOG_WEEKS_SLUG, CLASS_LOGS_SLUG, PERIOD_RATINGS, type PeriodRating } from './slugs.ts'
