import { disclosureGroupLabels } from '@truongso/snapshot'
import type { PayloadRequest } from 'payload'
import React from 'react'

import { displayDay, vietnamDay } from '../../calendar/days.ts'
import type { Percent, SchoolOversight, Term } from '../../oversight/dashboard.ts'
import { disclosureStatusesOfSchools } from '../../website/disclosureCompliance.ts'
import { languageOf, message, type MessageKey } from '../../translations/index.ts'

const section: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', margin: '0 0 16px' }
const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100, #eee)', textAlign: 'right' }
const pct = (value: Percent) => (value === null ? '—' : `${value.toLocaleString('vi-VN')}%`)

/** One school's figures in full: the grades' marks, each disclosure's deadline, the plans, logs, registers and accounts. */
export async function SchoolDetail({ req, row, schoolYear, term }: { req: PayloadRequest; row: SchoolOversight; schoolYear: string; term: Term }) {
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message(req, key, vars)
  const lang = languageOf(req)
  const statuses = (await disclosureStatusesOfSchools(req.payload, [{ id: row.school.id, template: row.school.template }], schoolYear, req)).get(String(row.school.id)) ?? []
  const fact = (label: MessageKey, value: React.ReactNode, testId?: string) => (
    <li data-testid={testId}>
      {t(label)}: <strong>{value}</strong>
    </li>
  )
  return (
    <div id="top" data-school={row.school.slug}>
      <h1 style={{ margin: '8px 0 4px', fontSize: 26 }}>{row.school.name}</h1>
      <p style={{ margin: '0 0 12px' }}>
        {row.school.tier?.name} · {t('ui.records.year', { year: schoolYear })} · {t('ui.oversight.term', { term: term === 1 ? 'I' : 'II' })}
        {row.term ? ` (${displayDay(row.term.start)} – ${displayDay(row.term.end)})` : ` · ${t('ui.oversight.no-term-dates')}`}
      </p>
      <section style={section}>
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.behind')}</h2>
        {row.behind.length === 0 ? <p>{t('ui.oversight.up-to-date')}</p> : (
          <ul>{row.behind.map((reason) => <li key={reason}>{t(`ui.oversight.reason.${reason}` as MessageKey)}</li>)}</ul>
        )}
      </section>
      <section style={section} id="website">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.website')}</h2>
        <ul>
          {fact('ui.oversight.last-post', row.website.lastPostAt ? displayDay(vietnamDay(row.website.lastPostAt)) : '—', 'detail-last-post')}
          {fact('ui.oversight.posts-30', row.website.postsLast30Days)}
          {fact('ui.oversight.pending-7', row.website.pendingReviewsOver7Days)}
        </ul>
      </section>
      <section style={section} id="disclosures">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.disclosures-title')}</h2>
        <ul>
          {statuses.map((s) => (
            <li key={`${s.rule}:${s.group}:${s.due}:${s.disclosure?.id ?? ''}`} data-status={s.status}>
              {s.disclosure ? s.disclosure.title : disclosureGroupLabels[s.group][lang]} — {t(`ui.oversight.status.${s.status}` as MessageKey)} ({t('ui.oversight.due', { date: displayDay(s.due) })})
            </li>
          ))}
        </ul>
      </section>
      <section style={section} id="gradebook">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.gradebook')}</h2>
        <p>{t('ui.oversight.approved-classes', { approved: row.gradebook.classesApproved, classes: row.gradebook.classes })}</p>
        {row.gradebook.grades.length === 0 ? <p>{t('ui.oversight.no-classes')}</p> : (
          <div style={{ overflowX: 'auto' }}>
            <table style={{ borderCollapse: 'collapse' }} data-testid="detail-grades">
              <thead>
                <tr>
                  {(['ui.oversight.grade', 'ui.oversight.classes', 'ui.oversight.expected', 'ui.oversight.regular', 'ui.oversight.mid-term', 'ui.oversight.end-term'] as MessageKey[]).map((k) => (
                    <th key={k} style={cell}>{t(k)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {row.gradebook.grades.map((g) => (
                  <tr key={g.grade}>
                    <td style={cell}>{g.grade}</td>
                    <td style={cell}>{g.classes}</td>
                    <td style={cell}>{g.expected}</td>
                    <td style={cell}>{g.regular}</td>
                    <td style={cell}>{g.midTerm}</td>
                    <td style={cell}>{g.endTerm}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section style={section} id="plans">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.plans')}</h2>
        <ul>
          {fact('ui.oversight.teaching-plans', `${row.teachingPlans.onTime}/${row.teachingPlans.expected} (${pct(row.teachingPlans.onTimePercent)})`)}
          {fact('ui.oversight.teaching-plans-late', row.teachingPlans.late)}
          {fact('ui.oversight.teaching-plans-missing', row.teachingPlans.missing)}
          {fact('ui.oversight.lesson-plans', `${row.lessonPlans.onTime}/${row.lessonPlans.handedIn} (${pct(row.lessonPlans.onTimePercent)})`)}
          {fact('ui.oversight.lesson-plans-late', row.lessonPlans.late)}
        </ul>
      </section>
      <section style={section} id="class-logs">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.class-logs')}</h2>
        <p>{t('ui.oversight.signed', { signed: row.classLogs.signed, periods: row.classLogs.periods, percent: pct(row.classLogs.signedPercent) })}</p>
      </section>
      <section style={section} id="attendance">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.attendance')}</h2>
        <p>{t('ui.oversight.taken', { taken: row.attendance.taken, expected: row.attendance.expected, percent: pct(row.attendance.takenPercent) })}</p>
      </section>
      <section style={section} id="accounts">
        <h2 style={{ margin: '0 0 8px', fontSize: 18 }}>{t('ui.oversight.passwords')}</h2>
        <p>{t('ui.oversight.accounts', { unchanged: row.accounts.passwordNeverChanged, total: row.accounts.total })}</p>
      </section>
    </div>
  )
}
