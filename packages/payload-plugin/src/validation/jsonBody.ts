import type { PayloadRequest } from 'payload'

/** A custom endpoint's JSON body, or null when there is none or it is not JSON (the caller's zod schema then says what is wrong). */
export async function jsonBody(req: PayloadRequest): Promise<unknown> {
  try {
    return req.json ? await req.json() : null
  } catch {
    return null
  }
}
