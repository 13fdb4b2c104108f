import type { TaskConfig } from 'payload'

import type { WorkflowOptions } from './options.ts'
import { performTransition } from './transition.ts'

type Input = { collection: string; id: string }

const inputSchema = [
  { name: 'collection', type: 'text' as const, required: true },
  { name: 'id', type: 'text' as const, required: true },
]

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
        const { collection, id } = input as Input
        const latest = await req.payload.findByID({ collection, id, draft: true, depth: 0, overrideAccess: true, disableErrors: true, req })
        if (!latest || latest.workflowState !== 'scheduled') return { output: { skipped: true } }
        await performTransition(req, { collection, id, action: 'publish' }, options, { as: 'auto-publish' })
        return { output: { skipped: false } }
      },
    } as TaskConfig,
    {
      slug: 'truongsoScheduledUnpublish',
      label: 'Gỡ bài theo lịch',
      inputSchema,
      handler: async ({ input, req }) => {
        const { collection, id } = input as Input
        const live = await req.payload.findByID({ collection, id, draft: false, depth: 0, overrideAccess: true, disableErrors: true, req })
        if (!live || live._status !== 'published') return { output: { skipped: true } }
        await performTransition(req, { collection, id, action: 'unpublish' }, options, { as: 'auto-unpublish' })
        return { output: { skipped: false } }
      },
    } as TaskConfig,
  ]
}
