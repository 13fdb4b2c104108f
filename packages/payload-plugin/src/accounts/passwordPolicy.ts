/**
 * Password policy (accounts are personal: no trivial or guessable passwords; docs/domain.md
 * § Accounts). Pure: returns the broken rules, the caller turns them into a message in the user's
 * language.
 */
import { schools } from '@truongso/registry'
import { dictionary } from '@zxcvbn-ts/language-common'

import { VIETNAMESE_COMMON_PASSWORDS, VIETNAMESE_WEAK_WORDS } from './commonPasswords.vi.ts'

export const MIN_PASSWORD_LENGTH = 10

/**
 * Lowercase, no diacritics (đ → d), so "MậtKhẩu" and "matkhau" are the same guess. Separators
 * (spaces, dashes, dots, underscores) are dropped in `compact`: "mat-khau.123" is "matkhau123".
 */
export function normalisePassword(password: string): { plain: string; compact: string } {
  const plain = password
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
  return { plain, compact: plain.replace(/[\s\-_.]+/g, '') }
}

const compactOf = (text: string) => normalisePassword(text).compact.replace(/[^a-z0-9]/g, '')

/** The district's schools as people would type them: slug, short name, name without the level. */
function schoolWords(): string[] {
  const words: string[] = []
  for (const school of schools) {
    words.push(school.slug, compactOf(school.name), compactOf(school.levelName + school.name.replace(/^\S+\s+/, '')))
    const bare = compactOf(school.name.replace(/^\S+\s+/, ''))
    if (bare.length >= 4) words.push(bare, `truong${bare}`)
  }
  return words.filter(Boolean)
}

/**
 * About 49,000 passwords of the leaks (the maintained zxcvbn-ts common list), the local list, and
 * every weak word of the list itself; everything compared normalised.
 */
const LEAKED: readonly string[] = dictionary['passwords-common']
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  [...LEAKED, ...VIETNAMESE_COMMON_PASSWORDS].map((p) => normalisePassword(p).compact),
)

/** Words that stay weak with a year or a short number around them ("matkhau2026", "2026hoian!"). */
const WEAK_WORDS: ReadonlySet<string> = new Set([
  ...VIETNAMESE_WEAK_WORDS,
  ...schoolWords(),
  ...LEAKED.filter((p) => /^[a-z]{3,}$/.test(p)),
])

const SEQUENCES = '01234567890123456789 98765432109876543210'

/** Digits that add nothing: none, up to four, a year 1990–2030, a run ("123456") or one digit repeated. */
function isWeakNumber(digits: string): boolean {
  if (digits.length <= 4) return true
  if (/^(\d)\1+$/.test(digits)) return true
  if (SEQUENCES.includes(digits)) return true
  // A year, possibly twice or with a day and month ("20262026", "01012026").
  const year = Number(digits.slice(-4))
  if (year >= 1990 && year <= 2030 && (digits.length === 4 || isWeakNumber(digits.slice(0, -4)))) return true
  return false
}

function isCommon(password: string): boolean {
  const { plain, compact } = normalisePassword(password)
  if (COMMON_PASSWORDS.has(plain) || COMMON_PASSWORDS.has(compact)) return true
  const bare = compact.replace(/[^a-z0-9]+$/, '').replace(/^[^a-z0-9]+/, '')
  if (COMMON_PASSWORDS.has(bare)) return true
  if (/^\d+$/.test(bare)) return isWeakNumber(bare) || /^(\d{2,5})\1+$/.test(bare)
  const parts = /^(\d*)([a-z]+)(\d*)$/.exec(bare)
  if (!parts) return false
  const [, before = '', word = '', after = ''] = parts
  return WEAK_WORDS.has(word) && isWeakNumber(before) && isWeakNumber(after)
}

export type PasswordRule = 'too-short' | 'contains-email-name' | 'too-common'

export function passwordPolicyViolations(password: string, email?: string | null): PasswordRule[] {
  const violations: PasswordRule[] = []
  const tooShort = [...password].length < MIN_PASSWORD_LENGTH
  if (tooShort) violations.push('too-short')
  const localPart = normalisePassword((email ?? '').split('@')[0]?.trim() ?? '').plain
  // Very short local parts ("a@…") would forbid too much; three characters is where it starts to mean a name.
  if (localPart.length >= 3 && normalisePassword(password).plain.includes(localPart)) violations.push('contains-email-name')
  // A short password is refused already; "too common" would only add noise to the message.
  if (!tooShort && isCommon(password)) violations.push('too-common')
  return violations
}
