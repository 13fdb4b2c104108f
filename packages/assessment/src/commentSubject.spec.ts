import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { commentSubjectTerm, commentSubjectYear } from './index.ts'

describe('comment-only subjects', () => {
  it('is Đ only when every required assessment exists and all are Đ', () => {
    expect(commentSubjectTerm({ required: 4, marks: ['Đ', 'Đ', 'Đ', 'Đ'] })).toBe('Đ')
    expect(commentSubjectTerm({ required: 4, marks: ['Đ', 'Đ', 'Đ', 'Đ', 'Đ'] })).toBe('Đ')
  })

  it('a missing required assessment makes the term CĐ', () => {
    expect(commentSubjectTerm({ required: 4, marks: ['Đ', 'Đ', 'Đ'] })).toBe('CĐ')
    expect(commentSubjectTerm({ required: 2, marks: [] })).toBe('CĐ')
  })

  it('one Chưa đạt among the marks makes the term CĐ', () => {
    expect(commentSubjectTerm({ required: 4, marks: ['Đ', 'Đ', 'CĐ', 'Đ'] })).toBe('CĐ')
    expect(commentSubjectTerm({ required: 2, marks: ['Đ', 'Đ', 'CĐ'] })).toBe('CĐ')
  })

  it('the year result is term II’s', () => {
    expect(commentSubjectYear({ hk1: 'CĐ', hk2: 'Đ' })).toBe('Đ')
    expect(commentSubjectYear({ hk1: 'Đ', hk2: 'CĐ' })).toBe('CĐ')
  })

  it('names an unknown mark', () => {
    expect(expectIssues(() => commentSubjectTerm({ required: 2, marks: ['Đ', 'Đạt' as never] }))).toEqual([
      { path: 'marks[1]', message: expect.stringContaining('phải là một trong: Đ, CĐ') },
    ])
  })
})
