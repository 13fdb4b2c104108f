import { describe, expect, it } from 'vitest'

import { passwordReminderReason } from './passwordAge.ts'
import { passwordPolicyViolations } from './passwordPolicy.ts'

describe('password policy', () => {
  it('accepts a long personal password', () => {
    expect(passwordPolicyViolations('Hoa-phuong-do-2026', 'co.lan@truong.vn')).toEqual([])
  })
  it('counts characters, not bytes (Vietnamese letters are one character)', () => {
    expect(passwordPolicyViolations('Đường-hoa', 'x@y.vn')).toEqual(['too-short'])
    expect(passwordPolicyViolations('Đường-hoa!', 'x@y.vn')).toEqual([])
  })
  it('refuses the e-mail name inside the password, in any case', () => {
    expect(passwordPolicyViolations('NguyenVanA-2026', 'nguyenvana@truong.vn')).toEqual(['contains-email-name'])
  })
  it('refuses common passwords, in any case', () => {
    expect(passwordPolicyViolations('MatKhau123', 'a@b.vn')).toEqual(['too-common'])
  })
  it('reports every broken rule at once', () => {
    expect(passwordPolicyViolations('abc', 'abc@b.vn')).toEqual(['too-short', 'contains-email-name'])
  })
})

describe('password reminders', () => {
  const now = new Date('2026-11-24T08:00:00Z')
  it('flags a password set by an admin whatever its age', () => {
    expect(passwordReminderReason({ passwordSetByAdmin: true, passwordChangedAt: now }, now)).toBe('set-by-admin')
  })
  it('flags a password older than the allowed age, not one exactly at it', () => {
    const day = 24 * 60 * 60 * 1000
    expect(passwordReminderReason({ passwordChangedAt: new Date(now.getTime() - 181 * day) }, now)).toBe('expired')
    expect(passwordReminderReason({ passwordChangedAt: new Date(now.getTime() - 180 * day) }, now)).toBeNull()
    expect(passwordReminderReason({ passwordChangedAt: new Date(now.getTime() - 31 * day) }, now, 30)).toBe('expired')
  })
  it('flags an account with no recorded change', () => {
    expect(passwordReminderReason({}, now)).toBe('expired')
  })
})
