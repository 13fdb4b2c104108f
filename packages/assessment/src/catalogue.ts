import { AssessmentInputError, parseInput } from './errors.ts'
import { MESSAGES } from './messages.ts'
import { COMMENT_SUBJECT_REGULAR_ASSESSMENTS, regularCountForPeriods } from './regularAssessmentCount.ts'
import { subjectCatalogueInput, type SchoolLevel, type SubjectCatalogueInput, type SubjectKind } from './schemas.ts'

/** The periodic assessments of a school year, in order. */
export type PeriodicTest = 'mid-term-1' | 'end-of-term-1' | 'mid-term-2' | 'end-of-year'

type CatalogueEntry<Kind extends SubjectKind, Regular extends number | null> = {
  name: string
  /** scored: 10-point scale + comment; comment: Đ/CĐ only (THCS). rated: HTT/HT/CHT (TH). */
  kind: Kind
  /** Programme-2018 periods per school year, or the school's own figure. */
  periodsPerYear: number
  /** THCS: regular assessments (ĐĐGtx) required per term. TH: null (Circular 27 sets no count). */
  regularAssessmentsPerTerm: Regular
  /**
   * Periodic assessments held. THCS: a mid-term and an end-of-term assessment each term, scored
   * or Đ/CĐ by kind. TH: the periodic tests with a whole-number score (none for untested subjects).
   */
  periodicTests: PeriodicTest[]
}
export type ThcsCatalogueSubject = CatalogueEntry<'scored' | 'comment', number>
export type PrimaryCatalogueSubject = CatalogueEntry<'rated', null>
export type CatalogueSubject = ThcsCatalogueSubject | PrimaryCatalogueSubject

export const GRADES: Readonly<Record<SchoolLevel, readonly number[]>> = { TH: [1, 2, 3, 4, 5], THCS: [6, 7, 8, 9] }

const EVERY_PERIODIC: readonly PeriodicTest[] = ['mid-term-1', 'end-of-term-1', 'mid-term-2', 'end-of-year']
const END_OF_TERM_ONLY: readonly PeriodicTest[] = ['end-of-term-1', 'end-of-year']

/** Lower secondary, programme 2018 (docs/domain.md § Grading): name, kind, periods per year for grades 6, 7, 8, 9. */
const THCS_SUBJECTS: readonly { name: string; kind: 'scored' | 'comment'; periods: readonly [number, number, number, number] }[] = [
  { name: 'Ngữ văn', kind: 'scored', periods: [140, 140, 140, 140] },
  { name: 'Toán', kind: 'scored', periods: [140, 140, 140, 140] },
  { name: 'Ngoại ngữ 1', kind: 'scored', periods: [105, 105, 105, 105] },
  { name: 'Lịch sử và Địa lí', kind: 'scored', periods: [105, 105, 105, 105] },
  { name: 'Khoa học tự nhiên', kind: 'scored', periods: [140, 140, 140, 140] },
  { name: 'GDCD', kind: 'scored', periods: [35, 35, 35, 35] },
  { name: 'Công nghệ', kind: 'scored', periods: [35, 35, 35, 52] },
  { name: 'Tin học', kind: 'scored', periods: [35, 35, 35, 35] },
  { name: 'Giáo dục thể chất', kind: 'comment', periods: [70, 70, 70, 70] },
  { name: 'Nghệ thuật', kind: 'comment', periods: [70, 70, 70, 70] },
  { name: 'HĐTN-HN', kind: 'comment', periods: [105, 105, 105, 105] },
  { name: 'GD địa phương', kind: 'comment', periods: [35, 35, 35, 35] },
]

/**
 * Primary, programme 2018: periods per year for grades 1–5 (null: not taught in that grade), and
 * whether the subject has periodic tests (Circular 27, Art. 7). Ngoại ngữ 1 is optional in grades
 * 1–2 and left out there.
 */
const PRIMARY_SUBJECTS: readonly { name: string; tested: boolean; periods: readonly (number | null)[] }[] = [
  { name: 'Tiếng Việt', tested: true, periods: [420, 350, 245, 245, 245] },
  { name: 'Toán', tested: true, periods: [105, 175, 175, 175, 175] },
  { name: 'Ngoại ngữ 1', tested: true, periods: [null, null, 140, 140, 140] },
  { name: 'Đạo đức', tested: false, periods: [35, 35, 35, 35, 35] },
  { name: 'Tự nhiên và Xã hội', tested: false, periods: [70, 70, 70, null, null] },
  { name: 'Lịch sử và Địa lí', tested: true, periods: [null, null, null, 70, 70] },
  { name: 'Khoa học', tested: true, periods: [null, null, null, 70, 70] },
  { name: 'Tin học và Công nghệ', tested: true, periods: [null, null, 70, 70, 70] },
  { name: 'Giáo dục thể chất', tested: false, periods: [70, 70, 70, 70, 70] },
  { name: 'Nghệ thuật', tested: false, periods: [70, 70, 70, 70, 70] },
  { name: 'Hoạt động trải nghiệm', tested: false, periods: [105, 105, 105, 105, 105] },
]

/** Grades 4–5 also test Tiếng Việt and Toán at mid-term I and II (Circular 27, Art. 7.2). */
function primaryPeriodicTests(grade: number, name: string, tested: boolean): PeriodicTest[] {
  if (!tested) return []
  if (grade >= 4 && (name === 'Tiếng Việt' || name === 'Toán')) return [...EVERY_PERIODIC]
  return [...END_OF_TERM_ONLY]
}

function defaultCatalogue(level: SchoolLevel, grade: number): CatalogueSubject[] {
  if (level === 'THCS') {
    return THCS_SUBJECTS.map(({ name, kind, periods }): ThcsCatalogueSubject => {
      const periodsPerYear = periods[grade - 6]!
      return {
        name,
        kind,
        periodsPerYear,
        regularAssessmentsPerTerm: kind === 'comment' ? COMMENT_SUBJECT_REGULAR_ASSESSMENTS : regularCountForPeriods(periodsPerYear),
        periodicTests: [...EVERY_PERIODIC],
      }
    })
  }
  return PRIMARY_SUBJECTS.flatMap(({ name, tested, periods }) => {
    const periodsPerYear = periods[grade - 1]
    if (periodsPerYear == null) return []
    const subject: PrimaryCatalogueSubject = { name, kind: 'rated', periodsPerYear, regularAssessmentsPerTerm: null, periodicTests: primaryPeriodicTests(grade, name, tested) }
    return [subject]
  })
}

/**
 * The subjects of a grade: name, scored or comment (THCS) or rated (TH), periods per year
 * (programme 2018 unless the school overrides them), regular assessments required per term
 * (recomputed from the school's periods), and the periodic tests held.
 *
 * subjectCatalogue({ level: 'THCS', grade: 8, periodsPerYear: { 'Tin học': 52 } })
 */
export function subjectCatalogue(input: SubjectCatalogueInput & { level: 'THCS' }): ThcsCatalogueSubject[]
export function subjectCatalogue(input: SubjectCatalogueInput & { level: 'TH' }): PrimaryCatalogueSubject[]
export function subjectCatalogue(input: SubjectCatalogueInput): CatalogueSubject[]
export function subjectCatalogue(input: SubjectCatalogueInput): CatalogueSubject[] {
  const { level, grade, periodsPerYear: overrides = {} } = parseInput(subjectCatalogueInput, input)
  if (!GRADES[level].includes(grade)) throw new AssessmentInputError([{ path: 'grade', message: MESSAGES.gradeForLevel(level, GRADES[level], grade) }])
  const subjects = defaultCatalogue(level, grade)
  const unknown = Object.keys(overrides).filter((name) => !subjects.some((subject) => subject.name === name))
  if (unknown.length > 0) throw new AssessmentInputError(unknown.map((name) => ({ path: `periodsPerYear.${name}`, message: MESSAGES.unknownSubjectOverride([name]) })))
  return subjects.map((subject): CatalogueSubject => {
    const periodsPerYear = overrides[subject.name]
    if (periodsPerYear === undefined) return subject
    if (subject.kind === 'scored') return { ...subject, periodsPerYear, regularAssessmentsPerTerm: regularCountForPeriods(periodsPerYear) }
    return { ...subject, periodsPerYear }
  })
}

/** Shorthand for `subjectCatalogue({ level: 'THCS', grade, periodsPerYear })`. */
export function thcsCatalogue(grade: 6 | 7 | 8 | 9, periodsPerYear: Record<string, number> = {}): ThcsCatalogueSubject[] {
  return subjectCatalogue({ level: 'THCS', grade, periodsPerYear })
}

/** Names of a primary grade's subjects, in catalogue order. */
export function primarySubjects(grade: 1 | 2 | 3 | 4 | 5): string[] {
  return subjectCatalogue({ level: 'TH', grade }).map((subject) => subject.name)
}
