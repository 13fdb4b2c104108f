import { regularAssessmentCount } from './scores.ts'

export type SchoolStage = 'THCS' | 'TH'

export type CatalogueSubject = {
  name: string
  /** Scored on the 10-point scale, or assessed by comment only (Đ/CĐ). */
  kind: 'scored' | 'comment'
  periodsPerYear: number
}

/** Programme 2018 periods per year, lower secondary (DOMAIN.md §4). A school may override them. */
const THCS_SUBJECTS: readonly CatalogueSubject[] = [
  { name: 'Ngữ văn', kind: 'scored', periodsPerYear: 140 },
  { name: 'Toán', kind: 'scored', periodsPerYear: 140 },
  { name: 'Ngoại ngữ 1', kind: 'scored', periodsPerYear: 105 },
  { name: 'Lịch sử và Địa lí', kind: 'scored', periodsPerYear: 105 },
  { name: 'Khoa học tự nhiên', kind: 'scored', periodsPerYear: 140 },
  { name: 'GDCD', kind: 'scored', periodsPerYear: 35 },
  { name: 'Công nghệ', kind: 'scored', periodsPerYear: 35 },
  { name: 'Tin học', kind: 'scored', periodsPerYear: 35 },
  { name: 'Giáo dục thể chất', kind: 'comment', periodsPerYear: 70 },
  { name: 'Nghệ thuật', kind: 'comment', periodsPerYear: 70 },
  { name: 'HĐTN-HN', kind: 'comment', periodsPerYear: 105 },
  { name: 'GD địa phương', kind: 'comment', periodsPerYear: 35 },
]

/** Primary subjects by grade (Circular 27 / programme 2018); all assessed by comment and level. */
const PRIMARY_BY_GRADE: Record<number, readonly string[]> = {
  1: ['Tiếng Việt', 'Toán', 'Đạo đức', 'Tự nhiên và Xã hội', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm'],
  2: ['Tiếng Việt', 'Toán', 'Đạo đức', 'Tự nhiên và Xã hội', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm'],
  3: ['Tiếng Việt', 'Toán', 'Ngoại ngữ 1', 'Đạo đức', 'Tự nhiên và Xã hội', 'Tin học và Công nghệ', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm'],
  4: ['Tiếng Việt', 'Toán', 'Ngoại ngữ 1', 'Đạo đức', 'Lịch sử và Địa lí', 'Khoa học', 'Tin học và Công nghệ', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm'],
  5: ['Tiếng Việt', 'Toán', 'Ngoại ngữ 1', 'Đạo đức', 'Lịch sử và Địa lí', 'Khoa học', 'Tin học và Công nghệ', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm'],
}

const PRIMARY_TESTED = ['Tiếng Việt', 'Toán', 'Ngoại ngữ 1', 'Lịch sử và Địa lí', 'Khoa học', 'Tin học và Công nghệ']

/** The lower-secondary catalogue for a grade, with a school's period overrides applied. */
export function thcsCatalogue(grade: 6 | 7 | 8 | 9, overrides: Record<string, number> = {}): CatalogueSubject[] {
  return THCS_SUBJECTS.map((subject) => {
    const base = grade === 9 && subject.name === 'Công nghệ' ? 52 : subject.periodsPerYear
    return { ...subject, periodsPerYear: overrides[subject.name] ?? base }
  })
}

/** Regular assessments required per term: by periods for scored subjects; 2 for comment subjects. */
export function requiredRegularAssessments(subject: CatalogueSubject): number {
  return subject.kind === 'comment' ? 2 : regularAssessmentCount(subject.periodsPerYear)
}

export function primarySubjects(grade: 1 | 2 | 3 | 4 | 5): string[] {
  return [...(PRIMARY_BY_GRADE[grade] ?? [])]
}

export type PrimaryTest = 'mid-term-1' | 'end-of-term-1' | 'mid-term-2' | 'end-of-year'

/** Which periodic tests (whole-number scores) a primary subject has in a grade (DOMAIN.md §4). */
export function primaryPeriodicTests(grade: 1 | 2 | 3 | 4 | 5, subject: string): PrimaryTest[] {
  if (!primarySubjects(grade).includes(subject) || !PRIMARY_TESTED.includes(subject)) return []
  const midTermsToo = (grade === 4 || grade === 5) && (subject === 'Tiếng Việt' || subject === 'Toán')
  return midTermsToo ? ['mid-term-1', 'end-of-term-1', 'mid-term-2', 'end-of-year'] : ['end-of-term-1', 'end-of-year']
}
