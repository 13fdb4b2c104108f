import React from 'react'

import { TEACHING_PLANS_SLUG } from '../../teaching/plans/slugs.ts'
import type { PlanStatusReport, PlanStatusRow } from '../../teaching/plans/status.ts'
import { displayDay, vietnamDay } from '../../calendar/days.ts'
import type { MessageKey } from '../../translations/index.ts'

/** The week's plan status table of /admin/teaching-plans: plain markup (no client code, renders in Node). */

const STATUS_LABELS: Record<PlanStatusRow['status'], MessageKey> = {
  missing: 'ui.plans.status-missing',
  draft: 'ui.plans.status-draft',
  submitted: 'ui.plans.status-submitted',
  acknowledged: 'ui.plans.status-acknowledged',
}

const when = (iso: string | null) => (iso ? `${displayDay(vietnamDay(iso))} ${new Date(iso).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' })}` : '—')

export function PlanStatusTable({ report, t, admin }: { report: PlanStatusReport | null; t: (key: MessageKey, vars?: Record<string, string | number>) => string; admin: string }) {
  if (!report) return <p>{t('plans.status-forbidden')}</p>
  return report.teachers.length === 0 ? (
    <p>{t('ui.plans.nobody')}</p>
  ) : (
    <>
      <p>{t('ui.plans.summary', { total: report.teachers.length, late: report.teachers.filter((row) => row.late).length })}</p>
      <table>
        <thead>
          <tr>
            <th>{t('ui.plans.teacher')}</th>
            <th>{t('ui.plans.periods')}</th>
            <th>{t('ui.plans.state')}</th>
            <th>{t('ui.plans.deadline')}</th>
            <th>{t('ui.plans.submitted-at')}</th>
          </tr>
        </thead>
        <tbody>
          {report.teachers.map((row) => (
            <tr key={String(row.teacher.id)} className={row.late ? 'tpv-late' : undefined} data-late={row.late ? 'true' : undefined}>
              <td data-label={t('ui.plans.teacher')}>{row.plan ? <a href={`${admin}/collections/${TEACHING_PLANS_SLUG}/${row.plan}`}>{row.teacher.name}</a> : row.teacher.name}</td>
              <td data-label={t('ui.plans.periods')}>{row.periods}</td>
              <td data-label={t('ui.plans.state')}>
                {t(STATUS_LABELS[row.status])}
                {row.late ? ` · ${t('ui.plans.late')}` : ''}
              </td>
              <td data-label={t('ui.plans.deadline')}>{when(row.deadline)}</td>
              <td data-label={t('ui.plans.submitted-at')}>{when(row.submittedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
