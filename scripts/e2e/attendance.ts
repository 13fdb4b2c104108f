/**
 * Browser check of Điểm danh (issue 14 item 5) in the real admin, on a 360 px phone: the homeroom
 * teacher of THCS Kim Đồng follows the navigation link, picks a school day, marks one student absent
 * without permission (with a reason) and one late, saves, is asked before an unsaved change is
 * dropped by picking another day, reloads and finds the saved marks; the summary counts them. Screenshots at 360 px (and 1280 px).
 * `node scripts/e2e/attendance.ts [baseUrl] [screenshotDir]`; needs a CMS seeded with Kim Đồng's records.
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
const homeroom = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('homeroom-teacher'))!

// A school day of the seeded year's first term, whatever day the check runs: early October, not a Sunday.
const now = new Date()
const startYear = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1
const october = new Date(Date.UTC(startYear, 9, 6))
if (october.getUTCDay() === 0) october.setUTCDate(7)
const day = october.toISOString().slice(0, 10)

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
})

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', homeroom.email)
  await page.fill('input[name="password"]', homeroom.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  // The link is in the navigation (behind the menu on a phone): follow it.
  const link = page.getByTestId('nav-attendance').first()
  await link.waitFor({ state: 'attached', timeout: 60_000 })
  await page.goto(new URL((await link.getAttribute('href'))!, base).href)
  await page.getByTestId('attendance-sheet').waitFor({ timeout: 60_000 })
  await page.getByTestId('attendance-date').fill(day)
  // The rows of the chosen day (today's, shown first on a school day, are replaced when it loads).
  const rows = page.locator(`ol[data-date="${day}"] [data-testid^="attendance-row-"]`)
  await rows.first().waitFor({ timeout: 60_000 })
  const count = await rows.count()
  if (count < 10) throw new Error(`only ${count} students on the attendance sheet`)
  const absent = rows.nth(1)
  const late = rows.nth(2)
  const absentName = (await absent.locator('strong').textContent())!.replace(/^\d+\.\s*/, '')
  await absent.locator('[data-status="unexcused"]').tap()
  await absent.getByRole('textbox').fill('Không báo trước')
  await late.locator('[data-status="late"]').tap()
  await shot(page, 'attendance-360')
  await page.getByTestId('attendance-save').tap()
  await page.getByTestId('attendance-status').filter({ hasText: 'Đã lưu điểm danh' }).waitFor({ timeout: 30_000 })
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > 380) throw new Error(`the attendance screen is ${width} px wide on a 360 px phone`)

  // A mark not saved yet is not thrown away without asking: picking another day asks first.
  await late.locator('[data-status="excused"]').tap()
  const nextDay = new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10)
  let asked = ''
  page.once('dialog', (dialog) => {
    asked = dialog.message()
    void dialog.dismiss()
  })
  await page.getByTestId('attendance-date').fill(nextDay)
  if (!asked.includes('chưa được lưu')) throw new Error(`switching day with an unsaved mark asked "${asked}"`)
  if ((await page.getByTestId('attendance-date').inputValue()) !== day) throw new Error('the day changed although the teacher kept the unsaved marks')
  if ((await late.locator('[data-status="excused"]').getAttribute('aria-checked')) !== 'true') throw new Error('the unsaved mark was lost')
  await page.getByTestId('attendance-status').filter({ hasText: 'Chưa lưu' }).waitFor({ timeout: 5_000 })
  await shot(page, 'attendance-unsaved-360')
  // Agreeing discards them and shows the other day.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByTestId('attendance-date').fill(nextDay)
  await page.locator(`ol[data-date="${nextDay}"]`).waitFor({ timeout: 60_000 })

  // Reload: the session comes back as saved.
  await page.reload()
  await page.getByTestId('attendance-date').fill(day)
  await page.getByTestId('attendance-summary').filter({ hasText: 'vắng không phép 1' }).waitFor({ timeout: 60_000 })
  const summary = (await page.getByTestId('attendance-summary').textContent()) ?? ''
  if (!summary.includes('đi muộn 1') || !summary.includes('đã điểm danh lúc')) throw new Error(`summary after reload: "${summary}"`)
  if ((await rows.nth(1).locator('[data-status="unexcused"]').getAttribute('aria-checked')) !== 'true') throw new Error('the absence was not kept')
  if ((await rows.nth(1).getByRole('textbox').inputValue()) !== 'Không báo trước') throw new Error('the reason was not kept')
  await shot(page, 'attendance-saved-360')
  await context.close()

  const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
  const desk = await wide.newPage()
  await desk.goto(`${base}/admin/login`)
  await desk.fill('input[name="email"]', homeroom.email)
  await desk.fill('input[name="password"]', homeroom.password)
  await desk.click('button[type="submit"]')
  await desk.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  await desk.goto(`${base}/admin/attendance`)
  await desk.getByTestId('attendance-date').fill(day)
  await desk.getByTestId('attendance-summary').filter({ hasText: 'vắng không phép 1' }).waitFor({ timeout: 60_000 })
  await shot(desk, 'attendance-1280')
  console.log(`[attendance] ${homeroom.email}: ${day}, ${count} students, ${absentName} absent without permission, one late; kept after a reload`)
} finally {
  await browser.close()
}
