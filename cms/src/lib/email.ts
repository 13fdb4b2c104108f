import { message } from '@truongso/payload-plugin'
import type { EmailAdapter } from 'payload'
import nodemailer from 'nodemailer'
import { z } from 'zod'

const smtpEnv = z.object({
  SMTP_HOST: z.string().min(1),
  SMTP_PORT: z.coerce.number().int().positive().default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.string().email().default('no-reply@truongso.local'),
  SMTP_FROM_NAME: z.string().default(message(null, 'ui.brand-name')),
})

/**
 * SMTP through nodemailer when SMTP_HOST is set (a thin adapter: Payload's own nodemailer package
 * lags the core version here); otherwise undefined and Payload writes e-mails to the console.
 */
export function smtpEmailAdapter(env: Record<string, string | undefined> = process.env): EmailAdapter | undefined {
  if (!env.SMTP_HOST) return undefined
  const parsed = smtpEnv.safeParse(env)
  if (!parsed.success) throw new Error(`SMTP settings are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  const smtp = parsed.data
  const transport = nodemailer.createTransport({
    host: smtp.SMTP_HOST,
    port: smtp.SMTP_PORT,
    secure: smtp.SMTP_PORT === 465,
    auth: smtp.SMTP_USER ? { user: smtp.SMTP_USER, pass: smtp.SMTP_PASS ?? '' } : undefined,
  })
  return () => ({
    name: 'smtp',
    defaultFromAddress: smtp.SMTP_FROM,
    defaultFromName: smtp.SMTP_FROM_NAME,
    sendEmail: async (message) => {
      const from = message.from ?? { name: smtp.SMTP_FROM_NAME, address: smtp.SMTP_FROM }
      return transport.sendMail({ ...message, from })
    },
  })
}
