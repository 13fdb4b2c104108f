import type { PayloadRequest, TaskConfig } from 'payload'

import { message } from '../translations/index.ts'

export const SEND_EMAIL_TASK = 'truongsoSendEmail'
/** The jobs queue of workflow e-mails; run every minute (index.ts) and right after a step. */
export const EMAIL_QUEUE = 'email'

export type QueuedEmail = { to: string; subject: string; text: string }

/**
 * Retries of a failed send: 1, 2, 4 … 128 minutes after each failure (about 4 hours in all), so a
 * mail server down for a morning still gets the mail out.
 */
export const EMAIL_RETRIES = { attempts: 8, backoff: { type: 'exponential' as const, delay: 60_000 } }

/**
 * Queues an e-mail instead of sending it in the request: a slow or failing mail server can never
 * fail or hold up the workflow step. With `req` inside an open transaction the job commits (or rolls
 * back) with the step. A run of the queue is started shortly after, so the mail normally leaves at
 * once; if not, the queue's scheduled run picks it up.
 */
export async function queueEmail(req: PayloadRequest, mail: QueuedEmail): Promise<void> {
  const { payload } = req
  await payload.jobs.queue({ task: SEND_EMAIL_TASK as never, input: mail as never, queue: EMAIL_QUEUE, req })
  if (process.env.TRUONGSO_DISABLE_JOBS === '1') return
  setTimeout(() => {
    payload.jobs.run({ queue: EMAIL_QUEUE }).catch((err: unknown) => payload.logger.error({ err, msg: 'e-mail queue run failed' }))
  }, 50)
}

/** Sends one queued e-mail through the configured adapter; a failure is logged and the job retried. */
export function sendEmailTask(): TaskConfig {
  return {
    slug: SEND_EMAIL_TASK,
    label: message(null, 'jobs.send-email'),
    inputSchema: [
      { name: 'to', type: 'text', required: true },
      { name: 'subject', type: 'text', required: true },
      { name: 'text', type: 'textarea', required: true },
    ],
    retries: EMAIL_RETRIES,
    handler: async ({ input, job, req }) => {
      const mail = input as QueuedEmail
      try {
        await req.payload.sendEmail({ to: mail.to, subject: mail.subject, text: mail.text })
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        const attempt = (job.totalTried ?? 0) + 1
        const retry = attempt <= EMAIL_RETRIES.attempts ? 'will retry' : 'giving up'
        req.payload.logger.error(`e-mail to ${mail.to} ("${mail.subject}") failed (attempt ${attempt}), ${retry}: ${reason}`)
        throw error
      }
      return { output: { sent: true } }
    },
  } as TaskConfig
}
