/** The timetable's day and session names (Vietnamese as written in a timetable; the sheet reads them back). */
export const sessionLabels = { morning: { vi: 'Sáng', en: 'Morning' }, afternoon: { vi: 'Chiều', en: 'Afternoon' } } as const
export const dayLabels = {
  2: { vi: 'Thứ 2', en: 'Monday' },
  3: { vi: 'Thứ 3', en: 'Tuesday' },
  4: { vi: 'Thứ 4', en: 'Wednesday' },
  5: { vi: 'Thứ 5', en: 'Thursday' },
  6: { vi: 'Thứ 6', en: 'Friday' },
  7: { vi: 'Thứ 7', en: 'Saturday' },
} as const
