import type { TaskConfig } from 'payload'

import type { WorkflowOptions } from './options.ts'
import { performTransition } from './transition.ts'

type Input = { collection: string; id: string; at?: string }

const inputSchema = [
  { name: 'collection', type: 'text' as const, required: true },
  { name: 'id', type: 'text' as const, required: true },
  // The publish/unpublish time this job was queued for (ISO); a later schedule supersedes it.
  { name: 'at', type: 'text' as const },
]

/** A job is stale when the document's schedule has changed since the job was queued. */
const isStale = (scheduled: unknown, at: string | undefined): boolean =>
  at !== undefined && (typeof scheduled !== 'string' || new Date(scheduled).getTime() !== new Date(at).getTime())

/**
 * Scheduled publish: runs when the approved publish time comes. If the document was returned or
 * re-edited in the meantime (no longer 'scheduled'), nothing is published.
 */
export function workflowTasks(options: WorkflowOptions): TaskConfig[] {
  return [
    {
      slug: 'truongsoScheduledPublish',
      label: 'Đăng theo lịch',
      inputSchema,
      handler: async ({ input, req }) => {
        const { collection, id, at } = input as Input
        const latest = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
        if (!latest || latest.workflowState !== 'scheduled' || isStale(latest.publishAt, at)) return { output: { skipped: true } }
        await performTransition(req, { collection, id, action: 'publish' }, options, { as: 'auto-publish' })
        return { output: { skipped: false } }
      },
    } as TaskConfig,
    {
      slug: 'truongsoScheduledUnpublish',
      label: 'Gỡ bài theo lịch',
      inputSchema,
      handler: async ({ input, req }) => {
        const { collection, id, at } = input as Input
        const live = await req.payload.findByID({ collection, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })
        if (!live || live._status !== 'published' || isStale(live.unpublishAt, at)) return { output: { skipped: true } }
        await performTransition(req, { collection, id, action: 'unpublish' }, options, { as: 'auto-unpublish' })
        return { output: { skipped: false } }
      },
    } as TaskConfig,
  ]
}
