/**
 * Browser check of Thời khóa biểu (issue 14 item 1) in the real admin: the demo teacher of THCS Kim
 * Đồng follows the navigation link, sees this week's lessons (their subject, Ngữ văn, in their
 * classes) in the days × periods grid and moves to next week; the homeroom teacher picks their
 * class's week on a 360 px phone and reads it as a list per day, no page wider than 380 px.
 * Screenshots at 1280 px and 360 px.
 * `node scripts/e2e/timetable.ts [baseUrl] [screenshotDir]`; needs a CMS seeded with Kim Đồng's records
 * (cms/src/seed/teachingDay.ts gives them a term I timetable) on a day of the school year after term I opens.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Browser, type Page } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const shots = process.argv[3] ?? process.env.E2E_SHOTS_DIR
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const teacher = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('teacher'))!
const homeroom = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('homeroom-teacher'))!

const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
})

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

async function logIn(page: Page, account: Account) {
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
}

const texts = async (page: Page, testId: string) => (await page.getByTestId(testId).locator('strong').allTextContents()).map((s) => s.trim())

try {
  // The teacher, on a desktop: the navigation link, this week's grid, then next week.
  const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
  const desk = await wide.newPage()
  await logIn(desk, teacher)
  const link = desk.getByTestId('nav-timetable').first()
  await link.waitFor({ state: 'attached', timeout: 60_000 })
  await desk.goto(new URL((await link.getAttribute('href'))!, base).href)
  await desk.getByTestId('timetable').waitFor({ timeout: 60_000 })
  const grid = desk.getByTestId('timetable-grid')
  await grid.getByTestId('timetable-lesson').first().waitFor({ timeout: 60_000 })
  const thisWeek = await desk.getByTestId('timetable-week').getAttribute('data-week')
  const subjects = new Set(await texts(desk, 'timetable-lesson'))
  if (subjects.size !== 1 || !subjects.has('Ngữ văn')) throw new Error(`this week's lessons: ${[...subjects].join(', ')} (expected Ngữ văn only)`)
  const lessonsThisWeek = await grid.getByTestId('timetable-lesson').count()
  if (!(await desk.getByTestId('timetable-week').textContent())?.includes('tuần này')) throw new Error('the week shown first is not this week')
  await shot(desk, 'timetable-teacher-1280')
  await desk.getByTestId('timetable-next').click()
  await desk.locator(`[data-testid="timetable-week"]:not([data-week="${thisWeek}"])`).waitFor({ timeout: 30_000 })
  const nextWeek = await desk.getByTestId('timetable-week').getAttribute('data-week')
  const expected = new Date(Date.parse(`${thisWeek}T00:00:00.000Z`) + 7 * 86_400_000).toISOString().slice(0, 10)
  if (nextWeek !== expected) throw new Error(`next week is ${nextWeek}, expected ${expected}`)
  await grid.getByTestId('timetable-lesson').first().waitFor({ timeout: 30_000 })
  const lessonsNextWeek = await grid.getByTestId('timetable-lesson').count()
  await shot(desk, 'timetable-teacher-next-1280')
  await wide.close()

  // The homeroom teacher, on a phone: their class's week, stacked by day.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true })
  const page = await phone.newPage()
  await logIn(page, homeroom)
  await page.goto(`${base}/admin/timetable`)
  await page.getByTestId('timetable').waitFor({ timeout: 60_000 })
  const option = page.getByTestId('timetable-select').locator('option', { hasText: 'chủ nhiệm' })
  const className = (await option.textContent())?.trim()
  await page.getByTestId('timetable-select').selectOption((await option.getAttribute('value'))!)
  const days = page.getByTestId('timetable-days')
  await days.getByTestId('timetable-day-lesson').filter({ hasText: 'Ngữ văn' }).first().waitFor({ timeout: 60_000 })
  const classSubjects = new Set(await texts(page, 'timetable-day-lesson'))
  if (!classSubjects.has('Toán') || !classSubjects.has('Ngữ văn')) throw new Error(`the class's week: ${[...classSubjects].join(', ')} (expected Toán and Ngữ văn)`)
  if (await page.getByTestId('timetable-grid').isVisible()) throw new Error('the grid shows on a 360 px phone (expected the list per day)')
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > 380) throw new Error(`the timetable screen is ${width} px wide on a 360 px phone`)
  await shot(page, 'timetable-homeroom-360')
  await phone.close()
  console.log(`[timetable] ${teacher.email}: ${lessonsThisWeek} Ngữ văn lessons the week of ${thisWeek}, ${lessonsNextWeek} the next; ${homeroom.email}: ${className} on a 360 px phone (${width} px wide)`)
} finally {
  await browser.close()
}
