import { describe, expect, it } from 'vitest'

import { passwordReminderReason } from './passwordAge.ts'
import { COMMON_PASSWORDS, passwordPolicyViolations } from './passwordPolicy.ts'

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
  it('knows thousands of leaked passwords, not a short hand-made list', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(10_000)
    for (const leaked of ['password123456', 'qwertyuiop', 'iloveyou12', 'football12', 'Password1234']) {
      expect(passwordPolicyViolations(leaked, 'a@b.vn'), leaked).toEqual(['too-common'])
    }
  })
  it('refuses the Vietnamese favourites, with or without diacritics, case or separators', () => {
    for (const guess of ['matkhau123456', 'Mật-khẩu-2026', 'MATKHAU2026!', 'mat.khau.1234', '123456789a', 'Hội-An-2026', 'hoian2026!!', '2026hoian!', 'Quảng Nam 1990']) {
      expect(passwordPolicyViolations(guess, 'a@b.vn'), guess).toEqual(['too-common'])
    }
  })
  it('refuses a school of the district with a year, however it is written', () => {
    for (const guess of ['tieuhocledo2026', 'TH-Lê-Độ-2025', 'LeDo2030!!', 'maugiaocamha1990']) {
      expect(passwordPolicyViolations(guess, 'a@b.vn'), guess).toEqual(['too-common'])
    }
  })
  it('refuses runs and repeats of digits', () => {
    for (const guess of ['9876543210', '1111111111', '1212121212', '01012026' + '2026']) {
      expect(passwordPolicyViolations(guess, 'a@b.vn'), guess).toEqual(['too-common'])
    }
  })
  it('accepts a personal phrase with a year or number', () => {
    for (const good of ['Song-Hoai-trong-xanh-7', 'Mot-mat-khau-tot-2026', 'Rat-kho-doan-2026!', 'ledo-hoa-phuong-1990', '7392058164']) {
      expect(passwordPolicyViolations(good, 'a@b.vn'), good).toEqual([])
    }
  })
  it('compares the e-mail name without diacritics', () => {
    expect(passwordPolicyViolations('Nguyễn-Văn-An-xanh', 'nguyen-van-an@truong.vn')).toEqual(['contains-email-name'])
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
