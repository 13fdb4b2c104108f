/**
 * Lighthouse (npm `lighthouse`, run with `pnpm dlx` so that its ~170 MB of dependencies stay out of
 * the workspace's lockfile) on a built school site: its home page and a post page, Lighthouse's
 * default mobile preset (Moto G power class screen, simulated slow 4G and 4× CPU slowdown), with
 * Debian's Chromium (CHROME_PATH, chrome-launcher flags --headless --no-sandbox --disable-gpu).
 * The site is served as nginx serves it (sites/scripts/writeNginx.ts): the same security headers,
 * gzip for text, the same cache lifetimes.
 */
import { spawn } from 'node:child_process'
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createGzip } from 'node:zlib'

import { buildSchoolSites } from '../../sites/scripts/buildBatch.ts'
import { SITE_HEADERS } from '../../sites/scripts/writeNginx.ts'

export const LIGHTHOUSE_VERSION = '13.5.0'
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.wasm': 'application/wasm',
}
const GZIP = /^(text\/|application\/(json|xml|manifest\+json|wasm|javascript)|image\/svg)/

/** A static server for one site at the root, as nginx serves it. */
function serve(site: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    const target = path.normalize(path.join(site, decodeURIComponent(url.pathname)))
    const file = [target, path.join(target, 'index.html')].find((f) => f.startsWith(site) && existsSync(f) && statSync(f).isFile())
    const status = file ? 200 : 404
    const body = file ?? path.join(site, '404.html')
    const type = TYPES[path.extname(body).toLowerCase()] ?? 'application/octet-stream'
    const cache = url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : url.pathname.startsWith('/files/') ? 'public, max-age=2592000' : 'public, max-age=300'
    const gzip = GZIP.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    res.writeHead(status, { ...SITE_HEADERS, 'content-type': type, 'cache-control': cache, ...(gzip ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}) })
    const stream = createReadStream(body)
    ;(gzip ? stream.pipe(createGzip()) : stream).pipe(res)
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })))
}

export type LighthouseScores = Record<(typeof CATEGORIES)[number], number> & { url: string }

/**
 * One Lighthouse run (mobile preset); its four category scores, 0–100. Asynchronous: the server
 * answering Chromium runs in this process.
 */
async function lighthouse(url: string, work: string): Promise<LighthouseScores> {
  const out = path.join(work, `lh-${Date.now()}.json`)
  const args = ['dlx', `lighthouse@${LIGHTHOUSE_VERSION}`, url, '--output=json', `--output-path=${out}`, '--quiet', `--only-categories=${CATEGORIES.join(',')}`, '--chrome-flags=--headless --no-sandbox --disable-gpu']
  const child = spawn('pnpm', args, { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, cwd: work, stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), 300_000)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearTimeout(timer)
  if (!existsSync(out)) throw new Error(`lighthouse failed (exit ${code}): ${stderr.slice(-800)}`)
  const report = JSON.parse(readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }>; runtimeError?: { message: string } }
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`)
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)])) as Record<(typeof CATEGORIES)[number], number>
  return { url, ...scores }
}

/**
 * Builds one school (the seeded tieuhocledo from sites/.snapshots when `pnpm start` has written it,
 * else the test fixture), serves it and runs Lighthouse on its home page and first post page.
 */
export async function runLighthouse(root: string): Promise<{ school: string; pages: Record<string, LighthouseScores> }> {
  const seeded = path.join(root, 'sites', '.snapshots')
  const [snapshotsDir, slug] = existsSync(path.join(seeded, 'tieuhocledo', 'snapshot.json')) ? [seeded, 'tieuhocledo'] : [path.join(root, 'sites', 'test', 'fixtures'), 'ththcslythuongkiet']
  const work = mkdtempSync(path.join(tmpdir(), 'truongso-lighthouse-'))
  try {
    const [built] = await buildSchoolSites({ slugs: [slug], snapshotsDir, distRoot: work, log: () => {} })
    if (!built?.ok) throw new Error(`the site of ${slug} did not build: ${built?.error}`)
    const site = path.join(work, slug)
    const post = readdirSync(path.join(site, 'bai-viet')).sort()[0]
    const { server, origin } = await serve(site)
    try {
      return { school: slug, pages: { 'home page': await lighthouse(`${origin}/`, work), 'post page': await lighthouse(`${origin}/bai-viet/${post}/`, work) } }
    } finally {
      server.close()
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
