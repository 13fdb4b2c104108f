import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'

import { groupCounts, localApiGroupCounts, type CountSpec, type SchoolOversight } from '@truongso/payload-plugin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { demoAccountSchema, type DemoAccount } from '../src/seed/demoAccounts.ts'
import { seedDistrict } from '../src/seed/index.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

type ID = number | string
const has = (tool: string, args: string[]) => spawnSync(tool, args, { stdio: 'ignore' }).status === 0
const canPrint = has('pdftotext', ['-v']) && ['/usr/bin/chromium', process.env.CHROMIUM_PATH].some((p) => p && has(p, ['--version']))
if (!canPrint && process.env.REQUIRE_E2E === '1') throw new Error('oversight.spec needs chromium and poppler-utils (REQUIRE_E2E=1)')
const SCHOOL_YEAR_OF = (d: Date) => (d.getUTCMonth() + 1 >= 8 ? `${d.getUTCFullYear()}-${d.getUTCFullYear() + 1}` : `${d.getUTCFullYear() - 1}-${d.getUTCFullYear()}`)

describe(`oversight across schools (${testDatabase})`, () => {
  let cms: TestCms
  let accounts: DemoAccount[]
  const tokens = new Map<string, string>()
  const year = SCHOOL_YEAR_OF(new Date())
  const term = new Date().getUTCMonth() + 1 >= 8 || (new Date().getUTCMonth() === 0 && new Date().getUTCDate() <= 15) ? 1 : 2
  const token = async (email: string) => {
    if (!tokens.has(email)) tokens.set(email, await cms.rest.login(email, accounts.find((a) => a.email === email)!.password))
    return tokens.get(email)!
  }
  const email = (prefix: string) => accounts.find((a) => a.email.startsWith(prefix))!.email
  const dashboard = async (who: string, query = `?schoolYear=${year}&term=${term}`) => cms.rest.request('GET', `/oversight/schools${query}`, { token: await token(who) })
  const tierOf = async (code: string) => (await cms.payload.find({ collection: 'tiers', where: { code: { equals: code } }, overrideAccess: true })).docs[0]!.id as ID
  const slugsOfTier = async (tier: ID) => (await cms.payload.find({ collection: 'schools', where: { tier: { equals: tier } }, pagination: false, overrideAccess: true })).docs.map((s) => String(s.slug)).sort()

  beforeAll(async () => {
    cms = await startTestCms()
    const file = path.join(cms.dataDir, 'demo-accounts.json')
    await seedDistrict(cms.payload, file, { records: ['tieuhocledo', 'thcskimdong'] })
    accounts = (JSON.parse(readFileSync(file, 'utf8')) as unknown[]).map((a) => demoAccountSchema.parse(a))
  }, 600_000)
  afterAll(async () => {
    await cms?.close()
  })

  it('shows a ward’s officer the ward’s schools only, and the district office all 34', async () => {
    const ward = await tierOf('ward-hoiantay')
    const wardSlugs = await slugsOfTier(ward)
    expect(wardSlugs.length).toBeGreaterThan(3)
    expect(wardSlugs.length).toBeLessThan(34)
    const asWard = await dashboard(email('chuyenvien.hoiantay@'))
    expect(asWard.status).toBe(200)
    expect((asWard.body.schools as SchoolOversight[]).map((s) => s.school.slug).sort()).toEqual(wardSlugs)
    const asDistrict = await dashboard(email('chuyenvien.phong@'))
    expect(asDistrict.body.schools).toHaveLength(34)
    // The same scope on Payload's own REST API: schools and their posts.
    const schools = await cms.rest.request('GET', '/schools?limit=100', { token: await token(email('chuyenvien.hoiantay@')) })
    expect((schools.body.docs as { slug: string }[]).map((s) => s.slug).sort()).toEqual(wardSlugs)
    const posts = await cms.rest.request('GET', '/posts?limit=0&depth=1', { token: await token(email('chuyenvien.hoiantay@')) })
    const wardIds = new Set((await cms.payload.find({ collection: 'schools', where: { tier: { equals: ward } }, pagination: false, overrideAccess: true })).docs.map((s) => String(s.id)))
    const expectedPosts = await cms.payload.count({ collection: 'posts', where: { school: { in: [...wardIds] } }, overrideAccess: true })
    expect(posts.body.totalDocs).toBe(expectedPosts.totalDocs)
    expect((posts.body.docs as { school: { id: ID } }[]).every((p) => wardIds.has(String(p.school.id)))).toBe(true)
    // A principal and an anonymous caller get nothing.
    expect((await dashboard(email('hieutruong.tieuhocledo@'))).status).toBe(403)
    expect((await cms.rest.request('GET', `/oversight/schools?schoolYear=${year}&term=${term}`)).status).toBe(403)
    expect((await dashboard(email('chuyenvien.phong@'), '?term=3')).status).toBe(400)
  })

  it('moves a school to another ward: only an admin above both may, and the officers’ scopes follow', async () => {
    const from = await tierOf('ward-hoiantay')
    const to = await tierOf('ward-hoiandong')
    const school = (await cms.payload.find({ collection: 'schools', where: { tier: { equals: from } }, limit: 1, sort: 'stt', overrideAccess: true })).docs[0]!
    // An admin of one ward cannot hand a school to another ward.
    const wardAdmin = await cms.payload.create({ collection: 'users', overrideAccess: true, data: { email: 'quantri.hoiantay@truongso.test', password: 'Rat-kho-doan-2026!', fullName: 'Quản trị phường', districtRoles: ['district-admin'], tier: from } as never })
    const wardAdminToken = await cms.rest.login(wardAdmin.email as string, 'Rat-kho-doan-2026!')
    const refused = await cms.rest.request('PATCH', `/schools/${school.id}`, { token: wardAdminToken, body: { tier: to } })
    expect(refused.status).toBe(403)
    expect(refused.body.errors[0].message).toContain('cơ quan của mình')
    // The district admin above both wards moves it.
    const moved = await cms.rest.request('PATCH', `/schools/${school.id}`, { token: await token(email('quantri.phong@')), body: { tier: to } })
    expect(moved.status).toBe(200)
    const east = (await dashboard(email('chuyenvien.hoiandong@'))).body.schools as SchoolOversight[]
    expect(east.map((s) => s.school.slug)).toContain(school.slug)
    const west = (await dashboard(email('chuyenvien.hoiantay@'))).body.schools as SchoolOversight[]
    expect(west.map((s) => s.school.slug)).not.toContain(school.slug)
    // A ward's officer reads no account of another ward's school.
    const users = await cms.rest.request('GET', `/users?limit=0&where[memberships.school][equals]=${school.id}`, { token: await token(email('chuyenvien.hoiantay@')) })
    expect(users.body.totalDocs).toBe(0)
    await cms.payload.update({ collection: 'schools', id: school.id, data: { tier: from } as never, overrideAccess: true })
  })

  it('gives figures equal to counts made independently from the seeded records', async () => {
    const rows = (await dashboard(email('chuyenvien.phong@'))).body.schools as SchoolOversight[]
    const now = Date.now()
    const all = <T = Record<string, unknown>>(collection: string, where: Record<string, unknown>, draft = false) =>
      cms.payload.find({ collection: collection as never, where: where as never, pagination: false, depth: 0, overrideAccess: true, draft }).then((r) => r.docs as T[])
    for (const slug of ['tieuhocledo', 'thcskimdong', 'mamnoncaman']) {
      const row = rows.find((r) => r.school.slug === slug)!
      const school = row.school.id
      const published = await all<{ publishedDate?: string }>('posts', { and: [{ school: { equals: school } }, { _status: { equals: 'published' } }] })
      expect(row.website.postsLast30Days).toBe(published.filter((p) => p.publishedDate && now - Date.parse(p.publishedDate) <= 30 * 86_400_000).length)
      const latest = published.map((p) => p.publishedDate ?? '').sort().at(-1)
      expect(row.website.lastPostAt).toBe(latest ? new Date(latest).toISOString() : null)
      const members = await all<{ passwordSetByAdmin?: boolean; memberships?: { school: unknown }[] }>('users', { 'memberships.school': { equals: school } })
      expect(row.accounts.total).toBe(members.length)
      expect(row.accounts.passwordNeverChanged).toBe(members.filter((u) => u.passwordSetByAdmin === true).length)
      const logs = await all<{ date: string; rows?: { signedAt?: string | null }[] }>('class-logs', { and: [{ school: { equals: school } }, { schoolYear: { equals: year } }, { term: { equals: term === 1 ? 'hk1' : 'hk2' } }] })
      const periods = logs.filter((l) => l.date <= new Date().toISOString().slice(0, 10)).flatMap((l) => l.rows ?? [])
      expect(row.classLogs.periods).toBe(periods.length)
      expect(row.classLogs.signed).toBe(periods.filter((p) => p.signedAt).length)
      const marks = await all<{ endTerm?: unknown; endTermLevel?: unknown }>('marks', { and: [{ school: { equals: school } }, { schoolYear: { equals: year } }, { term: { equals: term === 1 ? 'hk1' : 'hk2' } }] })
      expect(row.gradebook.endTerm).toBe(marks.filter((m) => (m.endTerm !== null && m.endTerm !== undefined) || (m.endTermLevel !== null && m.endTermLevel !== undefined)).length)
      const classes = await all('classes', { and: [{ school: { equals: school } }, { schoolYear: { equals: year } }] })
      expect(row.gradebook.classes).toBe(classes.length)
      const sessions = await all<{ date: string }>('attendance-sessions', { and: [{ school: { equals: school } }, { schoolYear: { equals: year } }, { session: { equals: 'morning' } }, { term: { equals: term === 1 ? 'hk1' : 'hk2' } }] })
      expect(row.attendance.taken).toBe(sessions.filter((s) => s.date <= new Date().toISOString().slice(0, 10)).length)
    }
    // The demo schools with records have marks, logs and registers to show.
    const ledo = rows.find((r) => r.school.slug === 'tieuhocledo')!
    expect(ledo.gradebook.classes).toBeGreaterThan(0)
    expect(ledo.gradebook.expected).toBeGreaterThan(0)
    expect(ledo.accounts.total).toBeGreaterThan(0)
    // "Behind" is a filter of the same rows.
    const behind = (await dashboard(email('chuyenvien.phong@'), `?schoolYear=${year}&term=${term}&behind=1`)).body.schools as SchoolOversight[]
    expect(behind.map((s) => s.school.slug)).toEqual(rows.filter((r) => r.behind.length > 0).map((r) => r.school.slug))
    const preschools = (await dashboard(email('chuyenvien.phong@'), `?schoolYear=${year}&term=${term}&level=preschool`)).body.schools as SchoolOversight[]
    expect(preschools.length).toBe(13)
  })

  it('answers each figure’s GROUP BY the same through SQL and through the Local API', async () => {
    const specs: CountSpec[] = [
      { collection: 'posts', where: [{ field: '_status', op: 'equals', value: 'published' }], groupBy: ['school'], max: ['publishedDate'] },
      { collection: 'posts', latestVersions: true, where: [{ field: 'workflowState', op: 'in', value: ['draft', 'submitted', 'returned'] }], groupBy: ['school', 'workflowState'] },
      { collection: 'marks', where: [{ field: 'schoolYear', op: 'equals', value: year }], groupBy: ['school', 'class', 'term'], notNull: ['regular', 'midTerm', 'endTerm', 'endTermLevel'] },
      { collection: 'class-logs', array: { field: 'rows', table: 'log_rows' }, where: [{ field: 'schoolYear', op: 'equals', value: year }], groupBy: ['school', 'term'], notNull: ['signedAt'] },
      { collection: 'users', array: { field: 'memberships', table: 'users_memberships' }, groupByArrayRow: true, where: [{ field: 'passwordSetByAdmin', op: 'equals', value: true }], groupBy: ['school'] },
      { collection: 'teaching-plans', where: [{ field: 'schoolYear', op: 'equals', value: year }], groupBy: ['school', 'weekStart', 'status'], isTrue: ['late'] },
      { collection: 'enrolments', where: [{ field: 'endDate', op: 'exists', value: false }], groupBy: ['school', 'class'] },
      // Every comparison operator, on dates and on text days.
      { collection: 'posts', where: [{ field: 'publishedDate', op: 'gte', value: new Date(Date.now() - 20 * 86_400_000).toISOString() }, { field: 'publishedDate', op: 'lt', value: new Date().toISOString() }], groupBy: ['school'] },
      { collection: 'attendance-sessions', where: [{ field: 'date', op: 'gt', value: '2000-01-01' }, { field: 'date', op: 'lte', value: new Date().toISOString().slice(0, 10) }, { field: 'session', op: 'not_equals', value: 'afternoon' }], groupBy: ['school', 'class'] },
    ]
    const sorted = (groups: { key: string[] }[]) => [...groups].sort((a, b) => a.key.join('|').localeCompare(b.key.join('|')))
    for (const spec of specs) {
      const viaSql = await groupCounts(cms.payload, spec)
      const viaLocalApi = await localApiGroupCounts(cms.payload, spec)
      expect(viaSql.length, spec.collection).toBeGreaterThan(0)
      expect(sorted(viaSql), spec.collection).toEqual(sorted(viaLocalApi))
    }
  })

  it('never returns a person’s name, e-mail or personal data', async () => {
    const text = JSON.stringify((await dashboard(email('chuyenvien.phong@'))).body)
    const users = await cms.payload.find({ collection: 'users', pagination: false, overrideAccess: true, depth: 0 })
    const students = await cms.payload.find({ collection: 'students', pagination: false, overrideAccess: true, depth: 0, limit: 0 })
    expect(students.docs.length).toBeGreaterThan(0)
    for (const u of users.docs) {
      expect(text).not.toContain(String(u.email))
      expect(text).not.toContain(`"${String(u.fullName)}"`)
    }
    for (const s of students.docs as { fullName?: string }[]) if (s.fullName) expect(text).not.toContain(s.fullName)
    expect(text).not.toMatch(/\b\d{12}\b/) // CCCD
    expect(text).not.toMatch(/\b0\d{9}\b/) // phone
    expect(text).not.toMatch(/fullName|email|phone|address|cccd|nationalId/i)
  })

  it('builds the semester report as xlsx whose total row is the sum of the school rows', async () => {
    const file = await cms.rest.download(`/oversight/report?schoolYear=${year}&term=${term}&format=xlsx`, await token(email('chuyenvien.hoiantay@')))
    expect(file.status).toBe(200)
    expect(file.type).toContain('spreadsheetml')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.data as never)
    const sheet = workbook.worksheets[0]!
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1)
    expect(String(values(2)[0])).toContain('PHÒNG VĂN HÓA – XÃ HỘI PHƯỜNG HỘI AN TÂY')
    const header = values(5).map(String)
    expect(header).toContain('HT: Tốt')
    const wardSlugs = await slugsOfTier(await tierOf('ward-hoiantay'))
    const rows: unknown[][] = []
    for (let r = 6; r < 6 + wardSlugs.length; r++) rows.push(values(r))
    const total = values(6 + wardSlugs.length)
    expect(String(total[1])).toBe('Tổng cộng')
    for (let c = 3; c < header.length; c++) expect(Number(total[c]), header[c]).toBe(rows.reduce((n, row) => n + Number(row[c]), 0))
    // The figures are the dashboard's: compare one column with the API.
    const api = (await dashboard(email('chuyenvien.hoiantay@'))).body.schools as SchoolOversight[]
    const postsColumn = header.indexOf('Bài đăng 30 ngày')
    expect(rows.map((r) => Number(r[postsColumn]))).toEqual(api.map((s) => s.website.postsLast30Days))
    expect(JSON.stringify(rows)).not.toMatch(/@|\b\d{12}\b/)
  })

  it.skipIf(!canPrint)('prints the year report as a Decree 30 PDF with the tier’s heading and the figures', async () => {
    const file = await cms.rest.download(`/oversight/report?schoolYear=${year}&term=year&format=pdf`, await token(email('chuyenvien.phong@')))
    expect(file.status).toBe(200)
    expect(file.type).toBe('application/pdf')
    const dir = mkdtempSync(path.join(tmpdir(), 'truongso-report-'))
    writeFileSync(path.join(dir, 'r.pdf'), file.data)
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC')
    expect(text).toContain('UBND THÀNH PHỐ HỘI AN')
    expect(text).toContain('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO') // the name wraps in the heading's left column
    expect(text.replace(/\s+/g, ' ').toUpperCase()).toContain(`BÁO CÁO TÌNH HÌNH SỬ DỤNG HỒ SƠ ĐIỆN TỬ NĂM HỌC ${year}`)
    const rows = (await dashboard(email('chuyenvien.phong@'), `?schoolYear=${year}&term=2`)).body.schools as SchoolOversight[]
    const ledo = rows.find((r) => r.school.slug === 'tieuhocledo')!
    const line = text.split('\n').find((l) => l.includes('TH Lê Độ') && /\d/.test(l.replace('TH Lê Độ', '')))!
    expect(line).toBeTruthy()
    expect(line.split(/\s+/).filter((w) => /^\d+$/.test(w)).map(Number)).toEqual(expect.arrayContaining([ledo.website.postsLast30Days, ledo.gradebook.classes]))
    expect(text).toContain('Tổng cộng')
    // Officers of a school get no report.
    expect((await cms.rest.download(`/oversight/report?term=1&format=xlsx`, await token(email('hieutruong.tieuhocledo@')))).status).toBe(403)
    expect((await cms.rest.request('GET', `/oversight/report?term=5`, { token: await token(email('chuyenvien.phong@')) })).status).toBe(400)
  }, 120_000)

  it('reminds the board of a school that is behind: logged, e-mailed, a banner until seen; never twice a day, never outside the tier', async () => {
    const officer = await token(email('chuyenvien.phong@'))
    const before = await cms.payload.count({ collection: 'oversight-reminders', overrideAccess: true })
    // A ward's officer cannot remind a school of another ward: refused, nothing stored.
    const westSlugs = await slugsOfTier(await tierOf('ward-hoiantay'))
    const foreign = (await cms.payload.find({ collection: 'schools', where: { slug: { not_in: westSlugs } }, limit: 1, overrideAccess: true })).docs[0]!
    const refused = await cms.rest.request('POST', '/oversight/reminders', { token: await token(email('chuyenvien.hoiantay@')), body: { schools: [foreign.slug] } })
    expect(refused.status).toBe(403)
    expect((await cms.payload.count({ collection: 'oversight-reminders', overrideAccess: true })).totalDocs).toBe(before.totalDocs)
    expect((await cms.rest.request('POST', '/oversight/reminders', { body: {} })).status).toBe(403)
    expect((await cms.rest.request('POST', '/oversight/reminders', { token: await token(email('hieutruong.tieuhocledo@')), body: {} })).status).toBe(403)
    expect((await cms.rest.request('POST', '/oversight/reminders', { token: officer, body: { schools: 'tieuhocledo' } })).status).toBe(400)

    const rows = (await dashboard(email('chuyenvien.phong@'))).body.schools as SchoolOversight[]
    const ledo = rows.find((r) => r.school.slug === 'tieuhocledo')!
    expect(ledo.behind.length).toBeGreaterThan(0)
    cms.sentEmails.length = 0
    const sent = await cms.rest.request('POST', '/oversight/reminders', { token: officer, body: { schoolYear: year, term: String(term), schools: ['tieuhocledo'], note: 'Đề nghị cập nhật trước thứ Sáu.' } })
    expect(sent.status).toBe(200)
    expect(sent.body.sent).toEqual(['tieuhocledo'])
    const logged = await cms.payload.find({ collection: 'oversight-reminders', where: { school: { equals: ledo.school.id } }, overrideAccess: true, depth: 0 })
    expect(logged.docs).toHaveLength(1)
    expect(logged.docs[0]!.reasons).toEqual(ledo.behind)
    await cms.payload.jobs.run({ queue: 'email' })
    const board = accounts.filter((a) => a.school === 'tieuhocledo' && (a.roles.includes('principal') || a.roles.includes('vice-principal'))).map((a) => a.email)
    const mail = cms.sentEmails.find((m) => String(m.subject).includes('TH Lê Độ'))!
    expect(mail).toBeTruthy()
    for (const to of board) expect(String(mail.to)).toContain(to)
    expect(String(mail.text)).toContain('Đề nghị cập nhật trước thứ Sáu.')
    // The same click again within 24 hours: skipped.
    const again = await cms.rest.request('POST', '/oversight/reminders', { token: officer, body: { schools: ['tieuhocledo'] } })
    expect(again.body.sent).toEqual([])
    expect(again.body.skipped).toEqual(['tieuhocledo'])
    // The board reads it (only its own school's) and marks it seen; a teacher may not.
    const principal = await token(email('hieutruong.tieuhocledo@'))
    const list = await cms.rest.request('GET', '/oversight-reminders?depth=0', { token: principal })
    expect(list.body.docs.map((d: { school: ID }) => String(d.school))).toEqual([String(ledo.school.id)])
    const id = logged.docs[0]!.id
    expect((await cms.rest.request('POST', `/oversight-reminders/${id}/seen`, { token: await token(email('giaovien.tieuhocledo@')) })).status).toBe(403)
    expect((await cms.rest.request('POST', `/oversight-reminders/${id}/seen`, { token: principal })).status).toBe(200)
    const seen = await cms.payload.findByID({ collection: 'oversight-reminders', id, overrideAccess: true, depth: 0 })
    expect(seen.seenAt).toBeTruthy()
    // Nobody writes the log through the REST API.
    expect((await cms.rest.request('POST', '/oversight-reminders', { token: officer, body: { school: ledo.school.id, schoolYear: year } })).status).toBe(403)
  })

  it('exports the tier’s aggregates as documented JSON, without names of people', async () => {
    const res = await cms.rest.request('GET', `/oversight/export?schoolYear=${year}&term=${term}`, { token: await token(email('chuyenvien.hoiantay@')) })
    expect(res.status).toBe(200)
    expect(res.body.format).toBe('truongso.oversight.v1')
    expect(res.body.tier.code).toBe('ward-hoiantay')
    expect(res.body.feeds.attendanceDaily).toContain('/api/attendance/daily?date=')
    expect(res.body.schools.map((s: { code: string }) => s.code).sort()).toEqual(await slugsOfTier(await tierOf('ward-hoiantay')))
    const api = (await dashboard(email('chuyenvien.hoiantay@'))).body.schools as SchoolOversight[]
    for (const school of res.body.schools as { code: string; website: unknown; results: { thcsStudents: number; thStudents: number } }[]) {
      expect(school.website).toEqual(api.find((s) => s.school.slug === school.code)!.website)
      expect(school.results.thcsStudents + school.results.thStudents).toBeGreaterThanOrEqual(0)
    }
    const text = JSON.stringify(res.body)
    const users = await cms.payload.find({ collection: 'users', pagination: false, overrideAccess: true, depth: 0 })
    for (const u of users.docs) expect(text).not.toContain(String(u.email))
    expect(text).not.toMatch(/fullName|email|phone|address|cccd/i)
  })
})
