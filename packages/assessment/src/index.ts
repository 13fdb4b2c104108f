export { AssessmentInputError, type InputIssue } from './errors.ts'
export { commentSubjectTerm, regularAssessmentCount, termAverage, yearAverage } from './scores.ts'
export { art93Adjustment, computedLearningLevel, learningLevel, type LearningInput } from './learning.ts'
export { conductYear } from './conduct.ts'
export { award, promotion, MAX_ABSENCES_FOR_PROMOTION, type Award } from './yearEnd.ts'
export { primaryYear, type PrimaryYearResult } from './primary.ts'
export {
  primaryPeriodicTests,
  primarySubjects,
  requiredRegularAssessments,
  thcsCatalogue,
  type CatalogueSubject,
  type PrimaryTest,
} from './catalogue.ts'
export { entryProgress, type EntryProgress, type StudentTermEntry } from './progress.ts'
export { classSummary, type ClassSummary, type StudentRecord, type StudentSummary } from './classSummary.ts'
export { LEVELS, type CommentMark, type Level } from './schemas.ts'
export { divideRoundHalfUp } from './tenths.ts'
