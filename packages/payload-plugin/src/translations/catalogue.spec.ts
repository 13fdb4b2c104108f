import { describe, expect, it } from 'vitest'

import { message, messages } from './index.ts'

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('the message catalogue', () => {
  it('gives every message a Vietnamese and an English text with the same placeholders', () => {
    for (const [key, { vi, en }] of Object.entries(messages)) {
      expect(vi.trim(), key).not.toBe('')
      expect(en.trim(), key).not.toBe('')
      expect(placeholders(en), key).toEqual(placeholders(vi))
    }
  })

  it('answers in the request’s language, Vietnamese by default', () => {
    expect(message(null, 'records.class-not-found')).toBe('Không tìm thấy lớp.')
    expect(message({ i18n: { language: 'en' } }, 'records.class-not-found')).toBe('Class not found.')
    expect(message({ i18n: { language: 'vi' } }, 'excel.student-errors', { count: 2 })).toBe('Có 2 lỗi; chưa ghi dữ liệu nào. Sửa các dòng được liệt kê rồi nhập lại.')
  })
})
