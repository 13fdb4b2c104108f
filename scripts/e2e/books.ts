/**
 * Browser check of the printed books (issue 16 "Done when", so far): the demo homeroom teacher of
 * THCS Kim Đồng opens their class in the admin, follows "In sổ theo dõi, đánh giá (PDF)" and a
 * student's "Học bạ (PDF)", and gets PDFs whose text (pdftotext) has the book's title, the school
 * and the students' names. `node scripts/e2e/books.ts [baseUrl]`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { chromium, type Browser } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const homeroom = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('homeroom-teacher'))!
const out = mkdtempSync(path.join(tmpdir(), 'truongso-books-'))
const textOf = (pdf: Buffer, name: string) => {
  const file = path.join(out, name)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ')
}

let browser: Browser | undefined
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] })
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', homeroom.email)
  await page.fill('input[name="password"]', homeroom.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  const me = ((await (await page.request.get(`${base}/api/users/me`)).json()) as { user: { id: number } }).user.id
  const klass = ((await (await page.request.get(`${base}/api/classes?where[homeroomTeacher][equals]=${me}&depth=0`)).json()) as { docs: { id: number; name: string }[] }).docs[0]!
  await page.goto(`${base}/admin/collections/classes/${klass.id}`)
  const bookLink = page.getByTestId('class-book')
  await bookLink.waitFor({ timeout: 60_000 })
  // The links open the PDF in a new tab; the check fetches the same addresses with the same session.
  const book = await page.request.get(new URL((await bookLink.getAttribute('href'))!, base).href)
  if (book.status() !== 200 || book.headers()['content-type'] !== 'application/pdf') throw new Error(`class book: ${book.status()} ${await book.text()}`)
  const bookText = textOf(await book.body(), 'book.pdf')
  const names = await page.locator('[data-testid="class-roster"] tbody tr td:nth-child(3)').allInnerTexts()
  for (const phrase of ['SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH', 'TRƯỜNG TRUNG HỌC CƠ SỞ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', `${klass.name} – năm học`, ...names]) {
    if (!bookText.includes(phrase)) throw new Error(`the class book lacks "${phrase}"`)
  }
  const transcriptLink = page.getByTestId('student-transcript').first()
  const transcript = await page.request.get(new URL((await transcriptLink.getAttribute('href'))!, base).href)
  if (transcript.status() !== 200) throw new Error(`transcript: ${transcript.status()} ${await transcript.text()}`)
  const transcriptText = textOf(await transcript.body(), 'transcript.pdf')
  if (!transcriptText.includes('HỌC BẠ') || !transcriptText.includes(names[0]!)) throw new Error(`the transcript lacks its title or ${names[0]}`)
  console.log(`[books] ${homeroom.email}: class ${klass.name}'s book (${names.length} students) and ${names[0]}'s học bạ, read back with pdftotext`)
} finally {
  await browser?.close()
}
