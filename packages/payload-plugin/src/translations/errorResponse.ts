import { APIError, ValidationError, type PayloadRequest } from 'payload'
import type { z } from 'zod'

import { isMessageKey, message, type MessageKey } from './index.ts'

/**
 * The one shape of a custom endpoint's error: Payload's own `{ errors: [{ message }] }` (what the
 * admin's toasts read), the message in the request's language.
 */
export function errorResponse(
  req: Pick<PayloadRequest, 'i18n'> | null | undefined,
  status: number,
  key: MessageKey,
  vars: Record<string, string | number> = {},
  extra: Record<string, unknown> = {},
): Response {
  return errorResponseText(status, message(req, key, vars), extra)
}

/** The same for a message already in the request's language (a WorkflowRefusal's, with its data). */
export function errorResponseText(status: number, text: string, extra: Record<string, unknown> = {}, data?: unknown): Response {
  return Response.json({ errors: [{ message: text, ...(data === undefined ? {} : { data }) }], ...extra }, { status })
}

/** A zod error's issues as one line: catalogue keys in the request's language, others as `path: message`. */
export const issueDetails = (req: Pick<PayloadRequest, 'i18n'>, issues: z.core.$ZodIssue[]): string =>
  issues.map((i) => (isMessageKey(i.message) ? message(req, i.message) : `${i.path.join('.')}: ${i.message}`)).join('; ')

/**
 * A refusal thrown by a Local API write inside an endpoint as the client's error: a ValidationError
 * as 400 with its first message (and its data), another 4xx APIError with its status. Anything else
 * is a bug and is thrown on.
 */
export function refusalResponse(error: unknown): Response {
  if (error instanceof ValidationError) return errorResponseText(400, (error.data?.errors?.[0] as { message?: string } | undefined)?.message ?? error.message, {}, error.data)
  if (error instanceof APIError && error.status >= 400 && error.status < 500) return errorResponseText(error.status, error.message)
  throw error
}
