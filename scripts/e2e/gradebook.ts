/**
 * Browser check of the gradebook grid (issue 13 item 3) in the real admin: the demo teacher of THCS
 * Kim Đồng opens "Sổ điểm" from the navigation, picks Ngữ văn of a class, types a column of marks
 * with the keyboard (Enter moves down), sees an invalid value refused in red, types a whole row so
 * the engine's term average shows, reloads and finds every mark. Screenshots at 1280 px and 360 px.
 * `node scripts/e2e/gradebook.ts [baseUrl] [screenshotDir]`; needs a CMS seeded with Kim Đồng's records.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Page } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const shots = process.argv[3] ?? process.env.E2E_SHOTS_DIR
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const teacher = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('teacher') && !a.roles.includes('team-leader'))!

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
})

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

async function loggedIn(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', teacher.email)
  await page.fill('input[name="password"]', teacher.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

const waitSaved = (page: Page) => page.getByTestId('grid-status').filter({ hasText: 'Đã lưu tất cả' }).waitFor({ timeout: 30_000 })

try {
  const page = await loggedIn({ width: 1280, height: 900 })
  // The link is in the navigation (closed or open depending on the saved preference): follow it.
  const link = page.getByTestId('nav-gradebook').first()
  await link.waitFor({ state: 'attached', timeout: 60_000 })
  await page.goto(new URL((await link.getAttribute('href'))!, base).href)
  await page.getByTestId('gradebook-grid').waitFor({ timeout: 60_000 })
  const picker = page.getByTestId('grid-assignment')
  const options = await picker.locator('option').allTextContents()
  const choice = options.find((o) => o.startsWith('Ngữ văn'))
  if (!choice) throw new Error(`no Ngữ văn class-subject for ${teacher.email}: ${options.join(' | ')}`)
  await picker.selectOption({ label: choice })
  await page.getByTestId('grid-table').waitFor({ timeout: 60_000 })
  const rows = Math.min(5, await page.locator('[data-testid^="grid-row-"]').count())
  if (rows < 3) throw new Error(`only ${rows} students in the grid`)

  // A column of TX1 with the keyboard: type, Enter goes to the next student.
  const column = ['8', '7,5', '9', '6.5', '10'].slice(0, rows)
  await page.getByTestId('cell-0-regular.0').click()
  for (const value of column) {
    await page.keyboard.press('Control+A')
    await page.keyboard.type(value)
    await page.keyboard.press('Enter')
  }
  // An invalid value stays, in red with its reason, and is not saved.
  const bad = page.getByTestId('cell-0-regular.1')
  await bad.click()
  await page.keyboard.type('11')
  const issue = await page.getByTestId('issue-0-regular.1').textContent({ timeout: 10_000 })
  if (!issue?.includes('TX2: điểm phải từ 0 đến 10')) throw new Error(`no reason shown for 11: ${issue}`)
  if ((await bad.getAttribute('aria-invalid')) !== 'true') throw new Error('the invalid cell is not marked aria-invalid')
  await page.keyboard.press('Control+A')
  await page.keyboard.type('7')
  // The rest of row 1 (TX2…, GK, CK) with Tab, so the engine's average appears.
  const headers = await page.locator('thead th').allTextContents()
  const txCount = headers.filter((h) => /^TX\d+$/.test(h)).length
  await page.keyboard.press('Tab')
  for (let i = 2; i < txCount; i++) {
    await page.keyboard.type('8')
    await page.keyboard.press('Tab')
  }
  await page.keyboard.type('6') // GK
  await page.keyboard.press('Tab')
  await page.keyboard.type('9') // CK
  await page.keyboard.press('Tab')
  // Once every save is answered (a locked column, item 5, is refused and shows the lock's reason; the cell keeps its stored value).
  await waitSaved(page)
  const average = (await page.getByTestId('average-0').textContent())?.trim()
  if (!average || !/^\d+\.\d$/.test(average)) throw new Error(`no term average for row 1: "${average}"`)
  await shot(page, 'gradebook-1280')

  await page.reload()
  await page.getByTestId('grid-table').waitFor({ timeout: 60_000 })
  for (let row = 0; row < column.length; row++) {
    const value = await page.getByTestId(`cell-${row}-regular.0`).inputValue()
    if (Number(value) !== Number(column[row]!.replace(',', '.'))) throw new Error(`row ${row + 1} TX1 after reload: "${value}", typed "${column[row]}"`)
  }
  const title = await page.getByTestId('cell-0-regular.0').locator('xpath=..').getAttribute('title')
  if (!title?.includes('Sửa lần cuối')) throw new Error(`no last change on the cell: ${title}`)
  const after = (await page.getByTestId('average-0').textContent())?.trim()
  if (after !== average) throw new Error(`average after reload ${after}, before ${average}`)
  const url = page.url()

  // The phone: the same sheet scrolls sideways with the names fixed.
  const phone = await loggedIn({ width: 360, height: 740 })
  await phone.goto(url)
  await phone.getByTestId('grid-table').waitFor({ timeout: 60_000 })
  const width = await phone.evaluate(() => document.documentElement.scrollWidth)
  if (width > 380) throw new Error(`the page is ${width} px wide on a 360 px phone`)
  await shot(phone, 'gradebook-360')
  console.log(`[gradebook] ${teacher.email}: ${choice}, TX1 ${column.join(' ')}, average ${average}`)
} finally {
  await browser.close()
}
