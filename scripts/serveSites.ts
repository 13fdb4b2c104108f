/**
 * Local preview of the built sites (port 4321, docs/architecture.md): `http://<slug>.localhost:4321/` serves
 * `sites/dist/<slug>/`, and `http://localhost:4321/` lists every school. Production hosting uses
 * nginx (sites/scripts/writeNginx.ts); this is for browsing on a developer's machine.
 * Like nginx, it passes the feedback form's POST /api/feedback on a school's host to the CMS
 * (CMS_URL, default http://localhost:$PORT, PORT 3000 as scripts/start.ts uses it).
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import { request as httpsRequest } from 'node:https'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { schools } from '@truongso/registry'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const distRoot = process.env.SITES_DIST_DIR ?? path.join(root, 'sites', 'dist')
const port = Number(process.env.SITES_PORT ?? 4321)
const cmsUrl = new URL(process.env.CMS_URL ?? `http://localhost:${process.env.PORT ?? 3000}`)
/** The one dynamic path of a site (sites/scripts/writeNginx.ts has the same location). */
const FEEDBACK_PATH = '/api/feedback'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

function indexPage(): string {
  const rows = schools
    .map((s) => {
      const built = existsSync(path.join(distRoot, s.slug, 'index.html'))
      const local = `http://${s.slug}.localhost:${port}/`
      return `<tr><td>${s.stt}</td><td>${built ? `<a href="${local}">${escape(s.name)}</a>` : `${escape(s.name)} (chưa xây dựng)`}</td><td>${escape(s.levelName)}</td><td><code>${escape(s.url)}</code></td></tr>`
    })
    .join('\n')
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Website các trường – Phòng GDĐT Hội An</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}a{color:#0b5394}</style></head>
<body><h1>Website các trường – Phòng GDĐT Hội An</h1><p>Bản xem thử trên máy: mỗi trường ở <code>http://&lt;mã trường&gt;.localhost:${port}/</code>; địa chỉ thật theo danh mục ở cột cuối.</p>
<table><thead><tr><th>STT</th><th>Trường</th><th>Cấp học</th><th>Địa chỉ chính thức</th></tr></thead><tbody>${rows}</tbody></table></body></html>`
}

function send(res: import('node:http').ServerResponse, file: string, status = 200) {
  res.writeHead(status, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream' })
  createReadStream(file).pipe(res)
}

/**
 * POST /api/feedback → the CMS, as nginx's `location = /api/feedback` does: the body streamed as it
 * came, its type, what the page accepts and its language, the school's Host, and X-Forwarded-For
 * set to the address the preview saw (replacing any the client sent). The CMS's answer (303 to
 * /gop-y/cam-on/, JSON or its refusal page) comes back unchanged.
 */
function forwardFeedback(req: IncomingMessage, res: ServerResponse, search: string) {
  if (req.method !== 'POST') {
    res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain; charset=utf-8' }).end('Chỉ nhận POST.')
    return
  }
  const headers: OutgoingHttpHeaders = { host: req.headers.host ?? '', 'x-forwarded-for': req.socket.remoteAddress ?? '' }
  for (const name of ['content-type', 'content-length', 'accept', 'accept-language'] as const) {
    const value = req.headers[name]
    if (value !== undefined) headers[name] = value
  }
  const send = cmsUrl.protocol === 'https:' ? httpsRequest : httpRequest
  const upstream = send({ protocol: cmsUrl.protocol, hostname: cmsUrl.hostname, port: cmsUrl.port || undefined, method: 'POST', path: `${FEEDBACK_PATH}${search}`, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers)
    answer.pipe(res)
  })
  upstream.on('error', (error) => {
    console.error(`[sites] feedback → ${cmsUrl.origin}${FEEDBACK_PATH}: ${error.message}`)
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`Không kết nối được CMS (${cmsUrl.origin}) để gửi góp ý.`)
  })
  req.pipe(upstream)
}

const server = createServer((req, res) => {
  const host = (req.headers.host ?? '').split(':')[0]!.toLowerCase()
  const slug = host.endsWith('.localhost') ? host.slice(0, -'.localhost'.length) : ''
  if (!slug) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(indexPage())
    return
  }
  const siteDir = path.join(distRoot, slug)
  if (!schools.some((s) => s.slug === slug) || !existsSync(siteDir)) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(`Chưa có website cho "${slug}".`)
    return
  }
  let urlPath: string
  try {
    const url = new URL(req.url ?? '/', 'http://x')
    if (url.pathname === FEEDBACK_PATH) return forwardFeedback(req, res, url.search)
    urlPath = decodeURIComponent(url.pathname)
  } catch {
    res.writeHead(400).end() // a malformed %-escape must not stop the server
    return
  }
  const target = path.normalize(path.join(siteDir, urlPath))
  // Stay inside this school's folder (not a sibling such as "<slug>x").
  if (target !== siteDir && !target.startsWith(siteDir + path.sep)) {
    res.writeHead(400).end()
    return
  }
  // As nginx: the build's own dotfiles (sites/scripts/pageReuse.ts) are not part of the site.
  const hidden = urlPath.split('/').some((segment) => segment.startsWith('.'))
  for (const candidate of hidden ? [] : [target, path.join(target, 'index.html'), `${target}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return send(res, candidate)
  }
  const notFound = path.join(siteDir, '404.html')
  if (existsSync(notFound)) return send(res, notFound, 404)
  res.writeHead(404).end()
})

server.listen(port, () => console.log(`[sites] http://localhost:${port}/ lists the schools; each at http://<slug>.localhost:${port}/`))
