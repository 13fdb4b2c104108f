/**
 * Browser check of a school's website as a parent uses it (issue 18), on a 360 px phone:
 *   - the first screen shows the school's full name, the menu on one line and the first announcement;
 *     the menu opens without JavaScript logic of ours (details/summary) and leads to the photo albums;
 *     an album's photo opens in the viewer (a dialog: its buttons and the arrow keys move, Escape
 *     closes it), and without JavaScript every photo is a page with previous / next links;
 *   - the favicon exists; search for "doi" shows accented excerpts with the words marked;
 *   - the feedback form sends in place with JavaScript, and without it lands on the thank-you page
 *     (a refused message gets a Vietnamese page); the principal then finds both messages in the admin.
 * Screenshots go to a temporary folder. `node scripts/e2e/schoolSite.ts <cmsUrl> <siteUrl>`.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Browser, type Page } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const [cms = 'http://localhost:3000', siteUrl = 'http://tieuhocledo.localhost:4321'] = process.argv.slice(2)
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const slug = new URL(siteUrl).hostname.split('.')[0]!
const principal = accounts.find((a) => a.school === slug && a.roles.includes('principal'))!
const out = mkdtempSync(path.join(tmpdir(), 'truongso-site-'))
const site = (p: string) => new URL(p, siteUrl).href
const fail = (message: string): never => {
  throw new Error(message)
}

let browser: Browser | undefined
// The step under way and the page it acts on, so a timeout says where it happened.
let stage = 'launch'
let current: Page | undefined
const at = (name: string, on?: Page) => {
  stage = name
  if (on) current = on
}
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] })
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const page = await phone.newPage()

  // The first screen: full name, one-line menu, the first announcement.
  at('home page on a phone', page)
  await page.goto(site('/'))
  const name = await page.locator('header.site .names strong').innerText()
  if (!/^TRƯỜNG /.test(name)) fail(`the header shows "${name}", not the full name in capitals`)
  const bar = await page.locator('nav.phone .bar').boundingBox()
  if (!bar || bar.height > 56) fail(`the phone menu bar is ${bar?.height}px high: more than one line`)
  const first = await page.locator('.announcements li').first().boundingBox()
  if (!first || first.y + first.height > 740) fail(`the first announcement ends at ${first && first.y + first.height}px, below the first screen`)
  await page.screenshot({ path: path.join(out, 'home-360.png') })
  // (Node's fetch does not resolve *.localhost; a browser tab does.)
  for (const icon of ['/favicon.ico', '/favicon.svg', '/apple-touch-icon.png', '/manifest.webmanifest']) {
    const type = await page.evaluate(async (url) => (await fetch(url)).headers.get('content-type'), site(icon))
    if (!type || !/^(image|application\/manifest)/.test(type)) fail(`${icon} is served as ${type}`)
  }
  // The build's own state file sits in the site's folder but is not served.
  const hidden = await page.evaluate(async (url) => (await fetch(url)).status, site('/.build-state.json'))
  if (hidden !== 404) fail(`/.build-state.json answered ${hidden}, not 404`)

  // The menu opens under its button and leads to the albums.
  at('the phone menu → Thư viện ảnh')
  await page.locator('nav.phone summary').click()
  const gallery = page.locator('nav.phone details ul a', { hasText: 'Thư viện ảnh' })
  if (!(await gallery.isVisible())) fail('the opened menu does not show "Thư viện ảnh"')
  await page.screenshot({ path: path.join(out, 'menu-360.png') })
  await gallery.click()
  await page.waitForURL(/\/thu-vien-anh\/$/)
  at('album index → the first album')
  await page.locator('ul.gallery a').first().click()
  await page.waitForURL(/\/thu-vien-anh\/[^/]+\/$/)
  at('album → its first photo, in the viewer (JavaScript)')
  const album = page.url()
  await page.locator('ul.gallery a').first().click()
  const viewer = page.locator('dialog.viewer')
  await viewer.waitFor({ state: 'visible', timeout: 10_000 })
  const count = await page.locator('ul.gallery a').count()
  if ((await viewer.locator('.viewer-nav span').innerText()) !== `Ảnh 1/${count}`) fail(`the viewer opened on "${await viewer.locator('.viewer-nav span').innerText()}", not the first of ${count}`)
  await viewer.getByRole('button', { name: 'Ảnh sau ›' }).click()
  await page.keyboard.press('ArrowRight')
  if ((await viewer.locator('.viewer-nav span').innerText()) !== `Ảnh 3/${count}`) fail('the button and the arrow key did not move the viewer two photos on')
  await page.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('dialog.viewer img')
    return !!img && img.complete && img.naturalWidth > 0
  })
  await page.screenshot({ path: path.join(out, 'viewer-360.png') })
  await page.keyboard.press('Escape')
  await viewer.waitFor({ state: 'hidden', timeout: 5_000 })
  if (page.url() !== album) fail(`the viewer left the album page for ${page.url()}`)

  // Search without accents, excerpts with them.
  at('search "doi"')
  await page.goto(site('/tim-kiem/?q=doi'))
  const mark = page.locator('.pagefind-ui__result-excerpt mark').first()
  await mark.waitFor({ timeout: 30_000 })
  // "doi" finds Đội, đội, đời…: what is marked is the word as written, with its marks.
  if (!/^[Đđ][ộờổ]i/.test(await mark.innerText())) fail(`the excerpt marks "${await mark.innerText()}", not the accented word`)
  const excerpt = await page.locator('.pagefind-ui__result-excerpt').first().innerText()
  if (/\bDoi\b|\bdoi\b/.test(excerpt)) fail(`the excerpt shows the folded text: ${excerpt}`)
  // The result count is repeated in the page's status line, which screen readers announce.
  const status = page.locator('#tim-kiem-trang-thai[role="status"]')
  const counted = await page.waitForFunction(() => /\d+ kết quả cho/.test(document.getElementById('tim-kiem-trang-thai')?.textContent ?? ''), null, { timeout: 10_000 }).then(() => true, () => false)
  if (!counted) fail(`the status line says "${await status.textContent()}", not the result count`)
  await page.screenshot({ path: path.join(out, 'search-360.png') })

  // Feedback, with JavaScript: sent in place.
  at('feedback with JavaScript')
  const stamp = Date.now().toString(36)
  await page.goto(site('/gop-y/'))
  await page.fill('#gy-name', 'Phụ huynh lớp 3/2')
  await page.fill('#gy-contact', 'phuhuynh@example.org')
  await page.fill('#gy-subject', `Giờ đón học sinh ${stamp}`)
  await page.fill('#gy-message', 'Xin nhà trường cho biết giờ đón học sinh buổi chiều trong tuần tới.')
  await page.getByRole('button', { name: 'Gửi góp ý' }).click()
  await page.locator('#gy-status.notice', { hasText: 'Cảm ơn' }).waitFor({ timeout: 15_000 })
  if (!page.url().endsWith('/gop-y/')) fail(`the page left the form: ${page.url()}`)
  await page.screenshot({ path: path.join(out, 'feedback-js-360.png') })

  // Without JavaScript: a refused message gets a page saying why; a good one lands on the thank-you page.
  const plain = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false })
  const noJs = await plain.newPage()
  // Without JavaScript every photo is a page of its own, with previous / next links.
  at('without JavaScript: album → photo 1 → "Ảnh sau ›"', noJs)
  await noJs.goto(album)
  await noJs.locator('ul.gallery a').first().click()
  await noJs.waitForURL(/\/1\/$/)
  await noJs.getByRole('link', { name: 'Ảnh sau ›' }).click()
  await noJs.waitForURL(/\/2\/$/)
  if (!(await noJs.locator('figure.photo img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))) fail('the photo did not load')
  await noJs.screenshot({ path: path.join(out, 'photo-nojs-360.png') })
  at('feedback without JavaScript: a refused message')
  await noJs.goto(site('/gop-y/'))
  await noJs.fill('#gy-message', 'Ngắn')
  // The browser's own check (minlength) is bypassed, as an old phone's browser would.
  await noJs.locator('#gop-y').evaluate((form: HTMLFormElement) => form.setAttribute('novalidate', ''))
  await noJs.getByRole('button', { name: 'Gửi góp ý' }).click()
  await noJs.waitForLoadState()
  const refused = await noJs.locator('body').innerText()
  if (!refused.includes('quá ngắn')) fail(`a too short message got: ${refused.slice(0, 200)}`)
  at('feedback without JavaScript: a good message → the thank-you page')
  await noJs.goto(site('/gop-y/'))
  await noJs.fill('#gy-subject', `Sân chơi ${stamp}`)
  await noJs.fill('#gy-message', 'Đề nghị nhà trường sửa lại cầu trượt ở sân chơi của khối lớp 1.')
  await noJs.getByRole('button', { name: 'Gửi góp ý' }).click()
  await noJs.waitForURL(/\/gop-y\/cam-on\/$/)
  await noJs.screenshot({ path: path.join(out, 'feedback-nojs-360.png') })

  // The principal finds both in the admin's moderation queue; they are not on the site.
  const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  at('the principal reads the moderation queue', admin)
  await admin.goto(`${cms}/admin/login`)
  await admin.fill('input[name="email"]', principal.email)
  await admin.fill('input[name="password"]', principal.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  await admin.goto(`${cms}/admin/collections/feedback`)
  for (const subject of [`Giờ đón học sinh ${stamp}`, `Sân chơi ${stamp}`]) await admin.getByText(subject).first().waitFor({ timeout: 30_000 })
  await admin.screenshot({ path: path.join(out, 'feedback-admin-1280.png'), fullPage: true })
  await page.goto(site('/'))
  if ((await page.content()).includes(stamp)) fail('a feedback message reached the public site')
  console.log(`school site: phone first screen, menu, album, search excerpts, feedback with and without JavaScript, moderation queue (screenshots in ${out})`)
} catch (error) {
  const shown = await current?.locator('body').innerText({ timeout: 2_000 }).catch(() => '')
  console.error(`school site: failed at "${stage}" on ${current?.url() ?? '(no page)'}; the page shows: ${(shown ?? '').replace(/\s+/g, ' ').slice(0, 300)}`)
  await current?.screenshot({ path: path.join(out, 'failed.png') }).catch(() => undefined)
  throw error
} finally {
  await browser?.close()
}
