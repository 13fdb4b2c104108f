import type { z } from 'zod'

export type InputIssue = { path: string; message: string }

/** Bad input to an assessment function: every problem, each naming its field. */
export class AssessmentInputError extends Error {
  override name = 'AssessmentInputError'
  readonly issues: InputIssue[]
  constructor(issues: InputIssue[]) {
    super(issues.map((i) => `${i.path || 'input'}: ${i.message}`).join('; '))
    this.issues = issues
  }
}

/** Parses with a zod schema or throws AssessmentInputError naming each bad field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new AssessmentInputError(result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
}
