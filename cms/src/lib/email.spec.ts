import { createServer, type Server } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { smtpEmailAdapter } from './email.ts'

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

  it('refuses bad settings with a clear message', () => {
    expect(() => smtpEmailAdapter({ SMTP_HOST: 'mail.example.vn', SMTP_PORT: 'abc' })).toThrow(/SMTP_PORT/)
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
