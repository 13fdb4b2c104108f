'use client'
import React, { useEffect, useState } from 'react'

import { addDays, displayDateTime, displayDay, mondayOf } from '../../calendar/days.ts'
import { useMessage } from '../../translations/useMessage.ts'
import { errorText } from './errorText.ts'

type ID = number | string
type Summary = {
  weekStart: string
  weekEnd: string
  days: { date: string; periods: number; signed: number }[]
  unsigned: { date: string; session: 'morning' | 'afternoon'; period: number; subject: string; teacher: string }[]
  upcoming: number
  closing: { closed: boolean; weeklyComment?: string; closedAt?: string | null }
}

/**
 * The week of the class log (GET /api/class-logs/week): how many periods are signed, which are not
 * (with their teacher, to remind them), and for the homeroom teacher the weekly closing with its
 * comment (Art. 7.f, on Saturday). Closing with periods still unsigned needs a tick: they stay
 * unsigned for good.
 */
export function ClassLogWeek({ api, classId, date, homeroom, today, onClosed, version }: { api: string; classId: ID; date: string; homeroom: boolean; today: string; onClosed: () => void; version: number }) {
  const t = useMessage()
  const [summary, setSummary] = useState<Summary | null>(null)
  const [comment, setComment] = useState('')
  const [accept, setAccept] = useState(false)
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const monday = mondayOf(date)

  useEffect(() => {
    let live = true
    fetch(`${api}/class-logs/week?${new URLSearchParams({ class: String(classId), date: monday })}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as Summary) : null))
      .then((body) => live && setSummary(body))
      .catch(() => live && setSummary(null))
    return () => {
      live = false
    }
  }, [api, classId, monday, version])

  if (!summary) return null
  const total = summary.days.reduce((n, d) => n + d.periods, 0) - summary.upcoming
  const signed = summary.days.reduce((n, d) => n + d.signed, 0)
  const saturday = addDays(monday, 5)
  const sessionName = (s: 'morning' | 'afternoon') => t(s === 'morning' ? 'ui.attendance.morning' : 'ui.attendance.afternoon').toLowerCase()

  const close = async () => {
    setSaving(true)
    setStatus(null)
    const response = await fetch(`${api}/class-logs/close-week`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ class: classId, weekStart: monday, weeklyComment: comment, acceptUnsigned: accept }),
    }).catch(() => null)
    setSaving(false)
    if (!response) return setStatus({ error: true, text: t('ui.attendance.offline') })
    if (!response.ok) return setStatus({ error: true, text: await errorText(response) })
    setStatus({ error: false, text: t('ui.classlog.closed-ok') })
    onClosed()
  }

  return (
    <section data-testid="class-log-week" style={{ marginTop: 20, borderTop: '2px solid var(--theme-elevation-150, #ddd)', paddingTop: 12 }}>
      <h3 style={{ fontSize: 17, margin: '0 0 6px' }}>{t('ui.classlog.week-title', { from: displayDay(summary.weekStart), to: displayDay(summary.weekEnd) })}</h3>
      <p style={{ margin: '0 0 6px' }} data-testid="class-log-week-count">
        {t('ui.classlog.week-count', { signed, total })}
        {summary.upcoming > 0 ? ` ${t('ui.classlog.week-upcoming', { count: summary.upcoming })}` : ''}
      </p>
      {summary.unsigned.length > 0 ? (
        <details open={summary.unsigned.length <= 6}>
          <summary>{t('ui.classlog.week-unsigned', { count: summary.unsigned.length })}</summary>
          <ul style={{ margin: '4px 0', paddingLeft: 18 }} data-testid="class-log-week-unsigned">
            {summary.unsigned.map((p) => (
              <li key={`${p.date}-${p.session}-${p.period}`}>
                {displayDay(p.date).slice(0, 5)} · {sessionName(p.session)} · {t('ui.classlog.period-short', { period: p.period })} · {p.subject} ({p.teacher})
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {summary.closing.closed ? (
        <p data-testid="class-log-week-closed">
          <strong>{t('ui.classlog.closed', { at: summary.closing.closedAt ? displayDateTime(summary.closing.closedAt) : '' })}</strong>
          {summary.closing.weeklyComment ? ` ${t('ui.classlog.weekly-comment')}: ${summary.closing.weeklyComment}` : ''}
        </p>
      ) : homeroom ? (
        today < saturday ? (
          <p style={{ color: 'var(--theme-elevation-600, #555)' }}>{t('ui.classlog.close-from', { saturday: displayDay(saturday) })}</p>
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8, maxWidth: 560 }}>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14 }}>
              {t('ui.classlog.weekly-comment')}
              <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={3} style={{ fontSize: 16, padding: 8, fontFamily: 'inherit' }} data-testid="class-log-weekly-comment" />
            </label>
            {summary.unsigned.length > 0 ? (
              <label style={{ display: 'flex', gap: 8, alignItems: 'center', fontSize: 15 }}>
                <input type="checkbox" style={{ width: 20, height: 20 }} checked={accept} onChange={(e) => setAccept(e.target.checked)} data-testid="class-log-accept-unsigned" />
                {t('ui.classlog.accept-unsigned', { count: summary.unsigned.length })}
              </label>
            ) : null}
            <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
              <button type="button" className="btn btn--style-primary" style={{ margin: 0, minHeight: 44, padding: '8px 18px' }} onClick={close} disabled={saving || (summary.unsigned.length > 0 && !accept)} data-testid="class-log-close-week">
                {saving ? t('ui.classlog.closing') : t('ui.classlog.close-week')}
              </button>
            </div>
          </div>
        )
      ) : null}
      {status ? (
        <p role="status" style={{ color: status.error ? '#b71c1c' : '#1b5e20' }} data-testid="class-log-week-status">
          {status.text}
        </p>
      ) : null}
    </section>
  )
}
