// Circular 22/2021 (THCS) and Circular 27/2020 (TH) assessment rules as pure functions.
export { AssessmentInputError, type InputIssue } from './errors.ts'
export { divideRoundHalfUp, fromTenths, hasAtMostOneDecimal, roundToTenths, toTenths } from './rounding.ts'
export { termAverage } from './termAverage.ts'
export { yearAverage } from './yearAverage.ts'
export { COMMENT_SUBJECT_REGULAR_ASSESSMENTS, regularAssessmentCount, requiredRegularAssessments } from './regularAssessmentCount.ts'
export { commentSubjectTerm, commentSubjectYear } from './commentSubject.ts'
export {
  learningLevel,
  learningLevelBeforeAdjustment,
  levelRank,
  singleSubjectAdjustment,
  type LearningLevelResult,
} from './learningLevel.ts'
export { conductYear } from './conduct.ts'
export { award, EXCELLENT_SUBJECTS_NEEDED, type Award } from './award.ts'
export { MAX_ABSENCES, promotion, retestSubjects, yearEndDecision, type YearEndDecision, type YearEndOutcome } from './promotion.ts'
export { primaryYear, PRIMARY_YEAR_RESULTS, type PrimaryYearResult } from './primary.ts'
export {
  GRADES,
  primarySubjects,
  subjectCatalogue,
  thcsCatalogue,
  type CatalogueSubject,
  type PeriodicTest,
  type PrimaryCatalogueSubject,
  type ThcsCatalogueSubject,
} from './catalogue.ts'
export { dueByMidTerm, scoreEntryProgress, type ScoreEntryProgress, type ScoreEntryProgressInput, type StudentEntryProgress } from './progress.ts'
export {
  classSummary,
  type ClassSummary,
  type ClassSummaryInput,
  type MissingEntry,
  type RetestEntry,
  type StudentSummary,
  type StudentYearRecord,
  type SubjectResult,
  type Term,
} from './classSummary.ts'
export {
  COMMENT_MARKS,
  LEVELS,
  PRIMARY_SUBJECT_RESULTS,
  PRIMARY_TRAIT_LEVELS,
  SCHOOL_LEVELS,
  SUBJECT_KINDS,
  awardInput,
  commentSubjectTermInput,
  conductYearInput,
  learningLevelInput,
  primaryYearInput,
  promotionInput,
  termAverageInput,
  yearAverageInput,
  type AwardInput,
  type CommentMark,
  type CommentSubjectTermInput,
  type CommentSubjectYearInput,
  type ConductYearInput,
  type GradebookSubject,
  type LearningLevelInput,
  type Level,
  type PrimarySubjectResult,
  type PrimaryTraitLevel,
  type PrimaryYearInput,
  type PromotionInput,
  type RetestSubjectsInput,
  type SchoolLevel,
  type SubjectCatalogueInput,
  type SubjectKind,
  type TermAverageInput,
  type TermEntry,
  type YearAverageInput,
} from './schemas.ts'
