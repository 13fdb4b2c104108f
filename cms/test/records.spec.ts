import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { PASSWORD, seedFixture, type Fixture, type Who } from './fixtures.ts'
import { startTestCms, testDatabase, type TestCms } from './helpers.ts'

const PERSONAL = ['ethnicity', 'religion', 'currentAddress', 'permanentAddress', 'phone', 'policyCategory', 'fatherName', 'motherName', 'birthplace']
const CCCD = '049212001234'

// School records through REST with real logins: who reads which student field, transfers, class lists.
describe(`school records over REST (${testDatabase})`, () => {
  let cms: TestCms
  let fx: Fixture
  const tokens = {} as Record<Who, string>
  const ids: Record<string, number | string> = {}

  const userId = async (who: Who) =>
    (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails[who] } }, overrideAccess: true })).docs[0]!.id

  beforeAll(async () => {
    cms = await startTestCms()
    fx = await seedFixture(cms)
    for (const [who, email] of Object.entries(fx.emails)) tokens[who as Who] = await cms.rest.login(email, PASSWORD)
    const { payload } = cms
    const create = (collection: string, data: Record<string, unknown>) => payload.create({ collection, data: { school: fx.schoolA, ...data } as never, overrideAccess: true })
    ids.c61 = (await create('classes', { name: '4/1', grade: 4, schoolYear: '2026-2027', homeroomTeacher: await userId('teacherA2') })).id
    ids.c62 = (await create('classes', { name: '4/2', grade: 4, schoolYear: '2026-2027' })).id
    for (const [key, name, code] of [['lan', 'Nguyễn Thị Lan', 'HS001'], ['minh', 'Trần Văn Minh', 'HS002'], ['an', 'Lê Văn An', 'HS003']] as const) {
      ids[key] = (
        await create('students', {
          fullName: name,
          studentCode: code,
          dateOfBirth: '2014-03-02T00:00:00.000Z',
          sex: key === 'lan' ? 'Nữ' : 'Nam',
          cccd: CCCD,
          ethnicity: 'Kinh',
          religion: 'Không',
          currentAddress: '12 Trần Phú, Hội An',
          permanentAddress: '12 Trần Phú, Hội An',
          phone: '0905000111',
          policyCategory: 'Không',
          fatherName: 'Nguyễn Văn Cha',
          motherName: 'Trần Thị Mẹ',
          birthplace: 'Hội An',
        })
      ).id
      await create('enrolments', { student: ids[key], class: ids.c61, schoolYear: '2026-2027', startDate: '2026-09-05T00:00:00.000Z' })
    }
    // teacherA teaches both classes (their team leader sees them through that); teacherA2 is 4/1's homeroom teacher.
    const maths = (await create('subjects', { name: 'Toán', grade: 4, schoolYear: '2026-2027', kind: 'primary' })).id
    for (const klass of [ids.c61, ids.c62]) {
      await create('teaching-assignments', { teacher: await userId('teacherA'), class: klass, subject: maths, term: 'year', schoolYear: '2026-2027' })
    }
    ids.staffA = (await create('staff', { fullName: 'Hoàng Thị Giáo', user: await userId('teacherA'), cccd: '049190009876', mobile: '0905123456', contractType: 'Viên chức' })).id
    ids.staffA2 = (await create('staff', { fullName: 'Giáo viên chủ nhiệm', user: await userId('teacherA2'), cccd: '049185001111', mobile: '0905999888' })).id
  })
  afterAll(async () => {
    await cms?.close()
  })

  describe('who reads a student’s personal data', () => {
    const full: Who[] = ['principalA', 'vicePrincipalA', 'schoolAdminA', 'teacherA2']
    const limited: Who[] = ['teacherA', 'teamLeaderA']
    const outsiders: Who[] = ['principalB', 'teacherB']

    it.each(full)('%s reads everything, CCCD unmasked', async (who) => {
      const res = await cms.rest.request('GET', `/students/${ids.lan}?depth=0`, { token: tokens[who] })
      expect(res.status).toBe(200)
      expect(res.body.cccd).toBe(CCCD)
      for (const field of PERSONAL) expect(res.body[field], field).toBeTruthy()
    })

    it.each(limited)('%s sees name, class, date of birth and sex; CCCD masked; nothing else', async (who) => {
      const res = await cms.rest.request('GET', `/students/${ids.lan}?depth=0`, { token: tokens[who] })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({ fullName: 'Nguyễn Thị Lan', sex: 'Nữ', currentClass: ids.c61 })
      expect(res.body.dateOfBirth).toBeTruthy()
      expect(res.body.cccd).toBe('0********234')
      for (const field of PERSONAL) expect(res.body, field).not.toHaveProperty(field)
      const list = await cms.rest.request('GET', '/students?limit=50&depth=0', { token: tokens[who] })
      expect(list.body.docs.every((s: { cccd: string }) => s.cccd === '0********234')).toBe(true)
      expect(JSON.stringify(list.body)).not.toContain('0905000111')
    })

    it('a team leader of another department, who neither teaches nor leads the class, sees none of its students', async () => {
      const res = await cms.rest.request('GET', `/students/${ids.lan}`, { token: tokens.teamLeaderA2 })
      expect([403, 404]).toContain(res.status)
      const list = await cms.rest.request('GET', '/students?limit=50', { token: tokens.teamLeaderA2 })
      expect(list.body.docs ?? []).toHaveLength(0)
      const enrolments = await cms.rest.request('GET', '/enrolments?limit=50', { token: tokens.teamLeaderA2 })
      expect(enrolments.body.docs ?? []).toHaveLength(0)
      expect((await cms.rest.request('GET', `/classes/${ids.c61}/roster`, { token: tokens.teamLeaderA2 })).status).toBe(403)
      expect((await cms.rest.request('GET', `/classes/${ids.c61}/export`, { token: tokens.teamLeaderA2 })).status).toBe(403)
    })

    it('records refusals speak the admin’s language, and a bad request changes nothing', async () => {
      const vi = await cms.rest.request('GET', `/classes/${ids.c61}/roster`, { token: tokens.teamLeaderA2 })
      expect(vi.body.errors[0].message).toBe('Chỉ giáo viên dạy hoặc chủ nhiệm lớp này và BGH được xem danh sách lớp.')
      const en = await cms.rest.request('GET', `/classes/${ids.c61}/roster`, { token: tokens.teamLeaderA2, language: 'en' })
      expect(en.status).toBe(403)
      expect(en.body.errors[0].message).toMatch(/^Only the teachers/)
      const before = await cms.payload.find({ collection: 'enrolments', where: { student: { equals: ids.lan } }, overrideAccess: true, depth: 0 })
      const bad = await cms.rest.request('POST', `/students/${ids.lan}/transfer`, { token: tokens.principalA, language: 'en', body: { kind: 'teleport', date: '1/1/2026', reason: '' } })
      expect(bad.status).toBe(400)
      expect(bad.body.errors[0].message).toContain('Invalid request: kind: kind must be class-change')
      expect(bad.body.errors[0].message).toContain('date: the date must look like YYYY-MM-DD')
      const after = await cms.payload.find({ collection: 'enrolments', where: { student: { equals: ids.lan } }, overrideAccess: true, depth: 0 })
      expect(after.docs).toEqual(before.docs)
    })

    it.each(outsiders)('%s of another school sees nothing', async (who) => {
      const res = await cms.rest.request('GET', `/students/${ids.lan}`, { token: tokens[who] })
      expect([403, 404]).toContain(res.status)
      const list = await cms.rest.request('GET', '/students', { token: tokens[who] })
      expect(list.body.docs ?? []).toHaveLength(0)
    })

    it('anonymous callers get nothing from any records collection', async () => {
      for (const collection of ['students', 'staff', 'classes', 'enrolments', 'teaching-assignments', 'school-years', 'departments', 'record-access-logs', 'record-photos']) {
        const res = await cms.rest.request('GET', `/${collection}`)
        expect(res.status, collection).toBe(403)
      }
    })

    it('nobody without the right can guess personal data by filtering on it', async () => {
      const probes = [
        `/students?where[cccd][like]=0492`,
        `/students?where[phone][like]=0905`,
        `/enrolments?where[student.cccd][like]=0492`,
        `/staff?where[mobile][like]=0905`,
        `/staff?where[cccd][like]=049`,
      ]
      for (const who of ['teacherA', 'teamLeaderA', 'districtOfficer'] as const) {
        for (const probe of probes) {
          const res = await cms.rest.request('GET', probe, { token: tokens[who] })
          expect(res.status === 200 ? res.body.docs.length : 0, `${who} ${probe}: ${res.status}`).toBe(0)
          expect(res.status, `${who} ${probe}`).not.toBe(200)
        }
      }
      // The school's managers may search by CCCD (finding a transferred-in student, say).
      const own = await cms.rest.request('GET', `/students?where[cccd][equals]=${CCCD}&depth=0`, { token: tokens.principalA })
      expect(own.status).toBe(200)
      expect(own.body.docs.length).toBeGreaterThanOrEqual(3)
    })

    it('fields derived from events and the enrolment history cannot be rewritten', async () => {
      const before = await cms.payload.findByID({ collection: 'students', id: ids.minh!, depth: 0, overrideAccess: true })
      const res = await cms.rest.request('PATCH', `/students/${ids.minh}`, {
        token: tokens.principalA,
        body: { status: 'graduated', currentClass: ids.c62, homeroomTeacher: await userId('teacherA'), motherOccupation: 'Nông dân' },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const after = await cms.payload.findByID({ collection: 'students', id: ids.minh!, depth: 0, overrideAccess: true })
      expect([after.status, after.currentClass, after.homeroomTeacher]).toEqual([before.status, before.currentClass, before.homeroomTeacher])
      expect(after.motherOccupation).toBe('Nông dân')
      // The homeroom right did not move to teacherA.
      expect((await cms.rest.request('GET', `/students/${ids.minh}`, { token: tokens.teacherA })).body).not.toHaveProperty('phone')

      const enrolment = (await cms.payload.find({ collection: 'enrolments', where: { student: { equals: ids.minh } }, depth: 0, overrideAccess: true })).docs[0]!
      const edit = await cms.rest.request('PATCH', `/enrolments/${enrolment.id}`, { token: tokens.principalA, body: { class: ids.c62, startDate: '2020-01-01T00:00:00.000Z' } })
      expect(edit.status).toBe(200)
      const stored = await cms.payload.findByID({ collection: 'enrolments', id: enrolment.id, depth: 0, overrideAccess: true })
      expect([stored.class, stored.startDate]).toEqual([enrolment.class, enrolment.startDate])
    })

    it('a staff member edits their own personal details but not their position', async () => {
      const res = await cms.rest.request('PATCH', `/staff/${ids.staffA2}`, { token: tokens.teacherA2, body: { mobile: '0905111222', currentPosition: 'Hiệu trưởng' } })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const stored = await cms.payload.findByID({ collection: 'staff', id: ids.staffA2!, depth: 0, overrideAccess: true })
      expect(stored.mobile).toBe('0905111222')
      expect(stored.currentPosition ?? null).toBeNull()
    })

    it('a student’s photo is personal data: the managers and the homeroom teacher see it, nobody else', async () => {
      const sharp = (await import('sharp')).default
      const png = await sharp({ create: { width: 60, height: 80, channels: 3, background: '#a0a0a0' } }).png().toBuffer()
      const principal = (await cms.payload.find({ collection: 'users', where: { email: { equals: fx.emails.principalA } }, overrideAccess: true })).docs[0]!
      const photo = await cms.payload.create({
        collection: 'record-photos',
        data: { school: fx.schoolA } as never,
        file: { data: png, mimetype: 'image/png', name: 'lan.png', size: png.length },
        overrideAccess: false,
        user: principal,
      })
      expect((await cms.rest.request('PATCH', `/students/${ids.lan}`, { token: tokens.principalA, body: { photo: photo.id } })).status).toBe(200)
      const fileUrl = new URL(String((photo as { url?: string }).url), 'http://localhost:3000').pathname.replace(/^\/api/, '')

      const homeroom = await cms.rest.request('GET', `/students/${ids.lan}?depth=0`, { token: tokens.teacherA2 })
      expect(String(homeroom.body.photo)).toBe(String(photo.id))
      expect((await cms.rest.request('GET', `/record-photos/${photo.id}`, { token: tokens.teacherA2 })).status).toBe(200)
      expect((await cms.rest.download(fileUrl, tokens.teacherA2)).status).toBe(200)

      const teacher = await cms.rest.request('GET', `/students/${ids.lan}?depth=0`, { token: tokens.teacherA })
      expect(teacher.body).not.toHaveProperty('photo')
      expect([403, 404]).toContain((await cms.rest.request('GET', `/record-photos/${photo.id}`, { token: tokens.teacherA })).status)
      expect((await cms.rest.download(fileUrl, tokens.teacherA)).status).not.toBe(200)
      expect((await cms.rest.download(fileUrl)).status).not.toBe(200)
      expect([403, 404]).toContain((await cms.rest.request('GET', `/record-photos/${photo.id}`, { token: tokens.principalB })).status)
    })

    it('only the managers edit student records', async () => {
      const refused = await cms.rest.request('PATCH', `/students/${ids.lan}`, { token: tokens.teacherA2, body: { phone: '0000000000' } })
      expect([403, 404]).toContain(refused.status)
      const ok = await cms.rest.request('PATCH', `/students/${ids.lan}`, { token: tokens.schoolAdminA, body: { phone: '0905000222' } })
      expect(ok.status).toBe(200)
      const bad = await cms.rest.request('PATCH', `/students/${ids.lan}`, { token: tokens.schoolAdminA, body: { cccd: '12345' } })
      expect(bad.status).toBe(400)
      expect(JSON.stringify(bad.body)).toContain('12 chữ số')
      const stored = await cms.payload.findByID({ collection: 'students', id: ids.lan!, overrideAccess: true })
      expect([stored.phone, stored.cccd]).toEqual(['0905000222', CCCD])
    })

    it('logs full-profile reads by non-homeroom roles, not by the homeroom teacher', async () => {
      const count = async () => (await cms.payload.count({ collection: 'record-access-logs', where: { student: { equals: ids.minh } }, overrideAccess: true })).totalDocs
      const before = await count()
      await cms.rest.request('GET', `/students/${ids.minh}`, { token: tokens.principalA })
      expect(await count()).toBe(before + 1)
      await cms.rest.request('GET', `/students/${ids.minh}`, { token: tokens.teacherA2 })
      await cms.rest.request('GET', `/students/${ids.minh}`, { token: tokens.teacherA })
      expect(await count()).toBe(before + 1)
      const principal = await userId('principalA')
      const log = await cms.rest.request('GET', '/record-access-logs?depth=0', { token: tokens.principalA })
      expect(log.body.docs.some((l: { student: unknown; reader: unknown }) => String(l.student) === String(ids.minh) && String(l.reader) === String(principal))).toBe(true)
      expect((await cms.rest.request('GET', '/record-access-logs', { token: tokens.teacherA })).body.docs ?? []).toHaveLength(0)
    })

    it('logs list pages and exports that show personal data to someone other than the homeroom teacher', async () => {
      const lists = async (who: Who) =>
        (await cms.payload.find({ collection: 'record-access-logs', where: { and: [{ reader: { equals: await userId(who) } }, { kind: { in: ['list', 'export'] } }] }, depth: 0, overrideAccess: true })).docs
      await cms.rest.request('GET', '/students?limit=50&depth=0', { token: tokens.vicePrincipalA })
      const logged = await lists('vicePrincipalA')
      expect(logged).toHaveLength(1)
      expect(logged[0]!.kind).toBe('list')
      expect((logged[0]!.students as unknown[]).map(String)).toContain(String(ids.lan))
      // The homeroom teacher reading their own class, and a teacher who sees masked data: no entry.
      await cms.rest.request('GET', '/students?limit=50&depth=0', { token: tokens.teacherA2 })
      await cms.rest.request('GET', '/students?limit=50&depth=0', { token: tokens.teacherA })
      expect(await lists('teacherA2')).toHaveLength(0)
      expect(await lists('teacherA')).toHaveLength(0)
      const file = await cms.rest.download(`/classes/${ids.c61}/export`, tokens.vicePrincipalA)
      expect(file.status).toBe(200)
      expect((await lists('vicePrincipalA')).map((l) => l.kind).sort()).toEqual(['export', 'list'])
    })
  })

  describe('transfers and class lists', () => {
    it('a mid-year class change keeps the old class list on past dates', async () => {
      const res = await cms.rest.request('POST', `/students/${ids.an}/transfer`, {
        token: tokens.principalA,
        body: { kind: 'class-change', date: '2026-11-15', reason: 'Theo nguyện vọng gia đình', toClass: ids.c62 },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const roster = async (klass: unknown, date: string) =>
        (await cms.rest.request('GET', `/classes/${klass}/roster?date=${date}`, { token: tokens.teacherA })).body.students.map((s: { fullName: string }) => s.fullName)
      expect(await roster(ids.c61, '2026-11-01')).toEqual(['Lê Văn An', 'Nguyễn Thị Lan', 'Trần Văn Minh'])
      expect(await roster(ids.c61, '2026-11-20')).toEqual(['Nguyễn Thị Lan', 'Trần Văn Minh'])
      expect(await roster(ids.c62, '2026-11-20')).toEqual(['Lê Văn An'])
      expect(await roster(ids.c62, '2026-11-01')).toEqual([])
      const sizes = await cms.rest.request('GET', '/classes?sort=name&depth=0', { token: tokens.teacherA })
      expect(sizes.body.docs.map((c: { name: string; size: number }) => [c.name, c.size])).toEqual([['4/1', 2], ['4/2', 1]])
      // The old homeroom teacher, who does not teach the new class, no longer sees the student who
      // left; the teacher of both classes still does, without personal data.
      const asOldHomeroom = await cms.rest.request('GET', `/students/${ids.an}?depth=0`, { token: tokens.teacherA2 })
      expect([403, 404]).toContain(asOldHomeroom.status)
      const asTeacher = await cms.rest.request('GET', `/students/${ids.an}?depth=0`, { token: tokens.teacherA })
      expect(asTeacher.body.cccd).toBe('0********234')
      expect(asTeacher.body).not.toHaveProperty('phone')
      // Nothing was deleted: both enrolments remain.
      const history = await cms.payload.find({ collection: 'enrolments', where: { student: { equals: ids.an } }, overrideAccess: true })
      expect(history.totalDocs).toBe(2)
    })

    it('a drop-out is an event with a date and a reason; the record stays', async () => {
      const missingReason = await cms.rest.request('POST', `/students/${ids.minh}/transfer`, { token: tokens.principalA, body: { kind: 'drop-out', date: '2026-11-20' } })
      expect(missingReason.status).toBe(400)
      const byTeacher = await cms.rest.request('POST', `/students/${ids.minh}/transfer`, { token: tokens.teacherA2, body: { kind: 'drop-out', date: '2026-11-20', reason: 'Gia đình chuyển nơi ở' } })
      expect(byTeacher.status).toBe(403)
      const ok = await cms.rest.request('POST', `/students/${ids.minh}/transfer`, { token: tokens.principalA, body: { kind: 'drop-out', date: '2026-11-20', reason: 'Gia đình chuyển nơi ở' } })
      expect(ok.status).toBe(200)
      const student = await cms.payload.findByID({ collection: 'students', id: ids.minh!, overrideAccess: true })
      expect(student).toMatchObject({ status: 'dropped-out', currentClass: null })
      expect((await cms.rest.request('DELETE', `/students/${ids.minh}`, { token: tokens.principalA })).status).toBe(403)
    })

    it('a student who comes back is transferred in: a new enrolment, studying again, the history kept', async () => {
      const busy = await cms.rest.request('POST', `/students/${ids.lan}/transfer`, { token: tokens.principalA, body: { kind: 'transfer-in', date: '2027-01-04', reason: 'Thử', toClass: ids.c62 } })
      expect(busy.status).toBe(400)
      const res = await cms.rest.request('POST', `/students/${ids.minh}/transfer`, {
        token: tokens.principalA,
        body: { kind: 'transfer-in', date: '2027-01-04', reason: 'Gia đình trở về Hội An', toClass: ids.c62 },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const student = await cms.payload.findByID({ collection: 'students', id: ids.minh!, depth: 0, overrideAccess: true })
      expect(student).toMatchObject({ status: 'studying', currentClass: ids.c62 })
      const history = await cms.payload.find({ collection: 'enrolments', where: { student: { equals: ids.minh } }, sort: 'startDate', depth: 0, overrideAccess: true })
      expect(history.docs.map((e) => [e.startKind, e.endKind ?? null])).toEqual([['enrolled', 'drop-out'], ['transfer-in', null]])
      const roster = await cms.rest.request('GET', `/classes/${ids.c62}/roster?date=2027-01-05`, { token: tokens.principalA })
      expect(roster.body.students.map((s: { fullName: string }) => s.fullName)).toContain('Trần Văn Minh')
      // And leaves again (the roll-over below counts the classes without him).
      const out = await cms.rest.request('POST', `/students/${ids.minh}/transfer`, { token: tokens.principalA, body: { kind: 'transfer-out', date: '2027-01-11', reason: 'Chuyển trường khác' } })
      expect(out.status).toBe(200)
      expect((await cms.payload.findByID({ collection: 'students', id: ids.minh!, depth: 0, overrideAccess: true })).status).toBe('transferred-out')
    })
  })

  describe('subjects offered', () => {
    it('the school edits periods per year; the regular assessment count follows; teachers only read', async () => {
      const subject = await cms.payload.create({ collection: 'subjects', data: { school: fx.schoolA, name: 'Tin học', grade: 8, schoolYear: '2026-2027', kind: 'scored', periodsPerYear: 35 } as never, overrideAccess: true })
      expect((await cms.rest.request('GET', `/subjects/${subject.id}`, { token: tokens.teacherA })).body.regularAssessments).toBe(2)
      const refused = await cms.rest.request('PATCH', `/subjects/${subject.id}`, { token: tokens.teacherA, body: { periodsPerYear: 70 } })
      expect([403, 404]).toContain(refused.status)
      const ok = await cms.rest.request('PATCH', `/subjects/${subject.id}`, { token: tokens.schoolAdminA, body: { periodsPerYear: 70 } })
      expect(ok.body.doc.regularAssessments).toBe(3)
      expect((await cms.rest.request('GET', '/subjects')).status).toBe(403)
    })
  })

  describe('year roll-over', () => {
    it('shows a dry-run plan, writes nothing, then applies it', async () => {
      const { payload } = cms
      const c91 = await payload.create({ collection: 'classes', data: { school: fx.schoolA, name: '5/1', grade: 5, schoolYear: '2026-2027' } as never, overrideAccess: true })
      const quy = await payload.create({ collection: 'students', data: { school: fx.schoolA, fullName: 'Phan Văn Quý', studentCode: 'HS009' } as never, overrideAccess: true })
      await payload.create({ collection: 'enrolments', data: { school: fx.schoolA, student: quy.id, class: c91.id, schoolYear: '2026-2027', startDate: '2026-09-05T00:00:00.000Z' } as never, overrideAccess: true })
      const body = { fromYear: '2026-2027', toYear: '2027-2028', retain: [ids.lan] }
      const classesBefore = (await payload.count({ collection: 'classes', overrideAccess: true })).totalDocs

      const refused = await cms.rest.request('POST', '/classes/roll-over', { token: tokens.teacherA2, body })
      expect(refused.status).toBe(403)
      const dry = await cms.rest.request('POST', '/classes/roll-over', { token: tokens.principalA, body })
      expect(dry.status, JSON.stringify(dry.body)).toBe(200)
      expect(dry.body.applied).toBe(false)
      expect(dry.body.plan).toMatchObject({ promoted: 1, retained: 1, graduating: 1, classesToCreate: ['4/1', '5/2'] })
      expect((await payload.count({ collection: 'classes', overrideAccess: true })).totalDocs).toBe(classesBefore)

      const applied = await cms.rest.request('POST', '/classes/roll-over', { token: tokens.principalA, body: { ...body, apply: true } })
      expect(applied.status).toBe(200)
      const placement = async (id: unknown) => {
        const s = await payload.findByID({ collection: 'students', id: id as number, depth: 1, overrideAccess: true })
        return [(s.currentClass as { name?: string; schoolYear?: string } | null)?.name ?? null, (s.currentClass as { schoolYear?: string } | null)?.schoolYear ?? null, s.status]
      }
      expect(await placement(ids.an)).toEqual(['5/2', '2027-2028', 'studying'])
      expect(await placement(ids.lan)).toEqual(['4/1', '2027-2028', 'studying'])
      expect(await placement(quy.id)).toEqual([null, null, 'graduated'])
      // Last year's lists are still reproducible.
      const roster = await cms.rest.request('GET', `/classes/${ids.c62}/roster?date=2027-05-01`, { token: tokens.principalA })
      expect(roster.body.students.map((s: { fullName: string }) => s.fullName)).toEqual(['Lê Văn An'])
    })
  })

  describe('staff records', () => {
    it('colleagues see the directory subset; the person and the managers see the rest', async () => {
      const colleague = await cms.rest.request('GET', `/staff/${ids.staffA2}?depth=0`, { token: tokens.teacherA })
      expect(colleague.body.fullName).toBe('Giáo viên chủ nhiệm')
      expect(colleague.body).not.toHaveProperty('cccd')
      expect(colleague.body).not.toHaveProperty('mobile')
      const own = await cms.rest.request('GET', `/staff/${ids.staffA}?depth=0`, { token: tokens.teacherA })
      expect(own.body).toMatchObject({ cccd: '049190009876', mobile: '0905123456', contractType: 'Viên chức' })
      const manager = await cms.rest.request('GET', `/staff/${ids.staffA2}?depth=0`, { token: tokens.principalA })
      expect(manager.body.cccd).toBe('049185001111')
    })

    it('a teacher edits their own personal tab but not their contract', async () => {
      const res = await cms.rest.request('PATCH', `/staff/${ids.staffA}`, { token: tokens.teacherA, body: { mobile: '0905777666', contractType: 'Hợp đồng lao động' } })
      expect(res.status).toBe(200)
      const stored = await cms.payload.findByID({ collection: 'staff', id: ids.staffA!, overrideAccess: true })
      expect([stored.mobile, stored.contractType]).toEqual(['0905777666', 'Viên chức'])
      const other = await cms.rest.request('PATCH', `/staff/${ids.staffA2}`, { token: tokens.teacherA, body: { mobile: '0000' } })
      expect([403, 404]).toContain(other.status)
    })
  })
})
