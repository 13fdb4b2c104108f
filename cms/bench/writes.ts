/**
 * `pnpm bench writes`: mixed writes (create a department, create a post, update a post, publish,
 * log in) at 1, 4, 8 and 16 concurrent clients, on SQLite and (when TEST_POSTGRES_URI is set or
 * scripts/postgres.sh can start one) PostgreSQL. Requests go through Payload's real REST handlers
 * in-process (the ones Next mounts at /api), with real logins. Reports errors first, then
 * throughput, p50 and p95.
 * `node cms/bench/writes.ts [--writes N]` (N writes per level, default 400).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import pg from 'pg'
import { getPayload } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'

const PASSWORD = 'Rat-kho-doan-2026!'
const LEVELS = [1, 4, 8, 16]
const writesArg = process.argv.indexOf('--writes')
const WRITES = writesArg > 0 ? Number(process.argv[writesArg + 1]) : 400

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

async function postgresDatabase(base: string): Promise<string> {
  const name = `truongso_bench_${process.pid}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name}`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const uri = new URL(base)
  uri.pathname = `/${name}`
  return uri.toString()
}

export async function benchWrites(database: 'sqlite' | 'postgres', postgresUri?: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-bench-writes-'))
  process.env.TRUONGSO_DISABLE_JOBS = '1'
  const databaseUri = database === 'postgres' ? await postgresDatabase(postgresUri!) : `file:${path.join(dataDir, 'bench.db')}`
  const config = buildTruongsoConfig({ databaseUri, dataDir, secret: 'bench-secret', logLevel: 'silent', email: () => ({ name: 'none', defaultFromAddress: 'x@x.vn', defaultFromName: 'x', sendEmail: async () => undefined }) })
  const payload = await getPayload({ config })
  const handlers: Record<'POST' | 'PATCH', Handler> = { POST: REST_POST(config) as Handler, PATCH: REST_PATCH(config) as Handler }
  const call = async (method: 'POST' | 'PATCH', apiPath: string, body: unknown, token?: string) => {
    const url = new URL(`http://localhost:3000/api${apiPath}`)
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'vi' }
    if (token) headers.authorization = `JWT ${token}`
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const res = await handlers[method](new Request(url, { method, headers, body: JSON.stringify(body) }), { params: Promise.resolve({ slug }) })
    return { status: res.status, body: (await res.json().catch(() => null)) as any }
  }

  const school = await payload.create({ collection: 'schools', data: { slug: 'tieuhocledo' } as never, overrideAccess: true })
  const people = { admin: ['school-admin'], teacher: ['teacher'], principal: ['principal'] } as const
  const tokens: Record<keyof typeof people, string> = { admin: '', teacher: '', principal: '' }
  for (const [who, roles] of Object.entries(people) as [keyof typeof people, readonly string[]][]) {
    const email = `${who}@bench.vn`
    await payload.create({ collection: 'users', overrideAccess: true, data: { email, password: PASSWORD, fullName: `Người ${who}`, memberships: [{ school: school.id, roles }] } as never })
    tokens[who] = (await call('POST', '/users/login', { email, password: PASSWORD })).body.token
  }

  const rows: Record<string, unknown>[] = []
  for (const clients of LEVELS) {
    const latencies: number[] = []
    let errors = 0
    let counter = 0
    const posts: (number | string)[] = []
    const started = performance.now()
    const client = async (index: number) => {
      while (counter < WRITES) {
        const i = counter++
        const marker = `${clients}-${index}-${i}`
        const t0 = performance.now()
        let res
        switch (i % 5) {
          case 0:
            res = await call('POST', '/departments', { school: school.id, name: `Tổ ${marker}` }, tokens.admin)
            break
          case 1:
            res = await call('POST', '/posts?draft=true', { title: `Bài ${marker}`, section: 'hoat-dong', summary: 'x' }, tokens.teacher)
            if (res.status === 201) posts.push(res.body.doc.id)
            break
          case 2:
            res = posts.length
              ? await call('PATCH', `/posts/${posts[i % posts.length]}?draft=true`, { summary: `Sửa ${marker}` }, tokens.teacher)
              : await call('POST', '/users/login', { email: 'teacher@bench.vn', password: PASSWORD })
            break
          case 3: {
            const own = await call('POST', '/posts?draft=true', { title: `Tin ${marker}`, section: 'thong-bao', summary: 'x' }, tokens.principal)
            res = own.status === 201 ? await call('POST', `/posts/${own.body.doc.id}/workflow`, { action: 'publish' }, tokens.principal) : own
            break
          }
          default:
            res = await call('POST', '/users/login', { email: 'admin@bench.vn', password: PASSWORD })
        }
        latencies.push(performance.now() - t0)
        if (res.status >= 500 || res.status === 0) errors++
      }
    }
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)))
    const seconds = (performance.now() - started) / 1000
    rows.push({
      database,
      clients,
      writes: latencies.length,
      'errors (≥500)': errors,
      'writes/s': Math.round(latencies.length / seconds),
      'p50 ms': Math.round(percentile(latencies, 50)),
      'p95 ms': Math.round(percentile(latencies, 95)),
    })
  }
  await payload.destroy()
  rmSync(dataDir, { recursive: true, force: true })
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const database = (process.env.BENCH_DATABASE ?? 'sqlite') as 'sqlite' | 'postgres'
  const rows = await benchWrites(database, process.env.TEST_POSTGRES_URI)
  console.log(JSON.stringify(rows))
  process.exit(0)
}
