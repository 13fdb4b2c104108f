/**
 * zod schemas of every public input. Each message names the field in Vietnamese and English and
 * quotes the rejected value (see messages.ts); AssessmentInputError adds the path.
 */
import { z } from 'zod'

import { FIELDS, MESSAGES, type FieldLabel } from './messages.ts'
import { hasAtMostOneDecimal } from './rounding.ts'

/** Learning and conduct levels of Circular 22, best first. */
export const LEVELS = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'] as const
export type Level = (typeof LEVELS)[number]

/** Result of a comment-only subject (Đạt / Chưa đạt), as the gradebook writes it. */
export const COMMENT_MARKS = ['Đ', 'CĐ'] as const
export type CommentMark = (typeof COMMENT_MARKS)[number]

export const SCHOOL_LEVELS = ['TH', 'THCS'] as const
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number]

/** scored: 10-point score + comment (THCS); comment: Đ/CĐ only (THCS); rated: HTT/HT/CHT (TH). */
export const SUBJECT_KINDS = ['scored', 'comment', 'rated'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]
/** The kinds the lower-secondary gradebook computes with. */
export const THCS_SUBJECT_KINDS = ['scored', 'comment'] as const
export type ThcsSubjectKind = (typeof THCS_SUBJECT_KINDS)[number]

/** Primary subject result: Hoàn thành tốt / Hoàn thành / Chưa hoàn thành. */
export const PRIMARY_SUBJECT_RESULTS = ['HTT', 'HT', 'CHT'] as const
export type PrimarySubjectResult = (typeof PRIMARY_SUBJECT_RESULTS)[number]
/** Primary qualities and competences. */
export const PRIMARY_TRAIT_LEVELS = ['Tốt', 'Đạt', 'Cần cố gắng'] as const
export type PrimaryTraitLevel = (typeof PRIMARY_TRAIT_LEVELS)[number]

const isAbsent = (value: unknown) => value === undefined || value === null

/** A score on the 10-point scale with at most one decimal (Circular 22, Art. 6). */
export function scoreSchema(label: FieldLabel) {
  return z
    .number({ error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.notANumber(label, issue.input)) })
    .check((ctx) => {
      if (ctx.value < 0 || ctx.value > 10) ctx.issues.push({ code: 'custom', input: ctx.value, message: MESSAGES.scoreRange(label, ctx.value) })
      else if (!hasAtMostOneDecimal(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: MESSAGES.oneDecimal(label, ctx.value) })
    })
}

/** A primary periodic test score: a whole number 0–10 (Circular 27, Art. 7). */
export function wholeScoreSchema(label: FieldLabel) {
  return z
    .number({ error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.notANumber(label, issue.input)) })
    .check((ctx) => {
      if (ctx.value < 0 || ctx.value > 10) ctx.issues.push({ code: 'custom', input: ctx.value, message: MESSAGES.scoreRange(label, ctx.value) })
      else if (!Number.isInteger(ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, message: MESSAGES.wholeNumber(label, ctx.value) })
    })
}

function wholeNumberSchema(label: FieldLabel, min: 0 | 1) {
  const message = min === 0 ? MESSAGES.nonNegativeWhole : MESSAGES.positiveWhole
  return z
    .number({ error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : message(label, issue.input)) })
    .check((ctx) => {
      if (!Number.isInteger(ctx.value) || ctx.value < min) ctx.issues.push({ code: 'custom', input: ctx.value, message: message(label, ctx.value) })
    })
}
export const positiveWholeSchema = (label: FieldLabel) => wholeNumberSchema(label, 1)
export const nonNegativeWholeSchema = (label: FieldLabel) => wholeNumberSchema(label, 0)

/** One of a fixed list of values, e.g. a level; an unknown one is named with the allowed list. */
export function oneOfSchema<const T extends readonly [string, ...string[]]>(values: T, label: FieldLabel) {
  return z.enum(values, { error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.oneOf(label, values, issue.input)) })
}

export function textSchema(label: FieldLabel) {
  return z.string({ error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.notText(label, issue.input)) }).min(1, {
    error: (issue) => MESSAGES.notText(label, issue.input),
  })
}

export function objectSchema<S extends z.ZodRawShape>(shape: S, label: FieldLabel = FIELDS.input) {
  return z.object(shape, { error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.notAnObject(label, issue.input)) })
}

export function listSchema<T extends z.ZodType>(item: T, label: FieldLabel) {
  return z.array(item, { error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.notAList(label, issue.input)) })
}

/** Subject name → value. */
export function bySubjectSchema<T extends z.ZodType>(value: T, label: FieldLabel) {
  return z.record(z.string(), value, { error: (issue) => (isAbsent(issue.input) ? MESSAGES.missing(label) : MESSAGES.notAnObject(label, issue.input)) })
}

export const levelSchema = (label: FieldLabel) => oneOfSchema(LEVELS, label)
export const commentMarkSchema = oneOfSchema(COMMENT_MARKS, FIELDS.commentMark)

// ── Inputs of the public functions (the shapes of shared/assessment-vectors.json) ──────────────

export const termAverageInput = objectSchema({
  tx: listSchema(scoreSchema(FIELDS.tx), FIELDS.tx).min(1, { error: MESSAGES.atLeastOneRegular() }),
  gk: scoreSchema(FIELDS.gk),
  ck: scoreSchema(FIELDS.ck),
})
export type TermAverageInput = z.input<typeof termAverageInput>

export const yearAverageInput = objectSchema({ hk1: scoreSchema(FIELDS.hk1), hk2: scoreSchema(FIELDS.hk2) })
export type YearAverageInput = z.input<typeof yearAverageInput>

export const periodsPerYearInput = positiveWholeSchema(FIELDS.periodsPerYear)

export const commentSubjectTermInput = objectSchema({
  required: nonNegativeWholeSchema(FIELDS.required),
  marks: listSchema(commentMarkSchema, FIELDS.commentMark),
})
export type CommentSubjectTermInput = z.input<typeof commentSubjectTermInput>

export const commentSubjectYearInput = objectSchema({ hk1: commentMarkSchema, hk2: commentMarkSchema })
export type CommentSubjectYearInput = z.input<typeof commentSubjectYearInput>

export const learningLevelInput = objectSchema({
  scored: bySubjectSchema(scoreSchema(FIELDS.subjectAverage), FIELDS.subjectAverage),
  comment: bySubjectSchema(commentMarkSchema, FIELDS.commentMark),
})
export type LearningLevelInput = z.input<typeof learningLevelInput>

export const conductYearInput = objectSchema({ hk1: levelSchema(FIELDS.conduct), hk2: levelSchema(FIELDS.conduct) })
export type ConductYearInput = z.input<typeof conductYearInput>

export const awardInput = objectSchema({
  conduct: levelSchema(FIELDS.conduct),
  learning: levelSchema(FIELDS.learning),
  yearAverages: bySubjectSchema(scoreSchema(FIELDS.yearAverage), FIELDS.yearAverage),
})
export type AwardInput = z.input<typeof awardInput>

export const promotionInput = objectSchema({
  conduct: levelSchema(FIELDS.conduct),
  learning: levelSchema(FIELDS.learning),
  absences: nonNegativeWholeSchema(FIELDS.absences),
})
export type PromotionInput = z.input<typeof promotionInput>

export const retestSubjectsInput = objectSchema({
  scored: bySubjectSchema(scoreSchema(FIELDS.yearAverage), FIELDS.yearAverage),
  comment: bySubjectSchema(commentMarkSchema, FIELDS.commentMark),
})
export type RetestSubjectsInput = z.input<typeof retestSubjectsInput>

export const primaryYearInput = objectSchema({
  subjects: bySubjectSchema(oneOfSchema(PRIMARY_SUBJECT_RESULTS, FIELDS.primarySubject), FIELDS.primarySubject),
  qualities: bySubjectSchema(oneOfSchema(PRIMARY_TRAIT_LEVELS, FIELDS.quality), FIELDS.quality),
  competences: bySubjectSchema(oneOfSchema(PRIMARY_TRAIT_LEVELS, FIELDS.competence), FIELDS.competence),
  endOfYearTests: bySubjectSchema(wholeScoreSchema(FIELDS.periodicTest), FIELDS.periodicTest),
})
export type PrimaryYearInput = z.input<typeof primaryYearInput>

export const subjectCatalogueInput = objectSchema({
  level: oneOfSchema(SCHOOL_LEVELS, FIELDS.schoolLevel),
  grade: positiveWholeSchema(FIELDS.grade),
  /** A school's own periods per year, by subject name. */
  periodsPerYear: bySubjectSchema(positiveWholeSchema(FIELDS.periodsPerYear), FIELDS.periodsPerYear).optional(),
})
export type SubjectCatalogueInput = z.input<typeof subjectCatalogueInput>

/** A subject as the gradebook computes with it (a catalogue entry fits). */
export const gradebookSubjectSchema = objectSchema(
  {
    name: textSchema(FIELDS.subjectName),
    kind: oneOfSchema(THCS_SUBJECT_KINDS, FIELDS.subjectKind),
    periodsPerYear: positiveWholeSchema(FIELDS.periodsPerYear),
  },
  FIELDS.subjectName,
)
export type GradebookSubject = z.input<typeof gradebookSubjectSchema>

/**
 * One student's entries of one subject in one term. Scored subjects hold scores, comment subjects
 * Đ/CĐ; a null or absent entry is "not entered yet" (never an error: it is reported as missing).
 */
export function termEntrySchema(kind: ThcsSubjectKind) {
  return kind === 'scored' ? scoredTermEntrySchema : commentTermEntrySchema
}
function buildTermEntrySchema(kind: ThcsSubjectKind) {
  const cell = (label: FieldLabel) => (kind === 'scored' ? scoreSchema(label) : oneOfSchema(COMMENT_MARKS, { vi: `${label.vi} (Đ/CĐ)`, en: `${label.en} (Đ/CĐ)` }))
  return objectSchema(
    {
      tx: listSchema(cell(FIELDS.tx).nullable(), FIELDS.tx).default([]),
      gk: cell(FIELDS.gk).nullish(),
      ck: cell(FIELDS.ck).nullish(),
    },
    FIELDS.input,
  )
}
const scoredTermEntrySchema = buildTermEntrySchema('scored')
const commentTermEntrySchema = buildTermEntrySchema('comment')
export type ScoredTermEntry = { tx?: readonly (number | null)[]; gk?: number | null; ck?: number | null }
export type CommentTermEntry = { tx?: readonly (CommentMark | null)[]; gk?: CommentMark | null; ck?: CommentMark | null }
export type TermEntry = ScoredTermEntry | CommentTermEntry
