import { describe, expect, it } from 'vitest'

import { slugify } from './slugify.ts'

describe('slugify', () => {
  it.each([
    ['Thông báo tuyển sinh lớp 1', 'thong-bao-tuyen-sinh-lop-1'],
    ['Đội tuyển học sinh giỏi Đỗ Trọng Hường', 'doi-tuyen-hoc-sinh-gioi-do-trong-huong'],
    ['  Kế hoạch   năm học 2025–2026!  ', 'ke-hoach-nam-hoc-2025-2026'],
    ['Công khai: Thu, chi & học phí', 'cong-khai-thu-chi-hoc-phi'],
    ['ỨNG XỬ VĂN HÓA', 'ung-xu-van-hoa'],
  ])('%s → %s', (input, expected) => {
    expect(slugify(input)).toBe(expected)
  })
  it('keeps slugs short without a trailing dash', () => {
    const slug = slugify('a '.repeat(100), 9)
    expect(slug).toBe('a-a-a-a-a')
  })
})
