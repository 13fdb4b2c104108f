import { errorText } from '../ClassLogView/errorText.ts'

type ID = number | string
export type RecordCollection = 'education-documents' | 'lesson-plans'
export type Outcome = { ok: true; body: Record<string, unknown> } | { ok: false; text: string }

/** The calls the records screens make, all through the public REST API with the admin's cookie. */
export async function postJson(url: string, body: unknown): Promise<Outcome> {
  const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null)
  if (!response) return { ok: false, text: 'offline' }
  if (!response.ok) return { ok: false, text: await errorText(response) }
  return { ok: true, body: (await response.json()) as Record<string, unknown> }
}

/** A new version of a record: multipart, the record named in `_payload` as the admin's own upload form does. */
export async function uploadVersion(api: string, owner: { document?: ID; lessonPlan?: ID }, file: File): Promise<Outcome> {
  const form = new FormData()
  form.append('_payload', JSON.stringify(owner))
  form.append('file', file)
  const response = await fetch(`${api}/education-files?depth=0`, { method: 'POST', credentials: 'include', body: form }).catch(() => null)
  if (!response) return { ok: false, text: 'offline' }
  if (!response.ok) return { ok: false, text: await errorText(response) }
  return { ok: true, body: ((await response.json()) as { doc: Record<string, unknown> }).doc }
}

export const review = (api: string, collection: RecordCollection, id: ID, action: 'submit' | 'approve' | 'return', reason?: string) =>
  postJson(`${api}/${collection}/${id}/review`, { action, ...(reason ? { reason } : {}) })
