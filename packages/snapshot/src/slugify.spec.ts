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
  it('caps at 80 characters by default and gives nothing for text without letters or digits', () => {
    const slug = slugify('Kế hoạch tổ chức các hoạt động giáo dục ngoài giờ lên lớp của nhà trường năm học 2025–2026')
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toBe('ke-hoach-to-chuc-cac-hoat-dong-giao-duc-ngoai-gio-len-lop-cua-nha-truong-nam-hoc')
    expect(slugify('!!!')).toBe('')
  })
})
