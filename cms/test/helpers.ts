import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_PUT, REST_POST } from '@payloadcms/next/routes'
import { getPayload, type EmailAdapter, type Payload, type SanitizedConfig, type SendEmailOptions } from 'payload'
import pg from 'pg'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import type { TruongsoPluginOptions } from '@truongso/payload-plugin'

/** Which database the integration tests run on: SQLite by default, PostgreSQL with TEST_DATABASE=postgres. */
export const testDatabase = process.env.TEST_DATABASE === 'postgres' ? 'postgres' : 'sqlite'

type Handler = (req: Request, ctx: { params: Promise<{ slug: string[] }> }) => Promise<Response>

export type RestResponse = { status: number; body: any }

/**
 * Drives Payload's real REST route handlers (the ones Next serves under /api) with real Request
 * objects: same parsing, auth, access control and error formatting as over HTTP.
 */
export class RestClient {
  private readonly handlers: Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', Handler>
  private readonly graphqlHandler: (req: Request) => Promise<Response>

  constructor(config: Promise<SanitizedConfig>) {
    this.handlers = {
      GET: REST_GET(config) as Handler,
      POST: REST_POST(config) as Handler,
      PATCH: REST_PATCH(config) as Handler,
      PUT: REST_PUT(config) as Handler,
      DELETE: REST_DELETE(config) as Handler,
    }
    this.graphqlHandler = GRAPHQL_POST(config) as (req: Request) => Promise<Response>
  }

  async graphql(query: string, token?: string): Promise<RestResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'accept-language': 'vi' }
    if (token) headers.authorization = `JWT ${token}`
    const response = await this.graphqlHandler(
      new Request('http://localhost:3000/api/graphql', { method: 'POST', headers, body: JSON.stringify({ query }) }),
    )
    return { status: response.status, body: await response.json() }
  }

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    apiPath: string,
    options: { body?: unknown; token?: string; language?: 'vi' | 'en' } = {},
  ): Promise<RestResponse> {
    const url = new URL(`http://localhost:3000/api${apiPath}`)
    const headers: Record<string, string> = { 'accept-language': options.language ?? 'vi' }
    if (options.body !== undefined) headers['content-type'] = 'application/json'
    if (options.token) headers.authorization = `JWT ${options.token}`
    const request = new Request(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await this.handlers[method](request, { params: Promise.resolve({ slug }) })
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body }
  }

  /** A multipart upload (e.g. an .xlsx import), answered as JSON or as a file. */
  async upload(apiPath: string, file: { name: string; data: Buffer; type: string }, token?: string, fields?: Record<string, unknown>): Promise<RestResponse> {
    const url = new URL(`http://localhost:3000/api${apiPath}`)
    const form = new FormData()
    // The document's other fields, as the admin sends them with a file.
    if (fields) form.append('_payload', JSON.stringify(fields))
    form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
    const headers: Record<string, string> = { 'accept-language': 'vi' }
    if (token) headers.authorization = `JWT ${token}`
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await this.handlers.POST(new Request(url, { method: 'POST', headers, body: form }), { params: Promise.resolve({ slug }) })
    return { status: response.status, body: await response.json() }
  }

  /** A GET whose answer is a file. */
  async download(apiPath: string, token?: string): Promise<{ status: number; type: string | null; data: Buffer }> {
    const url = new URL(`http://localhost:3000/api${apiPath}`)
    const headers: Record<string, string> = { 'accept-language': 'vi' }
    if (token) headers.authorization = `JWT ${token}`
    const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
    const response = await this.handlers.GET(new Request(url, { headers }), { params: Promise.resolve({ slug }) })
    return { status: response.status, type: response.headers.get('content-type'), data: Buffer.from(await response.arrayBuffer()) }
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.request('POST', '/users/login', { body: { email, password } })
    if (res.status !== 200 || !res.body?.token) {
      throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    return res.body.token as string
  }
}

export type TestCms = {
  dataDir: string
  /** E-mails sent through Payload during the test, newest last. */
  sentEmails: SendEmailOptions[]
  payload: Payload
  config: Promise<SanitizedConfig>
  rest: RestClient
  close: () => Promise<void>
}

async function createPostgresDatabase(): Promise<{ uri: string }> {
  const base = process.env.TEST_POSTGRES_URI
  if (!base) throw new Error('TEST_DATABASE=postgres needs TEST_POSTGRES_URI')
  const name = `truongso_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  // Databases left by earlier runs are cleaned up here: only ours (`_` escaped: in LIKE it matches
  // any character, and 'truongso_t_%' would match the base database truongso_test), and only those
  // of test processes that are gone (a file running beside this one may not have connected yet).
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'truongso\\_t\\_%'`)
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0)
      return true
    } catch {
      return false
    }
  }
  for (const row of stale.rows as { datname: string }[]) {
    const pid = Number(/^truongso_t_(\d+)_/.exec(row.datname)?.[1])
    if (Number.isInteger(pid) && alive(pid)) continue
    await admin.query(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined)
  }
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const uri = new URL(base)
  uri.pathname = `/${name}`
  return { uri: uri.toString() }
}

/** A CMS on a brand-new database (temporary SQLite file, or a fresh PostgreSQL database). */
export async function startTestCms(plugin: TruongsoPluginOptions = {}, harness: { email?: EmailAdapter } = {}): Promise<TestCms> {
  // harness.email replaces the in-memory e-mail adapter (sentEmails then stays empty), e.g. real SMTP.
  // plugin.sites (when given) replaces the real site build, e.g. to record or fail builds.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'truongso-test-'))
  // Scheduled jobs run only when a test asks (payload.jobs.run), never on a timer.
  process.env.TRUONGSO_DISABLE_JOBS = '1'
  const sentEmails: SendEmailOptions[] = []
  const email: EmailAdapter = () => ({
    name: 'test-memory',
    defaultFromAddress: 'no-reply@truongso.test',
    defaultFromName: 'Trường Số',
    sendEmail: async (message: SendEmailOptions) => {
      sentEmails.push(message)
    },
  })
  const postgres = testDatabase === 'postgres' ? await createPostgresDatabase() : null
  const config = buildTruongsoConfig({
    databaseUri: postgres?.uri ?? `file:${path.join(dataDir, 'test.db')}`,
    dataDir,
    secret: 'test-secret-not-for-production',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    email: harness.email ?? email,
    sites: { snapshotsDir: path.join(dataDir, 'snapshots'), distRoot: path.join(dataDir, 'sites') },
    plugin,
  })
  const payload = await getPayload({ config, key: dataDir })
  return {
    dataDir,
    sentEmails,
    payload,
    config,
    rest: new RestClient(config),
    close: async () => {
      await payload.destroy()
      // The PostgreSQL pool may still hold a connection here; the database is dropped by the next
      // run instead (createPostgresDatabase), when nobody is connected any more.
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
