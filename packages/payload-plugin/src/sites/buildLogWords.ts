import type { Payload, PayloadRequest } from 'payload'

import { message, type MessageKey } from '../translations/index.ts'

/**
 * The site-build log in words for the school admin: "Đã đăng bài «…»" rather than the machine
 * trigger "posts 480: published" (kept in `trigger` for the code), and "Xây lại website: 38 trang
 * trong 3,2 s" as the outcome.
 */
const nouns: Record<string, MessageKey> = { posts: 'sites.noun-posts', disclosures: 'sites.noun-disclosures', introductions: 'sites.noun-introductions' }
const verbs: Record<string, MessageKey> = { published: 'sites.verb-published', unpublished: 'sites.verb-unpublished', deleted: 'sites.verb-deleted', scheduled: 'sites.verb-scheduled' }
// Stored in the log, read by the school: Vietnamese.
const words = (key: MessageKey | undefined, fallback: string) => (key ? message(null, key) : fallback)

/** "posts 480: published" → "Đã đăng bài «Khai giảng năm học mới»"; anything else unchanged. */
export async function describeTrigger(payload: Payload, trigger: string, req?: PayloadRequest): Promise<string> {
  const match = /^([a-z-]+) (\S+): ([a-z-]+)$/.exec(trigger)
  if (!match) return trigger
  const [, collection, id, what] = match as unknown as [string, string, string, string]
  const noun = words(nouns[collection], collection)
  const verb = words(verbs[what], what)
  let title: string | null = null
  if (collection in nouns) {
    const doc = await payload
      .findByID({ collection: collection as never, id, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
      .catch(() => null)
    const value = (doc as { title?: unknown } | null)?.title
    title = typeof value === 'string' && value.trim() ? value.trim() : null
  }
  return title ? `${verb} ${noun} «${title}»` : `${verb} ${noun} #${id}`
}

const seconds = (ms: number) => `${(ms / 1000).toLocaleString('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`

/** The outcome line of a build. */
export function buildSummary(outcome: { status: 'queued' | 'running' | 'succeeded' | 'failed'; pages?: number | null; durationMs?: number | null }): string {
  switch (outcome.status) {
    case 'queued':
      return message(null, 'sites.build-queued')
    case 'running':
      return message(null, 'sites.build-running')
    case 'succeeded':
      return message(null, 'sites.build-succeeded', { pages: outcome.pages ?? 0, duration: seconds(outcome.durationMs ?? 0) })
    case 'failed':
      return message(null, 'sites.build-failed', { duration: seconds(outcome.durationMs ?? 0) })
  }
}
