import { createServer, type Server } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { smtpEmailAdapter, smtpSettings } from './email.ts'

// A minimal SMTP peer on loopback that records what it receives.
let server: Server
let port = 0
const received: string[] = []
beforeAll(async () => {
  server = createServer((socket) => {
    let data = false
    socket.write('220 test ESMTP\r\n')
    socket.on('data', (chunk) => {
      const text = chunk.toString()
      if (data) {
        received.push(text)
        if (text.includes('\r\n.\r\n')) {
          data = false
          socket.write('250 OK queued\r\n')
        }
        return
      }
      for (const line of text.split('\r\n').filter(Boolean)) {
        if (/^EHLO|^HELO/i.test(line)) socket.write('250-test\r\n250 OK\r\n')
        else if (/^DATA/i.test(line)) {
          data = true
          socket.write('354 go ahead\r\n')
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n')
        else socket.write('250 OK\r\n')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})
afterAll(() => server.close())

describe('SMTP e-mail adapter', () => {
  it('is off without SMTP_HOST (Payload then writes e-mails to the console)', () => {
    expect(smtpEmailAdapter({})).toBeUndefined()
  })

  it('refuses bad settings with a clear message naming the variable', () => {
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_PORT: 'abc' })).toThrow(/SMTP_PORT must be a port number.*"abc"/)
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_PORT: '70000' })).toThrow(/SMTP_PORT/)
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_FROM: 'bgh' })).toThrow(/SMTP_FROM must be an e-mail address/)
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_SECURE: 'maybe' })).toThrow(/SMTP_SECURE must be true or false/)
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_REQUIRE_TLS: 'on' })).toThrow(/SMTP_REQUIRE_TLS must be true or false/)
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_PASS: 'x' })).toThrow(/SMTP_PASS is set but SMTP_USER is not/)
  })

  it('chooses TLS from the port unless told: implicit TLS on 465, STARTTLS required on request', () => {
    expect(smtpSettings({ SMTP_HOST: 'smtp.gmail.com', SMTP_PORT: '465' })).toMatchObject({ port: 465, secure: true, requireTLS: false })
    expect(smtpSettings({ SMTP_HOST: 'smtp.office365.com', SMTP_PORT: '587', SMTP_REQUIRE_TLS: 'true' })).toMatchObject({ port: 587, secure: false, requireTLS: true })
    expect(smtpSettings({ SMTP_HOST: 'mail.example.vn', SMTP_PORT: '2465', SMTP_SECURE: 'true' })).toMatchObject({ secure: true, requireTLS: false })
    expect(smtpSettings({ SMTP_HOST: 'mail.example.vn', SMTP_PORT: '465', SMTP_SECURE: 'false' })).toMatchObject({ secure: false })
    // Defaults: port 587, certificate checked, no login; an empty variable counts as unset.
    expect(smtpSettings({ SMTP_HOST: 'localhost', SMTP_PORT: '', SMTP_USER: '' })).toMatchObject({ port: 587, secure: false, rejectUnauthorized: true, auth: undefined })
    expect(smtpSettings({ SMTP_HOST: 'localhost', SMTP_TLS_REJECT_UNAUTHORIZED: 'false' })).toMatchObject({ rejectUnauthorized: false })
    expect(smtpSettings({ SMTP_HOST: 'localhost', SMTP_USER: 'u', SMTP_PASS: 'p', SMTP_FROM_NAME: 'THCS Kim Đồng' })).toMatchObject({
      auth: { user: 'u', pass: 'p' },
      from: { address: 'no-reply@truongso.local', name: 'THCS Kim Đồng' },
    })
  })

  it('sends through the configured server', async () => {
    const adapter = smtpEmailAdapter({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'bgh@truong.edu.vn' })!
    const initialised = adapter({ payload: {} as never })
    await initialised.sendEmail({ to: 'giaovien@truong.edu.vn', subject: 'Bài viết bị trả lại', text: 'Lý do: thiếu ảnh' })
    const message = received.join('')
    expect(message).toContain('giaovien@truong.edu.vn')
    // The body travels quoted-printable: decode it back to UTF-8.
    const bytes = message.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    expect(Buffer.from(bytes, 'latin1').toString('utf8')).toContain('Lý do: thiếu ảnh')
  })
})
