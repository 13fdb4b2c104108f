/**
 * Password policy (seed 003 asks for personal, non-trivial passwords). Pure: returns the broken
 * rules, the caller turns them into a message in the user's language.
 */
export const MIN_PASSWORD_LENGTH = 10

/** Passwords seen first in every leak, plus the local favourites; compared case-insensitively. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  '123456789a',
  'qwertyuiop',
  'password123',
  'password1234',
  'matkhau123',
  'matkhau1234',
  'matkhaumoi',
  'abc1234567',
  'abcd123456',
  'iloveyou123',
  'admin12345',
  'admin123456',
  'truongso123',
  'hoian12345',
  'quangnam123',
  'vietnam123',
  'vietnam1234',
  'giaovien123',
  'hocsinh123',
  'qwerty12345',
  '1q2w3e4r5t',
  'a123456789',
  'zxcvbnm123',
])

export type PasswordRule = 'too-short' | 'contains-email-name' | 'too-common'

export function passwordPolicyViolations(password: string, email?: string | null): PasswordRule[] {
  const violations: PasswordRule[] = []
  if ([...password].length < MIN_PASSWORD_LENGTH) violations.push('too-short')
  const localPart = (email ?? '').split('@')[0]?.trim().toLowerCase() ?? ''
  // Very short local parts ("a@…") would forbid too much; three characters is where it starts to mean a name.
  if (localPart.length >= 3 && password.toLowerCase().includes(localPart)) violations.push('contains-email-name')
  if (COMMON_PASSWORDS.has(password.toLowerCase())) violations.push('too-common')
  return violations
}
