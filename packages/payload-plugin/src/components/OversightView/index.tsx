import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'

import { displayDay, vietnamDay } from '../../calendar/days.ts'
import { matchesLevel, oversightParams, oversightQuerySchema, oversightReader, tierOfReader } from '../../oversight/query.ts'
import { oversightOfSchools, type Percent, type SchoolOversight } from '../../oversight/dashboard.ts'
import { reportDeadlines } from '../../oversight/deadlines.ts'
import { message, type MessageKey } from '../../translations/index.ts'
import { overseenSchools } from '../../roles.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { SchoolDetail } from './SchoolDetail.tsx'

export const OVERSIGHT_VIEW_PATH = '/oversight'

const cell: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-100, #eee)', textAlign: 'right', whiteSpace: 'nowrap' }
const head: React.CSSProperties = { ...cell, textAlign: 'center', fontWeight: 600, background: 'var(--theme-elevation-50, #f6f6f6)', whiteSpace: 'normal', minWidth: 56, fontSize: 13 }
// The school's name stays in view while the figures scroll sideways (a phone shows two columns at a time).
const sticky: React.CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--theme-bg, #fff)' }
const schoolCell: React.CSSProperties = { ...cell, ...sticky, textAlign: 'left', whiteSpace: 'normal', minWidth: 130, maxWidth: 200 }
const warn: React.CSSProperties = { color: 'var(--theme-error-600, #b00020)', fontWeight: 600 }

const pct = (value: Percent) => (value === null ? '—' : `${value.toLocaleString('vi-VN')}%`)
type Sort = 'stt' | 'behind' | 'name'

/**
 * /admin/oversight?schoolYear=2026-2027&term=1&level=TH&behind=1&sort=behind: the tier's schools, one
 * row each, every figure a link to the school's detail (?school=<slug>); the semester and year reports.
 * Plain links and a GET form: it works without JavaScript and on a phone (the table scrolls sideways).
 */
export async function OversightView(props: AdminViewServerProps) {
  const { initPageResult, i18n, searchParams } = props
  const req = initPageResult.req as PayloadRequest
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const admin = req.payload.config.routes.admin ?? '/admin'
  const api = req.payload.config.routes.api ?? '/api'
  const actor = oversightReader(req)
  if (!actor) {
    return (
      <AdminFrame {...props} testId="oversight-view" title={t('ui.oversight.title')}>
        <h1>{t('ui.oversight.title')}</h1>
        <p>{message(req, 'oversight.forbidden')}</p>
      </AdminFrame>
    )
  }
  const raw = Object.fromEntries(Object.entries(searchParams ?? {}).filter(([, v]) => typeof v === 'string' && v !== '')) as Record<string, string>
  const parsed = oversightQuerySchema.safeParse(raw)
  const params = oversightParams(parsed.success ? parsed.data : {})
  const sort: Sort = raw.sort === 'behind' || raw.sort === 'name' ? raw.sort : 'stt'
  const all = await oversightOfSchools(req, overseenSchools(actor), { schoolYear: params.schoolYear, term: params.term })
  const tier = await tierOfReader(req, actor)
  const reminded = raw.reminded !== undefined ? { sent: Number(raw.reminded) || 0, skipped: Number(raw.skipped) || 0 } : null
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams({ schoolYear: params.schoolYear, term: String(params.term) })
    if (params.level) q.set('level', params.level)
    if (params.behindOnly) q.set('behind', '1')
    if (sort !== 'stt') q.set('sort', sort)
    for (const [k, v] of Object.entries(extra)) if (v === undefined) q.delete(k)
    else q.set(k, v)
    return q.toString()
  }
  const detail = all.find((r) => r.school.slug === params.school)
  if (detail) {
    return (
      <AdminFrame {...props} testId="oversight-school" title={t('ui.oversight.title')}>
        <p style={{ marginTop: 16 }}>
          <a href={`${admin}${OVERSIGHT_VIEW_PATH}?${query({ school: undefined })}`}>← {t('ui.oversight.back')}</a>
        </p>
        <SchoolDetail req={req} row={detail} schoolYear={params.schoolYear} term={params.term} />
      </AdminFrame>
    )
  }
  const rows = all.filter((r) => matchesLevel(r.school.level, params.level) && (!params.behindOnly || r.behind.length > 0))
  if (sort === 'behind') rows.sort((a, b) => b.behind.length - a.behind.length)
  if (sort === 'name') rows.sort((a, b) => a.school.name.localeCompare(b.school.name, 'vi'))
  const behindCount = all.filter((r) => r.behind.length > 0).length
  const deadlines = reportDeadlines(params.schoolYear)
  const [start] = params.schoolYear.split('-').map(Number) as [number]
  const link = (row: SchoolOversight, anchor: string, content: React.ReactNode, bad = false) => (
    <a href={`${admin}${OVERSIGHT_VIEW_PATH}?${query({ school: row.school.slug })}#${anchor}`} style={bad ? warn : undefined}>
      {content}
    </a>
  )
  const report = (format: 'xlsx' | 'pdf', period: string) => `${api}/oversight/report?schoolYear=${params.schoolYear}&term=${period}&format=${format}`
  return (
    <AdminFrame {...props} testId="oversight-view" title={t('ui.oversight.title')}>
      <h1 style={{ margin: '16px 0 4px', fontSize: 28 }}>{t('ui.oversight.title')}</h1>
      {tier?.name ? <p style={{ margin: '0 0 4px', fontWeight: 600 }}>{tier.name}</p> : null}
      {reminded ? (
        <p role="status" data-testid="reminded" style={{ padding: '8px 12px', background: 'var(--theme-success-50, #eef8ee)' }}>
          {t('ui.oversight.reminded', reminded)}
        </p>
      ) : null}
      <p style={{ margin: '0 0 12px' }}>
        {t('ui.oversight.summary', { schools: all.length, behind: behindCount, year: params.schoolYear, term: params.term === 1 ? 'I' : 'II' })}
      </p>
      <nav style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
        <a href={`?${query({ schoolYear: `${start - 1}-${start}` })}`}>← {start - 1}-{start}</a>
        <a href={`?${query({ term: '1' })}`} aria-current={params.term === 1 ? 'page' : undefined} style={params.term === 1 ? { fontWeight: 700 } : undefined}>{t('ui.oversight.term', { term: 'I' })}</a>
        <a href={`?${query({ term: '2' })}`} aria-current={params.term === 2 ? 'page' : undefined} style={params.term === 2 ? { fontWeight: 700 } : undefined}>{t('ui.oversight.term', { term: 'II' })}</a>
        <a href={`?${query({ schoolYear: `${start + 1}-${start + 2}` })}`}>{start + 1}-{start + 2} →</a>
      </nav>
      <form method="get" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'center', marginBottom: 12 }} data-testid="oversight-filters">
        <input type="hidden" name="schoolYear" value={params.schoolYear} />
        <input type="hidden" name="term" value={String(params.term)} />
        <label>
          {t('ui.oversight.level')}{' '}
          <select name="level" defaultValue={params.level ?? ''}>
            <option value="">{t('ui.oversight.all-levels')}</option>
            <option value="preschool">{t('ui.oversight.preschool')}</option>
            {['TH', 'TH-THCS', 'THCS'].map((level) => (
              <option key={level} value={level}>{level}</option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="behind" value="1" defaultChecked={params.behindOnly} /> {t('ui.oversight.behind-only')}
        </label>
        <label>
          {t('ui.oversight.sort')}{' '}
          <select name="sort" defaultValue={sort}>
            <option value="stt">{t('ui.oversight.sort-stt')}</option>
            <option value="behind">{t('ui.oversight.sort-behind')}</option>
            <option value="name">{t('ui.oversight.sort-name')}</option>
          </select>
        </label>
        <button type="submit">{t('ui.oversight.apply')}</button>
      </form>
      <section style={{ display: 'flex', gap: 16, flexWrap: 'wrap', margin: '0 0 12px' }} data-testid="oversight-reports">
        <span>
          {t('ui.oversight.report-term', { date: displayDay(deadlines.term1) })}{' '}
          <a href={report('xlsx', '1')} data-testid="report-term1-xlsx">Excel</a> · <a href={report('pdf', '1')} data-testid="report-term1-pdf">PDF</a>
        </span>
        <span>
          {t('ui.oversight.report-year', { date: displayDay(deadlines.year) })}{' '}
          <a href={report('xlsx', 'year')} data-testid="report-year-xlsx">Excel</a> · <a href={report('pdf', 'year')} data-testid="report-year-pdf">PDF</a>
        </span>
      </section>
      <form method="post" action={`${api}/oversight/reminders`} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', margin: '0 0 12px' }} data-testid="remind-form">
        <input type="hidden" name="schoolYear" value={params.schoolYear} />
        <input type="hidden" name="term" value={String(params.term)} />
        <input type="text" name="note" maxLength={1000} placeholder={t('ui.oversight.remind-note')} aria-label={t('ui.oversight.remind-note')} style={{ minWidth: 240, flex: '1 1 240px', maxWidth: 480 }} />
        <button type="submit" disabled={behindCount === 0}>{t('ui.oversight.remind')} ({behindCount})</button>
        <a href={`${admin}/collections/oversight-reminders`}>{t('ui.oversight.reminders-log')}</a>
        <a href={`${api}/oversight/export?schoolYear=${params.schoolYear}&term=${params.term}`} data-testid="oversight-export">{t('ui.oversight.export')}</a>
      </form>
      <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
        <table style={{ borderCollapse: 'collapse', fontSize: 14 }} data-testid="oversight-table">
          <thead>
            <tr>
              <th style={{ ...head, ...sticky }} rowSpan={2}>{t('ui.oversight.school')}</th>
              <th style={head} colSpan={4}>{t('ui.oversight.col.website')}</th>
              <th style={head} colSpan={2}>{t('ui.oversight.gradebook')}</th>
              <th style={head} colSpan={3}>{t('ui.oversight.plans')}</th>
              <th style={head} rowSpan={2}>{t('ui.oversight.col.class-logs')}</th>
              <th style={head} rowSpan={2}>{t('ui.oversight.col.attendance')}</th>
              <th style={head} rowSpan={2}>{t('ui.oversight.col.passwords')}</th>
              <th style={head} rowSpan={2}>{t('ui.oversight.behind')}</th>
            </tr>
            <tr>
              <th style={head}>{t('ui.oversight.col.last-post')}</th>
              <th style={head}>{t('ui.oversight.col.posts-30')}</th>
              <th style={head}>{t('ui.oversight.col.pending-7')}</th>
              <th style={head}>{t('ui.oversight.col.disclosures')}</th>
              <th style={head}>{t('ui.oversight.col.end-term')}</th>
              <th style={head}>{t('ui.oversight.col.approved')}</th>
              <th style={head}>{t('ui.oversight.col.teaching-plans')}</th>
              <th style={head}>{t('ui.oversight.col.teaching-plans-missing')}</th>
              <th style={head}>{t('ui.oversight.col.lesson-plans-late')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={String(row.school.id)} data-school={row.school.slug} data-behind={row.behind.length}>
                <td style={schoolCell}>
                  {link(row, 'top', row.school.name)}
                  <div style={{ fontSize: 12, opacity: 0.7 }}>{row.school.tier?.name ?? ''}</div>
                </td>
                <td style={cell}>{link(row, 'website', row.website.lastPostAt ? displayDay(vietnamDay(row.website.lastPostAt)) : '—', row.behind.includes('no-recent-post'))}</td>
                <td style={cell}>{link(row, 'website', row.website.postsLast30Days, row.website.postsLast30Days === 0)}</td>
                <td style={cell}>{link(row, 'website', row.website.pendingReviewsOver7Days, row.website.pendingReviewsOver7Days > 0)}</td>
                <td style={cell}>{link(row, 'disclosures', `${row.website.disclosuresMissing} / ${row.website.disclosuresOverdue}`, row.website.disclosuresOverdue > 0)}</td>
                <td style={cell}>{link(row, 'gradebook', row.gradebook.expected > 0 ? `${row.gradebook.endTerm}/${row.gradebook.expected} (${pct(row.gradebook.endTermPercent)})` : '—', row.behind.includes('marks-missing'))}</td>
                <td style={cell}>{link(row, 'gradebook', `${row.gradebook.classesApproved}/${row.gradebook.classes}`)}</td>
                <td style={cell}>{link(row, 'plans', pct(row.teachingPlans.onTimePercent))}</td>
                <td style={cell}>{link(row, 'plans', row.teachingPlans.missing, row.teachingPlans.missing > 0)}</td>
                <td style={cell}>{link(row, 'plans', row.lessonPlans.late, row.lessonPlans.late > 0)}</td>
                <td style={cell}>{link(row, 'class-logs', pct(row.classLogs.signedPercent), row.behind.includes('class-logs-unsigned'))}</td>
                <td style={cell}>{link(row, 'attendance', pct(row.attendance.takenPercent), row.behind.includes('attendance-missing'))}</td>
                <td style={cell}>{link(row, 'accounts', row.accounts.passwordNeverChanged, row.accounts.passwordNeverChanged > 0)}</td>
                <td style={{ ...cell, textAlign: 'left', whiteSpace: 'normal', minWidth: 160 }}>
                  {row.behind.length === 0 ? t('ui.oversight.up-to-date') : row.behind.map((reason) => t(`ui.oversight.reason.${reason}` as MessageKey)).join('; ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>{t('ui.oversight.none')}</p> : null}
      <p style={{ fontSize: 13, opacity: 0.8, marginTop: 12 }}>{t('ui.oversight.note')}</p>
    </AdminFrame>
  )
}
