import type { z } from 'zod'

/** One problem with an input: where it is (`tx[1]`, `students[3].conduct.hk2`) and what is wrong. */
export type InputIssue = { path: string; message: string }

/** A rejected input. `issues` lists every problem found, each naming its field. */
export class AssessmentInputError extends Error {
  override name = 'AssessmentInputError'
  readonly issues: readonly InputIssue[]

  constructor(issues: readonly InputIssue[]) {
    super(issues.map((issue) => `${issue.path || 'input'}: ${issue.message}`).join('; '))
    this.issues = issues
  }
}

/** `['students', 3, 'subjects', 'Toán', 'hk1', 'tx', 0]` → `students[3].subjects.Toán.hk1.tx[0]` */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else text += text === '' ? String(key) : `.${String(key)}`
  }
  return text
}

/**
 * Parses `input` with `schema`, or throws AssessmentInputError naming every bad field. `name`
 * names an input that is a bare value (regularAssessmentCount's periodsPerYear).
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, name?: string): z.output<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const root = name === undefined ? [] : [name]
  throw new AssessmentInputError(result.error.issues.map((issue) => ({ path: formatPath([...root, ...issue.path]), message: issue.message })))
}
