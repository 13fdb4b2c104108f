/**
 * Browser check of the lesson plans (issue 15 "Tests": the Chromium check) in the real admin, on the
 * demo data of THCS Kim Đồng:
 *   1. the teacher opens Giáo án from the navigation, makes a lesson plan for next week ("Môn +
 *      khối", a PPCT lesson), uploads its PDF and hands it in for checking;
 *   2. the team leader opens the same week, finds it under the teacher, returns it with a note;
 *   3. the teacher sees the note, uploads a new version and hands it in again;
 *   4. the team leader approves it, then the principal approves it: its state reads "Đã duyệt",
 *      and its two versions are kept.
 * A phone-size (360 px) screenshot of the teacher's screen too. `node scripts/e2e/lessonPlans.ts [baseUrl] [screenshotDir]`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Browser, type Locator, type Page } from 'playwright-core'

import { makePlainPdf } from '../../packages/payload-plugin/src/educationRecords/files/plainPdf.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const shots = process.argv[3] ?? process.env.E2E_SHOTS_DIR
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const demo = (role: string) => accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes(role))!
const teacher = demo('teacher')
const leader = demo('team-leader')
const principal = demo('principal')

const vietnamDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))
// Next week: its lesson plans are due before this week's Wednesday, or after it — either way a real week.
const week = addDays(mondayOf(vietnamDay(new Date())), 7)
const lesson = 40 + Math.floor(Math.random() * 50)
const files = mkdtempSync(path.join(tmpdir(), 'truongso-lesson-'))
const pdf = (name: string, text: string) => {
  const file = path.join(files, name)
  writeFileSync(file, makePlainPdf({ text }))
  return file
}

async function logIn(page: Page, account: Account) {
  await page.context().clearCookies()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
}
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}
async function openWeek(page: Page) {
  await page.goto(`${base}/admin/lesson-plans?week=${week}`)
  await page.getByTestId('lesson-plans-board').waitFor({ timeout: 60_000 })
}
const planOf = (page: Page): Locator => page.getByTestId('lesson-plan').filter({ hasText: `tiết ${lesson}` }).first()
async function expectState(plan: Locator, state: string) {
  await plan.getByTestId('lesson-plan-state').filter({ hasText: state }).waitFor({ timeout: 20_000 })
}
async function uploadVersion(plan: Locator, file: string) {
  await plan.locator('input[type="file"]').setInputFiles(file)
  await plan.getByRole('status').filter({ hasText: 'SHA-256' }).waitFor({ timeout: 30_000 })
}

let browser: Browser | undefined
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] })
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()

  // 1. The teacher makes the plan, uploads it and hands it in.
  await logIn(page, teacher)
  // The navigation names the screen (attached: the nav may be folded away at this width).
  const link = page.getByTestId('nav-lesson-plans').first()
  await link.waitFor({ state: 'attached', timeout: 60_000 })
  if (!(await link.getAttribute('href'))?.endsWith('/lesson-plans')) throw new Error('no Giáo án link in the navigation')
  await openWeek(page)
  const form = page.getByTestId('new-lesson-plan')
  await form.getByLabel('Tiết PPCT').fill(String(lesson))
  await form.getByLabel('Tên bài').fill('Ôn tập giữa kỳ')
  await form.getByTestId('new-lesson-plan-create').click()
  await form.getByTestId('new-lesson-plan-status').filter({ hasText: 'Đã tạo giáo án' }).waitFor({ timeout: 20_000 })
  const title = (await form.getByTestId('new-lesson-plan-status').innerText()).match(/“(.+)”/)?.[1] ?? ''
  if (!/^\S.* \d+ – tiết \d+/.test(title)) throw new Error(`the plan is not named "Môn + khối – tiết N": ${title}`)
  let plan = planOf(page)
  await expectState(plan, 'Nháp')
  await uploadVersion(plan, pdf('giao-an-v1.pdf', 'Giao an ban 1'))
  await plan.getByRole('button', { name: 'Gửi kiểm tra' }).click()
  await expectState(plan, 'Chờ tổ trưởng duyệt')
  await shot(page, 'lesson-plans-teacher-submitted')

  // 2. The team leader returns it with a note.
  const note = 'Bổ sung hoạt động khởi động và phiếu học tập.'
  await logIn(page, leader)
  await openWeek(page)
  plan = planOf(page)
  await plan.getByRole('button', { name: 'Trả lại' }).click()
  await plan.getByRole('textbox').fill(note)
  await plan.getByRole('button', { name: 'Trả lại kèm ý kiến' }).click()
  await expectState(plan, 'Bị trả lại')
  await shot(page, 'lesson-plans-leader-returned')

  // 3. The teacher reads the note, uploads a new version, hands it in again (on a phone).
  await page.setViewportSize({ width: 360, height: 740 })
  await logIn(page, teacher)
  await openWeek(page)
  plan = planOf(page)
  await plan.getByTestId('lesson-plan-note').filter({ hasText: note }).waitFor({ timeout: 20_000 })
  await shot(page, 'lesson-plans-teacher-phone')
  const wide = await page.evaluate(() => document.documentElement.scrollWidth)
  if (wide > 380) throw new Error(`the lesson plans screen is ${wide} px wide on a 360 px phone`)
  await uploadVersion(plan, pdf('giao-an-v2.pdf', 'Giao an ban 2 da bo sung'))
  await plan.getByRole('button', { name: 'Gửi kiểm tra' }).click()
  await expectState(plan, 'Chờ tổ trưởng duyệt')
  await page.setViewportSize({ width: 1280, height: 900 })

  // 4. The team leader approves, then the principal.
  await logIn(page, leader)
  await openWeek(page)
  plan = planOf(page)
  await plan.getByRole('button', { name: 'Duyệt', exact: true }).click()
  await expectState(plan, 'Chờ BGH duyệt')
  await logIn(page, principal)
  await openWeek(page)
  plan = planOf(page)
  await plan.getByRole('button', { name: 'Duyệt', exact: true }).click()
  await expectState(plan, 'Đã duyệt')
  if (!(await plan.innerText()).includes('2 phiên bản')) throw new Error(`the approved plan does not list two versions: ${await plan.innerText()}`)
  await shot(page, 'lesson-plans-board-approved')
  console.log(`[lesson-plans] ${teacher.email}: "${title}" for the week of ${week}, returned by ${leader.email} ("${note}"), a second version, approved by the team leader and ${principal.email}`)
} finally {
  await browser?.close()
}
