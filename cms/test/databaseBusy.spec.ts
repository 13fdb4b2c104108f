import { getPayload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

// When the database stays busy longer than a request may wait, the answer is 503 with a message the
// admin shows (also on the login form), never 500; once the database is free, the same request works.
describe.runIf(testDatabase === 'sqlite')('a database busy for too long (sqlite)', () => {
  let cms: TestCms
  let fx: Fixture

  beforeAll(async () => {
    process.env.TRUONGSO_SQLITE_MAX_WAIT_MS = '300'
    cms = await startTestCms()
    delete process.env.TRUONGSO_SQLITE_MAX_WAIT_MS
    fx = await seedFixture(cms)
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('answers 503 "Hệ thống đang bận" to writes and logins, and changes nothing; then succeeds', async () => {
    const token = await cms.rest.login(fx.emails.schoolAdminA, PASSWORD)
    // Another writer of the serving instance holds the database (as a long import would). The REST
    // handlers run on the Payload instance getPayload({ config }) returns, as under Next.
    const serving = await getPayload({ config: cms.config })
    const client = (serving.db as unknown as { client: { transaction: (mode: string) => Promise<{ commit: () => Promise<void> }> } }).client
    const held = await client.transaction('write')
    const create = await cms.rest.request('POST', '/departments', { token, body: { school: fx.schoolA, name: 'Tổ bận' } })
    const login = await cms.rest.request('POST', '/users/login', { body: { email: fx.emails.principalA, password: PASSWORD } })
    const english = await cms.rest.request('POST', '/departments', { token, body: { school: fx.schoolA, name: 'Tổ bận' }, language: 'en' })
    await held.commit()

    expect(create.status).toBe(503)
    expect(create.body.errors[0].message).toBe('Hệ thống đang bận, vui lòng thử lại sau ít giây.')
    expect(login.status).toBe(503)
    expect(login.body.errors[0].message).toMatch(/Hệ thống đang bận/)
    expect(english.status).toBe(503)
    expect(english.body.errors[0].message).toMatch(/system is busy/)
    expect(await cms.payload.count({ collection: 'departments', where: { name: { equals: 'Tổ bận' } }, overrideAccess: true })).toEqual({ totalDocs: 0 })

    const retry = await cms.rest.request('POST', '/departments', { token, body: { school: fx.schoolA, name: 'Tổ bận' } })
    expect(retry.status, JSON.stringify(retry.body)).toBe(201)
    expect((await cms.rest.request('POST', '/users/login', { body: { email: fx.emails.principalA, password: PASSWORD } })).status).toBe(200)
  })
})
