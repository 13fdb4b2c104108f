/** Vietnamese school years run from September to May; a new one is declared in August. */
export function currentSchoolYear(now: Date = new Date()): string {
  const year = now.getFullYear()
  const start = now.getMonth() >= 7 ? year : year - 1 // August (month 7) opens the next year
  return `${start}-${start + 1}`
}

export function isSchoolYear(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = /^(\d{4})-(\d{4})$/.exec(value)
  return Boolean(match && Number(match[2]) === Number(match[1]) + 1)
}

/** Payload field validator with a Vietnamese message. */
export const validateSchoolYear = (value: unknown): true | string =>
  value === null || value === undefined || value === '' || isSchoolYear(value)
    ? true
    : 'Năm học phải có dạng 2025-2026 (năm sau = năm trước + 1).'
