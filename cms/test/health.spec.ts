import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

// `GET /api/health` for monitoring: database, job queue, each school's last build — and nothing personal.
describe(`health endpoint (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture

  beforeAll(async () => {
    cms = await startTestCms({ sites: { runImmediately: false, build: async () => ({ pages: 3 }) } })
    fx = await seedFixture(cms)
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('answers anonymously with the database, the queue and the last build per school', async () => {
    const before = await cms.rest.request('GET', '/health')
    expect(before.status).toBe(200)
    expect(before.body).toMatchObject({ status: 'ok', database: { reachable: true }, schools: 2 })
    expect(before.body.sites.map((s: { school: string }) => s.school).sort()).toEqual(['tieuhoccampho', 'tieuhocledo'])

    // A publish queues a rebuild for school A: the queue and its last build show it.
    const token = await cms.rest.login(fx.emails.principalA, PASSWORD)
    const post = await cms.rest.request('POST', '/posts?draft=true', { token, body: { title: 'Thông báo kiểm tra sức khoẻ', section: 'thong-bao', summary: 'x' } })
    expect(post.status, JSON.stringify(post.body)).toBe(201)
    expect((await cms.rest.request('POST', `/posts/${post.body.doc.id}/workflow`, { token, body: { action: 'publish' } })).status).toBe(200)
    const after = await cms.rest.request('GET', '/health')
    expect(after.status).toBe(200)
    expect(after.body.jobs.queued).toBeGreaterThan(0)
    const schoolA = after.body.sites.find((s: { school: string }) => s.school === 'tieuhocledo')
    expect(schoolA.lastBuild).toMatchObject({ state: 'queued' })
    expect(after.body.sites.find((s: { school: string }) => s.school === 'tieuhoccampho').lastBuild).toBeNull()

    // Nothing personal or secret: no e-mail address, no names, no error text.
    const text = JSON.stringify(after.body)
    expect(text).not.toMatch(/@/)
    expect(text).not.toMatch(/hieutruong|giaovien|error"/)
  })
})
