import { parseInput } from './errors.ts'
import { FIELDS } from './messages.ts'
import { requiredRegularAssessments } from './regularAssessmentCount.ts'
import { gradebookSubjectSchema, listSchema, objectSchema, termEntrySchema, textSchema, type GradebookSubject, type TermEntry } from './schemas.ts'

export type ScoreEntryProgressInput = {
  /** The class-subject's subject (a catalogue entry fits). */
  subject: GradebookSubject
  /** Each student's entries of this term so far: null or absent means not entered yet. */
  students: (TermEntry & { id: string })[]
}

export type StudentEntryProgress = {
  id: string
  regularEntered: number
  /** Regular assessments still missing against what is due by mid-term (0 when on track). */
  missingByMidTerm: number
  /** Regular assessments still missing against what is due by term end. */
  missingByTermEnd: number
  midTerm: boolean
  endTerm: boolean
  /** Every assessment the term result needs is in: all regular ones, mid-term and end-of-term. */
  complete: boolean
}

export type ScoreEntryProgress = {
  subject: string
  /** Regular assessments required per term. */
  required: number
  /** Regular assessments due per student by mid-term: half the required count, rounded up. */
  dueByMidTerm: number
  /** Regular assessments due per student by term end: all of them. */
  dueByTermEnd: number
  students: StudentEntryProgress[]
  totals: {
    students: number
    /** Regular assessments entered, counting at most `required` per student. */
    regularEntered: number
    regularDueByMidTerm: number
    regularDueByTermEnd: number
    /** Students with at least `dueByMidTerm` regular assessments. */
    onTrackAtMidTerm: number
    midTermEntered: number
    endTermEntered: number
    complete: number
  }
}

/**
 * Regular assessments due by mid-term: half of the required count, rounded up (*interpretation*:
 * 3 required → 2 due, so the teacher is never behind by more than half).
 */
export function dueByMidTerm(required: number): number {
  return Math.ceil(required / 2)
}

/**
 * Score-entry progress of one class-subject in one term (docs/domain.md § Gradebook): how many regular
 * assessments exist against those due at mid-term (half) and at term end (all), and which students
 * have their mid-term and end-of-term assessments.
 */
export function scoreEntryProgress(input: ScoreEntryProgressInput): ScoreEntryProgress {
  const { subject } = parseInput(objectSchema({ subject: gradebookSubjectSchema }), input)
  const schema = objectSchema({
    subject: gradebookSubjectSchema,
    students: listSchema(termEntrySchema(subject.kind).extend({ id: textSchema(FIELDS.studentId) }), FIELDS.list),
  })
  const { students } = parseInput(schema, input)
  const required = requiredRegularAssessments(subject)
  const dueMid = dueByMidTerm(required)
  const totals = { students: students.length, regularEntered: 0, regularDueByMidTerm: 0, regularDueByTermEnd: 0, onTrackAtMidTerm: 0, midTermEntered: 0, endTermEntered: 0, complete: 0 }
  const progress = students.map((student): StudentEntryProgress => {
    const regularEntered = student.tx.filter((entry) => entry != null).length
    const midTerm = student.gk != null
    const endTerm = student.ck != null
    const complete = regularEntered >= required && midTerm && endTerm
    totals.regularEntered += Math.min(regularEntered, required)
    totals.regularDueByMidTerm += dueMid
    totals.regularDueByTermEnd += required
    if (regularEntered >= dueMid) totals.onTrackAtMidTerm++
    if (midTerm) totals.midTermEntered++
    if (endTerm) totals.endTermEntered++
    if (complete) totals.complete++
    return {
      id: student.id,
      regularEntered,
      missingByMidTerm: Math.max(0, dueMid - regularEntered),
      missingByTermEnd: Math.max(0, required - regularEntered),
      midTerm,
      endTerm,
      complete,
    }
  })
  return { subject: subject.name, required, dueByMidTerm: dueMid, dueByTermEnd: required, students: progress, totals }
}
