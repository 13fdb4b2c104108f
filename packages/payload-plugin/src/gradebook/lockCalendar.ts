import type { JobsConfig, Payload, PayloadRequest, TaskConfig } from 'payload'

import { message } from '../translations/index.ts'
import { LOCK_SCHEDULE_CONTEXT, MARK_LOCKS_SLUG } from './MarkLocks.ts'

/**
 * The lock calendar applied (issue 13 § 5): a scheduled Payload job that locks every column kind
 * whose `lockAt` has passed and whose date the schedule has not applied yet. Applied once per date:
 * the school admin may unlock by hand afterwards and the next run leaves it open; a new `lockAt`
 * (MarkLocks.ts) is applied again.
 */
export const MARK_LOCKS_QUEUE = 'gradebook-locks'
export const APPLY_MARK_LOCKS_TASK = 'truongsoApplyMarkLocks'
const EVERY_FIVE_MINUTES = '*/5 * * * *'

/** Locks what is due at `now`; returns how many calendar entries it applied. */
export async function applyDueMarkLocks(payload: Payload, req?: PayloadRequest, now: Date = new Date()): Promise<number> {
  const due = await payload.find({
    collection: MARK_LOCKS_SLUG as never,
    where: { and: [{ lockAt: { less_than_equal: now.toISOString() } }, { lockApplied: { equals: false } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    ...(req ? { req } : {}),
  })
  for (const lock of due.docs) {
    await payload.update({
      collection: MARK_LOCKS_SLUG as never,
      id: lock.id,
      data: { locked: true } as never,
      overrideAccess: true,
      depth: 0,
      context: { [LOCK_SCHEDULE_CONTEXT]: true },
      ...(req ? { req } : {}),
    })
  }
  return due.docs.length
}

export function applyMarkLocksTask(): TaskConfig {
  return {
    slug: APPLY_MARK_LOCKS_TASK,
    label: message(null, 'jobs.apply-mark-locks'),
    retries: 2,
    outputSchema: [{ name: 'applied', type: 'number', required: true }],
    schedule: [{ cron: EVERY_FIVE_MINUTES, queue: MARK_LOCKS_QUEUE }],
    handler: async ({ req }) => ({ output: { applied: await applyDueMarkLocks(req.payload, req) } }),
  }
}

/** Schedules and runs it every five minutes; processes that run no jobs (tests, scripts) schedule nothing either. */
type AutorunCronConfig = Extract<NonNullable<JobsConfig['autoRun']>, unknown[]>[number]
export const markLocksAutoRun = (): AutorunCronConfig => ({ cron: EVERY_FIVE_MINUTES, queue: MARK_LOCKS_QUEUE, limit: 1, disableScheduling: process.env.TRUONGSO_DISABLE_JOBS === '1' })
