import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'

import { planStatusReport } from '../../teaching/plans/status.ts'
import { addDays, displayDay, mondayOf, parseDay, vietnamDay } from '../../calendar/days.ts'
import { message, type MessageKey } from '../../translations/index.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { MyWeekPlan } from './MyWeekPlan.tsx'
import { PlanStatusTable } from './StatusTable.tsx'

/** Where the view lives under /admin. */
export const TEACHING_PLANS_VIEW_PATH = '/teaching-plans'

/**
 * /admin/teaching-plans?week=YYYY-MM-DD ("Kế hoạch dạy học tuần", issue 14 item 3): who has handed
 * in the week's plan, rendered on the server from the same report as GET
 * /api/teaching-plans/status — the board sees the school, a team leader their department. Late
 * rows are marked red; each plan opens its document. A teacher sees their own week's plan on top
 * (MyWeekPlan): made from the timetable with one click, then handed in.
 */

const CSS = `
.tpv table { border-collapse: collapse; width: 100%; }
.tpv th, .tpv td { border: 1px solid var(--theme-elevation-150, #ddd); padding: 6px 8px; text-align: left; }
.tpv th { background: var(--theme-elevation-50, #f5f5f5); }
.tpv tr.tpv-late td { background: var(--theme-error-50, #fdecea); color: var(--theme-error-750, #8c1d18); }
.tpv nav { display: flex; gap: 12px; margin: 8px 0 16px; }
@media (max-width: 640px) { .tpv thead { display: none; } .tpv tr, .tpv td { display: block; } .tpv td[data-label]::before { content: attr(data-label) ': '; font-weight: 600; } }
`

export async function TeachingPlansView(props: AdminViewServerProps) {
  const { initPageResult, i18n, searchParams } = props
  const req = initPageResult.req as PayloadRequest
  const admin = req.payload.config.routes.admin ?? '/admin'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const asked = typeof searchParams?.week === 'string' ? parseDay(searchParams.week) : null
  const monday = mondayOf(asked ?? vietnamDay(new Date()))
  const report = req.user ? await planStatusReport(req, monday) : null
  // A teacher's own plan above; the status of those they oversee below (the board, a team leader).
  const teaches = schoolsWhereUserHas(currentUser(req), ['teacher', 'homeroom-teacher', 'team-leader']).length > 0
  const link = (week: string) => `${admin}${TEACHING_PLANS_VIEW_PATH}?week=${week}`
  return (
    <AdminFrame {...props} testId="teaching-plans-view" title={t('ui.plans.title')}>
      <div className="tpv">
        <style>{CSS}</style>
        <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.plans.title')}</h1>
        <p>{t('ui.plans.week', { from: displayDay(monday), to: displayDay(addDays(monday, 5)) })}</p>
        <nav>
          <a href={link(addDays(monday, -7))}>{t('ui.plans.previous-week')}</a>
          <a href={link(addDays(monday, 7))}>{t('ui.plans.next-week')}</a>
        </nav>
        {teaches ? <MyWeekPlan monday={monday} /> : null}
        {report || !teaches ? (
          <>
            {teaches ? <h2 style={{ fontSize: 20, margin: '8px 0' }}>{t('ui.plans.overseen')}</h2> : null}
            <PlanStatusTable report={report} t={t} admin={admin} />
          </>
        ) : null}
      </div>
    </AdminFrame>
  )
}

export default TeachingPlansView
