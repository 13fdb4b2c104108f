import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { verifyMarkHistory } from '@truongso/payload-plugin'
import { schools } from '@truongso/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_SCHOOLS, demoAccountSchema } from '../src/seed/demoAccounts.ts'
import { seedDistrict } from '../src/seed/index.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

describe(`demo seed (${testDatabase})`, () => {
  let cms: TestCms
  let file: string
  beforeAll(async () => {
    cms = await startTestCms()
    file = path.join(cms.dataDir, 'demo-accounts.json')
    await seedDistrict(cms.payload, file, { records: ['tieuhocledo', 'thcskimdong'] })
  })
  afterAll(async () => {
    await cms?.close()
  })

  it('creates the 34 schools exactly as the registry lists them', async () => {
    const found = await cms.payload.find({ collection: 'schools', pagination: false, sort: 'stt' })
    expect(found.docs.map((s) => [s.stt, s.name, s.url])).toEqual(schools.map((s) => [s.stt, s.name, s.url]))
  })

  it('writes demo accounts: one per role in a school of each level, plus the district', async () => {
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as unknown[]
    const parsed = accounts.map((a) => demoAccountSchema.parse(a))
    const levels = new Set(parsed.filter((a) => a.school).map((a) => schools.find((s) => s.slug === a.school)?.level))
    expect([...levels].sort()).toEqual(['MG', 'MN', 'TH', 'TH-THCS', 'THCS'])
    for (const slug of DEMO_SCHOOLS) {
      const roles = parsed.filter((a) => a.school === slug).flatMap((a) => a.roles)
      expect(roles.sort()).toEqual(
        ['homeroom-teacher', 'principal', 'school-admin', 'staff', 'teacher', 'team-leader', 'vice-principal'].sort(),
      )
    }
    expect(parsed.filter((a) => a.school === null).flatMap((a) => a.roles).sort()).toEqual(['district-admin', 'district-officer'])
    expect(parsed.find((a) => a.roles.includes('team-leader'))?.department).toBeTruthy()
  })

  it('the demo principal of TH Lê Độ logs in and sees only TH Lê Độ', async () => {
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))!
    const token = await cms.rest.login(principal.email, principal.password)
    const res = await cms.rest.request('GET', '/schools?limit=100', { token })
    expect(res.status).toBe(200)
    expect(res.body.docs.map((s: { name: string }) => s.name)).toEqual(['TH Lê Độ'])
    const users = await cms.rest.request('GET', '/users?limit=100&depth=1', { token })
    expect(users.body.docs.length).toBe(7)
    for (const user of users.body.docs) {
      expect(user.memberships.map((m: { school: { slug: string } }) => m.school.slug)).toEqual(['tieuhocledo'])
    }
  })

  it('gives every school an introduction and published posts in each section, visible anonymously', async () => {
    const ids = await cms.payload.find({ collection: 'schools', pagination: false, depth: 0 })
    expect(ids.docs).toHaveLength(34)
    for (const school of ids.docs) {
      const intro = await cms.rest.request('GET', `/introductions?where[school][equals]=${school.id}`)
      expect(intro.body.docs, school.slug as string).toHaveLength(1)
      for (const section of ['thong-bao', 'chuyen-mon', 'hoat-dong']) {
        const res = await cms.rest.request('GET', `/posts?where[school][equals]=${school.id}&where[section][equals]=${section}&limit=50`)
        expect(res.body.docs.length, `${school.slug} ${section}`).toBeGreaterThanOrEqual(3)
      }
      const disclosures = await cms.rest.request('GET', `/disclosures?where[school][equals]=${school.id}`)
      expect(disclosures.body.docs.length).toBeGreaterThanOrEqual(4)
    }
  })

  it('has work in every review state, none of it public', async () => {
    for (const state of ['draft', 'submitted', 'leader-approved', 'returned', 'unpublished']) {
      const found = await cms.payload.count({ collection: 'posts', where: { workflowState: { equals: state } }, overrideAccess: true })
      expect(found.totalDocs, state).toBe(34)
    }
    const anonymous = await cms.rest.request('GET', '/posts?limit=1000&depth=0')
    expect(anonymous.body.docs.every((p: { _status: string }) => p._status === 'published')).toBe(true)
    expect(anonymous.body.totalDocs).toBe(34 * 9)
  })

  it('gives the seeded posts the review history that brought them to their state', async () => {
    const ledo = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: 'tieuhocledo' } }, overrideAccess: true })).docs[0]!
    const returned = (await cms.payload.find({ collection: 'posts', where: { and: [{ school: { equals: ledo.id } }, { workflowState: { equals: 'returned' } }] }, draft: true, overrideAccess: true, depth: 0 })).docs[0]!
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))!
    const token = await cms.rest.login(principal.email, principal.password)
    const res = await cms.rest.request("GET", `/posts/${returned.id}?depth=1`, { token })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
    const history = (res.body.workflowHistory.docs as { action: string; toState: string; actorRole: string; reason: string | null; actor: { email?: string } | null; createdAt: string }[])
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    expect(history.map((e) => [e.action, e.toState, e.actorRole])).toEqual([['submit', 'submitted', 'author'], ['return', 'returned', 'team-leader']])
    expect(history[1]!.reason).toBe(returned.lastReturnReason)
    const leader = (await cms.payload.find({ collection: 'users', where: { email: { like: 'totruong.tieuhocledo' } }, overrideAccess: true })).docs[0]!
    const actorId = (a: unknown) => String((a as { id?: unknown } | null)?.id ?? a)
    expect(actorId(history[1]!.actor)).toBe(String(leader.id))
  })

  it('queues the seeded submission for the demo team leader of TH Lê Độ', async () => {
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const leader = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('team-leader'))!
    const token = await cms.rest.login(leader.email, leader.password)
    const queue = await cms.rest.request('GET', '/posts/review-queue', { token })
    expect(queue.body.awaitingMyReview.map((i: { title: string }) => i.title)).toContain('Kế hoạch tham quan học tập tại làng rau Trà Quế')
  })

  it('gives the demo teachers term I marks: one class-subject up to date, one half way, others behind; every value in the verified history', async () => {
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const teacher = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('teacher'))!
    const token = await cms.rest.login(teacher.email, teacher.password)
    const marks = await cms.rest.request('GET', '/marks?limit=1000&depth=1&where[term][equals]=hk1', { token })
    expect(marks.status).toBe(200)
    const byClass = new Map<string, { regular: number; midTerm: number; students: number }>()
    for (const mark of marks.body.docs as { class: { name: string }; subject: { name: string }; regular?: unknown[]; midTerm?: unknown }[]) {
      expect(mark.subject.name).toBe('Ngữ văn')
      const row = byClass.get(mark.class.name) ?? { regular: 0, midTerm: 0, students: 0 }
      row.students++
      row.regular += mark.regular?.length ?? 0
      row.midTerm += mark.midTerm ? 1 : 0
      byClass.set(mark.class.name, row)
    }
    const [upToDate, half, behind] = ['6/1', '6/2', '6/3'].map((name) => byClass.get(name)!)
    expect(upToDate!.regular).toBeGreaterThan(half!.regular)
    expect(half!.regular).toBeGreaterThan(behind!.regular)
    expect(behind!.midTerm).toBe(0)
    expect(upToDate!.midTerm).toBe(upToDate!.students)
    const kimdong = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: 'thcskimdong' } }, overrideAccess: true })).docs[0]!
    // The lock calendar: term I's mid-term column is locked (its date has passed), the end of term is not yet;
    // and the principal finds the demo teacher's request to correct a locked mid-term mark.
    const locks = await cms.payload.find({ collection: 'mark-locks' as never, where: { school: { equals: kimdong.id } }, pagination: false, overrideAccess: true })
    const lockOf = (term: string, kind: string) => (locks.docs as unknown as { term: string; kind: string; locked: boolean }[]).find((l) => l.term === term && l.kind === kind)
    expect(lockOf('hk1', 'midTerm')?.locked).toBe(true)
    expect(lockOf('hk1', 'endTerm')?.locked).toBe(false)
    const principal = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('principal'))!
    const queue = await cms.rest.request('GET', '/mark-corrections?where[state][equals]=pending', { token: await cms.rest.login(principal.email, principal.password) })
    expect(queue.body.docs).toHaveLength(1)
    expect(queue.body.docs[0]).toMatchObject({ field: 'midTerm', state: 'pending' })
    const verdict = await verifyMarkHistory(cms.payload, kimdong.id)
    expect(verdict.ok).toBe(true)
    expect(verdict.entries).toBeGreaterThan(100)
  })

  it('gives a primary and a lower-secondary school a believable year of records', async () => {
    for (const [slug, grades] of [['tieuhocledo', [1, 2, 3, 4, 5]], ['thcskimdong', [6, 7, 8, 9]]] as const) {
      const school = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!
      const inSchool = { school: { equals: school.id } }
      const staff = (await cms.payload.count({ collection: 'staff', where: inSchool, overrideAccess: true })).totalDocs
      expect(staff).toBeGreaterThanOrEqual(20)
      expect(staff).toBeLessThanOrEqual(60)
      expect((await cms.payload.count({ collection: 'departments', where: inSchool, overrideAccess: true })).totalDocs).toBeGreaterThanOrEqual(4)
      const classes = await cms.payload.find({ collection: 'classes', where: inSchool, pagination: false, overrideAccess: true })
      expect([...new Set(classes.docs.map((c) => c.grade))].sort()).toEqual(grades)
      for (const klass of classes.docs) {
        expect(klass.size, `${slug} ${klass.name}`).toBeGreaterThanOrEqual(25)
        expect(klass.size).toBeLessThanOrEqual(40)
      }
      const students = await cms.payload.find({ collection: 'students', where: inSchool, limit: 2000, overrideAccess: true, depth: 0 })
      expect(students.docs.every((s) => /^0499\d{8}$/.test(String(s.cccd)))).toBe(true)
    }
    const kimdong = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: 'thcskimdong' } }, overrideAccess: true })).docs[0]!
    const grade9 = await cms.payload.find({ collection: 'subjects', where: { and: [{ school: { equals: kimdong.id } }, { grade: { equals: 9 } }] }, pagination: false, overrideAccess: true })
    expect(grade9.docs).toHaveLength(12)
    expect(grade9.docs.find((s) => s.name === 'Công nghệ')).toMatchObject({ periodsPerYear: 52, regularAssessments: 3, kind: 'scored' })
    expect(grade9.docs.find((s) => s.name === 'Nghệ thuật')).toMatchObject({ kind: 'comment', regularAssessments: 2 })
    // The demo homeroom teacher of TH Lê Độ reads their own class's personal data, masked elsewhere.
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const homeroom = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('homeroom-teacher'))!
    const token = await cms.rest.login(homeroom.email, homeroom.password)
    const own = await cms.rest.request('GET', '/students?limit=1&depth=1&where[currentClass.name][equals]=1/1', { token })
    expect(own.body.docs[0].cccd).toMatch(/^0499\d{8}$/)
    expect(own.body.docs[0].phone).toBeTruthy()
    const other = await cms.rest.request('GET', '/students?limit=1&depth=0&where[currentClass.name][equals]=1/2', { token })
    expect(other.body.docs[0].cccd).toMatch(/^0\*{8}\d{3}$/)
    expect(other.body.docs[0]).not.toHaveProperty('phone')
    // A class they neither teach nor lead: none of its students.
    const notMine = await cms.rest.request('GET', '/students?limit=1&depth=0&where[currentClass.name][equals]=3/1', { token })
    expect(notMine.body.docs).toHaveLength(0)
  })

  it('is idempotent: a second run adds nothing and keeps the passwords', async () => {
    const before = readFileSync(file, 'utf8')
    const countBefore = (await cms.payload.count({ collection: 'users' })).totalDocs
    await seedDistrict(cms.payload, file, { records: ['tieuhocledo', 'thcskimdong'] })
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect((await cms.payload.count({ collection: 'users' })).totalDocs).toBe(countBefore)
    expect((await cms.payload.count({ collection: 'schools' })).totalDocs).toBe(34)
  })

  it('writes working credentials again when the file was lost but the database kept', async () => {
    rmSync(file)
    await seedDistrict(cms.payload, file, { records: [] })
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string }[]
    for (const account of [accounts[0]!, accounts.at(-1)!]) {
      const res = await cms.rest.request('POST', '/users/login', { body: { email: account.email, password: account.password } })
      expect(res.status, account.email).toBe(200)
    }
  })
})
