import type { PayloadRequest } from 'payload'

import { message } from '../translations/index.ts'

/**
 * Citizen identity numbers (CCCD, 12 digits: 3 province digits, century/sex digit, 2 year digits,
 * 6 serial digits). Validation is structural only; nothing here looks a person up.
 */
export function isValidCccd(value: string): boolean {
  if (!/^\d{12}$/.test(value)) return false
  const province = Number(value.slice(0, 3))
  return province >= 1 && province <= 96
}

/** Shown to readers without the right to see it: first digit and last three (0********123). */
export function maskCccd(value: string | null | undefined): string | null {
  if (!value) return value ?? null
  return value.length <= 4 ? '*'.repeat(value.length) : `${value[0]}${'*'.repeat(value.length - 4)}${value.slice(-3)}`
}

export const validateCccd = (value: unknown, options?: { req?: Pick<PayloadRequest, 'i18n'> }): true | string =>
  value === null || value === undefined || value === '' || (typeof value === 'string' && isValidCccd(value))
    ? true
    : message(options?.req, 'records.bad-cccd')
