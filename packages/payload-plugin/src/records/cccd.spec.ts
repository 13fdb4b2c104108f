import { describe, expect, it } from 'vitest'

import { isValidCccd, maskCccd, validateCccd } from './cccd.ts'

describe('CCCD', () => {
  it('accepts 12 digits with a province code', () => {
    expect(isValidCccd('049205001234')).toBe(true)
    expect(isValidCccd('000205001234')).toBe(false)
    expect(isValidCccd('097205001234')).toBe(false)
    expect(isValidCccd('04920500123')).toBe(false)
    expect(isValidCccd('04920500123a')).toBe(false)
  })
  it('masks all but the first and last three digits', () => {
    expect(maskCccd('049205001234')).toBe('0********234')
    expect(maskCccd(null)).toBeNull()
  })
  it('gives a Vietnamese message', () => {
    expect(validateCccd('123')).toMatch(/12 chữ số/)
    expect(validateCccd('')).toBe(true)
  })
})
