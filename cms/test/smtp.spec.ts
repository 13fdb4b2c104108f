import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { smtpEmailAdapter } from '../src/lib/email.ts'
import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

type Received = { mail: ParsedMail; raw: string; user: string | undefined }

const SERVER_URL = 'https://cms.truong.test'
const SMTP_USER = 'truongso-relay'
const SMTP_PASS = 'mat-khau-smtp'

/**
 * A real SMTP server on loopback (the `smtp-server` package): it checks the login, parses every
 * message with `mailparser`, and can refuse mail (451, as a full or greylisting server does).
 */
class TestSmtp {
  received: Received[] = []
  refuse = false
  private server: SMTPServer | null = null
  port = 0

  async start(port = 0): Promise<void> {
    const options: SMTPServerOptions = {
      // Plain SMTP on loopback: no STARTTLS (its self-signed certificate is not what is tested here).
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASS) callback(null, { user: auth.username })
        else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
      },
      onMailFrom: (_address, _session, callback) => {
        if (this.refuse) callback(Object.assign(new Error('Mailbox temporarily unavailable, try again later'), { responseCode: 451 }))
        else callback()
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          const raw = Buffer.concat(chunks)
          simpleParser(raw)
            .then((mail) => {
              this.received.push({ mail, raw: raw.toString('latin1'), user: session.user as string | undefined })
              callback()
            })
            .catch(callback)
        })
      },
    }
    const server = new SMTPServer(options)
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => resolve())
    })
    this.port = (server.server.address() as { port: number }).port
    this.server = server
  }

  get running(): boolean {
    return this.server !== null
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = null
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  to(address: string): Received[] {
    return this.received.filter((r) => (Array.isArray(r.mail.to) ? r.mail.to : [r.mail.to]).some((to) => to?.value.some((v) => v.address === address)))
  }
}

// Workflow e-mails through a real SMTP server: encoded Vietnamese subjects, the admin link, and a
// mail server that refuses or is down never failing the step (the e-mail job retries it).
describe(`workflow e-mail over real SMTP (${testDatabase})`, () => {
  const smtp = new TestSmtp()
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const previousServerUrl = process.env.PUBLIC_SERVER_URL

  beforeAll(async () => {
    await smtp.start()
    // The links in e-mails are absolute: they are built from the CMS's public address.
    process.env.PUBLIC_SERVER_URL = SERVER_URL
    const email = smtpEmailAdapter({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_SECURE: 'false',
      SMTP_USER,
      SMTP_PASS,
      SMTP_FROM: 'thongbao@truong.test',
      SMTP_FROM_NAME: 'Trường Số',
    })
    cms = await startTestCms({}, { email })
    fx = await seedFixture(cms)
    for (const who of ['teacherA', 'teamLeaderA'] as const) tokens[who] = await cms.rest.login(fx.emails[who], PASSWORD)
  })
  afterAll(async () => {
    if (previousServerUrl === undefined) delete process.env.PUBLIC_SERVER_URL
    else process.env.PUBLIC_SERVER_URL = previousServerUrl
    await cms?.close()
    await smtp.stop()
  })

  const act = (who: Who, id: number | string, action: string, extra: Record<string, unknown> = {}) =>
    cms.rest.request('POST', `/posts/${id}/workflow`, { token: tokens[who], body: { action, ...extra } })

  const runEmailJobs = () => cms.payload.jobs.run({ queue: 'email', limit: 100 })

  /** A post by teacherA submitted to the team leader, the leader's notification already delivered. */
  async function submittedPost(title: string) {
    const created = await cms.rest.request('POST', '/posts', {
      token: tokens.teacherA,
      body: { title, section: 'thong-bao', department: fx.departments['Tổ 4-5'], summary: 'Bản đầu' },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = created.body.doc.id as number | string
    const submitted = await act('teacherA', id, 'submit')
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200)
    await runEmailJobs()
    return id
  }

  const stateOf = async (id: number | string) =>
    (await cms.payload.findByID({ collection: 'posts', id, draft: true, depth: 0, overrideAccess: true })).workflowState

  const emailJobs = async () =>
    (await cms.payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'truongsoSendEmail' } }, pagination: false, depth: 0, overrideAccess: true })).docs as unknown as {
      id: number | string
      input: { to: string; subject: string }
      totalTried?: number
      completedAt?: string | null
      hasError?: boolean
      waitUntil?: string | null
    }[]

  /** The job's retry backoff (minutes) has passed: make it due now, as the clock would. */
  async function backoffPasses(to: string) {
    for (const job of await emailJobs()) {
      if (job.input.to === to && !job.completedAt) {
        await cms.payload.update({ collection: 'payload-jobs', id: job.id, data: { waitUntil: new Date(Date.now() - 1000).toISOString() } as never, overrideAccess: true })
      }
    }
  }

  it('a return by the team leader reaches the author: Vietnamese subject encoded correctly, the reason and the admin link', async () => {
    const title = 'Thông báo họp phụ huynh đầu năm học'
    const id = await submittedPost(title)
    // The submit already reached the team leader, through the same server.
    expect(smtp.to(fx.emails.teamLeaderA).map((r) => r.mail.subject)).toContain(`[Trường Số] Chờ tổ trưởng duyệt: ${title}`)

    const returned = await act('teamLeaderA', id, 'return', { reason: 'Cần bổ sung ảnh và lịch họp cụ thể' })
    expect(returned.status, JSON.stringify(returned.body)).toBe(200)
    expect(returned.body.to).toBe('returned')
    await runEmailJobs()

    const [mail] = smtp.to(fx.emails.teacherA)
    expect(mail, 'the author got no e-mail').toBeDefined()
    expect(mail!.mail.subject).toBe(`[Trường Số] Bị trả lại: ${title}`)
    // On the wire the subject header is 7-bit: RFC 2047 encoded words, no raw UTF-8 bytes.
    const headers = mail!.raw.slice(0, mail!.raw.indexOf('\r\n\r\n'))
    const subjectHeader = /^Subject:.*(?:\r\n[ \t].*)*/m.exec(headers)![0]
    expect(subjectHeader).toMatch(/=\?UTF-8\?[BQ]\?/i)
    expect(/[^\t\r\n -~]/.test(subjectHeader)).toBe(false)
    expect(mail!.mail.from?.value[0]).toMatchObject({ address: 'thongbao@truong.test', name: 'Trường Số' })
    expect(mail!.mail.text).toContain(`${SERVER_URL}/admin/collections/posts/${id}`)
    expect(mail!.mail.text).toContain('Lý do: Cần bổ sung ảnh và lịch họp cụ thể')
    // Sent with the configured login.
    expect(mail!.user).toBe(SMTP_USER)
  })

  it('a server that refuses (451) does not fail the step; the failure is logged and the job delivers later', async () => {
    const id = await submittedPost('Kế hoạch ngoại khóa tháng Mười')
    const before = smtp.to(fx.emails.teacherA).length
    const errors = vi.spyOn(cms.payload.logger, 'error')
    try {
      smtp.refuse = true
      const returned = await act('teamLeaderA', id, 'return', { reason: 'Sai ngày tổ chức' })
      expect(returned.status, JSON.stringify(returned.body)).toBe(200)
      expect(await stateOf(id)).toBe('returned')

      await runEmailJobs()
      expect(smtp.to(fx.emails.teacherA)).toHaveLength(before)
      const logged = errors.mock.calls.map((call) => String(call[0]))
      expect(logged.some((line) => line.includes(`e-mail to ${fx.emails.teacherA}`) && line.includes('will retry') && line.includes('451'))).toBe(true)
      const [job] = (await emailJobs()).filter((j) => j.input.to === fx.emails.teacherA && !j.completedAt)
      expect(job).toMatchObject({ totalTried: 1 })
      expect(job!.hasError).toBeFalsy()
      // Retried after a backoff, not at once.
      expect(new Date(String(job!.waitUntil)).getTime()).toBeGreaterThan(Date.now() + 30_000)

      // The server is back: nothing goes before the backoff has passed, then the job delivers.
      smtp.refuse = false
      await runEmailJobs()
      expect(smtp.to(fx.emails.teacherA)).toHaveLength(before)
      await backoffPasses(fx.emails.teacherA)
      await runEmailJobs()
      const delivered = smtp.to(fx.emails.teacherA)
      expect(delivered).toHaveLength(before + 1)
      expect(delivered.at(-1)!.mail.subject).toBe('[Trường Số] Bị trả lại: Kế hoạch ngoại khóa tháng Mười')
      expect(delivered.at(-1)!.mail.text).toContain(`${SERVER_URL}/admin/collections/posts/${id}`)
      expect((await emailJobs()).filter((j) => j.input.to === fx.emails.teacherA && !j.completedAt)).toHaveLength(0)
    } finally {
      smtp.refuse = false
      errors.mockRestore()
    }
  })

  it('a server that is down does not fail the step either; the mail goes once it is up again', async () => {
    const id = await submittedPost('Lịch kiểm tra học kỳ I')
    const before = smtp.to(fx.emails.teacherA).length
    const errors = vi.spyOn(cms.payload.logger, 'error')
    const port = smtp.port
    try {
      await smtp.stop()
      const returned = await act('teamLeaderA', id, 'return', { reason: 'Thiếu môn Tin học' })
      expect(returned.status, JSON.stringify(returned.body)).toBe(200)
      expect(await stateOf(id)).toBe('returned')
      await runEmailJobs()
      const logged = errors.mock.calls.map((call) => String(call[0]))
      expect(logged.some((line) => line.includes(`e-mail to ${fx.emails.teacherA}`) && /ECONNREFUSED/.test(line))).toBe(true)

      await smtp.start(port)
      await backoffPasses(fx.emails.teacherA)
      await runEmailJobs()
      const delivered = smtp.to(fx.emails.teacherA)
      expect(delivered).toHaveLength(before + 1)
      expect(delivered.at(-1)!.mail.subject).toBe('[Trường Số] Bị trả lại: Lịch kiểm tra học kỳ I')
    } finally {
      if (!smtp.running) await smtp.start(port).catch(() => undefined)
      errors.mockRestore()
    }
  })
})
