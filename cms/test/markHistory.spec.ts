import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { appendMarkHistory, verifyMarkHistory } from '@truongso/payload-plugin'
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

/**
 * The mark audit (issue 13 § 7): appends through the real Local API, one hash chain per school; the
 * chain check names the first entry changed or removed directly in the database; no role writes the
 * history through REST or GraphQL; concurrent appends never share a sequence or fork the chain.
 */
type ID = number | string
type Entry = { id: ID; sequence: number; school: string; previousHash: string; hash: string; actor: string | null; actorRole: string; newValue: unknown; oldValue: unknown }

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

describe(`mark history (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const userIds = {} as Record<Who, ID>
  let schoolC: ID
  let schoolD: ID

  async function reqAs(who: Who | null) {
    const user = who ? { ...(await cms.payload.findByID({ collection: 'users', id: userIds[who], depth: 0, overrideAccess: true })), collection: 'users' } : undefined
    return createLocalReq({ user: user as never }, cms.payload)
  }

  let markCounter = 1000
  async function append(who: Who | null, school: ID, overrides: Record<string, unknown> = {}) {
    const req = await reqAs(who)
    await appendMarkHistory(req, {
      school,
      mark: markCounter++,
      student: 7,
      subject: 3,
      schoolYear: '2026-2027',
      term: '1',
      field: 'regular.0',
      oldValue: null,
      newValue: 8.5,
      source: 'entry',
      ...overrides,
    })
  }

  async function chain(school: ID): Promise<Entry[]> {
    const { docs } = await cms.payload.find({ collection: 'mark-history', where: { school: { equals: String(school) } }, sort: 'sequence', pagination: false, depth: 0, overrideAccess: true })
    return docs as unknown as Entry[]
  }

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) {
      tokens[who as Who] = await cms.rest.login(email, PASSWORD)
      const { docs } = await cms.payload.find({ collection: 'users', where: { email: { equals: email } }, depth: 0, overrideAccess: true })
      userIds[who as Who] = docs[0]!.id
    }
    schoolC = (await cms.payload.create({ collection: 'schools', data: { slug: 'mamnoncaman' } as never, overrideAccess: true })).id
    schoolD = (await cms.payload.create({ collection: 'schools', data: { slug: 'maugiaocamha' } as never, overrideAccess: true })).id

    // School A: three changes of values of every JSON kind; school B: three; school C: two.
    await append('teacherA', fx.schoolA, { oldValue: null, newValue: 7.5 })
    await append('teacherA', fx.schoolA, { field: 'midTerm', oldValue: 7.5, newValue: 'Đ', reason: 'nhập lại' })
    await append('principalA', fx.schoolA, { field: 'conduct', oldValue: { level: 'Khá', by: [1, 2] }, newValue: { by: [1, 2], level: 'Tốt' }, source: 'correction', correctionRequest: 42, reason: 'Giấy đề nghị đã duyệt' })
    for (let i = 0; i < 3; i++) await append('teacherB', fx.schoolB, { newValue: i + 5 })
    for (let i = 0; i < 2; i++) await append(null, schoolC, { newValue: i + 1, source: 'import' })
  }, 600_000)
  afterAll(async () => {
    await cms?.close()
  })

  it('appends a linked chain per school, with who, in which role, from which path', async () => {
    const a = await chain(fx.schoolA)
    expect(a.map((e) => e.sequence)).toEqual([1, 2, 3])
    expect(a[0]!.previousHash).toBe('0'.repeat(64))
    expect(a[1]!.previousHash).toBe(a[0]!.hash)
    expect(a[2]!.previousHash).toBe(a[1]!.hash)
    expect(a.map((e) => e.actorRole)).toEqual(['teacher', 'teacher', 'principal'])
    expect(a[2]).toMatchObject({ actor: String(userIds.principalA), source: 'correction', correctionRequest: '42', reason: 'Giấy đề nghị đã duyệt', oldValue: { level: 'Khá', by: [1, 2] } })
    expect(a[1]!.newValue).toBe('Đ')
    expect((await chain(fx.schoolB)).map((e) => e.sequence)).toEqual([1, 2, 3])
    expect((await chain(schoolC)).map((e) => e.actorRole)).toEqual(['system', 'system'])
    expect(await verifyMarkHistory(cms.payload, fx.schoolA)).toEqual({ ok: true, entries: 3 })
    expect(await verifyMarkHistory(cms.payload, fx.schoolB)).toEqual({ ok: true, entries: 3 })
    expect(await verifyMarkHistory(cms.payload, schoolC)).toEqual({ ok: true, entries: 2 })
    expect(await verifyMarkHistory(cms.payload, schoolD)).toEqual({ ok: true, entries: 0 })
  })

  it('is read by the board and the school admin, by the actor their own, by nobody else', async () => {
    const count = async (who: Who) => {
      const res = await cms.rest.request('GET', '/mark-history?limit=100', { token: tokens[who] })
      expect(res.status, who).toBe(200)
      return (res.body.docs as Entry[]).map((e) => `${e.school}#${e.sequence}`).sort()
    }
    const schoolA = ['1', '2', '3'].map((s) => `${fx.schoolA}#${s}`)
    expect(await count('principalA')).toEqual(schoolA)
    expect(await count('vicePrincipalA')).toEqual(schoolA)
    expect(await count('schoolAdminA')).toEqual(schoolA)
    expect(await count('teacherA')).toEqual(schoolA.slice(0, 2))
    expect(await count('teacherA2')).toEqual([])
    expect(await count('teamLeaderA')).toEqual([])
    expect(await count('districtAdmin')).toEqual([])
    expect(await count('principalB')).toEqual(['1', '2', '3'].map((s) => `${fx.schoolB}#${s}`))
    const anonymous = await cms.rest.request('GET', '/mark-history')
    expect(anonymous.status).toBe(403)
    // The chain heads are nobody's to read.
    expect((await cms.rest.request('GET', '/mark-history-heads', { token: tokens.principalA })).status).toBe(403)
  })

  it('refuses every write through REST and GraphQL, for every role, and nothing changes', async () => {
    const before = await chain(fx.schoolA)
    const target = before[1]!
    const entry = { school: String(fx.schoolA), sequence: 4, mark: '1', student: '1', subject: '1', schoolYear: '2026-2027', term: '1', field: 'regular.0', newValue: 10, source: 'entry', at: new Date().toISOString(), previousHash: target.hash, hash: 'x' }
    for (const who of ['principalA', 'schoolAdminA', 'teacherA', 'districtAdmin'] as const) {
      const token = tokens[who]
      expect((await cms.rest.request('POST', '/mark-history', { token, body: entry })).status, `${who} POST`).toBe(403)
      expect((await cms.rest.request('PATCH', `/mark-history/${target.id}`, { token, body: { newValue: 10 } })).status, `${who} PATCH`).toBe(403)
      expect((await cms.rest.request('PATCH', `/mark-history?where[school][equals]=${fx.schoolA}`, { token, body: { newValue: 10 } })).status, `${who} bulk PATCH`).toBe(403)
      expect((await cms.rest.request('DELETE', `/mark-history/${target.id}`, { token })).status, `${who} DELETE`).toBe(403)
      expect((await cms.rest.request('DELETE', `/mark-history?where[school][equals]=${fx.schoolA}`, { token })).status, `${who} bulk DELETE`).toBe(403)
      expect((await cms.rest.request('POST', '/mark-history-heads', { token, body: { school: String(fx.schoolA), sequence: 0 } })).status, `${who} head POST`).toBe(403)

      const mutations = [
        `mutation { createMarkHistory(data: { school: "${fx.schoolA}", sequence: 9, mark: "1", student: "1", subject: "1", schoolYear: "2026-2027", term: "1", field: "x", source: entry, at: "${entry.at}", previousHash: "p", hash: "h" }) { id } }`,
        `mutation { updateMarkHistory(id: ${JSON.stringify(target.id)}, data: { reason: "sửa" }) { id } }`,
        `mutation { deleteMarkHistory(id: ${JSON.stringify(target.id)}) { id } }`,
      ]
      for (const mutation of mutations) {
        const res = await cms.rest.graphql(mutation, token)
        expect(res.body.errors?.length, `${who}: ${mutation.slice(0, 40)} → ${JSON.stringify(res.body)}`).toBeGreaterThan(0)
        expect(JSON.stringify(res.body.errors)).toMatch(/not allowed|Forbidden|không được phép|Bạn không/i)
        expect(res.body.data?.createMarkHistory ?? res.body.data?.updateMarkHistory ?? res.body.data?.deleteMarkHistory ?? null).toBeNull()
      }
    }
    expect(await chain(fx.schoolA)).toEqual(before)
    expect(await verifyMarkHistory(cms.payload, fx.schoolA)).toEqual({ ok: true, entries: 3 })
  })

  it('names the entry altered directly in the database, and only that school', async () => {
    const [, second] = await chain(fx.schoolA)
    // An attacker with database access, past every API.
    await cms.payload.db.updateOne({ collection: 'mark-history', id: second!.id, data: { newValue: 10 } })
    const verdict = await verifyMarkHistory(cms.payload, fx.schoolA)
    expect(verdict).toMatchObject({ ok: false, entries: 2, firstBroken: { sequence: 2, id: second!.id } })
    expect(!verdict.ok && verdict.firstBroken.reason).toMatch(/Nội dung mục #2 đã bị thay đổi/)
    expect(await verifyMarkHistory(cms.payload, fx.schoolB)).toEqual({ ok: true, entries: 3 })

    // Putting the old value back restores the chain: the check is exact, not a heuristic.
    await cms.payload.db.updateOne({ collection: 'mark-history', id: second!.id, data: { newValue: 'Đ' } })
    expect(await verifyMarkHistory(cms.payload, fx.schoolA)).toEqual({ ok: true, entries: 3 })

    // A re-hashed forgery (content and its own hash rewritten) breaks the link to the next entry.
    const { entryHash } = await import('../../packages/payload-plugin/src/gradebook/history.ts')
    const rehash = entryHash({ ...(second as unknown as Record<string, unknown>), newValue: 10 })
    await cms.payload.db.updateOne({ collection: 'mark-history', id: second!.id, data: { newValue: 10, hash: rehash } })
    const relinked = await verifyMarkHistory(cms.payload, fx.schoolA)
    expect(relinked).toMatchObject({ ok: false, firstBroken: { sequence: 3 } })
    expect(!relinked.ok && relinked.firstBroken.reason).toMatch(/không nối với mục trước/)
    await cms.payload.db.updateOne({ collection: 'mark-history', id: second!.id, data: { newValue: 'Đ', hash: second!.hash } })
    expect(await verifyMarkHistory(cms.payload, fx.schoolA)).toEqual({ ok: true, entries: 3 })
  })

  it('names a deleted middle entry as a gap, and a deleted last entry as missing at the end', async () => {
    const b = await chain(fx.schoolB)
    await cms.payload.db.deleteOne({ collection: 'mark-history', where: { id: { equals: b[1]!.id } } })
    const verdict = await verifyMarkHistory(cms.payload, fx.schoolB)
    expect(verdict).toMatchObject({ ok: false, entries: 2, firstBroken: { sequence: 3, id: b[2]!.id } })
    expect(!verdict.ok && verdict.firstBroken.reason).toMatch(/Thiếu mục #2/)

    const c = await chain(schoolC)
    await cms.payload.db.deleteOne({ collection: 'mark-history', where: { id: { equals: c[1]!.id } } })
    const tail = await verifyMarkHistory(cms.payload, schoolC)
    expect(tail).toMatchObject({ ok: false, entries: 1, firstBroken: { sequence: 2 } })
    expect(!tail.ok && tail.firstBroken.reason).toMatch(/Thiếu các mục từ #2 đến #2/)
    expect(await verifyMarkHistory(cms.payload, fx.schoolA)).toEqual({ ok: true, entries: 3 })
  })

  it('20 concurrent appends for one school: sequences 1..20, one chain', { timeout: 300_000 }, async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(i % 2 ? 'teacherA' : 'principalA', schoolD, { newValue: i })))
    const d = await chain(schoolD)
    expect(d.map((e) => e.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(new Set(d.map((e) => e.previousHash)).size).toBe(20)
    for (let i = 1; i < d.length; i++) expect(d[i]!.previousHash).toBe(d[i - 1]!.hash)
    expect(d.map((e) => e.newValue).sort((x, y) => Number(x) - Number(y))).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(await verifyMarkHistory(cms.payload, schoolD)).toEqual({ ok: true, entries: 20 })
  })

  it('a chain head lost (a school older than the history) is rebuilt from the last entry', async () => {
    await cms.payload.db.deleteOne({ collection: 'mark-history-heads', where: { school: { equals: String(fx.schoolA) } } })
    await append('teacherA', fx.schoolA, { newValue: 6 })
    expect((await chain(fx.schoolA)).map((e) => e.sequence)).toEqual([1, 2, 3, 4])
    expect(await verifyMarkHistory(cms.payload, fx.schoolA)).toEqual({ ok: true, entries: 4 })
  })

  it('an append whose transaction rolls back leaves no entry and no hole', async () => {
    const req = await reqAs('teacherA')
    const { initTransaction, killTransaction } = await import('payload')
    await initTransaction(req)
    await appendMarkHistory(req, { school: schoolD, mark: 1, student: 1, subject: 1, schoolYear: '2026-2027', term: '1', field: 'endTerm', oldValue: null, newValue: 9, source: 'entry' })
    await killTransaction(req)
    await append('teacherA', schoolD, { newValue: 99 })
    const d = await chain(schoolD)
    expect(d.map((e) => e.sequence)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1))
    expect(d.at(-1)!.newValue).toBe(99)
    expect(await verifyMarkHistory(cms.payload, schoolD)).toEqual({ ok: true, entries: 21 })
  })

  it.skipIf(testDatabase !== 'sqlite')('pnpm gradebook:verify prints each school and exits 1 when a chain is broken', { timeout: 300_000 }, () => {
    const env = { ...process.env, DATABASE_URI: `file:${path.join(cms.dataDir, 'test.db')}`, TRUONGSO_DATA_DIR: cms.dataDir, LOG_LEVEL: 'silent' }
    const run = (arg: string) => spawnSync('pnpm', ['--silent', 'gradebook:verify', arg], { cwd: root, env, encoding: 'utf8', timeout: 240_000 })
    const one = run('maugiaocamha')
    expect(one.stdout, one.stderr).toContain('maugiaocamha: đúng, 21 mục')
    expect(one.status).toBe(0)
    const all = run('--all')
    expect(all.stdout).toContain(`tieuhocledo: đúng, 4 mục`)
    expect(all.stdout).toMatch(/tieuhoccampho: SAI ở mục #3 \(mã \S+\): Thiếu mục #2/)
    expect(all.status).toBe(1)
    const missing = run('khong-co-truong-nay')
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('Không tìm thấy trường')
  })
})
