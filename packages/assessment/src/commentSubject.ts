import { parseInput } from './errors.ts'
import {
  commentSubjectTermInput,
  commentSubjectYearInput,
  type CommentMark,
  type CommentSubjectTermInput,
  type CommentSubjectYearInput,
} from './schemas.ts'

/** Đ when at least `required` marks exist and every mark is Đ; otherwise CĐ. */
export function commentResult(required: number, marks: readonly CommentMark[]): CommentMark {
  if (marks.length < required) return 'CĐ'
  for (const mark of marks) if (mark !== 'Đ') return 'CĐ'
  return 'Đ'
}

/**
 * A comment-only subject for one term (Circular 22, Art. 9.1): Đạt when every required
 * assessment exists and all are Đạt, else Chưa đạt. A missing assessment therefore gives CĐ.
 *
 * commentSubjectTerm({ required: 4, marks: ['Đ', 'Đ', 'Đ', 'Đ'] }) // 'Đ'
 */
export function commentSubjectTerm(input: CommentSubjectTermInput): CommentMark {
  const { required, marks } = parseInput(commentSubjectTermInput, input)
  return commentResult(required, marks)
}

/** A comment-only subject for the year: the result of term II. */
export function commentSubjectYear(input: CommentSubjectYearInput): CommentMark {
  return parseInput(commentSubjectYearInput, input).hk2
}
