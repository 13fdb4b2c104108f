/**
 * Browser check of the approval workflow in the real admin (Debian chromium via playwright-core):
 * a teacher writes and submits a post, the team leader approves, the principal publishes, and the
 * post is then public. `node scripts/e2e/adminWorkflow.ts [baseUrl] [screenshotDir]`; exits non-zero
 * on failure. Needs the main job running (or any CMS seeded with demo accounts).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Page } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const shots = process.argv[3]
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

async function loggedIn(role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
  const page = await context.newPage()
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
  await page.waitForLoadState('load')
  await page.getByTestId('workflow-state').filter({ hasText: expectedState }).waitFor({ timeout: 60_000 })
}

let failed = false
try {
  // 1. Teacher: write, save a draft, submit.
  const teacher = await loggedIn('teacher')
  await shot(teacher, '1-teacher-dashboard')
  await teacher.goto(`${base}/admin/collections/posts/create`)
  await teacher.fill('#field-title', title)
  await teacher.fill('#field-summary', 'Bài viết tạo bằng trình duyệt để kiểm tra quy trình duyệt.')
  await teacher.fill('#field-department', account('teacher').department ?? 'Tổ Chuyên môn 1')
  await teacher.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await teacher.waitForURL(/\/admin\/collections\/posts\/\d+/, { timeout: 60_000 })
  const id = /posts\/(\d+)/.exec(teacher.url())![1]!
  await openPost(teacher, id)
  await shot(teacher, '2-teacher-draft')
  await clickAction(teacher, 'Gửi duyệt', 'Chờ tổ trưởng duyệt')
  await shot(teacher, '3-teacher-submitted')

  // 2. Team leader: sees it in the queue on the dashboard, approves.
  const leader = await loggedIn('team-leader')
  await leader.getByTestId('review-queue').getByText(title).waitFor({ timeout: 60_000 })
  await shot(leader, '4-leader-queue')
  await openPost(leader, id)
  await clickAction(leader, 'Tổ trưởng duyệt', 'Chờ BGH duyệt')

  // 3. Principal: approves and publishes.
  const principal = await loggedIn('principal')
  await principal.getByTestId('review-queue').getByText(title).waitFor({ timeout: 60_000 })
  await openPost(principal, id)
  await clickAction(principal, 'BGH duyệt và đăng', 'Đã đăng')
  await shot(principal, '5-principal-published')

  // 4. The public sees it.
  const res = await fetch(`${base}/api/posts?where[id][equals]=${id}&depth=0`)
  const body = (await res.json()) as { docs: { title: string }[] }
  if (body.docs[0]?.title !== title) throw new Error(`post ${id} is not public after publishing: ${JSON.stringify(body)}`)
  console.log(`[e2e] admin workflow OK: post ${id} "${title}" went teacher → team leader → principal → public`)
} catch (error) {
  failed = true
  console.error('[e2e] admin workflow FAILED:', error)
} finally {
  await browser.close()
}
process.exit(failed ? 1 : 0)
