/**
 * `pnpm bench oversight`: the oversight dashboard's data (GET /api/oversight/schools, issue 17) for the
 * district's 34 seeded schools, then for a simulated province of 700 (666 generated schools with
 * posts, disclosures, classes, enrolments, teaching assignments, marks, class logs, registers,
 * plans and accounts, written straight to the adapter as the seed's fast path does), on SQLite,
 * through the real REST handler with a real login: median of 7 after a warm-up, against the goal of
 * ≤ 1 s for 700 schools; also the same figures through the Local API engine (what MongoDB uses) for
 * the ratio. Prints one JSON line (scripts/bench.ts shows it as a table).
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { oversightOfSchools } from '@truongso/payload-plugin'
import { createLocalReq, getPayload } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { inSeedTransaction, seedDistrict } from '../src/seed/index.ts'
import { insertDocument } from '../src/seed/fastRecords.ts'
import { RestClient } from '../test/helpers.ts'

type ID = number | string
const PASSWORD = 'Rat-kho-doan-2026!'
const GENERATED = 666
const RUNS = 7

/** Array rows written straight to the adapter need their id (Payload gives them an ObjectId-like one). */
const rowId = () => randomBytes(12).toString('hex')
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-oversight-'))
process.env.TRUONGSO_DISABLE_JOBS = '1'
const config = buildTruongsoConfig({
  databaseUri: `file:${path.join(dataDir, 'bench.db')}`,
  dataDir,
  secret: 'bench-secret',
  logLevel: 'silent',
  email: () => ({ name: 'none', defaultFromAddress: 'x@x.vn', defaultFromName: 'x', sendEmail: async () => undefined }),
})
const payload = await getPayload({ config })
const rest = new RestClient(config)
const t0 = performance.now()
await seedDistrict(payload, path.join(dataDir, 'demo-accounts.json'), { records: ['tieuhocledo', 'thcskimdong', 'ththcslythuongkiet'] })
const seedSeconds = (performance.now() - t0) / 1000

const year = (() => {
  const d = new Date()
  return d.getUTCMonth() + 1 >= 8 ? `${d.getUTCFullYear()}-${d.getUTCFullYear() + 1}` : `${d.getUTCFullYear() - 1}-${d.getUTCFullYear()}`
})()
const term = new Date().getUTCMonth() + 1 >= 8 ? 1 : 2
const district = (await payload.find({ collection: 'tiers', where: { code: { equals: 'hoian' } }, overrideAccess: true })).docs[0]!.id as ID
const officer = async (email: string, tier: ID) => {
  await payload.create({ collection: 'users', overrideAccess: true, data: { email, password: PASSWORD, fullName: 'Chuyên viên', districtRoles: ['district-officer'], tier } as never })
  return rest.login(email, PASSWORD)
}
const districtToken = await officer('chuyenvien.huyen@bench.vn', district)

async function time(token: string, runs = RUNS): Promise<{ ms: number; schools: number }> {
  const url = `/oversight/schools?schoolYear=${year}&term=${term}`
  let schools = (await rest.request('GET', url, { token })).body.schools.length as number // warm-up
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const res = await rest.request('GET', url, { token })
    times.push(performance.now() - started)
    schools = res.body.schools.length
  }
  return { ms: median(times), schools }
}
const small = await time(districtToken)

// The province: a Sở above the district, 20 wards of 33–34 generated schools each.
const generateStarted = performance.now()
const province = (await payload.create({ collection: 'tiers', overrideAccess: true, data: { name: 'Sở Giáo dục và Đào tạo (mô phỏng)', kind: 'so-gddt', code: 'so' } as never })).id as ID
await payload.update({ collection: 'tiers', id: district, overrideAccess: true, data: { parent: province } as never })
let rows = 0
await inSeedTransaction(payload, async (req) => {
  const wards: ID[] = []
  for (let w = 0; w < 20; w++) wards.push((await payload.create({ collection: 'tiers', overrideAccess: true, req, data: { name: `UBND xã mô phỏng ${w + 1}`, kind: 'ubnd-xa', parent: province } as never })).id as ID)
  const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10)
  const monday = (weeksAgo: number) => {
    const d = new Date(Date.now() - weeksAgo * 7 * 86_400_000)
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
    return d.toISOString().slice(0, 10)
  }
  const insert = async (collection: string, data: Record<string, unknown>) => {
    rows += 1
    return insertDocument(req, collection, data)
  }
  const [startYear, endYear] = year.split('-').map(Number) as [number, number]
  for (let s = 0; s < GENERATED; s++) {
    const primary = s % 3 !== 0
    const school = await insert('schools', { slug: `mo-phong-${s}`, name: `${primary ? 'TH' : 'THCS'} Mô Phỏng ${s}`, stt: 100 + s, level: primary ? 'TH' : 'THCS', template: primary ? 'primary' : 'lower-secondary', host: `mo-phong-${s}.example.vn`, url: `http://mo-phong-${s}.example.vn/`, tier: wards[s % 20] })
    await insert('school-years', { school, name: year, current: true, terms: [{ id: rowId(), term: 'hk1', start: `${startYear}-09-05`, end: `${endYear}-01-15` }, { id: rowId(), term: 'hk2', start: `${endYear}-01-19`, end: `${endYear}-05-31` }] })
    for (let p = 0; p < 8; p++) await insert('posts', { school, title: `Tin ${p}`, slug: `tin-${p}`, section: 'news', schoolYear: year, workflowState: 'published', _status: 'published', publishedDate: new Date(Date.now() - p * 6 * 86_400_000).toISOString() })
    for (const group of ['general', 'finance', 'quality']) await insert('disclosures', { school, title: group, group, schoolYear: year, workflowState: 'published', _status: 'published', publishedDate: new Date().toISOString() })
    const teachers: ID[] = []
    for (let u = 0; u < 3; u++) teachers.push(await insert('users', { email: `gv${u}.${s}@mo-phong.vn`, fullName: `GV ${u}`, passwordSetByAdmin: u === 0, memberships: [{ id: rowId(), school, roles: ['teacher'] }] }))
    const subject = await insert('subjects', { school, name: 'Toán', grade: primary ? 1 : 6, schoolYear: year, kind: primary ? 'primary' : 'scored' })
    for (let c = 0; c < 6; c++) {
      const grade = primary ? 1 + (c % 5) : 6 + (c % 4)
      const klass = await insert('classes', { school, name: `${grade}/${c + 1}`, grade, schoolYear: year })
      for (let a = 0; a < 4; a++) await insert('teaching-assignments', { school, class: klass, subject, teacher: teachers[a % 3], schoolYear: year, term: 'year', label: `Môn ${a}` })
      for (let e = 0; e < 10; e++) {
        const student = await insert('students', { school, studentCode: `${s}-${c}-${e}`, fullName: `Học sinh ${e}` })
        await insert('enrolments', { school, student, class: klass, schoolYear: year, startDate: `${startYear}-09-05T00:00:00.000Z`, startKind: 'enrolled' })
        await insert('marks', { school, student, class: klass, subject, schoolYear: year, term: term === 1 ? 'hk1' : 'hk2', key: `${klass}:${e}`, regular: [{ value: 8 }], midTerm: e % 2 ? { value: 7 } : null })
      }
      for (let d = 1; d <= 4; d++) {
        await insert('class-logs', { school, class: klass, date: day(d), schoolYear: year, term: term === 1 ? 'hk1' : 'hk2', key: `${klass}:${d}`, rows: [1, 2, 3, 4].map((period) => ({ id: rowId(), session: 'morning', period, signedAt: period < 4 ? new Date().toISOString() : null })) })
        await insert('attendance-sessions', { school, class: klass, date: day(d), session: 'morning', schoolYear: year, term: term === 1 ? 'hk1' : 'hk2', key: `${klass}:${day(d)}:morning`, enrolled: 10 })
      }
    }
    for (let w = 1; w <= 3; w++) {
      await insert('teaching-plans', { school, teacher: teachers[0], weekStart: monday(w), schoolYear: year, status: w === 3 ? 'draft' : 'submitted', deadline: new Date(Date.now() - w * 7 * 86_400_000).toISOString(), late: w === 2, key: `${school}:${w}` })
      await insert('lesson-plans', { school, subject, teacher: teachers[0], weekStart: monday(w), schoolYear: year, title: `Giáo án ${w}`, workflowState: 'approved', submittedAt: new Date().toISOString(), late: w === 1 })
    }
  }
})
const generateSeconds = (performance.now() - generateStarted) / 1000
const provinceToken = await officer('chuyenvien.so@bench.vn', province)
const rssBefore = process.memoryUsage().rss / 2 ** 20
const heapBefore = process.memoryUsage().heapUsed / 2 ** 20
const large = await time(provinceToken)
const heapAfter = process.memoryUsage().heapUsed / 2 ** 20
const rssAfter = process.memoryUsage().rss / 2 ** 20

// The same 700 schools through the Local API engine (MongoDB's path), in-process, for the ratio.
const req = await createLocalReq({}, payload)
const ids = (await payload.find({ collection: 'schools', pagination: false, depth: 0, select: { slug: true }, overrideAccess: true })).docs.map((d) => d.id as ID)
process.env.TRUONGSO_OVERSIGHT_ENGINE = 'local-api'
const localTimes: number[] = []
for (let i = 0; i < 3; i++) {
  const started = performance.now()
  await oversightOfSchools(req, ids, { schoolYear: year, term: term as 1 | 2 })
  localTimes.push(performance.now() - started)
}
delete process.env.TRUONGSO_OVERSIGHT_ENGINE

await payload.destroy()
rmSync(dataDir, { recursive: true, force: true })
console.log(
  JSON.stringify({
    'demo seed, 34 schools (s)': Number(seedSeconds.toFixed(1)),
    [`dashboard, ${small.schools} schools: median of ${RUNS} (ms)`]: Math.round(small.ms),
    [`generated ${GENERATED} schools, ${rows.toLocaleString('en-US')} rows (s)`]: Number(generateSeconds.toFixed(1)),
    [`dashboard, ${large.schools} schools: median of ${RUNS} (ms) — goal ≤ 1000`]: Math.round(large.ms),
    [`ratio ${large.schools} / ${small.schools} schools`]: Number((large.ms / small.ms).toFixed(2)),
    [`same ${large.schools} schools through the Local API engine (MongoDB's path): median of 3 (ms)`]: Math.round(median(localTimes)),
    'Local API engine / SQL GROUP BY': Number((median(localTimes) / large.ms).toFixed(1)),
    // The generator's one big transaction dominates the process's memory; the dashboard's own growth is the figure.
    'RSS after generating the province (MiB)': Math.round(rssBefore),
    [`RSS growth over ${RUNS + 1} dashboards of 700 schools (MiB)`]: Math.round(rssAfter - rssBefore),
    'heap growth over them (MiB)': Math.round(heapAfter - heapBefore),
  }),
)
process.exit(0)
