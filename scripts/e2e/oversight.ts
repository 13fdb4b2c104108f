/**
 * Browser check of the oversight dashboard (issue 17 "Done when"): the demo district officer logs in,
 * follows "Theo dõi các trường" in the navigation, sees the 34 schools with who is behind, filters to
 * the behind ones, opens one school's detail, and downloads the term I report as xlsx and PDF (the
 * workbook's total row is the sum of its rows; the PDF's text has the tier's heading). A ward's
 * officer sees only the ward's schools. Screenshots at 1280 and 360 px go to a temporary folder.
 * `node scripts/e2e/oversight.ts [baseUrl]`.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import ExcelJS from 'exceljs'
import { chromium, type Browser } from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const base = process.argv[2] ?? 'http://localhost:3000'
const dataDir = process.env.TRUONGSO_DATA_DIR ?? path.join(root, 'cms/data')
type Account = { email: string; password: string; roles: string[]; school: string | null; tier?: string }
const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8')) as Account[]
const officer = accounts.find((a) => a.school === null && a.tier === 'hoian' && a.roles.includes('district-officer'))!
const wardOfficer = accounts.find((a) => a.tier === 'ward-hoiantay')!
const out = mkdtempSync(path.join(tmpdir(), 'truongso-oversight-'))

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
  const page = await login(officer)
  // The link is in the navigation (behind the menu when it is closed): follow it.
  const link = page.getByTestId('nav-oversight').first()
  await link.waitFor({ state: 'attached', timeout: 60_000 })
  await page.goto(new URL((await link.getAttribute('href'))!, base).href)
  await page.getByTestId('oversight-table').waitFor({ timeout: 60_000 })
  const rows = page.locator('[data-testid="oversight-table"] tbody tr')
  if ((await rows.count()) !== 34) throw new Error(`the district officer sees ${await rows.count()} schools, not 34`)
  await page.screenshot({ path: path.join(out, 'oversight-1280.png'), fullPage: true })
  // Only the schools that are behind, most behind first.
  await page.locator('input[name="behind"]').check()
  await page.locator('select[name="sort"]').selectOption('behind')
  await page.getByTestId('oversight-filters').locator('button[type="submit"]').click()
  await page.waitForURL(/behind=1/)
  const behind = await page.locator('[data-testid="oversight-table"] tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-behind'))))
  if (behind.some((n) => n === 0) || behind.join() !== [...behind].sort((a, b) => b - a).join()) throw new Error(`behind filter/sort: ${behind.join()}`)
  // One school's detail, from its figure.
  await page.goto(`${base}/admin/oversight?schoolYear=${new URL(page.url()).searchParams.get('schoolYear') ?? ''}`)
  await page.locator('[data-testid="oversight-table"] tbody tr[data-school="tieuhocledo"] a').first().click()
  await page.locator('[data-school="tieuhocledo"]#top').waitFor({ timeout: 60_000 })
  await page.getByTestId('detail-grades').waitFor()
  await page.screenshot({ path: path.join(out, 'oversight-school-1280.png'), fullPage: true })
  await page.setViewportSize({ width: 360, height: 780 })
  await page.screenshot({ path: path.join(out, 'oversight-school-360.png'), fullPage: true })
  await page.goto(`${base}/admin/oversight`)
  await page.getByTestId('oversight-table').waitFor()
  await page.screenshot({ path: path.join(out, 'oversight-360.png'), fullPage: false })
  // The term I report, both formats, from the links on the page.
  const href = async (id: string) => new URL((await page.getByTestId(id).getAttribute('href'))!, base).href
  const xlsx = await page.request.get(await href('report-term1-xlsx'))
  if (xlsx.status() !== 200) throw new Error(`xlsx report: ${xlsx.status()}`)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await xlsx.body()) as never)
  const sheet = workbook.worksheets[0]!
  const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1)
  const total = values(6 + 34)
  const sum = Array.from({ length: 34 }, (_, i) => Number(values(6 + i)[3])).reduce((a, b) => a + b, 0)
  if (String(total[1]) !== 'Tổng cộng' || Number(total[3]) !== sum) throw new Error(`xlsx total: ${total[1]} ${total[3]} vs ${sum}`)
  const pdf = await page.request.get(await href('report-term1-pdf'))
  if (pdf.status() !== 200 || pdf.headers()['content-type'] !== 'application/pdf') throw new Error(`pdf report: ${pdf.status()}`)
  writeFileSync(path.join(out, 'report.pdf'), await pdf.body())
  const text = execFileSync('pdftotext', ['-layout', path.join(out, 'report.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  if (!text.includes('PHÒNG GIÁO DỤC VÀ ĐÀO TẠO') || !text.includes('TH Lê Độ') || !text.includes('Tổng cộng')) throw new Error('the PDF report lacks its heading or rows')
  console.log(`[oversight] ${officer.email}: 34 schools, ${behind.length} behind; TH Lê Độ's detail; the term I report as xlsx (total = sum) and PDF; screenshots in ${out}`)

  // A ward's officer: the ward's schools only.
  const ward = await login(wardOfficer)
  await ward.goto(`${base}/admin/oversight`)
  await ward.getByTestId('oversight-table').waitFor({ timeout: 60_000 })
  const wardRows = await ward.locator('[data-testid="oversight-table"] tbody tr').count()
  if (wardRows === 0 || wardRows >= 34) throw new Error(`the ward officer sees ${wardRows} schools`)
  console.log(`[oversight] ${wardOfficer.email}: ${wardRows} schools of the ward only`)

  // The district officer reminds the schools that are behind (the plain form); the board of TH Lê Độ
  // finds the banner on its dashboard and marks it seen.
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`${base}/admin/oversight`)
  await page.getByTestId('remind-form').locator('input[name="note"]').fill('Đề nghị các trường cập nhật trước thứ Sáu.')
  await page.getByTestId('remind-form').locator('button[type="submit"]').click()
  await page.getByTestId('reminded').waitFor({ timeout: 60_000 })
  const reminded = await page.getByTestId('reminded').innerText()
  if (!/Đã gửi nhắc nhở tới [1-9]\d* trường/.test(reminded)) throw new Error(`reminder: "${reminded}"`)
  const principal = accounts.find((a) => a.school === 'tieuhocledo' && a.roles.includes('principal'))!
  const board = await login(principal)
  const banner = board.getByTestId('oversight-reminders')
  await banner.waitFor({ timeout: 60_000 })
  if (!(await banner.innerText()).includes('nhắc nhở')) throw new Error('the board’s banner has no reminder')
  await board.setViewportSize({ width: 360, height: 780 })
  await board.screenshot({ path: path.join(out, 'reminder-banner-360.png') })
  await banner.locator('button[type="submit"]').first().click()
  await board.waitForURL(/\/admin\/?$/)
  await board.waitForLoadState('networkidle')
  if ((await board.getByTestId('oversight-reminders').count()) > 0 && (await board.getByTestId('oversight-reminders').locator('form').count()) > 0) throw new Error('the reminder stays after Đã xem')
  console.log(`[oversight] ${reminded}; ${principal.email} saw the banner and marked it seen`)
} finally {
  await browser?.close()
}
