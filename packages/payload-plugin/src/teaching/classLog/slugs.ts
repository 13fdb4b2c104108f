export const CLASS_LOGS_SLUG = 'class-logs'
export const CLASS_LOG_WEEKS_SLUG = 'class-log-weeks'
/** Both scoped to a school by the multi-tenant plugin. */
export const CLASS_LOG_COLLECTIONS = [CLASS_LOGS_SLUG, CLASS_LOG_WEEKS_SLUG] as const
/** Who adds a check note (issue 14 item 4): the board. */
export const CLASS_LOG_CHECKERS = ['principal', 'vice-principal'] as const
/** The ratings of a period as stored (Tốt, Khá, Trung bình, Yếu). */
export const PERIOD_RATINGS = ['tot', 'kha', 'trung-binh', 'yeu'] as const
export type PeriodRating = (typeof PERIOD_RATINGS)[number]
