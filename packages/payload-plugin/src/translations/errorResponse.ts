import type { PayloadRequest } from 'payload'

import { message, type MessageKey } from './index.ts'

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
