/**
 * Publish → live: a school with N published posts (default 500); the board publishes an approved
 * post; measured from the publish call until the new page is on disk (the rebuild job: snapshot
 * export + the build worker's Astro build + search index + swap). Runs on a quiet machine, then, with
 * `--load <snapshotsDir>`, again while full builds of the schools in that folder (buildAll.ts, into a
 * folder of its own) run one after another: the loaded case, once per niceness given to buildAll
 * with `--load-nice` (default: buildAll's own, 10). Also times the snapshot export alone and reads
 * each build's record (queued → started → finished). Prints one JSON line.
 *   TRUONGSO_DATA_DIR=… node cms/bench/publishToLive.ts [posts] [runs] [--load <snapshotsDir>] [--load-nice 10,0]
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { BULK_WRITE_CONTEXT, performTransition, POST_SECTIONS } from '@truongso/payload-plugin'
import { createLocalReq, getPayload } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { seedDepartment } from '../src/seed/departments.ts'
import { lexicalParagraphs } from '../src/seed/lexical.ts'
import { seedSchools } from '../src/seed/schools.ts'
import { exportSchoolSnapshot } from '../src/sites/exportSnapshot.ts'

const dataDir: string = process.env.TRUONGSO_DATA_DIR ?? ''
if (!dataDir) throw new Error('TRUONGSO_DATA_DIR is required')
const args = process.argv.slice(2)
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const loadSnapshots = flag('--load')
const loadNices = (flag('--load-nice') ?? '10').split(',').map(Number)
const [postsArg, runsArg] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'))
const postsCount = Number(postsArg ?? 500)
const runs = Number(runsArg ?? 5)
const SLUG = 'tieuhocledo'
const sites = { snapshotsDir: path.join(dataDir, 'snapshots'), distRoot: path.join(dataDir, 'sites') }
const uploadsDir = path.join(dataDir, 'uploads')
const payload = await getPayload({ config: buildTruongsoConfig({ databaseUri: undefined, dataDir, logLevel: 'warn', sites }) })
const ids = await seedSchools(await createLocalReq({}, payload))
const school = ids.get(SLUG)!
const department = await seedDepartment(await createLocalReq({}, payload), school, 'Tổ 1')
const post = (i: number, extra: Record<string, unknown>) =>
  payload.create({
    collection: 'posts',
    overrideAccess: true,
    context: BULK_WRITE_CONTEXT,
    data: { school, title: `Tin số ${i}`, slug: `tin-so-${i}`, section: POST_SECTIONS[i % 3], summary: 'Tóm tắt.', content: lexicalParagraphs(['Nội dung bài viết dùng cho đo hiệu năng.']), department, ...extra } as never,
  })
for (let i = 1; i <= postsCount; i++) await post(i, { _status: 'published', workflowState: 'published', publishedDate: new Date(Date.UTC(2026, 10, 24) - i * 3_600_000).toISOString() })
const principal = await payload.create({
  collection: 'users',
  overrideAccess: true,
  data: { email: 'hieutruong.bench@truongso.test', password: 'Bench-mat-khau-2026', fullName: 'Hiệu trưởng', memberships: [{ school, roles: ['principal'] }] } as never,
})
if (!payload.config.collections.find((c) => c.slug === 'site-builds')) throw new Error('site builds are not configured')

// The snapshot export alone (what the CMS does before handing over to the build), median of 3.
const exportMs: number[] = []
for (let i = 0; i < 3; i++) {
  const dir = mkdtempSync(path.join(tmpdir(), 'truongso-export-'))
  const t = performance.now()
  await exportSchoolSnapshot(payload, SLUG, { snapshotsDir: dir, uploadsDir })
  exportMs.push(Math.round(performance.now() - t))
  rmSync(dir, { recursive: true, force: true })
}

type Run = { ms: number; queuedMs: number | null; buildMs: number | null }
let published = 0
/** One publish of a new approved post, timed until its page is on disk; then the build record's times. */
async function publishOnce(): Promise<Run> {
  const n = ++published
  const draft = await post(postsCount + n, { _status: 'draft', workflowState: 'leader-approved', title: `Bài đo số ${n}`, slug: `bai-do-so-${n}` })
  const req = await createLocalReq({ user: { ...principal, collection: 'users' } as never }, payload)
  const page = path.join(sites.distRoot, SLUG, 'bai-viet', `bai-do-so-${n}`, 'index.html')
  const wall = Date.now()
  const t0 = performance.now()
  await performTransition(req, { collection: 'posts', id: draft.id, action: 'publish' }, payload.config.custom!.truongsoWorkflow as never)
  while (!existsSync(page)) {
    if (performance.now() - t0 > 180_000) throw new Error('the page did not appear within 3 minutes')
    await new Promise((r) => setTimeout(r, 10))
  }
  const ms = Math.round(performance.now() - t0)
  // Let the job finish its bookkeeping (the record, the lock) before the next publish.
  let record: { status?: string; startedAt?: string; finishedAt?: string } | undefined
  for (let i = 0; i < 200; i++) {
    const found = await payload.find({ collection: 'site-builds', where: { school: { equals: school } }, sort: '-requestedAt', limit: 1, depth: 0, overrideAccess: true })
    record = found.docs[0] as typeof record
    if (record?.status === 'succeeded' || record?.status === 'failed') break
    await new Promise((r) => setTimeout(r, 50))
  }
  await new Promise((r) => setTimeout(r, 200))
  const started = record?.startedAt ? Date.parse(record.startedAt) : null
  const finished = record?.finishedAt ? Date.parse(record.finishedAt) : null
  return { ms, queuedMs: started === null ? null : started - wall, buildMs: started !== null && finished !== null ? finished - started : null }
}

// The first publish builds the site whole and starts the build worker: outside the measurement.
await publishOnce()
const quiet: Run[] = []
for (let run = 1; run <= runs; run++) quiet.push(await publishOnce())

// Loaded: full builds of other schools, back to back, in their own process group, while publishing.
const loaded: Record<string, Run[]> = {}
let loadBuilds = 0
for (const nice of loadSnapshots ? loadNices : []) {
  const loadOut = mkdtempSync(path.join(tmpdir(), 'truongso-load-'))
  const sitesDir = path.resolve(import.meta.dirname, '../../sites')
  const load: { child: ChildProcess | null; stop: boolean } = { child: null, stop: false }
  const startLoad = () => {
    if (load.stop) return
    const argv = ['--no-deprecation', 'scripts/buildAll.ts', '--snapshots', loadSnapshots!, '--out', loadOut, '--nice', String(nice)]
    const child = spawn(process.execPath, argv, { cwd: sitesDir, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' }, detached: true })
    load.child = child
    loadBuilds++
    child.on('exit', startLoad)
  }
  startLoad()
  // Into the full build's Astro phase (past its start-up) before the first publish.
  await new Promise((r) => setTimeout(r, 3000))
  const list: Run[] = (loaded[String(nice)] = [])
  for (let run = 1; run <= runs; run++) list.push(await publishOnce())
  load.stop = true
  const child = load.child
  if (child && child.exitCode === null && child.signalCode === null) {
    await new Promise((resolve) => {
      child.once('exit', resolve)
      // Its own process group (detached): buildAll and the Astro and Pagefind processes it started.
      process.kill(-child.pid!, 'SIGTERM')
    })
  }
  rmSync(loadOut, { recursive: true, force: true })
}

console.log(JSON.stringify({ posts: postsCount, exportMs, quiet, loaded, loadBuildsStarted: loadBuilds }))
await payload.destroy()
process.exit(0)
