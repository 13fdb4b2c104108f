import { message } from '@truongso/payload-plugin'
import type { EmailAdapter } from 'payload'
import nodemailer from 'nodemailer'
import { z } from 'zod'

/** 'true' / 'false' (also 1/0, yes/no) from the environment; anything else is an error naming the variable. */
const envBoolean = (name: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), { error: `${name} must be true or false` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .optional()

const smtpEnv = z.object({
  SMTP_HOST: z.string().trim().min(1, { error: 'SMTP_HOST must be a host name' }),
  SMTP_PORT: z.coerce
    .number({ error: 'SMTP_PORT must be a port number (1-65535)' })
    .int({ error: 'SMTP_PORT must be a port number (1-65535)' })
    .min(1, { error: 'SMTP_PORT must be a port number (1-65535)' })
    .max(65535, { error: 'SMTP_PORT must be a port number (1-65535)' })
    .default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_FROM: z.email({ error: 'SMTP_FROM must be an e-mail address, e.g. no-reply@truong.edu.vn' }).default('no-reply@truongso.local'),
  SMTP_FROM_NAME: z.string().default(message(null, 'ui.brand-name')),
  /** Implicit TLS from the first byte (SMTPS); default: on for port 465 only. */
  SMTP_SECURE: envBoolean('SMTP_SECURE'),
  /** Refuse to send unless the server upgrades the connection with STARTTLS. */
  SMTP_REQUIRE_TLS: envBoolean('SMTP_REQUIRE_TLS'),
  /** false accepts a self-signed certificate (a local Postfix); default true. */
  SMTP_TLS_REJECT_UNAUTHORIZED: envBoolean('SMTP_TLS_REJECT_UNAUTHORIZED'),
})

export type SmtpSettings = {
  host: string
  port: number
  secure: boolean
  requireTLS: boolean
  rejectUnauthorized: boolean
  auth?: { user: string; pass: string }
  from: { address: string; name: string }
}

/** The SMTP settings from the environment, or undefined without SMTP_HOST; bad values throw an English error naming the variable. */
export function smtpSettings(env: Record<string, string | undefined> = process.env): SmtpSettings | undefined {
  if (!env.SMTP_HOST) return undefined
  // An empty variable (`SMTP_PORT=` in an env file) means "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('SMTP_') && value !== ''))
  const parsed = smtpEnv.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'SMTP')
      const text = issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`
      return `${text} (got ${JSON.stringify(present[name] ?? '')})`
    })
    throw new Error(`SMTP e-mail settings are invalid: ${problems.join('; ')}`)
  }
  const smtp = parsed.data
  if (smtp.SMTP_PASS && !smtp.SMTP_USER) throw new Error('SMTP e-mail settings are invalid: SMTP_PASS is set but SMTP_USER is not')
  const secure = smtp.SMTP_SECURE ?? smtp.SMTP_PORT === 465
  return {
    host: smtp.SMTP_HOST,
    port: smtp.SMTP_PORT,
    secure,
    // STARTTLS applies to a plain connection only; with implicit TLS the connection is encrypted already.
    requireTLS: !secure && (smtp.SMTP_REQUIRE_TLS ?? false),
    rejectUnauthorized: smtp.SMTP_TLS_REJECT_UNAUTHORIZED ?? true,
    auth: smtp.SMTP_USER ? { user: smtp.SMTP_USER, pass: smtp.SMTP_PASS ?? '' } : undefined,
    from: { address: smtp.SMTP_FROM, name: smtp.SMTP_FROM_NAME },
  }
}

/**
 * SMTP through nodemailer when SMTP_HOST is set; otherwise undefined and Payload writes e-mails to
 * the console (the demo default).
 *
 * A thin adapter of our own rather than @payloadcms/email-nodemailer: its latest release (3.90.1)
 * pins an exact peer dependency on payload 3.90.1, and the project runs payload 3.90.2. Swap it in
 * once a release matching the core version is out; the environment variables stay the same.
 *
 * sendEmail throws when the server refuses or cannot be reached: the workflow sends through a
 * retried job (@truongso/payload-plugin workflow/sendEmailTask.ts), so a failure is retried, not lost.
 */
export function smtpEmailAdapter(env: Record<string, string | undefined> = process.env): EmailAdapter | undefined {
  const smtp = smtpSettings(env)
  if (!smtp) return undefined
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    tls: { rejectUnauthorized: smtp.rejectUnauthorized },
    auth: smtp.auth,
    // Fail within seconds on a dead server (nodemailer waits minutes by default); the job retries.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  })
  return () => ({
    name: 'smtp',
    defaultFromAddress: smtp.from.address,
    defaultFromName: smtp.from.name,
    // Payload types its message with whichever nodemailer types it resolves (hoisted: maybe another
    // major than ours); the fields are the same, so hand it over as our nodemailer's options.
    sendEmail: async (mail) => transport.sendMail({ ...(mail as nodemailer.SendMailOptions), from: mail.from ?? smtp.from }),
  })
}
