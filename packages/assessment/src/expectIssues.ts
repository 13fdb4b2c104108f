import { expect } from 'vitest'

import { AssessmentInputError, type InputIssue } from './errors.ts'

/** Runs `fn`, expects an AssessmentInputError, and returns its issues (test helper). */
export function expectIssues(fn: () => unknown): readonly InputIssue[] {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(AssessmentInputError)
  return (caught as AssessmentInputError).issues
}
