import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'

import { GRADEBOOK_VIEW_PATH } from '../../gradebook/grid/path.ts'
import type { KindProgress, ProgressKind, Term } from '../../gradebook/progress/deadlines.ts'
import { PROGRESS_KINDS } from '../../gradebook/progress/deadlines.ts'
import { GRADEBOOK_PROGRESS_PATH } from '../../gradebook/progress/path.ts'
import { defaultPeriod, progressReport, type ProgressReport, type ProgressRow } from '../../gradebook/progress/report.ts'
import { message, type MessageKey } from '../../translations/index.ts'
import { isSchoolYear } from '../../website/schoolYear.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { GradebookLinks } from '../GradebookView/index.tsx'

/**
 * The root view /admin/gradebook/progress ("Tiến độ nhập điểm", issue 13 item 4): rendered on the
 * server from the same report as GET /api/gradebook/progress, no client code. A team leader's rows
 * are grouped by teacher, the board's by class; overdue cells are red with the count missing; each
 * row opens that class-subject in the grid. Under 640 px the table becomes a stacked list.
 */

const KIND_LABELS: Record<ProgressKind, MessageKey> = {
  regular: 'ui.progress.kind-regular',
  midTerm: 'ui.progress.kind-mid-term',
  endTerm: 'ui.progress.kind-end-term',
  midTermLevel: 'ui.progress.kind-mid-level',
  midTermTest: 'ui.progress.kind-mid-test',
  endTermLevel: 'ui.progress.kind-end-level',
  endTermTest: 'ui.progress.kind-end-test',
}

const CSS = `
.gbp { max-width: 100%; box-sizing: border-box; }
.gbp h1 { margin: 16px 0 8px; font-size: 28px; }
.gbp .gbp-meta { margin: 0 0 6px; color: var(--theme-elevation-650, #555); }
.gbp .gbp-tabs { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.gbp .gbp-tab { padding: 6px 12px; border: 1px solid var(--theme-elevation-250, #bbb); border-radius: 4px; text-decoration: none; color: inherit; }
.gbp .gbp-tab[aria-current="page"] { background: var(--theme-elevation-800, #333); color: var(--theme-elevation-0, #fff); border-color: transparent; }
.gbp .gbp-summary { margin: 8px 0 16px; font-weight: 600; }
.gbp .gbp-summary .gbp-late { color: var(--theme-error-600, #b3261e); }
.gbp section { margin-bottom: 24px; }
.gbp h2 { font-size: 18px; margin: 8px 0; }
.gbp h2 small { font-weight: 400; font-size: 14px; color: var(--theme-elevation-650, #555); margin-left: 8px; }
/* Fixed layout: every group's table has the same columns at the same widths. */
.gbp table { border-collapse: collapse; width: 100%; table-layout: fixed; }
.gbp col.gbp-c-name { width: 20%; }
.gbp col.gbp-c-teacher { width: 17%; }
.gbp col.gbp-c-students { width: 64px; }
.gbp th, .gbp td { border: 1px solid var(--theme-elevation-150, #ddd); padding: 6px 8px; text-align: left; vertical-align: top; }
.gbp th { background: var(--theme-elevation-50, #f5f5f5); font-weight: 600; }
.gbp td.gbp-n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.gbp td.gbp-cell { white-space: nowrap; font-variant-numeric: tabular-nums; }
.gbp td.gbp-overdue { background: var(--theme-error-50, #fdecea); color: var(--theme-error-750, #8c1d18); }
.gbp td.gbp-complete { color: var(--theme-success-750, #1e6b34); }
.gbp .gbp-note { display: block; font-size: 12px; }
.gbp td.gbp-overdue .gbp-note { font-weight: 700; }
.gbp tr.gbp-row-overdue td:first-child { border-left: 4px solid var(--theme-error-500, #d93025); }
@media (max-width: 640px) {
  .gbp table, .gbp tbody, .gbp tr, .gbp td { display: block; width: 100%; box-sizing: border-box; }
  .gbp thead, .gbp colgroup { display: none; }
  .gbp h2 small { display: block; margin: 2px 0 0; }
  .gbp tr { border: 1px solid var(--theme-elevation-150, #ddd); border-radius: 4px; margin-bottom: 10px; }
  .gbp td { border: none; border-top: 1px solid var(--theme-elevation-100, #eee); display: flex; justify-content: space-between; gap: 12px; text-align: right; }
  .gbp td:first-child { border-top: none; font-weight: 600; text-align: left; }
  .gbp td[data-label]::before { content: attr(data-label); font-weight: 600; text-align: left; color: var(--theme-elevation-650, #555); }
  .gbp td.gbp-n, .gbp td.gbp-cell { text-align: right; }
  .gbp td.gbp-empty { display: none; }
  .gbp tr.gbp-row-overdue td:first-child { border-left: none; }
  .gbp tr.gbp-row-overdue { border-left: 4px solid var(--theme-error-500, #d93025); }
}
`

const day = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '')

type Group = { key: string; title: string; rows: ProgressRow[] }

/** The board reads the school class by class; a team leader (and a teacher) teacher by teacher. */
function groupsOf(report: ProgressReport, t: (key: MessageKey, vars?: Record<string, string | number>) => string): Group[] {
  const groups = new Map<string, Group>()
  for (const row of report.rows) {
    const byClass = report.scope === 'school'
    const key = byClass ? `c${row.class.id}` : `t${row.teacher?.id ?? ''}`
    const title = byClass ? t('ui.progress.group-class', { name: row.class.name }) : (row.teacher?.name ?? t('ui.progress.no-teacher'))
    if (!groups.has(key)) groups.set(key, { key, title, rows: [] })
    groups.get(key)!.rows.push(row)
  }
  const list = [...groups.values()]
  if (report.scope !== 'school') list.sort((a, b) => a.title.localeCompare(b.title, 'vi'))
  return list
}

function KindCell({ progress, label, t }: { progress: KindProgress | undefined; label: string; t: (key: MessageKey, vars?: Record<string, string | number>) => string }) {
  if (!progress) return <td className="gbp-cell gbp-empty" data-label={label}>—</td>
  const complete = progress.required > 0 && progress.entered >= progress.required
  const className = `gbp-cell${progress.overdue ? ' gbp-overdue' : complete ? ' gbp-complete' : ''}`
  const note = progress.overdue
    ? t('ui.progress.missing', { count: progress.missing })
    : complete
      ? t('ui.progress.complete')
      : progress.nextDeadline
        ? t('ui.progress.due-by', { date: day(progress.nextDeadline) })
        : ''
  return (
    <td className={className} data-label={label} data-kind={progress.kind} data-overdue={progress.overdue ? 'true' : undefined}>
      <span>
        {progress.entered}/{progress.required}
        {note ? <span className="gbp-note">{note}</span> : null}
      </span>
    </td>
  )
}

export async function GradebookProgress(props: AdminViewServerProps) {
  const { initPageResult, i18n, searchParams } = props
  const req = initPageResult?.req as PayloadRequest | undefined
  const admin = req?.payload.config.routes.admin ?? '/admin'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const shell = (body: React.ReactNode) => (
    <AdminFrame {...props} testId="gradebook-progress" title={t('ui.progress.title')}>
      <div className="gbp">
        <style>{CSS}</style>
        <h1>{t('ui.progress.title')}</h1>
        <GradebookLinks admin={admin} i18n={i18n} />
        {body}
      </div>
    </AdminFrame>
  )
  if (!req?.user) return shell(<p>{t('records.login-required')}</p>)
  const asked = (name: string) => {
    const value = searchParams?.[name]
    return typeof value === 'string' ? value : undefined
  }
  const fallback = await defaultPeriod(req)
  const schoolYear = isSchoolYear(asked('schoolYear')) ? asked('schoolYear')! : fallback.schoolYear
  const term: Term = asked('term') === 'hk1' || asked('term') === 'hk2' ? (asked('term') as Term) : fallback.term
  const onlyOverdue = asked('overdue') === '1'
  const report = await progressReport(req, { schoolYear, term })
  if ('status' in report) return shell(<p data-testid="progress-refused">{t(report.key)}</p>)

  const href = (params: Record<string, string | undefined>) => {
    const query = new URLSearchParams(Object.entries({ schoolYear, term, ...params }).filter((e): e is [string, string] => e[1] !== undefined))
    return `${admin}${GRADEBOOK_PROGRESS_PATH}?${query.toString()}`
  }
  const kinds = PROGRESS_KINDS.filter((kind) => report.rows.some((row) => row.kinds.some((k) => k.kind === kind)))
  const overdueRows = report.rows.filter((row) => row.overdue)
  const shown = onlyOverdue ? { ...report, rows: overdueRows } : report
  const calendars = Object.values(report.calendars)
  const calendar = calendars[0] ?? null
  const byTeacher = report.scope !== 'school'

  return shell(
    <>
      <p className="gbp-meta">{t('ui.progress.period', { year: schoolYear, term: t(term === 'hk1' ? 'ui.grid.term-1' : 'ui.grid.term-2'), date: day(report.asOf) })}</p>
      {calendar ? (
        <p className="gbp-meta" data-testid="progress-calendar">
          {t('ui.progress.calendar', { start: day(calendar.start), mid: day(calendar.midTerm), end: day(calendar.end) })}
          {calendar.midTermEstimated ? ` ${t('ui.progress.mid-estimated')}` : ''}
        </p>
      ) : report.rows.length > 0 ? (
        <p className="gbp-meta" data-testid="progress-no-calendar">{t('ui.progress.no-calendar')}</p>
      ) : null}
      <details className="gbp-meta">
        <summary>{t('ui.progress.rules-title')}</summary>
        {t('ui.progress.rules')}
      </details>
      <nav className="gbp-tabs" aria-label={t('ui.grid.term')}>
        {(['hk1', 'hk2'] as const).map((value) => (
          <a key={value} className="gbp-tab" href={href({ term: value, overdue: onlyOverdue ? '1' : undefined })} aria-current={value === term ? 'page' : undefined} data-testid={`progress-term-${value}`}>
            {t(value === 'hk1' ? 'ui.grid.term-1' : 'ui.grid.term-2')}
          </a>
        ))}
        <a className="gbp-tab" href={href({ overdue: onlyOverdue ? undefined : '1' })} aria-current={onlyOverdue ? 'page' : undefined} data-testid="progress-only-overdue">
          {t('ui.progress.only-overdue')}
        </a>
      </nav>
      {report.rows.length === 0 ? (
        <p data-testid="progress-none">{t('ui.progress.none', { year: schoolYear })}</p>
      ) : (
        <p className="gbp-summary" data-testid="progress-summary">
          {t('ui.progress.summary', { rows: report.rows.length })}{' '}
          <span className={overdueRows.length > 0 ? 'gbp-late' : undefined}>
            {overdueRows.length > 0 ? t('ui.progress.summary-late', { count: overdueRows.length, missing: overdueRows.reduce((sum, r) => sum + r.missing, 0) }) : t('ui.progress.summary-ok')}
          </span>
        </p>
      )}
      {groupsOf(shown, t).map((group) => {
        const late = group.rows.filter((r) => r.overdue).length
        return (
          <section key={group.key} data-testid="progress-group">
            <h2>
              {group.title}
              <small>{t('ui.progress.group-count', { rows: group.rows.length, late })}</small>
            </h2>
            <table>
              <colgroup>
                <col className="gbp-c-name" />
                {byTeacher ? null : <col className="gbp-c-teacher" />}
                <col className="gbp-c-students" />
                {kinds.map((kind) => (
                  <col key={kind} />
                ))}
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">{t(byTeacher ? 'ui.progress.class-subject' : 'ui.progress.subject')}</th>
                  {byTeacher ? null : <th scope="col">{t('ui.progress.teacher')}</th>}
                  <th scope="col">{t('ui.progress.students')}</th>
                  {kinds.map((kind) => (
                    <th key={kind} scope="col">{t(KIND_LABELS[kind])}</th>
                  ))}
                  <th scope="col">{t('ui.progress.next')}</th>
                </tr>
              </thead>
              <tbody>
                {group.rows.map((row) => (
                  <tr key={String(row.assignment)} className={row.overdue ? 'gbp-row-overdue' : undefined} data-testid="progress-row" data-overdue={row.overdue ? 'true' : 'false'}>
                    <td>
                      <a href={`${admin}${GRADEBOOK_VIEW_PATH}?assignment=${encodeURIComponent(String(row.assignment))}&term=${term}`} data-testid="progress-open">
                        {byTeacher ? `${row.class.name} · ${row.subject.name}` : row.subject.name}
                      </a>
                    </td>
                    {byTeacher ? null : <td data-label={t('ui.progress.teacher')}>{row.teacher?.name ?? t('ui.progress.no-teacher')}</td>}
                    <td className="gbp-n" data-label={t('ui.progress.students')}>{row.students}</td>
                    {kinds.map((kind) => (
                      <KindCell key={kind} progress={row.kinds.find((k) => k.kind === kind)} label={t(KIND_LABELS[kind])} t={t} />
                    ))}
                    <td className="gbp-n" data-label={t('ui.progress.next')}>{row.nextDeadline ? day(row.nextDeadline) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
    </>,
  )
}

export default GradebookProgress
