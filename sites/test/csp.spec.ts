import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { schools } from '@truongso/registry'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { nginxConfig, SITE_HEADERS } from '../scripts/writeNginx.ts'
import { fixtureSnapshot, fixtures, SLUG, tempDir } from './helpers.ts'

/**
 * The generated nginx configuration's headers against a real built site in Chromium: the site is
 * served by a small server that answers as the school's server block would (its locations, their
 * add_header lines, try_files and error_page 404), and every page must load under that
 * Content-Security-Policy without a single violation.
 */
const buildScript = fileURLToPath(new URL('../scripts/buildSchool.ts', import.meta.url))
const school = schools.find((s) => s.slug === SLUG)!

type Location = { prefix: string; headers: [string, string][] }

/** The school's server block, as locations with their headers (nginx: the longest prefix wins). */
function serverBlockOf(config: string, host: string): { block: string; locations: Location[] } {
  const block = config.split(/^(?=# \d+\. )/m).find((b) => b.includes(`server_name ${host};`))
  if (!block) throw new Error(`no server block for ${host}`)
  const locations = [...block.matchAll(/^\s*location (\S+) \{([^}]*)\}/gm)].map((m) => ({
    prefix: m[1]!,
    headers: [...m[2]!.matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((h) => [h[1]!, h[2]!] as [string, string]),
  }))
  return { block, locations }
}

/** nginx's mime.types for what the sites contain; anything else is its default_type. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.xml': 'text/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
}

function serveLikeNginx(root: string, locations: Location[]): Promise<Server> {
  const byLength = [...locations].sort((a, b) => b.prefix.length - a.prefix.length)
  const server = createServer((req, res) => {
    const uri = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const resolve = (p: string) => {
      const file = path.join(root, p)
      if (!file.startsWith(root)) return null
      if (existsSync(file) && statSync(file).isFile()) return file
      const index = path.join(file, 'index.html')
      return p.endsWith('/') && existsSync(index) ? index : null
    }
    let status = 200
    let file = resolve(uri)
    let served = uri
    if (!file) {
      // error_page 404 /404.html: an internal redirect, answered by the location of /404.html.
      status = 404
      served = '/404.html'
      file = resolve(served)
    }
    const location = byLength.find((l) => served.startsWith(l.prefix))!
    for (const [name, value] of location.headers) res.setHeader(name, value)
    res.setHeader('Content-Type', MIME[path.extname(file ?? '')] ?? 'application/octet-stream')
    res.writeHead(status)
    res.end(file ? readFileSync(file) : '')
  })
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

let dist: string
let server: Server
let base: string
let browser: Browser
let block: string

/** Opens `url` and returns every CSP violation and CSP console error the page reports. */
async function violationsOn(page: Page, url: string, then?: (page: Page) => Promise<void>): Promise<string[]> {
  const problems: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`)
  })
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  const response = await page.goto(url)
  expect(response?.status(), url).toBe(200)
  await then?.(page)
  await page.waitForLoadState('networkidle')
  const events = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
  return [...problems, ...events]
}

describe('Content-Security-Policy of the generated nginx configuration, on a built site in Chromium', () => {
  beforeAll(async () => {
    dist = tempDir('csp')
    // The build's public command line, as the CMS runs it.
    execFileSync(process.execPath, [buildScript, SLUG, '--snapshots', fixtures, '--out', dist], { stdio: ['ignore', 'pipe', 'pipe'] })
    const parsed = serverBlockOf(nginxConfig(dist), school.host)
    block = parsed.block
    server = await serveLikeNginx(path.join(dist, SLUG), parsed.locations)
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
    })
  })
  afterAll(async () => {
    await browser?.close()
    server?.close()
    rmSync(dist, { recursive: true, force: true })
  })

  async function newPage(): Promise<Page> {
    const page = await browser.newPage()
    // Recorded from the first script on, in every document of the page.
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] }
      w.__csp = []
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective}: ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`))
    })
    return page
  }

  it('sends every security header and a cache lifetime from every location of every school', () => {
    const config = nginxConfig('/srv/truongso/sites')
    const locations = config.match(/^\s*location \S+ \{[^}]*\}/gm)!
    expect(locations).toHaveLength(schools.length * 4)
    for (const location of locations) {
      for (const [name, value] of Object.entries(SITE_HEADERS)) expect(location).toContain(`add_header ${name} "${value}" always;`)
      expect(location).toMatch(/add_header Cache-Control "public, max-age=\d+[^"]*" always;/)
    }
    expect(SITE_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'")
    expect(SITE_HEADERS['Content-Security-Policy']).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    expect(SITE_HEADERS['X-Content-Type-Options']).toBe('nosniff')
    expect(SITE_HEADERS['Referrer-Policy']).toBe('strict-origin-when-cross-origin')
  })

  it('the pages are served with those headers (also a missing page: 404 with its own page)', async () => {
    for (const [p, status] of [['/', 200], ['/tim-kiem/', 200], ['/pagefind/pagefind-ui.js', 200], ['/files/khai-giang.png', 200], ['/khong-co/', 404]] as const) {
      const response = await fetch(`${base}${p}`)
      expect(response.status, p).toBe(status)
      for (const [name, value] of Object.entries(SITE_HEADERS)) expect(response.headers.get(name), `${p} ${name}`).toBe(value)
    }
    expect(block).toContain(`server_name ${school.host};`)
  })

  it('the policy is enforced: an injected inline script is blocked and reported', async () => {
    const page = await newPage()
    await page.goto(`${base}/`)
    await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__ran = true'
      document.head.append(script)
    })
    expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined()
    await expect.poll(() => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length)).toBeGreaterThan(0)
    await page.close()
  })

  it('the home page loads without a violation, its styles and images applied', async () => {
    const page = await newPage()
    expect(await violationsOn(page, `${base}/`)).toEqual([])
    // The inlined stylesheet and the template colours (style attribute) took effect.
    const header = await page.evaluate(() => getComputedStyle(document.querySelector('header.site')!).backgroundColor)
    expect(header).not.toBe('rgba(0, 0, 0, 0)')
    const images = await page.evaluate(() => [...document.images].map((i) => ({ src: i.currentSrc, ok: i.complete && i.naturalWidth > 0 })))
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect(image.ok, image.src).toBe(true)
    await page.close()
  })

  it('a post page with a cover image and one with an attachment load without a violation', async () => {
    const posts = fixtureSnapshot().posts as { slug: string; cover: unknown; attachments: unknown[] }[]
    const withCover = posts.find((p) => p.cover)!
    const withAttachment = posts.find((p) => p.attachments.length > 0)!
    for (const post of [withCover, withAttachment]) {
      const page = await newPage()
      expect(await violationsOn(page, `${base}/bai-viet/${post.slug}/`), post.slug).toEqual([])
      const broken = await page.evaluate(() => [...document.images].filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.src))
      expect(broken).toEqual([])
      await page.close()
    }
  })

  it('the search page finds a post typed without accents, without a violation (Pagefind, WebAssembly)', async () => {
    const page = await newPage()
    const problems = await violationsOn(page, `${base}/tim-kiem/`, async (p) => {
      await p.fill('.pagefind-ui__search-input', 'doi tuyen')
      await p.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 })
    })
    expect(problems).toEqual([])
    expect(await page.locator('.pagefind-ui__result-link').first().getAttribute('href')).toBe('/bai-viet/bai-4/')
    await page.close()
  })

  it('the feedback form’s script runs under the policy and posts to the same origin', async () => {
    const page = await newPage()
    const posted: string[] = []
    page.on('request', (r) => {
      if (r.method() === 'POST') posted.push(new URL(r.url()).pathname)
    })
    const problems = await violationsOn(page, `${base}/gop-y/`, async (p) => {
      await p.fill('#gy-message', 'Góp ý thử nghiệm dài hơn mười ký tự.')
      await p.getByRole('button', { name: 'Gửi góp ý' }).click()
      // This test server has no CMS behind /api/feedback: the script shows the refusal in place.
      await p.locator('#gy-status.notice.error').waitFor({ timeout: 10_000 })
    })
    expect(problems).toEqual([])
    expect(posted).toEqual(['/api/feedback'])
    expect(page.url()).toBe(`${base}/gop-y/`)
    await page.close()
  })

  it('an album and a photo page load their images without a violation; the album opens its viewer', async () => {
    for (const url of ['/thu-vien-anh/bai-2/', '/thu-vien-anh/bai-2/2/']) {
      const page = await newPage()
      expect(await violationsOn(page, `${base}${url}`), url).toEqual([])
      // (The viewer's own image has no source until it opens.)
      const images = await page.evaluate(() => [...document.images].filter((i) => i.getAttribute('src')).map((i) => i.complete && i.naturalWidth > 0))
      expect(images.length, url).toBeGreaterThan(0)
      expect(images.every(Boolean), url).toBe(true)
      if (url === '/thu-vien-anh/bai-2/') {
        // With JavaScript a thumbnail opens the viewer in place; the arrow key moves to the next photo.
        await page.locator('ul.gallery a').first().click()
        await page.locator('dialog.viewer[open] img').waitFor()
        expect(page.url()).toBe(`${base}${url}`)
        await page.keyboard.press('ArrowRight')
        expect(await page.locator('dialog.viewer span').innerText()).toBe('Ảnh 2/2')
        await page.keyboard.press('Escape')
        expect(await page.locator('dialog.viewer[open]').count()).toBe(0)
      } else {
        await page.keyboard.press('ArrowLeft')
        await page.waitForURL(`${base}/thu-vien-anh/bai-2/1/`)
      }
      expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
      await page.close()
    }
  })

  it('the 404 page loads without a violation', async () => {
    const page = await newPage()
    const problems: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) problems.push(m.text())
    })
    expect((await page.goto(`${base}/khong-co-trang-nay/`))?.status()).toBe(404)
    await page.waitForLoadState('networkidle')
    expect([...problems, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp))]).toEqual([])
    await page.close()
  })
})
