import { LEVELS, PRIMARY_SUBJECT_RESULTS, PRIMARY_YEAR_RESULTS } from '@truongso/assessment'
import ExcelJS from 'exceljs'
import type { PayloadRequest } from 'payload'

import { documentHtml, esc, headingHtml, signaturesHtml } from '../books/decree30.ts'
import { schoolClassResults } from '../gradebook/resultsCache.ts'
import type { PrimaryStudentResult, ThcsStudentResult } from '../gradebook/results.ts'
import type { RoleHolder } from '../roles.ts'
import { message, type MessageKey } from '../translations/index.ts'
import { oversightOfSchools, type SchoolOversight, type Term } from './dashboard.ts'
import { tierOfReader } from './query.ts'

export type ReportPeriod = Term | 'year'

// The engine's own value lists (Circulars 22/2021 and 27/2020), never retyped here.
const THCS_LEVELS = LEVELS
const TH_YEAR = PRIMARY_YEAR_RESULTS
const TH_LEVELS = PRIMARY_SUBJECT_RESULTS
const counter = <K extends string>(keys: readonly K[]): Record<K | 'incomplete', number> => Object.fromEntries([...keys, 'incomplete'].map((k) => [k, 0])) as Record<K | 'incomplete', number>

/** Learning and conduct results of a school, counted from the assessment engine's results (no names). */
export type ResultsDistribution = {
  thcsStudents: number
  learning: Record<(typeof THCS_LEVELS)[number] | 'incomplete', number>
  conduct: Record<(typeof THCS_LEVELS)[number] | 'incomplete', number>
  /** Year only (THCS): promoted, to be re-assessed in summer (re-tests or conduct training), retained. */
  promoted: number
  reassessment: number
  retained: number
  thStudents: number
  /** TH, the year: HTXS / HTT / HT / CHT (Circular 27/2020); per term, each subject's end-of-term level. */
  primaryYear: Record<(typeof TH_YEAR)[number] | 'incomplete', number>
  primarySubjectLevels: Record<(typeof TH_LEVELS)[number] | 'incomplete', number>
}

export type ReportRow = SchoolOversight & { results: ResultsDistribution }
export type OversightReport = {
  tier: { code: string | null; name: string; kind: string | null; superior: string; place: string }
  schoolYear: string
  period: ReportPeriod
  generatedAt: string
  rows: ReportRow[]
  totals: ReportTotals
}

const emptyResults = (): ResultsDistribution => ({
  thcsStudents: 0,
  learning: counter(THCS_LEVELS),
  conduct: counter(THCS_LEVELS),
  promoted: 0,
  reassessment: 0,
  retained: 0,
  thStudents: 0,
  primaryYear: counter(TH_YEAR),
  primarySubjectLevels: counter(TH_LEVELS),
})

async function resultsOf(req: PayloadRequest, school: SchoolOversight['school'], schoolYear: string, period: ReportPeriod): Promise<ResultsDistribution> {
  const out = emptyResults()
  if (school.template === 'preschool') return out
  const classes = await schoolClassResults(req, school.id, schoolYear, period === 'year' ? 'year' : period === 1 ? 'hk1' : 'hk2')
  for (const klass of classes) {
    for (const student of klass.students) {
      if (klass.level === 'THCS') {
        const s = student as ThcsStudentResult
        out.thcsStudents += 1
        out.learning[s.learning?.level ?? 'incomplete'] += 1
        out.conduct[s.conduct ?? 'incomplete'] += 1
        if (period === 'year') {
          if (s.outcome === 'promoted') out.promoted += 1
          if (s.outcome === 'reassessment') out.reassessment += 1
          if (s.outcome === 'retained') out.retained += 1
        }
      } else {
        const s = student as PrimaryStudentResult
        out.thStudents += 1
        if (period === 'year') out.primaryYear[(s.yearResult as (typeof TH_YEAR)[number] | null | undefined) ?? 'incomplete'] += 1
        for (const subject of Object.values(s.subjects)) {
          const level = subject.endTermLevel as (typeof TH_LEVELS)[number] | null
          if (level && level in out.primarySubjectLevels) out.primarySubjectLevels[level] += 1
        }
      }
    }
  }
  return out
}

/** The columns of the report, in order: each a label and how a row gives its number. */
const COLUMNS: { key: MessageKey; value: (r: ReportRow) => number }[] = [
  { key: 'report.posts-30', value: (r) => r.website.postsLast30Days },
  { key: 'report.pending-7', value: (r) => r.website.pendingReviewsOver7Days },
  { key: 'report.disclosures-missing', value: (r) => r.website.disclosuresMissing },
  { key: 'report.disclosures-overdue', value: (r) => r.website.disclosuresOverdue },
  { key: 'report.marks-expected', value: (r) => r.gradebook.expected },
  { key: 'report.marks-end-term', value: (r) => r.gradebook.endTerm },
  { key: 'report.classes', value: (r) => r.gradebook.classes },
  { key: 'report.classes-approved', value: (r) => r.gradebook.classesApproved },
  { key: 'report.teaching-plans-on-time', value: (r) => r.teachingPlans.onTime },
  { key: 'report.teaching-plans-late', value: (r) => r.teachingPlans.late },
  { key: 'report.teaching-plans-missing', value: (r) => r.teachingPlans.missing },
  { key: 'report.lesson-plans-on-time', value: (r) => r.lessonPlans.onTime },
  { key: 'report.lesson-plans-late', value: (r) => r.lessonPlans.late },
  { key: 'report.log-periods', value: (r) => r.classLogs.periods },
  { key: 'report.log-signed', value: (r) => r.classLogs.signed },
  { key: 'report.attendance-expected', value: (r) => r.attendance.expected },
  { key: 'report.attendance-taken', value: (r) => r.attendance.taken },
  { key: 'report.passwords-unchanged', value: (r) => r.accounts.passwordNeverChanged },
  { key: 'report.thcs-students', value: (r) => r.results.thcsStudents },
  ...THCS_LEVELS.map((level) => ({ key: `report.learning.${level}` as MessageKey, value: (r: ReportRow) => r.results.learning[level] })),
  ...THCS_LEVELS.map((level) => ({ key: `report.conduct.${level}` as MessageKey, value: (r: ReportRow) => r.results.conduct[level] })),
  { key: 'report.promoted', value: (r) => r.results.promoted },
  { key: 'report.reassessment', value: (r) => r.results.reassessment },
  { key: 'report.retained', value: (r) => r.results.retained },
  { key: 'report.th-students', value: (r) => r.results.thStudents },
  ...TH_YEAR.map((level) => ({ key: `report.primary-year.${level}` as MessageKey, value: (r: ReportRow) => r.results.primaryYear[level] })),
  ...TH_LEVELS.map((level) => ({ key: `report.primary-level.${level}` as MessageKey, value: (r: ReportRow) => r.results.primarySubjectLevels[level] })),
]

export type ReportTotals = number[]

/** The report the tier sends up for a term or the year: its schools' figures and results, and the totals. */
export async function buildOversightReport(req: PayloadRequest, actor: RoleHolder, schools: readonly (number | string)[], schoolYear: string, period: ReportPeriod, now = new Date()): Promise<OversightReport> {
  const rows = await oversightOfSchools(req, schools, { schoolYear, term: period === 'year' ? 2 : period, today: now })
  const withResults: ReportRow[] = []
  for (const row of rows) withResults.push({ ...row, results: await resultsOf(req, row.school, schoolYear, period) })
  const tier = await tierOfReader(req, actor)
  return {
    tier: { code: tier?.code ?? null, name: tier?.name ?? '', kind: tier?.kind ?? null, superior: tier?.superior ?? '', place: tier?.place ?? '' },
    schoolYear,
    period,
    generatedAt: now.toISOString(),
    rows: withResults,
    totals: COLUMNS.map((c) => withResults.reduce((n, r) => n + c.value(r), 0)),
  }
}

const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)
const periodLabel = (period: ReportPeriod, year: string) => vi(period === 'year' ? 'report.title-year' : 'report.title-term', { term: period === 1 ? 'I' : 'II', year })

/** The report as a workbook: a row per school, then the total (formulas-free: the values themselves). */
export async function reportXlsx(report: OversightReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(vi('report.sheet'))
  sheet.addRow([report.tier.superior.toUpperCase()])
  sheet.addRow([report.tier.name.toUpperCase()]).font = { bold: true }
  sheet.addRow([periodLabel(report.period, report.schoolYear)]).font = { bold: true, size: 14 }
  sheet.addRow([])
  const header = sheet.addRow([vi('report.stt'), vi('report.school'), vi('report.level'), ...COLUMNS.map((c) => vi(c.key))])
  header.font = { bold: true }
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  report.rows.forEach((row, i) => sheet.addRow([i + 1, row.school.name, row.school.level, ...COLUMNS.map((c) => c.value(row))]))
  sheet.addRow(['', vi('report.total'), '', ...report.totals]).font = { bold: true }
  sheet.getColumn(2).width = 32
  for (let i = 4; i <= COLUMNS.length + 3; i++) sheet.getColumn(i).width = 12
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 5 }]
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The report as a Decree 30 document: the tier's heading, the figures table, the results, the signature. */
export function reportHtml(report: OversightReport): string {
  const heading = headingHtml({ managingBody: report.tier.superior, school: report.tier.name, place: report.tier.place || vi('books.place-default'), date: new Date(report.generatedAt), draft: false })
  const table = (columns: typeof COLUMNS, title: string) => `<h2>${esc(title)}</h2><table class="small"><thead><tr><th>${esc(vi('report.stt'))}</th><th>${esc(vi('report.school'))}</th>${columns.map((c) => `<th>${esc(vi(c.key))}</th>`).join('')}</tr></thead><tbody>${report.rows
    .map((r, i) => `<tr><td class="num">${i + 1}</td><td class="name">${esc(r.school.name)}</td>${columns.map((c) => `<td class="num">${c.value(r)}</td>`).join('')}</tr>`)
    .join('')}<tr class="bold"><td></td><td>${esc(vi('report.total'))}</td>${columns.map((c) => `<td class="num">${report.totals[COLUMNS.indexOf(c)]}</td>`).join('')}</tr></tbody></table>`
  // Four tables on landscape pages, each narrow enough to read: website and marks; plans, logs, registers, accounts; THCS results; TH results.
  const parts: [number, number, MessageKey][] = [[0, 8, 'report.part-website'], [8, 18, 'report.part-teaching'], [18, 30, 'report.part-thcs'], [30, COLUMNS.length, 'report.part-th']]
  // The year never splits at its hyphen across two lines.
  const title = esc(periodLabel(report.period, report.schoolYear)).replace(esc(report.schoolYear), `<span style="white-space:nowrap">${esc(report.schoolYear)}</span>`)
  // The heading opens the first landscape page (a page of its own would be almost empty).
  const front = `${heading}<h1>${title}</h1><p class="subtitle">${esc(vi('report.subtitle', { schools: report.rows.length }))}</p>`
  const body = parts.map(([from, to, part], i) => `<div class="wide">${i === 0 ? front : ''}${table(COLUMNS.slice(from, to), vi(part))}${i === parts.length - 1 ? signaturesHtml([{ role: vi('report.signer'), name: null }]) : ''}</div>`).join('')
  return documentHtml(periodLabel(report.period, report.schoolYear), body)
}
