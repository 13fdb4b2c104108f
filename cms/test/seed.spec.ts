import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { verifyMarkHistory } from '@truongso/payload-plugin'
import { schools } from '@truongso/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_SCHOOLS, demoAccountSchema } from '../src/seed/demoAccounts.ts'
import { seedDistrict } from '../src/seed/index.ts'
import { seededWeeks } from '../src/seed/teachingWeeks.ts'
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
    expect(parsed.filter((a) => a.school === null && a.tier === 'hoian').flatMap((a) => a.roles).sort()).toEqual(['district-admin', 'district-officer'])
    // One officer per ward (seed/tiers.ts), each in its ward's tier.
    expect(parsed.filter((a) => a.school === null && a.tier?.startsWith('ward-')).map((a) => a.tier).sort()).toEqual(['ward-hoian', 'ward-hoiandong', 'ward-hoiantay', 'ward-tanhiep'])
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
    // Per school: 10 news posts (two with a photo album) and 3 documents (Văn bản).
    expect(anonymous.body.totalDocs).toBe(34 * 13)
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

  it('gives the demo schools a clash-free term I timetable, a PPCT and two weeks of attendance feeding the gradebook', async () => {
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const login = (slug: string, role: string) => {
      const account = accounts.find((a) => a.school === slug && a.roles.includes(role))!
      return cms.rest.login(account.email, account.password)
    }
    type Slot = { date: string; session: string; period: number; subject: { name: string }; class: { name: string }; teacher: { id: unknown } }
    for (const [slug, subject] of [['thcskimdong', 'Ngữ văn'], ['tieuhocledo', 'Toán']] as const) {
      const school = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!
      const slots = (await cms.payload.find({ collection: 'timetable-slots' as never, where: { school: { equals: school.id } }, pagination: false, depth: 0, overrideAccess: true })).docs as unknown as Record<string, unknown>[]
      expect(slots.length, slug).toBeGreaterThan(10)
      // The clash rule: one teacher, one room per day, session and period; teacher and subject are the assignment's.
      for (const who of ['teacher', 'room'] as const) {
        const times = slots.map((s) => `${String(s[who])}:${String(s.day)}:${String(s.session)}:${String(s.period)}`)
        expect(new Set(times).size, `${slug} ${who}`).toBe(times.length)
      }
      const assignments = await cms.payload.find({ collection: 'teaching-assignments', where: { school: { equals: school.id } }, pagination: false, depth: 0, overrideAccess: true })
      const byId = new Map(assignments.docs.map((a) => [String(a.id), a]))
      for (const slot of slots) {
        const assignment = byId.get(String(slot.teachingAssignment))!
        expect([slot.teacher, slot.subject, slot.class, slot.session]).toEqual([assignment.teacher, assignment.subject, assignment.class, 'morning'])
        expect(slot.period as number).toBeLessThanOrEqual(5)
      }
      // The fast path stores what the slot's save hook would: saving one again through the Local API changes nothing.
      const { updatedAt: _before, ...stored } = slots[0]!
      const { updatedAt: _after, ...resaved } = (await cms.payload.update({ collection: 'timetable-slots' as never, id: stored.id as never, data: {} as never, depth: 0, overrideAccess: true })) as unknown as Record<string, unknown>
      expect(resaved).toEqual(stored)
      // The demo teacher's week (the second week of term I): their subject, in their three classes, no two lessons at once.
      const timetable = (await cms.payload.find({ collection: 'timetables' as never, where: { school: { equals: school.id } }, limit: 1, overrideAccess: true })).docs[0] as unknown as { startsOn: string; term: string }
      expect(timetable.term).toBe('hk1')
      const day = new Date(Date.parse(timetable.startsOn) + 7 * 86_400_000).toISOString().slice(0, 10)
      const week = await cms.rest.request('GET', `/timetables/week?date=${day}`, { token: await login(slug, 'teacher') })
      expect(week.status, JSON.stringify(week.body).slice(0, 200)).toBe(200)
      const lessons = week.body.slots as Slot[]
      expect(lessons.length, slug).toBeGreaterThanOrEqual(9)
      expect(new Set(lessons.map((l) => l.subject.name))).toEqual(new Set([subject]))
      expect(new Set(lessons.map((l) => l.class.name)).size).toBe(3)
      expect(new Set(lessons.map((l) => `${l.date}:${l.session}:${l.period}`)).size).toBe(lessons.length)
    }
    // The PPCT of Ngữ văn 6 and Toán 6 at THCS Kim Đồng: tiết 1…n, titled, in chapters.
    const kimdong = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: 'thcskimdong' } }, overrideAccess: true })).docs[0]!
    const syllabi = (await cms.payload.find({ collection: 'syllabi' as never, where: { school: { equals: kimdong.id } }, pagination: false, overrideAccess: true })).docs as unknown as { subjectName: string; grade: number; lessons: { number: number; title: string; chapter: string }[] }[]
    expect(syllabi.map((s) => `${s.subjectName} ${s.grade}`).sort()).toEqual(['Ngữ văn 6', 'Toán 6'])
    for (const syllabus of syllabi) {
      expect(syllabus.lessons.length).toBeGreaterThanOrEqual(30)
      expect(syllabus.lessons.map((l) => l.number)).toEqual(syllabus.lessons.map((_, i) => i + 1))
      expect(syllabus.lessons.every((l) => l.title.length > 3 && l.chapter.length > 3)).toBe(true)
    }
    // The homeroom teacher's class: twelve sessions with a few absences and one late, their totals in the term records.
    const token = await login('thcskimdong', 'homeroom-teacher')
    const sessions = await cms.rest.request('GET', '/attendance-sessions?limit=100&depth=0', { token })
    expect(sessions.status).toBe(200)
    expect(sessions.body.docs).toHaveLength(12)
    const absences = (sessions.body.docs as { absences: { student: unknown; status: string }[] }[]).flatMap((s) => s.absences)
    expect(absences.filter((a) => a.status === 'late')).toHaveLength(1)
    expect(absences.filter((a) => a.status !== 'late').length).toBeGreaterThanOrEqual(3)
    const expected = new Map<string, { excused: number; unexcused: number }>()
    for (const a of absences.filter((a) => a.status !== 'late')) {
      const total = expected.get(String(a.student)) ?? { excused: 0, unexcused: 0 }
      total[a.status === 'excused' ? 'excused' : 'unexcused']++
      expected.set(String(a.student), total)
    }
    const records = await cms.payload.find({ collection: 'student-term-records' as never, where: { and: [{ school: { equals: kimdong.id } }, { term: { equals: 'hk1' } }] }, pagination: false, depth: 0, overrideAccess: true })
    const fed = new Map((records.docs as unknown as { student: unknown; absencesExcused?: number; absencesUnexcused?: number }[]).filter((r) => (r.absencesExcused ?? 0) + (r.absencesUnexcused ?? 0) > 0).map((r) => [String(r.student), { excused: r.absencesExcused ?? 0, unexcused: r.absencesUnexcused ?? 0 }]))
    expect(fed).toEqual(expected)
  })

  it('picks the teaching day’s two demo weeks: the two before today’s, inside term I', () => {
    const term = { from: '2026-09-05', termEnd: '2027-01-15' }
    expect(seededWeeks({ ...term, today: '2026-12-02' })).toEqual({ earlier: '2026-11-16', latest: '2026-11-23', next: '2026-11-30' })
    // Sunday still belongs to its week: its Monday–Saturday is not "before today's week".
    expect(seededWeeks({ ...term, today: '2026-11-29' })).toEqual({ earlier: '2026-11-09', latest: '2026-11-16', next: '2026-11-23' })
    // Term I not started, or in its first days: its first two complete weeks (5 September is a Saturday).
    expect(seededWeeks({ ...term, today: '2026-08-20' })).toEqual({ earlier: '2026-09-07', latest: '2026-09-14', next: '2026-09-21' })
    expect(seededWeeks({ ...term, today: '2026-09-16' })).toEqual({ earlier: '2026-09-07', latest: '2026-09-14', next: '2026-09-21' })
    // Term I over: its last two complete weeks (15 January is a Friday).
    expect(seededWeeks({ ...term, today: '2027-03-10' })).toEqual({ earlier: '2026-12-28', latest: '2027-01-04', next: '2027-01-11' })
  })

  it('gives the demo schools two weeks of teaching plans, one late, and the homeroom class a signed class log over them: one period unsigned, the earlier week closed', async () => {
    type Doc = Record<string, any>
    const accounts = JSON.parse(readFileSync(file, 'utf8')) as { email: string; password: string; roles: string[]; school: string | null }[]
    const accountOf = (slug: string, role: string) => accounts.find((a) => a.school === slug && a.roles.includes(role))!
    const login = (slug: string, role: string) => cms.rest.login(accountOf(slug, role).email, accountOf(slug, role).password)
    const userId = async (slug: string, role: string) => (await cms.payload.find({ collection: 'users', where: { email: { equals: accountOf(slug, role).email } }, overrideAccess: true })).docs[0]!.id
    for (const slug of ['thcskimdong', 'tieuhocledo']) {
      const school = (await cms.payload.find({ collection: 'schools', where: { slug: { equals: slug } }, overrideAccess: true })).docs[0]!
      const year = (await cms.payload.find({ collection: 'school-years', where: { school: { equals: school.id } }, overrideAccess: true })).docs[0] as unknown as { terms: { term: string; start: string; end: string }[] }
      const termOne = year.terms.find((t) => t.term === 'hk1')!
      const weeks = seededWeeks({ from: termOne.start.slice(0, 10), termEnd: termOne.end.slice(0, 10), today: new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10) })
      const days = (monday: string) => Array.from({ length: 6 }, (_, i) => new Date(Date.parse(`${monday}T00:00:00.000Z`) + i * 86_400_000).toISOString().slice(0, 10))
      const [teacher, homeroom, principal] = [await userId(slug, 'teacher'), await userId(slug, 'homeroom-teacher'), await userId(slug, 'principal')]
      const tokens = new Map([[String(teacher), await login(slug, 'teacher')], [String(homeroom), await login(slug, 'homeroom-teacher')]])
      const board = await login(slug, 'principal')

      // The board's status view: the latest week has exactly one late plan, the demo teacher's, handed in after the deadline and waiting.
      const latest = await cms.rest.request('GET', `/teaching-plans/status?weekStart=${weeks.latest}`, { token: board })
      expect(latest.status, JSON.stringify(latest.body).slice(0, 300)).toBe(200)
      const rows = latest.body.teachers as { teacher: { id: unknown }; status: string; late: boolean; deadline: string; submittedAt: string | null }[]
      expect(rows.map((r) => String(r.teacher.id)).sort(), slug).toEqual([String(teacher), String(homeroom)].sort())
      const late = rows.filter((r) => r.late)
      expect(late, slug).toHaveLength(1)
      expect(late[0]).toMatchObject({ teacher: { id: teacher }, status: 'submitted' })
      expect(Date.parse(late[0]!.submittedAt!)).toBeGreaterThan(Date.parse(late[0]!.deadline))
      expect(rows.find((r) => !r.late)).toMatchObject({ teacher: { id: homeroom }, status: 'acknowledged' })
      const earlier = await cms.rest.request('GET', `/teaching-plans/status?weekStart=${weeks.earlier}`, { token: board })
      expect((earlier.body.teachers as { status: string; late: boolean }[]).map((r) => [r.status, r.late])).toEqual([['acknowledged', false], ['acknowledged', false]])
      const plans = (await cms.rest.request('GET', '/teaching-plans?limit=100&depth=0', { token: board })).body.docs as Doc[]
      expect(plans.filter((p) => p.status === 'acknowledged').every((p) => String(p.acknowledgedBy) === String(principal) && Date.parse(p.submittedAt) < Date.parse(p.deadline))).toBe(true)
      // The week after: the demo teacher's plan generated and still a draft; the homeroom teacher's not made yet.
      expect(plans.filter((p) => p.weekStart === weeks.next).map((p) => [String(p.teacher), p.status])).toEqual([[String(teacher), 'draft']])
      expect(plans).toHaveLength(5)

      // The class log of the homeroom teacher's class, every day of both weeks.
      const klass = (await cms.payload.find({ collection: 'classes', where: { homeroomTeacher: { equals: homeroom } }, overrideAccess: true })).docs[0]!
      const mine = tokens.get(String(homeroom))!
      const attendance = (await cms.rest.request('GET', `/attendance-sessions?limit=100&depth=0&where[class][equals]=${klass.id}`, { token: mine })).body.docs as { date: string; absences: { student: unknown; status: string }[] }[]
      expect(attendance.map((s) => s.date).sort()).toEqual([...days(weeks.earlier), ...days(weeks.latest)])
      const planRow = (row: Doc, date: string) =>
        plans.filter((p) => String(p.teacher) === String(row.teacher)).flatMap((p) => p.rows as Doc[]).find((r) => r.date === date && r.session === row.session && r.period === row.period && String(r.class) === String(klass.id))
      const unsigned: { date: string; log: Doc; row: Doc }[] = []
      let seededSigned: Doc = {}
      let numbered = 0
      let absentees = 0
      for (const date of [...days(weeks.earlier), ...days(weeks.latest)]) {
        const res = await cms.rest.request('GET', `/class-logs/day?class=${klass.id}&date=${date}`, { token: mine })
        expect(res.status, `${slug} ${date} ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200)
        expect(res.body.week.closed, date).toBe(date < weeks.latest)
        const log = res.body.doc as Doc
        expect(log.rows.length, date).toBeGreaterThan(0)
        const absent = (attendance.find((s) => s.date === date)?.absences ?? []).filter((a) => a.status !== 'late').map((a) => String(a.student)).sort()
        for (const row of log.rows as Doc[]) {
          // Lesson number and title: the period's teacher's plan row of that day, never typed.
          const planned = planRow(row, date)
          expect(planned, `${date} ${row.period}`).toBeTruthy()
          expect([row.lessonNumber ?? null, row.lessonTitle ?? null]).toEqual([planned?.lessonNumber ?? null, planned?.lessonTitle ?? null])
          if (typeof row.lessonNumber === 'number') numbered++
          if (!row.signedAt) {
            unsigned.push({ date, log, row })
            continue
          }
          expect(String(row.signedBy)).toBe(String(row.teacher))
          seededSigned = row
          expect(new Date(Date.parse(row.signedAt) + 7 * 3_600_000).toISOString().slice(0, 10)).toBe(date)
          expect((row.absentStudents as unknown[]).map(String).sort(), `${date} ${row.period}`).toEqual(absent)
          absentees += absent.length
        }
      }
      expect(absentees, slug).toBeGreaterThan(0)
      if (slug === 'thcskimdong') expect(numbered).toBeGreaterThan(10)
      expect(unsigned.map((u) => u.date >= weeks.latest), slug).toEqual([true])

      // The earlier week is closed: its periods' teacher is refused a signature.
      const closedDay = days(weeks.earlier)[0]!
      const closedLog = (await cms.rest.request('GET', `/class-logs/day?class=${klass.id}&date=${closedDay}`, { token: mine })).body.doc as Doc
      const own = (closedLog.rows as Doc[])[0]!
      const refused = await cms.rest.request('POST', `/class-logs/${closedLog.id}/periods/${own.period}/sign`, { token: tokens.get(String(own.teacher)), body: { session: own.session, comment: 'Ký bù' } })
      expect(refused.status).toBe(409)

      // The seeded rows are the endpoints' own: the one unsigned period signs through the endpoint like
      // any other, the rest unchanged, and a day first opened now gets rows of the same shape.
      const { log, row } = unsigned[0]!
      const signed = await cms.rest.request('POST', `/class-logs/${log.id}/periods/${row.period}/sign`, { token: tokens.get(String(row.teacher)), body: { session: row.session, comment: 'Lớp học tốt', rating: 'tot' } })
      expect(signed.status, JSON.stringify(signed.body).slice(0, 300)).toBe(200)
      const after = signed.body.doc.rows as Doc[]
      const others = (rows: Doc[]) => rows.filter((r) => r.period !== row.period || r.session !== row.session).map(({ updatedAt: _u, ...r }) => r)
      expect(others(after)).toEqual(others(log.rows))
      const signedNow = after.find((r) => r.period === row.period && r.session === row.session)!
      expect(Object.keys(signedNow).sort()).toEqual(Object.keys(seededSigned).sort())
      const fresh = await cms.rest.request('GET', `/class-logs/day?class=${klass.id}&date=${weeks.next}`, { token: mine })
      expect(fresh.status).toBe(200)
      expect(Object.keys(fresh.body.doc).sort()).toEqual(Object.keys(log).sort())
      expect(Object.keys(fresh.body.doc.rows[0]).sort()).toEqual(Object.keys(row).sort())
    }
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
