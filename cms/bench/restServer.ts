/**
 * Benchmark harness: serves Payload's REST handlers (the same ones Next mounts at /api) over plain
 * node:http, on an existing data folder. VARIANT=plain strips this project's access rules and hooks
 * from the website collections, to measure what they cost.
 * `TRUONGSO_DATA_DIR=… VARIANT=truongso|plain PORT=… node cms/bench/restServer.ts`
 */
import { createServer } from 'node:http'

import { REST_GET } from '@payloadcms/next/routes'
import { getPayload, type SanitizedConfig } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'

const dataDir: string = process.env.TRUONGSO_DATA_DIR ?? ''
if (!dataDir) throw new Error('TRUONGSO_DATA_DIR is required')
const variant = process.env.VARIANT ?? 'truongso'
const port = Number(process.env.PORT ?? 3200)

async function config(): Promise<SanitizedConfig> {
  const built = await buildTruongsoConfig({ databaseUri: undefined, dataDir, logLevel: 'warn' })
  if (variant === 'plain') {
    for (const collection of built.collections) {
      if (['posts', 'disclosures', 'introductions'].includes(collection.slug)) {
        collection.access = { ...collection.access, read: () => true }
        collection.hooks = { ...collection.hooks, beforeOperation: [], beforeRead: [], afterRead: [], beforeChange: [], afterChange: [], beforeValidate: [] }
        for (const field of collection.fields) if ('access' in field) delete (field as { access?: unknown }).access
      }
    }
  }
  return built
}

const configPromise = config()
await getPayload({ config: configPromise })
const GET = REST_GET(configPromise)

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
  const slug = url.pathname.replace(/^\/api\//, '').split('/').filter(Boolean)
  const response = await GET(new Request(url, { headers: req.headers as Record<string, string> }), { params: Promise.resolve({ slug }) })
  res.writeHead(response.status, Object.fromEntries(response.headers))
  res.end(Buffer.from(await response.arrayBuffer()))
}).listen(port, '127.0.0.1', () => console.log(`ready ${variant} ${port}`))
