/**
 * One phase of cms/test/migrations.spec.ts, in a process of its own (one Payload per process, as in
 * production). `node cms/test/migrationPhase.ts <phase>` with DATABASE_URI (PostgreSQL) and
 * TRUONGSO_DATA_DIR set; prints one line `RESULT <json>`.
 * - baseline: apply every committed migration but the last (the schema of the previous release),
 *   then write data through the Local API — a school, a user, a post with a published and a draft
 *   version, a class, a student.
 * - start: start as the server or the seed does (the committed migrations run on connect), then read
 *   the data back (ids in MIGRATION_IDS), log in, and compare the config's schema with the last
 *   committed snapshot and with the database.
 * - fresh: start on an empty database and list the migrations recorded.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { BULK_WRITE_CONTEXT } from '@truongso/payload-plugin'
import { getPayload, type Payload } from 'payload'
import pg from 'pg'

import { migrations } from '../migrations/index.ts'
import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { cmsDir } from '../src/lib/paths.ts'
import { createUser, PASSWORD } from './fixtures.ts'

const phase = process.argv[2]
const EMAIL = 'hieutruong.nangcap@test.vn'

if (phase === 'baseline') process.env.PAYLOAD_MIGRATING = 'true' // connect only; this phase migrates itself
const config = buildTruongsoConfig({
  databaseUri: process.env.DATABASE_URI,
  dataDir: process.env.TRUONGSO_DATA_DIR!,
  secret: 'test-secret-not-for-production',
  logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
})
const payload = await getPayload({ config })
const find = (collection: string, id: number | string, draft = false) =>
  payload.findByID({ collection: collection as never, id, depth: 0, draft, overrideAccess: true }) as Promise<Record<string, unknown>>

async function readBack(ids: Record<string, number | string>) {
  return {
    school: await find('schools', ids.school!),
    user: await find('users', ids.user!),
    publishedPost: await find('posts', ids.post!),
    draftPost: await find('posts', ids.post!, true),
    postVersions: (await payload.findVersions({ collection: 'posts', where: { parent: { equals: ids.post } }, depth: 0, overrideAccess: true })).totalDocs,
    klass: await find('classes', ids.klass!),
    student: await find('students', ids.student!),
    // The last migration turned its free-text subject into a relation: taken back and redone, it must point at the same subject.
    assignment: await find('teaching-assignments', ids.assignment!),
  }
}

/**
 * Today's code cannot write onto the previous schema (e.g. every update reads the locked-documents
 * table, which gains a column per new collection), so the data is written at the current schema and
 * the last migration is then taken back with its own down(): the database is left exactly at the
 * previous migration, with the data in it. Data only the last migration's tables or columns hold
 * goes with them; the documents compared use the previous schema's fields.
 */
async function baseline(p: Payload) {
  const last = migrations.at(-1)!
  await p.db.migrate({ migrations: migrations.slice(0, -1) as never })
  await p.db.migrate({ migrations: migrations as never })
  const context = BULK_WRITE_CONTEXT
  const school = await p.create({ collection: 'schools', data: { slug: 'tieuhocledo' } as never, overrideAccess: true, context })
  const user = await createUser(p, EMAIL, { fullName: 'Nguyễn Thị Nâng Cấp', memberships: [{ school: school.id, roles: ['principal'] }] })
  const post = await p.create({
    collection: 'posts',
    overrideAccess: true,
    context,
    data: { school: school.id, title: 'Khai giảng năm học mới', section: 'thong-bao', summary: 'Bản đã đăng', _status: 'published', workflowState: 'published', publishedDate: '2026-09-05T00:00:00.000Z' } as never,
  })
  await p.update({ collection: 'posts', id: post.id, draft: true, overrideAccess: true, context, data: { title: 'Khai giảng năm học mới (sửa)', summary: 'Bản nháp đang sửa', _status: 'draft' } as never })
  const klass = await p.create({ collection: 'classes', overrideAccess: true, context, data: { school: school.id, name: '4A', grade: 4, schoolYear: '2026-2027' } as never })
  const student = await p.create({ collection: 'students', overrideAccess: true, context, data: { school: school.id, fullName: 'Trần Văn Bình', studentCode: 'HS0001' } as never })
  const subject = await p.create({ collection: 'subjects', overrideAccess: true, context, data: { school: school.id, name: 'Toán', grade: 4, schoolYear: '2026-2027', kind: 'primary' } as never })
  const assignment = await p.create({
    collection: 'teaching-assignments',
    overrideAccess: true,
    context,
    data: { school: school.id, teacher: user.id, class: klass.id, subject: subject.id, term: 'year', schoolYear: '2026-2027' } as never,
  })
  const ids = { school: school.id, user: user.id, post: post.id, klass: klass.id, student: student.id, assignment: assignment.id }
  const docs = await readBack(ids)
  const db = p.db as unknown as { drizzle: unknown }
  await last.down({ db: db.drizzle, payload: p, req: {} } as never)
  await p.db.deleteOne({ collection: 'payload-migrations', where: { name: { equals: last.name } } })
  return { ids, docs }
}

/**
 * drizzle-kit's push always proposes
 * `SET DEFAULT 0` again: such a statement is dropped when the column's default already is that number.
 */
async function withoutFalseDefaults(statements: string[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URI })
  await client.connect()
  const kept: string[] = []
  for (const statement of statements) {
    const match = /^ALTER TABLE "(\w+)" ALTER COLUMN "(\w+)" SET DEFAULT (\d+);$/.exec(statement)
    const found = match && (await client.query('SELECT column_default FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [match[1], match[2]]))
    const current = String(found?.rows[0]?.column_default ?? '').replace(/^'(.*)'::numeric$/, '$1')
    if (!match || current !== match[3]) kept.push(statement)
  }
  await client.end()
  return kept
}

async function start(p: Payload, ids: Record<string, number | string>) {
  const docs = await readBack(ids)
  const login = await p.login({ collection: 'users', data: { email: EMAIL, password: PASSWORD }, overrideAccess: true })
  // What `migrate:create` would write now: the config against the last committed snapshot.
  const db = p.db as unknown as { schema: Record<string, unknown>; drizzle: unknown; requireDrizzleKit: () => any }
  const kit = db.requireDrizzleKit()
  const dir = path.join(cmsDir, 'migrations')
  const latest = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().at(-1)!
  const uncommitted: string[] = await kit.generateMigration(JSON.parse(readFileSync(path.join(dir, latest), 'utf8')), await kit.generateDrizzleJson(db.schema))
  // What a dev push would change in the migrated database.
  const push = await kit.pushSchema(db.schema, db.drizzle)
  // The oversight tiers' migration places an existing installation's schools in one tier.
  const schoolsWithoutTier = (await p.count({ collection: 'schools', where: { tier: { exists: false } }, overrideAccess: true })).totalDocs
  const schools = (await p.count({ collection: 'schools', overrideAccess: true })).totalDocs
  return { docs, loggedIn: Boolean(login.token), applied: await applied(p), uncommitted, schools, schoolsWithoutTier, pushStatements: await withoutFalseDefaults(push.statementsToExecute) }
}

const applied = async (p: Payload) => (await p.find({ collection: 'payload-migrations', limit: 0, pagination: false, sort: 'name' })).docs.map((m) => ({ name: m.name, batch: m.batch }))
const result =
  phase === 'baseline' ? await baseline(payload) : phase === 'fresh' ? { applied: await applied(payload) } : await start(payload, JSON.parse(process.env.MIGRATION_IDS ?? '{}'))
console.log(`RESULT ${JSON.stringify(result)}`)
await payload.destroy()
process.exit(0)
