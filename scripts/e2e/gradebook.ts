/**
 * Browser check of the gradebook grid (issue 13 item 3) in the real admin: the demo teacher of THCS
 * Kim Đồng opens "Sổ điểm" from the navigation, picks Ngữ văn of a class, types a column of marks
 * with the keyboard (Enter moves down), sees an invalid value refused in red, types a whole row so
 * the engine's term average shows, reloads and finds every mark. Part two (items 5, 6, 8): the school
 * admin locks term I's regular column by clicking in mark-locks; the teacher reloads, finds the cell
 * locked and asks for a correction through the grid's form; the principal sees the count on the
 * dashboard, approves the request in the corrections queue, and the teacher's grid shows the new
 * value; the principal opens the class's results and tries to approve the year (refused: marks
 * missing). Screenshots at 1280 px and 360 px of every screen.
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
const schoolAdmin = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('school-admin'))!
const principal = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('principal'))!

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
})

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

async function loggedIn(viewport: { width: number; height: number }, who: Account = teacher): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' })
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', who.email)
  await page.fill('input[name="password"]', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

/** The page fits a 360 px phone: anything wider scrolls inside its own box, never the page. */
async function fitsPhone(page: Page, what: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  if (width > 380) throw new Error(`${what} is ${width} px wide on a 360 px phone`)
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
  await fitsPhone(phone, 'the grid')
  await shot(phone, 'gradebook-360')
  console.log(`[gradebook] ${teacher.email}: ${choice}, TX1 ${column.join(' ')}, average ${average}`)

  // Part two. The school admin locks term I's regular column (ĐĐGtx) by hand, in mark-locks.
  const term = (await page.getByTestId('grid-term').inputValue()) === 'hk2' ? 'HK II' : 'HK I'
  const admin = await loggedIn({ width: 1280, height: 900 }, schoolAdmin)
  await admin.goto(`${base}/admin/collections/mark-locks?limit=50`)
  await admin.getByRole('link', { name: new RegExp(`^Cột ĐĐGtx – ${term} – `) }).first().click()
  const locked = admin.locator('input#field-locked')
  await locked.waitFor({ timeout: 60_000 })
  if (!(await locked.isChecked())) await locked.check({ force: true })
  await admin.locator('#action-save').click()
  await admin.getByText(/thành công|successfully/i).first().waitFor({ timeout: 30_000 })
  await admin.context().close()

  // The teacher reloads: TX1 is locked; clicking it offers the correction request.
  await page.reload()
  await page.getByTestId('grid-table').waitFor({ timeout: 60_000 })
  const cell = page.getByTestId('cell-0-regular.0')
  await page.locator('[data-testid="cell-0-regular.0"][data-locked="true"]').waitFor({ timeout: 30_000 })
  if ((await cell.getAttribute('readonly')) === null) throw new Error('the locked TX1 cell is still editable')
  const headerWidth = await page.locator('thead th').nth(1).evaluate((e) => e.getBoundingClientRect().width)
  await cell.click()
  await page.getByTestId('locked-note').waitFor({ timeout: 10_000 })
  const widthAfter = await page.locator('thead th').nth(1).evaluate((e) => e.getBoundingClientRect().width)
  if (Math.abs(widthAfter - headerWidth) > 1) throw new Error(`the lock note widened TX1 from ${headerWidth} to ${widthAfter} px`)
  await page.getByTestId('ask-correction').click()
  await page.getByTestId('correction-value').fill('9.5')
  await page.getByTestId('correction-reason').fill('Nhập nhầm điểm bài kiểm tra thường xuyên lần 1.')
  await shot(page, 'gradebook-correction-form-1280')
  await page.getByTestId('correction-submit').click()
  await page.getByTestId('grid-notice').waitFor({ timeout: 30_000 })
  await page.getByTestId('pending-0-regular.0').waitFor({ timeout: 30_000 })
  const phoneForm = await loggedIn({ width: 360, height: 740 })
  await phoneForm.goto(url)
  await phoneForm.locator('[data-testid="cell-0-regular.0"][data-locked="true"]').waitFor({ timeout: 60_000 })
  await phoneForm.getByTestId('cell-0-regular.0').click()
  await phoneForm.getByTestId('locked-note').waitFor({ timeout: 30_000 })
  await fitsPhone(phoneForm, 'the grid with a lock note')
  await shot(phoneForm, 'gradebook-locked-360')
  await phoneForm.context().close()

  // The principal: the dashboard counts the pending requests; the queue approves this one.
  const board = await loggedIn({ width: 1280, height: 900 }, principal)
  await board.getByTestId('corrections-to-decide').waitFor({ timeout: 60_000 })
  await shot(board, 'dashboard-corrections-1280')
  await board.getByTestId('open-corrections').click()
  await board.getByTestId('corrections-pending').waitFor({ timeout: 60_000 })
  const request = board.locator('article[data-testid^="correction-"]', { hasText: 'TX1' }).filter({ hasText: '9.5' }).first()
  await request.waitFor({ timeout: 30_000 })
  await shot(board, 'corrections-1280')
  await request.getByTestId('approve').click()
  await board.getByTestId('corrections-notice').waitFor({ timeout: 30_000 })
  if (await request.isVisible()) throw new Error('the approved request is still in the pending list')
  const phoneQueue = await loggedIn({ width: 360, height: 740 }, principal)
  await phoneQueue.goto(`${base}/admin/gradebook/corrections`)
  await phoneQueue.getByTestId('corrections-mine').waitFor({ timeout: 60_000 })
  await fitsPhone(phoneQueue, 'the corrections queue')
  await shot(phoneQueue, 'corrections-360')

  // The teacher's grid shows the approved value.
  await page.reload()
  await page.getByTestId('grid-table').waitFor({ timeout: 60_000 })
  const corrected = await page.getByTestId('cell-0-regular.0').inputValue()
  if (Number(corrected) !== 9.5) throw new Error(`TX1 of row 1 after the approval: "${corrected}", approved 9.5`)
  const teacherQueue = await loggedIn({ width: 1280, height: 900 })
  await teacherQueue.goto(`${base}/admin/gradebook/corrections`)
  await teacherQueue.getByTestId('corrections-mine').locator('[data-testid="correction-state"]', { hasText: 'Đã duyệt' }).first().waitFor({ timeout: 60_000 })
  await shot(teacherQueue, 'corrections-teacher-1280')
  await teacherQueue.context().close()

  // The principal reads the class's results: term I, then the year (its approval refused: marks are missing).
  const className = choice.split(' – ').at(-1)!.trim()
  await board.goto(`${base}/admin/gradebook/results`)
  const classPicker = board.getByTestId('results-class')
  await classPicker.waitFor({ timeout: 60_000 })
  const classOption = (await classPicker.locator('option').allTextContents()).find((o) => o.startsWith(`${className} ·`))
  if (!classOption) throw new Error(`class ${className} is not offered in the results view`)
  await classPicker.selectOption({ label: classOption })
  await board.getByTestId('results-table').waitFor({ timeout: 60_000 })
  const resultRows = await board.locator('[data-testid^="results-row-"]').count()
  if (resultRows < rows) throw new Error(`results of ${className}: ${resultRows} students`)
  await shot(board, 'results-1280')
  await board.getByTestId('results-period').selectOption('year')
  await board.getByTestId('results-approval').waitFor({ timeout: 60_000 })
  await board.getByTestId('approve-results').click()
  const refusal = await board.getByTestId('approve-issue').textContent({ timeout: 30_000 })
  if (!refusal?.includes('Chưa duyệt được')) throw new Error(`approving an incomplete year: "${refusal}"`)
  await shot(board, 'results-year-1280')
  await phoneQueue.goto(board.url())
  await phoneQueue.getByTestId('results-table').waitFor({ timeout: 60_000 })
  await fitsPhone(phoneQueue, 'the results view')
  await shot(phoneQueue, 'results-360')
  console.log(`[gradebook] locked by ${schoolAdmin.email}; correction TX1 → 9.5 approved by ${principal.email}; results of ${className}: ${resultRows} students; year approval refused`)
} finally {
  await browser.close()
}
