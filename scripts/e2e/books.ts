/**
 * Browser check of the printed books (issue 16 "Done when"): the demo homeroom teacher of THCS Kim
 * Đồng opens their class in the admin, follows "In sổ theo dõi, đánh giá (PDF)" and a student's
 * "Học bạ (PDF)", and gets PDFs whose text (pdftotext) has the book's title, the school and the
 * students' names. The demo teacher prints their own book from *In sổ và lưu trữ*. The principal
 * builds the year-end archive there, watches its progress, downloads the zip (its SHA-256 is the one
 * shown), and checks a file of it with "Kiểm tra tệp": unchanged → Khớp, one byte changed →
 * Không khớp. Screenshots at 1280 and 360 px go to the printed folder.
 * `node scripts/e2e/books.ts [baseUrl]`.
 */
import { createHash } from 'node:crypto'

import { unzipSync } from 'fflate'
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

const teacher = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('teacher'))!
const principal = accounts.find((a) => a.school === 'thcskimdong' && a.roles.includes('principal'))!

let browser: Browser | undefined
async function login(account: Account) {
  const page = await (await browser!.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', account.email)
  await page.fill('input[name="password"]', account.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  return page
}
try {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] })
  const page = await login(homeroom)
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
  await page.context().close()

  // The teacher's own book, from In sổ và lưu trữ.
  const teacherPage = await login(teacher)
  await teacherPage.goto(`${base}/admin/books`)
  const mine = teacherPage.getByTestId('my-gradebook-book')
  await mine.waitFor({ timeout: 60_000 })
  const own = await teacherPage.request.get(new URL((await mine.getAttribute('href'))!, base).href)
  if (own.status() !== 200) throw new Error(`teacher's book: ${own.status()} ${await own.text()}`)
  const ownText = textOf(await own.body(), 'teacher-book.pdf').replace(/\s+/g, ' ')
  if (!ownText.includes('SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH CỦA GIÁO VIÊN') || !ownText.includes('MÔN HỌC:')) throw new Error('the teacher’s book lacks its title or a subject')
  if (await teacherPage.getByTestId('build-archive').count()) throw new Error('a plain teacher sees the archive button')
  await teacherPage.context().close()
  console.log(`[books] ${teacher.email}: their own book from In sổ và lưu trữ`)

  // The principal builds the year-end archive and checks a file of it.
  const board = await login(principal)
  await board.goto(`${base}/admin/books`)
  await board.getByTestId('build-archive').click()
  await board.locator('[data-testid="archive-row"][data-state="running"], [data-testid="archive-row"][data-state="done"]').first().waitFor({ timeout: 120_000 })
  await board.screenshot({ path: path.join(out, 'archive-progress-1280.png'), fullPage: true })
  await board.locator('[data-testid="archive-row"][data-state="done"]').first().waitFor({ timeout: 600_000 })
  const download = board.getByTestId('archive-download').first()
  const zipResponse = await board.request.get(new URL((await download.getAttribute('href'))!, base).href)
  if (zipResponse.status() !== 200) throw new Error(`archive download: ${zipResponse.status()}`)
  const zip = await zipResponse.body()
  const shown = (await board.locator('[data-testid="archive-row"][data-state="done"]').first().innerText()).match(/SHA-256: ([0-9a-f]{64})/)?.[1]
  if (shown !== createHash('sha256').update(zip).digest('hex')) throw new Error('the zip’s SHA-256 is not the one shown')
  const files = unzipSync(new Uint8Array(zip))
  const manifest = JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as { files: { path: string; kind: string }[] }
  const transcriptPath = manifest.files.find((f) => f.kind === 'transcript')!.path
  const check = async (data: Buffer, expected: boolean) => {
    await board.getByTestId('verify-input').setInputFiles({ name: path.basename(transcriptPath), mimeType: 'application/pdf', buffer: data })
    const result = board.locator(`[data-testid="verify-result"][data-match="${expected}"]`)
    await result.waitFor({ timeout: 60_000 })
    return result.innerText()
  }
  const original = Buffer.from(files[transcriptPath]!)
  const ok = await check(original, true)
  const changed = Buffer.from(original)
  changed[changed.length >> 1] = changed[changed.length >> 1]! ^ 1
  const no = await check(changed, false)
  if (!ok.includes('Khớp') || !no.includes('Không khớp')) throw new Error(`Kiểm tra tệp: "${ok}" / "${no}"`)
  await board.screenshot({ path: path.join(out, 'archive-1280.png'), fullPage: true })
  await board.setViewportSize({ width: 360, height: 780 })
  await board.screenshot({ path: path.join(out, 'archive-360.png'), fullPage: true })
  console.log(`[books] ${principal.email}: the year-end archive (${manifest.files.length} files) downloaded, its hash as shown; Kiểm tra tệp: match, then no match for a changed byte; screenshots in ${out}`)
} finally {
  await browser?.close()
}
