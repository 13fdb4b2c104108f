/**
 * Browser check of the approval workflow in the real admin (Debian chromium via playwright-core):
 * a teacher writes a post, fills in the department after the first save and submits without saving;
 * the team leader (on a phone) returns it; the teacher fixes and resubmits it in one go; the team
 * leader approves, the principal publishes, and the post is then public. `node scripts/e2e/adminWorkflow.ts [baseUrl] [screenshotDir]`; exits non-zero
 * on failure. Needs the main job running (or any CMS seeded with demo accounts).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Page } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const shots = process.argv[3] ?? process.env.E2E_SHOTS_DIR
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null; department?: string }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const account = (role: string) => accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes(role))!


const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
})
// With đ/Đ and a full Vietnamese name, so the site search can be tried without accents (run.ts).
const title = `Đội tuyển học sinh giỏi chúc mừng em Đỗ Trọng Hường ${new Date().toISOString().slice(11, 19)}`

async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true })
}

const pages: [string, Page][] = []
/** Chromium's reports of what the admin's Content-Security-Policy (cms/next.config.mjs) blocked. */
const cspViolations: string[] = []

async function loggedIn(role: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  const page = await context.newPage()
  pages.push([role, page])
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(`${role} ${page.url()}: ${m.text()}`)
  })
  // "Save while under review" asks first (window.confirm): the people in this test agree.
  page.on('dialog', (dialog) => void dialog.accept())
  const who = account(role)
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', who.email)
  await page.fill('input[name="password"]', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}

async function openPost(page: Page, id: string) {
  await page.goto(`${base}/admin/collections/posts/${id}`)
  await page.getByTestId('workflow-actions').waitFor({ timeout: 60_000 })
}

async function clickAction(page: Page, label: string, expectedState: string) {
  await page.getByRole('button', { name: label, exact: true }).click()
  await page.getByTestId('workflow-state').filter({ hasText: expectedState }).waitFor({ timeout: 60_000 })
}

/** Picks an option of a relationship (react-select) field by its label. */
async function choose(page: Page, field: string, option: string) {
  await page.locator(`#field-${field} .rs__control`).click()
  await page.locator('.rs__option', { hasText: option }).first().click()
}

/** The latest draft as the server has it, read through REST as `role`. */
async function latestDraft(role: string, id: string): Promise<Record<string, unknown>> {
  const who = account(role)
  const login = (await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: who.email, password: who.password }) }).then((r) => r.json())) as { token: string }
  return (await fetch(`${base}/api/posts/${id}?draft=true&depth=0`, { headers: { authorization: `JWT ${login.token}` } }).then((r) => r.json())) as Record<string, unknown>
}

async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > until) throw new Error(what)
    await new Promise((r) => setTimeout(r, 250))
  }
}

function expect(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Error(what)
}

let failed = false
try {
  const department = account('teacher').department ?? 'Tổ Chuyên môn 1'
  // 1. Teacher: the department is pre-filled from their account; they save a first draft without it…
  const teacher = await loggedIn('teacher')
  await shot(teacher, '1-teacher-dashboard')
  await teacher.goto(`${base}/admin/collections/posts/create`)
  await teacher.locator('#field-department').getByText(department).first().waitFor({ timeout: 60_000 })
  await teacher.fill('#field-title', title)
  await teacher.fill('#field-summary', 'Bài viết tạo bằng trình duyệt để kiểm tra quy trình duyệt.')
  await teacher.locator('#field-department .clear-indicator').click()
  await teacher.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await teacher.waitForURL(/\/admin\/collections\/posts\/\d+/, { timeout: 60_000 })
  const id = /posts\/(\d+)/.exec(teacher.url())![1]!
  await openPost(teacher, id)
  expect(!(await latestDraft('teacher', id)).department, 'the first save should have no department')
  // …then fill it in and press Gửi duyệt without saving: the form is saved first, then submitted.
  await choose(teacher, 'department', department)
  await teacher.getByTestId('workflow-unsaved-hint').waitFor({ timeout: 10_000 })
  await shot(teacher, '2-teacher-department-unsaved')
  await clickAction(teacher, 'Gửi duyệt', 'Chờ tổ trưởng duyệt')
  await teacher.getByText('Đã chuyển đến').first().waitFor({ timeout: 10_000 })
  await shot(teacher, '3-teacher-submitted')
  expect((await latestDraft('teacher', id)).workflowState === 'submitted', 'the post should be submitted')

  // 2. Team leader, on a phone: sees it in the queue, may edit it, and returns it with a reason.
  const leader = await loggedIn('team-leader', { width: 390, height: 844 })
  await leader.getByTestId('review-queue').getByText(title).waitFor({ timeout: 60_000 })
  await shot(leader, '4-leader-queue')
  await openPost(leader, id)
  await leader.getByRole('button', { name: 'Tổ trưởng duyệt', exact: true }).waitFor({ timeout: 30_000 })
  await eventually(() => leader.locator('#field-title').isEditable(), 'the team leader should be able to edit the post')
  await leader.getByRole('button', { name: 'Trả lại…', exact: true }).click()
  const dialog = leader.getByTestId('return-dialog')
  await dialog.getByRole('textbox').fill('Bổ sung thời gian và địa điểm.')
  const send = dialog.getByRole('button', { name: 'Trả lại', exact: true })
  for (const [what, box] of [['return dialog', await dialog.boundingBox()], ['return button', await send.boundingBox()]] as const) {
    expect(box && box.x >= 0 && box.x + box.width <= 390 && box.width > 0, `the ${what} should fit a 390 px phone: ${JSON.stringify(box)}`)
  }
  await shot(leader, '5-leader-phone-return-dialog')
  await send.click()
  await leader.getByTestId('workflow-state').filter({ hasText: 'Bị trả lại' }).waitFor({ timeout: 60_000 })

  // 3. Teacher: adds the requested line and presses Gửi duyệt in one go; the fixed version goes.
  const fix = 'Thời gian: 7 giờ 30, ngày 15/12; địa điểm: hội trường.'
  await openPost(teacher, id)
  await teacher.getByTestId('workflow-state').filter({ hasText: 'Bị trả lại' }).waitFor({ timeout: 60_000 })
  await teacher.fill('#field-summary', `Bài viết tạo bằng trình duyệt để kiểm tra quy trình duyệt. ${fix}`)
  await clickAction(teacher, 'Gửi duyệt', 'Chờ tổ trưởng duyệt')
  const resubmitted = await latestDraft('team-leader', id)
  expect(String(resubmitted.summary).includes(fix) && resubmitted.workflowState === 'submitted', `the fixed version should reach the team leader: ${JSON.stringify(resubmitted.summary)}`)

  // 4. Team leader approves the fixed version.
  await openPost(leader, id)
  await clickAction(leader, 'Tổ trưởng duyệt', 'Chờ BGH duyệt')

  // 5. Principal: approves and publishes; the page links to the post on the school's website.
  const principal = await loggedIn('principal')
  await principal.getByTestId('review-queue').getByText(title).waitFor({ timeout: 60_000 })
  await openPost(principal, id)
  await clickAction(principal, 'BGH duyệt và đăng', 'Đã đăng')
  const link = principal.getByTestId('workflow-site-link')
  await link.waitFor({ timeout: 30_000 })
  expect(/\/bai-viet\/[^/]+\/$/.test((await link.getAttribute('href')) ?? ''), 'the "Xem trên website" link should point at the post page')
  await shot(principal, '6-principal-published')

  // 6. The public sees it.
  const res = await fetch(`${base}/api/posts?where[id][equals]=${id}&depth=0`)
  const body = (await res.json()) as { docs: { title: string; summary?: string }[] }
  if (body.docs[0]?.title !== title || !String(body.docs[0]?.summary).includes(fix)) throw new Error(`post ${id} is not public (with the fix) after publishing: ${JSON.stringify(body)}`)
  expect(cspViolations.length === 0, `the admin's Content-Security-Policy blocked something:\n${cspViolations.join('\n')}`)
  console.log(`[e2e] admin workflow OK: post ${id} "${title}" went teacher → team leader (returned, fixed, resubmitted) → principal → public`)
} catch (error) {
  failed = true
  console.error('[e2e] admin workflow FAILED:', error)
  for (const [i, [role, page]] of pages.entries()) await shot(page, `failed-${i}-${role}`).catch(() => undefined)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
