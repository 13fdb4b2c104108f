import { existsSync } from 'node:fs'

/**
 * HTML + print CSS → PDF with headless Chromium (issue 16 item 1): it shapes Vietnamese stacked
 * diacritics correctly, repeats table headers on every page and honours `@page`. One browser per
 * process, started on the first book and kept for the next ones (a start costs about a second).
 * Pages are kept too and reused, one document after the other: a fresh context and page cost about
 * 300 ms, a reused page's render of a two-page học bạ about 90 ms (`pnpm bench books`). Up to
 * MAX_PAGES books render side by side. A crashed browser is started again.
 */

import type { Browser, Page } from 'playwright-core'

let browser: Promise<Browser> | null = null
/** Pages ready for the next document, and how many exist in all (idle or in use). */
let idle: Page[] = []
let open = 0
const waiting: ((page: Page | null) => void)[] = []
const MAX_PAGES = 4
/** A page is replaced after this many documents, so a long archive job's memory stays bounded. */
const DOCUMENTS_PER_PAGE = 100
const uses = new WeakMap<Page, number>()

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => Boolean(p))
  const found = candidates.find((p) => existsSync(p))
  if (!found) throw new Error(`no Chromium for printing books: install Debian's chromium or set CHROMIUM_PATH (looked at ${candidates.join(', ')})`)
  return found
}

async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  const started = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--font-render-hinting=none'],
  })
  started.on('disconnected', () => {
    browser = null
    idle = []
    open = 0
  })
  return started
}

async function newPage(): Promise<Page> {
  browser ??= launch().catch((error: unknown) => {
    browser = null
    throw error
  })
  const context = await (await browser).newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  // The document is self-contained (the typeface inlined as data URLs): nothing else is loaded.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
  return page
}

async function acquire(): Promise<Page> {
  const ready = idle.pop()
  if (ready) return ready
  if (open < MAX_PAGES) {
    open += 1
    try {
      return await newPage()
    } catch (error) {
      open -= 1
      throw error
    }
  }
  const handed = await new Promise<Page | null>((resolve) => waiting.push(resolve))
  return handed ?? acquire()
}

function release(page: Page, healthy: boolean): void {
  const used = (uses.get(page) ?? 0) + 1
  uses.set(page, used)
  if (!healthy || page.isClosed() || used >= DOCUMENTS_PER_PAGE) {
    open = Math.max(0, open - 1)
    void page.context().close().catch(() => undefined)
    waiting.shift()?.(null)
    return
  }
  const next = waiting.shift()
  if (next) next(page)
  else idle.push(page)
}

/** Renders one HTML document (with its own `@page` rules) to PDF bytes. */
export async function renderPdf(html: string, footer?: string): Promise<Buffer> {
  const page = await acquire()
  let healthy = false
  try {
    await page.setContent(html.normalize('NFC'), { waitUntil: 'load' })
    await page.evaluate(() => document.fonts.ready)
    // The footer (page numbers) is drawn in the bottom margin the document's @page leaves.
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      tagged: true,
      displayHeaderFooter: Boolean(footer),
      headerTemplate: '<span></span>',
      footerTemplate: footer ?? '<span></span>',
    })
    healthy = true
    return Buffer.from(pdf)
  } finally {
    release(page, healthy)
  }
}

/** Closes the shared browser (tests, shutdown). */
export async function closeBookRenderer(): Promise<void> {
  const running = browser
  browser = null
  idle = []
  open = 0
  if (running) await (await running).close().catch(() => undefined)
}
