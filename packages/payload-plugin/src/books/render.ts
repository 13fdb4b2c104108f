import { existsSync } from 'node:fs'

import type { Browser } from 'playwright-core'

/**
 * HTML + print CSS → PDF with headless Chromium (issue 16 item 1): it shapes Vietnamese stacked
 * diacritics correctly, repeats table headers on every page and honours `@page`. One browser per
 * process, started on the first book and kept for the next ones (a start costs about a second);
 * each book gets its own page, so books render side by side. A crashed browser is started again.
 */

let browser: Promise<Browser> | null = null

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
  })
  return started
}

/** Renders one HTML document (with its own `@page` rules) to PDF bytes. */
export async function renderPdf(html: string, footer?: string): Promise<Buffer> {
  browser ??= launch().catch((error: unknown) => {
    browser = null
    throw error
  })
  const context = await (await browser).newContext({ javaScriptEnabled: false })
  try {
    const page = await context.newPage()
    // The document is self-contained (fonts by name from the system, no network).
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
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
    return Buffer.from(pdf)
  } finally {
    await context.close()
  }
}

/** Closes the shared browser (tests, shutdown). */
export async function closeBookRenderer(): Promise<void> {
  const open = browser
  browser = null
  if (open) await (await open).close().catch(() => undefined)
}
