export { attendanceSessionsCollection, ABSENCE_STATUSES, teachingDayGroup, type AbsenceStatus } from './AttendanceSessions.ts'
export { ATTENDANCE_SLUG } from './context.ts'
export { attendanceFeedEndpoint } from './feed.ts'
