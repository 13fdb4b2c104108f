'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { displayDateTime, displayDay } from '../../calendar/days.ts'
import type { MessageKey } from '../../translations/index.ts'
import { useMessage } from '../../translations/useMessage.ts'
import { errorText } from '../ClassLogView/errorText.ts'

type ID = number | string
type Named = { id: ID; name?: string } | ID | null
type PlanRow = { id?: string; date: string; day: number; session: 'morning' | 'afternoon'; period: number; class: Named; subject: Named; lessonNumber?: number | null; lessonTitle?: string | null; note?: string | null; equipment?: string | null }
type Plan = { id: ID; status: 'draft' | 'submitted' | 'acknowledged'; late?: boolean; deadline?: string | null; submittedAt?: string | null; boardNote?: string | null; rows: PlanRow[] }

const STATUS: Record<Plan['status'], MessageKey> = { draft: 'ui.plans.status-draft', submitted: 'ui.plans.status-submitted', acknowledged: 'ui.plans.status-acknowledged' }
const nameOf = (value: Named) => (value && typeof value === 'object' ? String(value.name ?? '') : '')
const at = (iso: string | null | undefined) => (iso ? displayDateTime(iso) : '—')

/**
 * The teacher's own plan of the week on /admin/teaching-plans (issue 14 item 3): made from their
 * timetable and the PPCT with one click (POST /api/teaching-plans/generate, again while a draft to
 * follow a changed timetable, keeping their notes), read as a table, adjusted in the plan's form
 * (lesson numbers, notes, equipment), then handed in (POST /:id/submit) before the deadline.
 */
export function MyWeekPlan({ monday }: { monday: string }) {
  const { config } = useConfig()
  const { user } = useAuth()
  const t = useMessage()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [plan, setPlan] = useState<Plan | null | undefined>(undefined)
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    if (!user) return
    let live = true
    const query = new URLSearchParams({ 'where[teacher][equals]': String(user.id), 'where[weekStart][equals]': monday, depth: '1', limit: '1' })
    fetch(`${api}/teaching-plans?${query}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? (((await response.json()) as { docs: Plan[] }).docs[0] ?? null) : null))
      .then((found) => live && setPlan(found))
      .catch(() => live && setPlan(null))
    return () => {
      live = false
    }
  }, [api, monday, user, version])

  const post = async (path: string, body: unknown, done: MessageKey) => {
    setBusy(true)
    setStatus(null)
    const response = await fetch(`${api}/teaching-plans${path}`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null)
    setBusy(false)
    if (!response) return setStatus({ error: true, text: t('ui.attendance.offline') })
    if (!response.ok) return setStatus({ error: true, text: await errorText(response) })
    setStatus({ error: false, text: t(done) })
    setVersion((v) => v + 1)
  }

  if (plan === undefined) return null
  const sessionName = (s: PlanRow['session']) => t(s === 'morning' ? 'ui.attendance.morning' : 'ui.attendance.afternoon')
  return (
    <section data-testid="my-week-plan" style={{ marginBottom: 24 }}>
      <h2 style={{ fontSize: 20, margin: '8px 0' }}>{t('ui.plans.mine')}</h2>
      {plan ? (
        <p data-testid="my-week-plan-state">
          {t(STATUS[plan.status])}
          {plan.late ? ` · ${t('ui.plans.late')}` : plan.status === 'draft' && plan.deadline && Date.parse(plan.deadline) < Date.now() ? ` · ${t('ui.plans.overdue')}` : ''} · {t('ui.plans.deadline')}: {at(plan.deadline)}
          {plan.submittedAt ? ` · ${t('ui.plans.submitted-at')}: ${at(plan.submittedAt)}` : ''}
          {plan.boardNote ? ` · ${t('ui.plans.board-note', { note: plan.boardNote })}` : ''}
        </p>
      ) : (
        <p>{t('ui.plans.mine-missing')}</p>
      )}
      <div style={{ display: 'flex', gap: 10, flexWrap: 'wrap', alignItems: 'center', marginBottom: 8 }}>
        {!plan || plan.status === 'draft' ? (
          <button type="button" className="btn btn--style-secondary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} disabled={busy} onClick={() => post('/generate', { weekStart: monday }, 'ui.plans.generated')} data-testid="my-week-plan-generate">
            {plan ? t('ui.plans.regenerate') : t('ui.plans.generate')}
          </button>
        ) : null}
        {plan ? (
          <a className="btn btn--style-secondary" style={{ margin: 0, minHeight: 40, padding: '6px 14px', display: 'inline-flex', alignItems: 'center' }} href={`${config.routes.admin}/collections/teaching-plans/${plan.id}`}>
            {plan.status === 'draft' ? t('ui.plans.edit') : t('ui.plans.open')}
          </a>
        ) : null}
        {plan?.status === 'draft' ? (
          <button type="button" className="btn btn--style-primary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} disabled={busy} onClick={() => post(`/${plan.id}/submit`, {}, 'ui.plans.submitted')} data-testid="my-week-plan-submit">
            {t('ui.plans.submit')}
          </button>
        ) : null}
        {status ? (
          <span role="status" style={{ color: status.error ? '#b71c1c' : '#1b5e20' }} data-testid="my-week-plan-status">
            {status.text}
          </span>
        ) : null}
      </div>
      {plan && plan.rows.length > 0 ? (
        // A list, not a table: one line per period reads well on a phone and on a desktop.
        <ol data-testid="my-week-plan-rows" style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 860 }}>
          {plan.rows.map((row) => (
            <li key={row.id ?? `${row.date}-${row.session}-${row.period}`} style={{ padding: '6px 0', borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)' }}>
              <div style={{ fontSize: 13, color: 'var(--theme-elevation-600, #555)' }}>
                {t('ui.plans.row-when', { day: displayDay(row.date).slice(0, 5), session: sessionName(row.session).toLowerCase(), period: row.period, class: nameOf(row.class), subject: nameOf(row.subject) })}
              </div>
              <div>{row.lessonNumber ? `${t('ui.plans.lesson-number', { number: row.lessonNumber })}: ${row.lessonTitle ?? ''}` : '—'}</div>
              {row.note || row.equipment ? <div style={{ fontSize: 13 }}>{[row.note, row.equipment].filter(Boolean).join(' · ')}</div> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  )
}

export default MyWeekPlan
