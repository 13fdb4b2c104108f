import { parseInput } from './errors.ts'
import { periodsPerYearInput, type ThcsSubjectKind } from './schemas.ts'

/** Regular assessments (ĐĐGtx) per term of a comment-only subject, whatever its periods. */
export const COMMENT_SUBJECT_REGULAR_ASSESSMENTS = 2

export function regularCountForPeriods(periodsPerYear: number): number {
  if (periodsPerYear <= 35) return 2
  if (periodsPerYear <= 70) return 3
  return 4
}

/**
 * Regular assessments required per term for a scored subject, by its periods per school year
 * (Circular 22, Art. 7): up to 35 → 2; over 35 up to 70 → 3; over 70 → 4.
 */
export function regularAssessmentCount(periodsPerYear: number): number {
  return regularCountForPeriods(parseInput(periodsPerYearInput, periodsPerYear, 'periodsPerYear'))
}

/** Regular assessments required per term for any lower-secondary subject. */
export function requiredRegularAssessments(subject: { kind: ThcsSubjectKind; periodsPerYear: number }): number {
  return subject.kind === 'comment' ? COMMENT_SUBJECT_REGULAR_ASSESSMENTS : regularAssessmentCount(subject.periodsPerYear)
}
