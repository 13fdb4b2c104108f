import { describe, expect, it } from 'vitest'

import { expectIssues } from './expectIssues.ts'
import { primarySubjects, subjectCatalogue, thcsCatalogue } from './index.ts'

const byName = (subjects: ReturnType<typeof subjectCatalogue>) => Object.fromEntries(subjects.map((subject) => [subject.name, subject]))

describe('subject catalogue, lower secondary', () => {
  it('has the 8 scored and 4 comment subjects of programme 2018 with their periods', () => {
    const grade8 = subjectCatalogue({ level: 'THCS', grade: 8 })
    expect(grade8.filter((s) => s.kind === 'scored').map((s) => [s.name, s.periodsPerYear])).toEqual([
      ['Ngữ văn', 140],
      ['Toán', 140],
      ['Ngoại ngữ 1', 105],
      ['Lịch sử và Địa lí', 105],
      ['Khoa học tự nhiên', 140],
      ['GDCD', 35],
      ['Công nghệ', 35],
      ['Tin học', 35],
    ])
    expect(grade8.filter((s) => s.kind === 'comment').map((s) => [s.name, s.periodsPerYear])).toEqual([
      ['Giáo dục thể chất', 70],
      ['Nghệ thuật', 70],
      ['HĐTN-HN', 105],
      ['GD địa phương', 35],
    ])
  })

  it('derives the regular assessments per term from the periods; comment subjects have 2', () => {
    const grade8 = byName(subjectCatalogue({ level: 'THCS', grade: 8 }))
    expect(grade8['Toán']?.regularAssessmentsPerTerm).toBe(4)
    expect(grade8['GDCD']?.regularAssessmentsPerTerm).toBe(2)
    expect(grade8['HĐTN-HN']?.regularAssessmentsPerTerm).toBe(2)
    expect(grade8['Toán']?.periodicTests).toEqual(['mid-term-1', 'end-of-term-1', 'mid-term-2', 'end-of-year'])
  })

  it('grade 9 has 52 periods of Công nghệ, so 3 regular assessments', () => {
    const grade9 = byName(subjectCatalogue({ level: 'THCS', grade: 9 }))
    expect(grade9['Công nghệ']).toMatchObject({ periodsPerYear: 52, regularAssessmentsPerTerm: 3 })
  })

  it('lets a school override periods, and recomputes the regular count', () => {
    const school = byName(subjectCatalogue({ level: 'THCS', grade: 7, periodsPerYear: { 'Tin học': 70, GDCD: 71, 'Nghệ thuật': 140 } }))
    expect(school['Tin học']).toMatchObject({ periodsPerYear: 70, regularAssessmentsPerTerm: 3 })
    expect(school['GDCD']).toMatchObject({ periodsPerYear: 71, regularAssessmentsPerTerm: 4 })
    expect(school['Nghệ thuật']).toMatchObject({ periodsPerYear: 140, regularAssessmentsPerTerm: 2 })
    expect(school['Toán']?.periodsPerYear).toBe(140)
  })

  it('refuses an override for a subject it does not have, and a bad period count', () => {
    expect(expectIssues(() => subjectCatalogue({ level: 'THCS', grade: 7, periodsPerYear: { 'Hóa học': 70 } }))).toEqual([
      { path: 'periodsPerYear.Hóa học', message: expect.stringContaining('Hóa học') },
    ])
    expect(expectIssues(() => subjectCatalogue({ level: 'THCS', grade: 7, periodsPerYear: { Toán: -3 } }))[0]?.path).toBe('periodsPerYear.Toán')
  })
})

describe('subject catalogue, primary', () => {
  it('knows which subjects a grade has', () => {
    const grade1 = subjectCatalogue({ level: 'TH', grade: 1 }).map((s) => s.name)
    expect(grade1).toContain('Tự nhiên và Xã hội')
    expect(grade1).not.toContain('Tin học và Công nghệ')
    expect(grade1).not.toContain('Khoa học')
    const grade4 = subjectCatalogue({ level: 'TH', grade: 4 }).map((s) => s.name)
    expect(grade4).toEqual(expect.arrayContaining(['Lịch sử và Địa lí', 'Khoa học', 'Tin học và Công nghệ', 'Ngoại ngữ 1']))
    expect(grade4).not.toContain('Tự nhiên và Xã hội')
    expect(subjectCatalogue({ level: 'TH', grade: 4 }).every((s) => s.kind === 'rated' && s.regularAssessmentsPerTerm === null)).toBe(true)
  })

  it('knows which subjects have periodic tests, and when, per grade', () => {
    const grade = (g: number) => byName(subjectCatalogue({ level: 'TH', grade: g }))
    expect(grade(2)['Toán']?.periodicTests).toEqual(['end-of-term-1', 'end-of-year'])
    expect(grade(3)['Tin học và Công nghệ']?.periodicTests).toEqual(['end-of-term-1', 'end-of-year'])
    expect(grade(3)['Tự nhiên và Xã hội']?.periodicTests).toEqual([])
    expect(grade(5)['Tiếng Việt']?.periodicTests).toEqual(['mid-term-1', 'end-of-term-1', 'mid-term-2', 'end-of-year'])
    expect(grade(4)['Toán']?.periodicTests).toEqual(['mid-term-1', 'end-of-term-1', 'mid-term-2', 'end-of-year'])
    expect(grade(4)['Khoa học']?.periodicTests).toEqual(['end-of-term-1', 'end-of-year'])
    expect(grade(4)['Đạo đức']?.periodicTests).toEqual([])
    const tested = subjectCatalogue({ level: 'TH', grade: 5 }).filter((s) => s.periodicTests.length > 0).map((s) => s.name)
    expect(tested.sort()).toEqual(['Khoa học', 'Lịch sử và Địa lí', 'Ngoại ngữ 1', 'Tin học và Công nghệ', 'Tiếng Việt', 'Toán'].sort())
  })
})

describe('subject catalogue input', () => {
  it('names an unknown school level and a grade the level does not teach', () => {
    expect(expectIssues(() => subjectCatalogue({ level: 'THPT' as never, grade: 10 }))).toEqual([
      { path: 'level', message: 'cấp học phải là một trong: TH, THCS (unknown school level; got "THPT")' },
    ])
    expect(expectIssues(() => subjectCatalogue({ level: 'TH', grade: 7 }))).toEqual([{ path: 'grade', message: expect.stringContaining('1, 2, 3, 4, 5') }])
  })
})

describe('catalogue shorthands', () => {
  it('thcsCatalogue and primarySubjects read the same catalogue', () => {
    expect(thcsCatalogue(9)).toEqual(subjectCatalogue({ level: 'THCS', grade: 9 }))
    expect(thcsCatalogue(8, { 'Tin học': 70 }).find((s) => s.name === 'Tin học')?.regularAssessmentsPerTerm).toBe(3)
    expect(primarySubjects(1)).toEqual(['Tiếng Việt', 'Toán', 'Đạo đức', 'Tự nhiên và Xã hội', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm'])
    expect(primarySubjects(5)).toHaveLength(10)
  })
})
