/** The attendance's names shared by its modules and the gradebook (no imports: no cycles). */
export const ATTENDANCE_SLUG = 'attendance-sessions'

/** Context flag of the attendance's writes to term records: their absences may change (they come from attendance). */
export const ABSENCES_FROM_ATTENDANCE = 'truongsoAbsencesFromAttendance'

export const ABSENCE_STATUSES = ['excused', 'unexcused', 'late'] as const
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number]
