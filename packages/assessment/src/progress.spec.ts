import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { dueByMidTerm, scoreEntryProgress, subjectCatalogue } from './index.ts'

const grade9 = Object.fromEntries(subjectCatalogue({ level: 'THCS', grade: 9 }).map((s) => [s.name, s]))

describe('mid-term due count', () => {
  it('is half the required regular assessments, rounded up', () => {
    expect([2, 3, 4].map(dueByMidTerm)).toEqual([1, 2, 2])
  })
})

describe('score-entry progress of a class-subject', () => {
  it('counts regular scores entered against those due at mid-term and term end (Toán, 4 required)', () => {
    const progress = scoreEntryProgress({
      subject: grade9['Toán']!,
      students: [
        { id: 'an', tx: [7, 8, 9, 6.5], gk: 7, ck: 8 }, // complete
        { id: 'binh', tx: [7, null, 8], gk: 6 }, // 2 of 4, mid-term in
        { id: 'chi', tx: [5] }, // 1 of 4
        { id: 'dung', tx: [5, 6, 7, 8, 9], gk: 5, ck: null }, // an extra regular score; no end-of-term yet
      ],
    })
    expect(progress).toMatchObject({ subject: 'Toán', required: 4, dueByMidTerm: 2, dueByTermEnd: 4 })
    expect(progress.students).toEqual([
      { id: 'an', regularEntered: 4, missingByMidTerm: 0, missingByTermEnd: 0, midTerm: true, endTerm: true, complete: true },
      { id: 'binh', regularEntered: 2, missingByMidTerm: 0, missingByTermEnd: 2, midTerm: true, endTerm: false, complete: false },
      { id: 'chi', regularEntered: 1, missingByMidTerm: 1, missingByTermEnd: 3, midTerm: false, endTerm: false, complete: false },
      { id: 'dung', regularEntered: 5, missingByMidTerm: 0, missingByTermEnd: 0, midTerm: true, endTerm: false, complete: false },
    ])
    // Entered counts at most 4 per student: 4 + 2 + 1 + 4 = 11 of 16 due by term end, 8 due by mid-term.
    expect(progress.totals).toEqual({
      students: 4,
      regularEntered: 11,
      regularDueByMidTerm: 8,
      regularDueByTermEnd: 16,
      onTrackAtMidTerm: 3,
      midTermEntered: 3,
      endTermEntered: 1,
      complete: 1,
    })
  })

  it('rounds the mid-term half up: Công nghệ grade 9 (52 periods, 3 required) is due 2 by mid-term', () => {
    const progress = scoreEntryProgress({ subject: grade9['Công nghệ']!, students: [{ id: 'an', tx: [8] }, { id: 'binh', tx: [8, 9] }] })
    expect(progress.required).toBe(3)
    expect(progress.dueByMidTerm).toBe(2)
    expect(progress.students.map((s) => s.missingByMidTerm)).toEqual([1, 0])
    expect(progress.totals.onTrackAtMidTerm).toBe(1)
  })

  it('takes Đ/CĐ marks for a comment subject (2 required)', () => {
    const progress = scoreEntryProgress({
      subject: grade9['Nghệ thuật']!,
      students: [
        { id: 'an', tx: ['Đ', 'CĐ'], gk: 'Đ', ck: 'Đ' },
        { id: 'binh', tx: ['Đ'] },
      ],
    })
    expect(progress.required).toBe(2)
    expect(progress.students.map((s) => s.complete)).toEqual([true, false])
    expect(progress.totals).toMatchObject({ regularEntered: 3, regularDueByTermEnd: 4, regularDueByMidTerm: 2, onTrackAtMidTerm: 2 })
  })

  it('refuses entries of the wrong kind, naming the student entry', () => {
    expect(expectIssues(() => scoreEntryProgress({ subject: grade9['Nghệ thuật']!, students: [{ id: 'an', tx: [8] }] }))).toEqual([
      { path: 'students[0].tx[0]', message: expect.stringContaining('phải là một trong: Đ, CĐ') },
    ])
    expect(expectIssues(() => scoreEntryProgress({ subject: grade9['Toán']!, students: [{ id: 'an', tx: [8], gk: 10.01 }] }))[0]?.path).toBe('students[0].gk')
    expect(expectIssues(() => scoreEntryProgress({ subject: { name: 'Toán', kind: 'scored', periodsPerYear: 0 }, students: [] }))[0]?.path).toBe(
      'subject.periodsPerYear',
    )
  })
})
