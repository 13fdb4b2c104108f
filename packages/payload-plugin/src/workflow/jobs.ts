import type { TaskConfig } from 'payload'

import { message, type MessageKey } from '../translations/index.ts'
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
 * A scheduled step, run when its time comes, on the copy it concerns (`draft`: the working copy for a
 * publish, the live one for an unpublish). If the document has moved on since the job was queued (returned,
 * re-edited, already off the site, or rescheduled), `due` says no and nothing happens.
 */
function scheduledTask(
  options: WorkflowOptions,
  task: {
    slug: string
    label: MessageKey
    action: 'publish' | 'unpublish'
    as: 'auto-publish' | 'auto-unpublish'
    draft: boolean
    due: (doc: Record<string, unknown>, at: string | undefined) => boolean
  },
): TaskConfig {
  return {
    slug: task.slug,
    label: message(null, task.label),
    inputSchema,
    handler: async ({ input, req }) => {
      const { collection, id, at } = input as Input
      const doc = await req.payload.findByID({ collection, id, draft: task.draft, depth: 0, overrideAccess: true, disableErrors: true, req })
      if (!doc || !task.due(doc, at)) return { output: { skipped: true } }
      await performTransition(req, { collection, id, action: task.action }, options, { as: task.as })
      return { output: { skipped: false } }
    },
  } as TaskConfig
}

/** Scheduled publish (the approved version goes live at its time) and scheduled unpublish. */
export function workflowTasks(options: WorkflowOptions): TaskConfig[] {
  return [
    scheduledTask(options, {
      slug: 'truongsoScheduledPublish',
      label: 'jobs.scheduled-publish',
      action: 'publish',
      as: 'auto-publish',
      draft: true,
      due: (latest, at) => latest.workflowState === 'scheduled' && !isStale(latest.publishAt, at),
    }),
    scheduledTask(options, {
      slug: 'truongsoScheduledUnpublish',
      label: 'jobs.scheduled-unpublish',
      action: 'unpublish',
      as: 'auto-unpublish',
      draft: false,
      due: (live, at) => live._status === 'published' && !isStale(live.unpublishAt, at),
    }),
  ]
}
