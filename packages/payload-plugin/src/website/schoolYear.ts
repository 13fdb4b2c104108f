import type { PayloadRequest } from 'payload'

import { message } from '../translations/index.ts'

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

/** Payload field validator, its message in the request's language. */
export const validateSchoolYear = (value: unknown, options?: { req?: Pick<PayloadRequest, 'i18n'> }): true | string =>
  value === null || value === undefined || value === '' || isSchoolYear(value) ? true : message(options?.req, 'website.bad-school-year')
