/**
 * Browser check of the teaching day (issue 14 "Done when") in the real admin, on the demo data of
 * THCS Kim Đồng:
 *   1. the teacher, on a 360 px phone, opens Kế hoạch dạy học tuần, makes this week's plan from the
 *      timetable if it is not there yet, and reads its rows;
 *   2. opens Sổ đầu bài from the navigation, picks their own period of the day, sees the subject and
 *      the PPCT lesson filled in, ticks an absent student from the class list, writes a comment and a
 *      rating, signs, reloads and finds the period signed with that student;
 *   3. the homeroom teacher (1280 px) closes the last finished week that is still open, after ticking
 *      that they have seen its unsigned periods; the week then reads "Đã khóa sổ";
 *   4. the principal sees the late plan of the seeded week on Kế hoạch dạy học tuần and adds a check
 *      note to the day's class log.
 * Screenshots at 360 and 1280 px. `node scripts/e2e/classLog.ts [baseUrl] [screenshotDir]`.
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
const demo = (role: string) => accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes(role))!
const teacher = demo('teacher')
const homeroom = demo('homeroom-teacher')
const principal = demo('principal')

// Calendar days in Vietnam (UTC+7), as the server counts them.
const vietnamDay = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10)
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7))

async function apiLogin(account: Account): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: account.password }) })
  return ((await res.json()) as { token: string }).token
}
const api = async (token: string, p: string) => {
  const res = await fetch(`${base}/api${p}`, { headers: { authorization: `JWT ${token}` } })
  if (!res.ok) throw new Error(`GET ${p}: ${res.status} ${await res.text()}`)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON of the API in a browser check
  return res.json() as Promise<Record<string, any>>
}

async function logIn(page: Page, account: Account) {
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
}
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}
async function narrow(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > 380) throw new Error(`${what} is ${width} px wide on a 360 px phone`)
}

// The teacher's day: today when they teach today, else the latest earlier school day they teach in
// a week nobody has closed (the check must not depend on the weekday CI runs on).
const teacherToken = await apiLogin(teacher)
let day: string | null = null
for (let back = 0; back < 120 && !day; back++) {
  const candidate = addDays(vietnamDay(new Date()), -back)
  const week = await api(teacherToken, `/timetables/week?date=${candidate}&teacher=me`)
  if ((week.slots as { date: string }[]).some((s) => s.date === candidate)) day = candidate
}
if (!day) throw new Error(`${teacher.email} has no lesson in the last 120 days`)
const monday = mondayOf(day)

const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
})
try {
  // 1. The week's plan, on a phone.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', isMobile: true, hasTouch: true })
  const page = await phone.newPage()
  await logIn(page, teacher)
  await page.goto(`${base}/admin/teaching-plans?week=${monday}`)
  await page.getByTestId('my-week-plan').waitFor({ timeout: 60_000 })
  const generate = page.getByTestId('my-week-plan-generate')
  if ((await page.getByTestId('my-week-plan-rows').count()) === 0) {
    await generate.tap()
    await page.getByTestId('my-week-plan-status').filter({ hasText: 'Đã lập kế hoạch' }).waitFor({ timeout: 30_000 })
  }
  await page.getByTestId('my-week-plan-rows').waitFor({ timeout: 30_000 })
  const planRows = await page.locator('[data-testid="my-week-plan-rows"] > li').count()
  if (planRows === 0) throw new Error('the week’s plan has no rows')
  await narrow(page, 'Kế hoạch dạy học tuần')
  await shot(page, 'plans-mine-360')

  // 2. The class log: the navigation link, the teacher's own period of the day, sign it.
  await page.goto(`${base}/admin`)
  const link = page.getByTestId('nav-class-log').first()
  await link.waitFor({ state: 'attached', timeout: 60_000 })
  await page.goto(new URL((await link.getAttribute('href'))!, base).href)
  await page.getByTestId('class-log').waitFor({ timeout: 60_000 })
  await page.getByTestId('class-log-date').fill(day)
  const mine = page.locator('[data-testid="class-log-mine"] button')
  await mine.first().waitFor({ timeout: 60_000 })
  await mine.first().tap()
  const card = page.locator('article[data-testid^="class-log-period-"]').filter({ has: page.getByTestId('class-log-sign') }).first()
  await card.waitFor({ timeout: 60_000 })
  const cardId = (await card.getAttribute('data-testid'))!
  const lesson = (await card.getByTestId('class-log-lesson').textContent()) ?? ''
  if (!lesson.includes('Tiết PPCT')) throw new Error(`the period is not filled from the plan: "${lesson}"`)
  await card.getByTestId('class-log-pick-absent').tap()
  const student = card.locator('[data-testid="class-log-students"] label').nth(1)
  const absentName = ((await student.textContent()) ?? '').replace(/^\d+\.\s*/, '').replace(/\(.*\)$/, '').trim()
  const box = student.locator('input[type="checkbox"]')
  if (!(await box.isChecked())) await box.tap()
  await card.getByTestId('class-log-comment').fill('Lớp chú ý, làm bài tốt')
  await card.getByTestId('class-log-rating').selectOption('tot')
  await shot(page, 'class-log-sign-360')
  await card.getByTestId('class-log-sign').tap()
  await card.getByTestId('class-log-sign-status').filter({ hasText: 'Đã ký tiết' }).waitFor({ timeout: 30_000 })
  await narrow(page, 'Sổ đầu bài')
  await page.reload()
  await page.getByTestId('class-log-date').fill(day)
  await page.getByTestId('class-log').locator('[data-testid="class-log-mine"] button').first().tap()
  const again = page.getByTestId(cardId)
  await again.filter({ hasText: 'Đã ký lúc' }).waitFor({ timeout: 60_000 })
  if ((await again.getAttribute('data-signed')) !== 'yes') throw new Error('the period is not signed after a reload')
  if ((await again.getByTestId('class-log-comment').inputValue()) !== 'Lớp chú ý, làm bài tốt') throw new Error('the comment was not kept')
  if (!((await again.textContent()) ?? '').includes(absentName)) throw new Error(`the absent student ${absentName} was not kept`)
  await shot(page, 'class-log-signed-360')
  await phone.close()

  // 3. The homeroom teacher closes the last finished week still open.
  const homeroomToken = await apiLogin(homeroom)
  const me = (await api(homeroomToken, '/users/me')).user as { id: number }
  const klass = ((await api(homeroomToken, `/classes?where[homeroomTeacher][equals]=${me.id}&depth=0&sort=-schoolYear&limit=1`)).docs as { id: number; name: string }[])[0]
  if (!klass) throw new Error('the homeroom teacher has no class')
  const today = vietnamDay(new Date())
  let closeWeek: string | null = null
  for (let k = 0; k < 8 && !closeWeek; k++) {
    const candidate = addDays(mondayOf(today), -7 * k)
    if (addDays(candidate, 5) > today) continue
    const week = await api(homeroomToken, `/class-logs/week?class=${klass.id}&date=${candidate}`)
    if (!week.closing.closed && (week.days as { periods: number }[]).some((d) => d.periods > 0)) closeWeek = candidate
  }
  if (!closeWeek) throw new Error(`no finished open week of class ${klass.name}`)
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
  const wide = await desk.newPage()
  await logIn(wide, homeroom)
  await wide.goto(`${base}/admin/class-log`)
  await wide.getByTestId('class-log-class').selectOption(String(klass.id))
  await wide.getByTestId('class-log-date').fill(addDays(closeWeek, 5))
  await wide.getByTestId('class-log-week').waitFor({ timeout: 60_000 })
  await wide.getByTestId('class-log-weekly-comment').fill('Tuần học nghiêm túc; nhắc các bạn vắng chép bài.')
  const accept = wide.getByTestId('class-log-accept-unsigned')
  if ((await accept.count()) > 0) await accept.check()
  await shot(wide, 'class-log-week-1280')
  await wide.getByTestId('class-log-close-week').click()
  await wide.getByTestId('class-log-week-closed').waitFor({ timeout: 30_000 })
  await wide.getByTestId('class-log-locked').waitFor({ timeout: 30_000 })
  await shot(wide, 'class-log-week-closed-1280')
  await desk.close()

  // 4. The principal: who is late with the plan, and a check note on the teacher's day.
  const board = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' })
  const bp = await board.newPage()
  await logIn(bp, principal)
  let lateWeek: string | null = null
  for (let k = 0; k < 8 && !lateWeek; k++) {
    const candidate = addDays(mondayOf(today), -7 * k)
    await bp.goto(`${base}/admin/teaching-plans?week=${candidate}`)
    await bp.getByTestId('teaching-plans-view').waitFor({ timeout: 60_000 })
    if ((await bp.locator('tr[data-late="true"]').count()) > 0) lateWeek = candidate
  }
  if (!lateWeek) throw new Error('the board sees no late plan in the last 8 weeks')
  await shot(bp, 'plans-board-late-1280')
  const teacherClass = ((await api(teacherToken, `/timetables/week?date=${day}&teacher=me`)).slots as { date: string; class: { id: number } }[]).find((s) => s.date === day)!.class.id
  await bp.goto(`${base}/admin/class-log`)
  await bp.getByTestId('class-log-class').selectOption(String(teacherClass))
  await bp.getByTestId('class-log-date').fill(day)
  await bp.getByTestId('class-log-note').fill('Đã kiểm tra: ghi đầy đủ, đúng PPCT.')
  await bp.getByRole('button', { name: 'Ghi nhận xét kiểm tra' }).click()
  await bp.getByTestId('class-log-notes').filter({ hasText: 'Đã kiểm tra: ghi đầy đủ' }).locator('li').first().waitFor({ timeout: 30_000 })
  await shot(bp, 'class-log-board-1280')
  await board.close()
  console.log(`[class-log] ${teacher.email} signed ${cardId} on ${day} with ${absentName} absent (plan of ${planRows} rows); ${homeroom.email} closed class ${klass.name}'s week of ${closeWeek}; the board saw a late plan in the week of ${lateWeek} and added a check note`)
} finally {
  await browser.close()
}
