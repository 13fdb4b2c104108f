import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { classSummary, subjectCatalogue, type StudentYearRecord, type TermEntry } from './index.ts'

// Grade 8: Ngữ văn, Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học tự nhiên need 4 regular scores a
// term; GDCD, Công nghệ, Tin học 2; the 4 comment subjects 2 marks plus mid-term and end-of-term.
const subjects = subjectCatalogue({ level: 'THCS', grade: 8 })
const FOUR = ['Ngữ văn', 'Toán', 'Ngoại ngữ 1', 'Lịch sử và Địa lí', 'Khoa học tự nhiên']
const TWO = ['GDCD', 'Công nghệ', 'Tin học']
const COMMENT = ['Giáo dục thể chất', 'Nghệ thuật', 'HĐTN-HN', 'GD địa phương']

/** Every assessment of a term at one score. */
const same = (score: number, regular: number) => ({ tx: Array.from({ length: regular }, () => score), gk: score, ck: score })
const allĐ = { tx: ['Đ', 'Đ'], gk: 'Đ', ck: 'Đ' } as const

/** A student with `score` everywhere and Đ in every comment subject, then the given changes. */
function student(id: string, score: number, changes: Partial<Record<string, { hk1?: TermEntry; hk2?: TermEntry }>>, rest: Partial<StudentYearRecord> = {}): StudentYearRecord {
  const record: StudentYearRecord['subjects'] = {}
  for (const name of FOUR) record[name] = { hk1: same(score, 4), hk2: same(score, 4) }
  for (const name of TWO) record[name] = { hk1: same(score, 2), hk2: same(score, 2) }
  for (const name of COMMENT) record[name] = { hk1: allĐ, hk2: allĐ }
  for (const [name, terms] of Object.entries(changes)) record[name] = { ...record[name], ...terms }
  return { id, subjects: record, conduct: { hk1: 'Tốt', hk2: 'Tốt' }, absences: 0, ...rest }
}

describe('class summary: three students computed by hand', () => {
  const an = student(
    'an',
    9,
    {
      'Ngữ văn': { hk1: same(8, 4), hk2: same(8, 4) },
      // hk1 (8 + 9 + 7.5 + 10 + 2·8.5 + 3·9) / 9 = 78.5 / 9 = 8.72 → 8.7
      // hk2 (9 + 9.5 + 10 + 8 + 2·9 + 3·9.5) / 9 = 83 / 9 = 9.22 → 9.2 ; year (8.7 + 18.4) / 3 = 9.03 → 9.0
      Toán: { hk1: { tx: [8, 9, 7.5, 10], gk: 8.5, ck: 9 }, hk2: { tx: [9, 9.5, 10, 8], gk: 9, ck: 9.5 } },
      // hk1 (10 + 9 + 2·8 + 3·9.5) / 7 = 63.5 / 7 = 9.07 → 9.1 ; hk2 (8.5 + 9 + 2·9 + 3·8.5) / 7 = 61 / 7 = 8.71 → 8.7
      // year (9.1 + 17.4) / 3 = 8.83 → 8.8
      GDCD: { hk1: { tx: [10, 9], gk: 8, ck: 9.5 }, hk2: { tx: [8.5, 9], gk: 9, ck: 8.5 } },
    },
    { name: 'Nguyễn Văn An', absences: 3 },
  )
  const binh = student(
    'binh',
    8,
    {
      // hk1 (4 + 5 + 3.5 + 4.5 + 2·4 + 3·3) / 9 = 34 / 9 = 3.78 → 3.8 ; hk2 (5 + 4 + 4.5 + 5.5 + 2·4.5 + 3·4) / 9 = 40 / 9 = 4.44 → 4.4
      // year (3.8 + 8.8) / 3 = 4.2
      Toán: { hk1: { tx: [4, 5, 3.5, 4.5], gk: 4, ck: 3 }, hk2: { tx: [5, 4, 4.5, 5.5], gk: 4.5, ck: 4 } },
      'Nghệ thuật': { hk1: { tx: ['Đ', 'CĐ'], gk: 'Đ', ck: 'Đ' }, hk2: allĐ },
    },
    { conduct: { hk1: 'Khá', hk2: 'Tốt' }, absences: 45 },
  )
  const chi = student(
    'chi',
    6,
    {
      // hk1 (5 + 4 + 2·4.5 + 3·4) / 7 = 30 / 7 = 4.29 → 4.3 ; hk2 (4 + 5 + 2·5 + 3·4.5) / 7 = 32.5 / 7 = 4.64 → 4.6 ; year 13.5 / 3 = 4.5
      'Công nghệ': { hk1: { tx: [5, 4], gk: 4.5, ck: 4 }, hk2: { tx: [4, 5], gk: 5, ck: 4.5 } },
      // hk1 (3 + 4 + 2·3.5 + 3·3) / 7 = 23 / 7 = 3.29 → 3.3 ; hk2 (3 + 3 + 2·3 + 3·4) / 7 = 24 / 7 = 3.43 → 3.4 ; year 10.1 / 3 = 3.37 → 3.4
      'Tin học': { hk1: { tx: [3, 4], gk: 3.5, ck: 3 }, hk2: { tx: [3, 3], gk: 3, ck: 4 } },
      'GD địa phương': { hk1: allĐ, hk2: { tx: ['Đ', 'Đ'], gk: 'Đ', ck: 'CĐ' } },
    },
    { conduct: { hk1: 'Đạt', hk2: 'Chưa đạt' }, absences: 10 },
  )
  const summary = classSummary({ subjects, students: [an, binh, chi] })
  const [a, b, c] = summary.students

  it('An: six subjects at 9.0 for the year, learning Tốt, conduct Tốt → Học sinh Xuất sắc', () => {
    expect(a?.name).toBe('Nguyễn Văn An')
    expect(a?.subjects['Toán']).toEqual({ hk1: 8.7, hk2: 9.2, year: 9 })
    expect(a?.subjects['GDCD']).toEqual({ hk1: 9.1, hk2: 8.7, year: 8.8 })
    expect(a?.subjects['Ngữ văn']).toEqual({ hk1: 8, hk2: 8, year: 8 })
    expect(a?.subjects['Nghệ thuật']).toEqual({ hk1: 'Đ', hk2: 'Đ', year: 'Đ' })
    // Year ≥ 9.0: Toán, Ngoại ngữ 1, Lịch sử và Địa lí, Khoa học tự nhiên, Công nghệ, Tin học — exactly 6.
    expect(a?.learning.year).toEqual({ level: 'Tốt', beforeAdjustment: 'Tốt' })
    expect(a?.conduct).toEqual({ hk1: 'Tốt', hk2: 'Tốt', year: 'Tốt' })
    expect(a?.award).toBe('Học sinh Xuất sắc')
    expect(a?.promoted).toBe(true)
    expect(a?.outcome).toBe('promoted')
    expect(a?.missing).toEqual([])
  })

  it('Bình: Toán alone holds back a Tốt year, so Đạt rises to Khá (Art. 9.3); 45 absences still promote', () => {
    expect(b?.subjects['Toán']).toEqual({ hk1: 3.8, hk2: 4.4, year: 4.2 })
    expect(b?.subjects['Nghệ thuật']).toEqual({ hk1: 'CĐ', hk2: 'Đ', year: 'Đ' })
    // Term I has Toán 3.8 and Nghệ thuật CĐ: no single change lifts it two levels.
    expect(b?.learning.hk1).toEqual({ level: 'Đạt', beforeAdjustment: 'Đạt' })
    expect(b?.learning.hk2).toEqual({ level: 'Khá', beforeAdjustment: 'Đạt' })
    expect(b?.learning.year).toEqual({ level: 'Khá', beforeAdjustment: 'Đạt' })
    expect(b?.conduct.year).toBe('Tốt')
    expect(b?.award).toBeNull()
    expect(b?.promoted).toBe(true)
    expect(b?.retests).toEqual([])
  })

  it('Chi: Tin học below 3.5 makes the year Chưa đạt; re-tests and summer conduct training', () => {
    expect(c?.subjects['Công nghệ']).toEqual({ hk1: 4.3, hk2: 4.6, year: 4.5 })
    expect(c?.subjects['Tin học']).toEqual({ hk1: 3.3, hk2: 3.4, year: 3.4 })
    expect(c?.subjects['GD địa phương']).toEqual({ hk1: 'Đ', hk2: 'CĐ', year: 'CĐ' })
    expect(c?.subjects['Toán']).toEqual({ hk1: 6, hk2: 6, year: 6 })
    expect(c?.learning.year).toEqual({ level: 'Chưa đạt', beforeAdjustment: 'Chưa đạt' })
    expect(c?.conduct.year).toBe('Chưa đạt')
    expect(c?.promoted).toBe(false)
    expect(c?.outcome).toBe('reassessment')
    expect(c?.retests).toEqual(['Công nghệ', 'Tin học', 'GD địa phương'])
    expect(c?.summerConductTraining).toBe(true)
  })

  it('adds up the class and lists who is re-tested', () => {
    expect(summary.retestList).toEqual([{ id: 'chi', retests: ['Công nghệ', 'Tin học', 'GD địa phương'], summerConductTraining: true }])
    expect(summary.counts).toEqual({
      students: 3,
      complete: 3,
      incomplete: 0,
      promoted: 2,
      reassessment: 1,
      retained: 0,
      awards: { 'Học sinh Xuất sắc': 1, 'Học sinh Giỏi': 0 },
      learning: { Tốt: 1, Khá: 1, Đạt: 0, 'Chưa đạt': 1 },
      conduct: { Tốt: 2, Khá: 0, Đạt: 0, 'Chưa đạt': 1 },
    })
  })
})

describe('class summary: missing entries and absences', () => {
  it('lists what is missing and leaves the results that depend on it empty', () => {
    const dung = student('dung', 8, {
      'Ngữ văn': { hk2: { tx: [8, 8, 8, 8], gk: 8, ck: null } },
      Toán: { hk1: { tx: [8, null, 8, 8], gk: 8, ck: 8 } },
      'Giáo dục thể chất': { hk1: { tx: ['Đ'], gk: 'Đ', ck: 'Đ' } },
    })
    dung.conduct = { hk1: 'Tốt' }
    delete dung.subjects['Tin học']
    const [summary] = classSummary({ subjects, students: [dung] }).students
    expect(summary?.missing).toEqual([
      { term: 'hk2', subject: 'Ngữ văn', item: 'ck', count: 1 },
      { term: 'hk1', subject: 'Toán', item: 'tx', count: 1 },
      ...(['hk1', 'hk2'] as const).flatMap((term) => [
        { term, subject: 'Tin học', item: 'tx', count: 2 },
        { term, subject: 'Tin học', item: 'gk', count: 1 },
        { term, subject: 'Tin học', item: 'ck', count: 1 },
      ]),
      { term: 'hk1', subject: 'Giáo dục thể chất', item: 'tx', count: 1 },
      { term: 'hk2', subject: null, item: 'conduct', count: 1 },
    ])
    expect(summary?.subjects['Ngữ văn']).toEqual({ hk1: 8, hk2: null, year: null })
    expect(summary?.subjects['Toán']).toEqual({ hk1: null, hk2: 8, year: null })
    // A comment subject with a missing assessment is Chưa đạt for the term, as the rule says.
    expect(summary?.subjects['Giáo dục thể chất']).toEqual({ hk1: 'CĐ', hk2: 'Đ', year: 'Đ' })
    expect(summary?.learning).toEqual({ hk1: null, hk2: null, year: null })
    expect(summary?.conduct).toEqual({ hk1: 'Tốt', hk2: null, year: null })
    expect(summary?.promoted).toBeNull()
    expect(summary?.outcome).toBeNull()
    expect(summary?.award).toBeNull()
  })

  it('a missing comment mark shows CĐ but leaves the learning level, award, promotion and re-tests empty', () => {
    // Every score is in; only the end-of-term mark of Nghệ thuật in term II is missing.
    const khanh = student('khanh', 8, { 'Nghệ thuật': { hk2: { tx: ['Đ', 'Đ'], gk: 'Đ', ck: null } } })
    // Scores of 4 would make the year Chưa đạt with re-tests, were the CĐ counted as final.
    const lan = student('lan', 4, { 'Nghệ thuật': { hk2: { tx: ['Đ', 'Đ'], gk: 'Đ', ck: null } } })
    // Only a regular mark of term I is missing (an extra mark does not replace the missing mid-term).
    const minh = student('minh', 8, { 'Giáo dục thể chất': { hk1: { tx: ['Đ', 'Đ', 'Đ'], gk: null, ck: 'Đ' } } })
    const result = classSummary({ subjects, students: [khanh, lan, minh] })
    const [k, l, m] = result.students

    expect(k?.missing).toEqual([{ term: 'hk2', subject: 'Nghệ thuật', item: 'ck', count: 1 }])
    expect(k?.subjects['Nghệ thuật']).toEqual({ hk1: 'Đ', hk2: 'CĐ', year: 'CĐ' })
    expect(k?.subjects['Toán']).toEqual({ hk1: 8, hk2: 8, year: 8 })
    expect(k?.learning).toEqual({ hk1: { level: 'Tốt', beforeAdjustment: 'Tốt' }, hk2: null, year: null })
    expect(k?.conduct.year).toBe('Tốt')
    expect(k).toMatchObject({ award: null, promoted: null, outcome: null, retests: [], summerConductTraining: false })

    expect(l?.learning).toEqual({ hk1: { level: 'Chưa đạt', beforeAdjustment: 'Chưa đạt' }, hk2: null, year: null })
    expect(l).toMatchObject({ award: null, promoted: null, outcome: null, retests: [] })

    expect(m?.missing).toEqual([{ term: 'hk1', subject: 'Giáo dục thể chất', item: 'gk', count: 1 }])
    expect(m?.subjects['Giáo dục thể chất']).toEqual({ hk1: 'CĐ', hk2: 'Đ', year: 'Đ' })
    expect(m?.learning).toEqual({ hk1: null, hk2: { level: 'Tốt', beforeAdjustment: 'Tốt' }, year: null })
    expect(m).toMatchObject({ award: null, promoted: null, outcome: null })

    expect(result.retestList).toEqual([])
    expect(result.counts).toMatchObject({ students: 3, complete: 0, incomplete: 3, promoted: 0, reassessment: 0, retained: 0 })
    expect(result.counts.learning).toEqual({ Tốt: 0, Khá: 0, Đạt: 0, 'Chưa đạt': 0 })
  })

  it('keeps back a student absent 46 sessions, without a re-test list', () => {
    const result = classSummary({
      subjects,
      students: [student('em', 8, {}, { absences: 46 }), student('giang', 4, {}, { absences: 50 }), student('hoa', 8, {}, { absences: 45 })],
    })
    const [em, giang, hoa] = result.students
    expect(em).toMatchObject({ outcome: 'retained', promoted: false, award: 'Học sinh Giỏi', retests: [] })
    expect(giang?.learning.year?.level).toBe('Chưa đạt')
    expect(giang).toMatchObject({ outcome: 'retained', promoted: false, retests: [], summerConductTraining: false })
    expect(hoa).toMatchObject({ outcome: 'promoted', promoted: true })
    expect(result.counts).toMatchObject({ retained: 2, promoted: 1, reassessment: 0 })
    expect(result.retestList).toEqual([])
  })
})

describe('class summary input', () => {
  it('names the student, subject, term and field of a bad score', () => {
    const bad = student('an', 8, { Toán: { hk1: { tx: [8, 8, 8, 12], gk: 8, ck: 8 } } })
    expect(expectIssues(() => classSummary({ subjects, students: [bad] }))).toEqual([
      { path: 'students[0].subjects.Toán.hk1.tx[3]', message: expect.stringContaining('got 12') },
    ])
  })

  it('refuses a subject outside the class’s list, a comment subject given a score, duplicates', () => {
    const extra = student('an', 8, { 'Hóa học': { hk1: same(8, 4) } })
    expect(expectIssues(() => classSummary({ subjects, students: [extra] }))).toEqual([
      { path: 'students[0].subjects', message: expect.stringContaining('Hóa học') },
    ])
    const scoredComment = student('an', 8, { 'Nghệ thuật': { hk1: same(8, 2) } })
    expect(expectIssues(() => classSummary({ subjects, students: [scoredComment] }))[0]?.path).toBe('students[0].subjects.Nghệ thuật.hk1.tx[0]')
    expect(expectIssues(() => classSummary({ subjects, students: [student('an', 8, {}), student('an', 7, {})] }))).toEqual([
      { path: 'students[1].id', message: expect.stringContaining('an') },
    ])
    expect(expectIssues(() => classSummary({ subjects: [...subjects, subjects[0]!] as never, students: [] }))[0]?.path).toBe('subjects[12].name')
  })

  it('refuses primary subjects: the class summary applies Circular 22', () => {
    const primary = subjectCatalogue({ level: 'TH', grade: 3 })
    expect(expectIssues(() => classSummary({ subjects: primary as never, students: [] }))[0]).toEqual({
      path: 'subjects[0].kind',
      message: expect.stringContaining('got "rated"'),
    })
  })
})
