'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import { message, type MessageKey } from '../../translations/index.ts'
import { WeekNotice } from './WeekNotice.tsx'

type ID = number | string
/** `notify`: the caller may send this class's week to its families (its homeroom teacher, the board, the school admin). */
export type TimetableClass = { id: ID; name: string; homeroom: boolean; notify: boolean }
type Lesson = { date: string; day: number; session: 'morning' | 'afternoon'; period: number; slot: ID; class: { id: ID; name: string }; subject: { id: ID; name: string }; teacher: { id: ID; name: string }; room: string | null }
type Week = { weekStart: string; weekEnd: string; slots: Lesson[] }
type T = (key: MessageKey, vars?: Record<string, string | number>) => string

const DAY_MS = 86_400_000
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10)
const mondayOf = (day: string) => addDays(day, -((new Date(`${day}T00:00:00.000Z`).getUTCDay() + 6) % 7))
const dm = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`
const dmy = (day: string) => `${dm(day)}/${day.slice(0, 4)}`
const PERIODS = [1, 2, 3, 4, 5] as const
const SESSIONS = ['morning', 'afternoon'] as const

const th: React.CSSProperties = { padding: '6px 8px', borderBottom: '2px solid var(--theme-elevation-200, #ccc)', textAlign: 'center', background: 'var(--theme-elevation-50, #f5f5f5)', fontSize: 13, whiteSpace: 'nowrap' }
const td: React.CSSProperties = { padding: '6px 8px', border: '1px solid var(--theme-elevation-100, #e5e5e5)', verticalAlign: 'top', minWidth: 110, height: 56 }
// The grid on a desktop, the stacked day list on a phone (both rendered; CSS shows one).
const RESPONSIVE = '.ts-tt-days{display:none}@media (max-width: 767px){.ts-tt-grid{display:none}.ts-tt-days{display:block}}'

/**
 * Thời khóa biểu of one week (issue 14 item 1): the caller's own lessons ("my timetable") or a
 * class's, from GET /api/timetables/week, each lesson on its real date from the timetable in force
 * that day. A week picker (previous / this / next week); days × periods on a desktop, a list per day
 * on a phone. For a class the caller may notify, the week can be stored for its families (WeekNotice).
 */
export function WeekTimetable({ classes, mine, today }: { classes: TimetableClass[]; mine: boolean; today: string }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = useMemo(() => ({ i18n: { language: i18n.language } }), [i18n.language])
  const t: T = useCallback((key, vars) => message(lang, key, vars), [lang])
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const thisWeek = mondayOf(today)
  const [monday, setMonday] = useState(thisWeek)
  // 'me' (the caller's lessons) or a class id.
  const [view, setView] = useState<string>(mine ? 'me' : String(classes[0]?.id ?? ''))
  const [week, setWeek] = useState<Week | null>(null)
  const [state, setState] = useState<{ kind: 'idle' | 'loading' | 'error'; text?: string }>({ kind: 'loading' })

  useEffect(() => {
    let live = true
    setState({ kind: 'loading' })
    const query = new URLSearchParams(view === 'me' ? { date: monday, teacher: 'me' } : { date: monday, class: view })
    fetch(`${api}/timetables/week?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!live) return
        if (!response.ok) {
          setWeek(null)
          setState({ kind: 'error', text: body?.errors?.[0]?.message ?? String(response.status) })
          return
        }
        setWeek(body as Week)
        setState({ kind: 'idle' })
      })
      .catch(() => live && setState({ kind: 'error', text: t('ui.timetable.offline') }))
    return () => {
      live = false
    }
  }, [api, monday, view, t])

  const days = useMemo(() => Array.from({ length: 6 }, (_, i) => addDays(monday, i)), [monday])
  const lessons = week?.slots ?? []
  const at = (date: string, session: string, period: number) => lessons.filter((l) => l.date === date && l.session === session && l.period === period)
  // Afternoon rows only when some lesson is in the afternoon.
  const sessions = SESSIONS.filter((s) => s === 'morning' || lessons.some((l) => l.session === s))
  const showClass = view === 'me'
  const detail = (lesson: Lesson) => [showClass ? t('ui.timetable.class', { class: lesson.class.name }) : lesson.teacher.name, lesson.room ? t('ui.timetable.room', { room: lesson.room }) : ''].filter(Boolean).join(' · ')
  const dayName = (date: string, i: number) => t('ui.timetable.day', { day: i + 2, date: dm(date) })
  const notified = view === 'me' ? undefined : classes.find((c) => String(c.id) === view && c.notify)

  const control: React.CSSProperties = { fontSize: 16, padding: '6px 8px', minHeight: 40 }
  const button: React.CSSProperties = { margin: 0, minHeight: 40 }
  return (
    <div data-testid="timetable" style={{ maxWidth: '100%', minWidth: 0 }}>
      <style>{RESPONSIVE}</style>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', marginBottom: 12 }}>
        {classes.length > 0 ? (
          <label style={{ display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14 }}>
            {t('ui.timetable.view')}
            <select style={control} value={view} onChange={(e) => setView(e.target.value)} data-testid="timetable-select">
              {mine ? <option value="me">{t('ui.timetable.mine')}</option> : null}
              {classes.map((c) => (
                <option key={String(c.id)} value={String(c.id)}>
                  {t(c.homeroom ? 'ui.timetable.my-class' : 'ui.timetable.class', { class: c.name })}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
          <button type="button" className="btn btn--style-secondary btn--size-small" style={button} onClick={() => setMonday(addDays(monday, -7))} data-testid="timetable-previous">
            {t('ui.timetable.previous')}
          </button>
          <button type="button" className="btn btn--style-secondary btn--size-small" style={button} onClick={() => setMonday(thisWeek)} disabled={monday === thisWeek} data-testid="timetable-this">
            {t('ui.timetable.this-week')}
          </button>
          <button type="button" className="btn btn--style-secondary btn--size-small" style={button} onClick={() => setMonday(addDays(monday, 7))} data-testid="timetable-next">
            {t('ui.timetable.next')}
          </button>
        </div>
      </div>
      <p style={{ margin: '0 0 8px', fontWeight: 600 }} data-testid="timetable-week" data-week={monday}>
        {t('ui.timetable.week', { from: dmy(days[0]!), to: dmy(days[5]!) })}
        {monday === thisWeek ? ` (${t('ui.timetable.this-week').toLocaleLowerCase('vi')})` : ''}
        {week ? ` · ${t('ui.timetable.count', { count: lessons.length })}` : ''}
      </p>
      {notified ? <WeekNotice api={api} classId={notified.id} monday={monday} t={t} /> : null}
      {state.kind === 'loading' ? <p>{t('ui.timetable.loading')}</p> : null}
      {state.kind === 'error' ? (
        <p role="alert" style={{ color: '#b71c1c' }}>
          {state.text}
        </p>
      ) : null}
      {week && state.kind !== 'error' ? (
        <>
          {lessons.length === 0 ? <p data-testid="timetable-empty">{t('ui.timetable.empty')}</p> : null}
          <div className="ts-tt-grid" style={{ overflowX: 'auto' }}>
            <table data-testid="timetable-grid" style={{ borderCollapse: 'collapse', width: '100%', fontSize: 14 }}>
              <thead>
                <tr>
                  <th style={th} />
                  {days.map((date, i) => (
                    <th key={date} style={{ ...th, ...(date === today ? { background: 'var(--theme-success-100, #e3f2e5)' } : {}) }}>
                      {dayName(date, i)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sessions.flatMap((session) =>
                  PERIODS.map((period) => (
                    <tr key={`${session}-${period}`}>
                      <th scope="row" style={{ ...th, textAlign: 'left' }}>
                        {t('ui.timetable.period', { session: t(session === 'morning' ? 'ui.timetable.morning' : 'ui.timetable.afternoon'), period })}
                      </th>
                      {days.map((date) => (
                        <td key={date} style={td}>
                          {at(date, session, period).map((lesson) => (
                            <div key={String(lesson.slot)} data-testid="timetable-lesson" data-date={date}>
                              <strong>{lesson.subject.name}</strong>
                              <div style={{ fontSize: 12, color: 'var(--theme-elevation-600, #555)' }}>{detail(lesson)}</div>
                            </div>
                          ))}
                        </td>
                      ))}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          <div className="ts-tt-days" data-testid="timetable-days">
            {days.map((date, i) => {
              const ofDay = lessons.filter((l) => l.date === date)
              return (
                <section key={date} style={{ marginBottom: 12 }}>
                  <h2 style={{ fontSize: 16, margin: '8px 0 4px', ...(date === today ? { color: 'var(--theme-success-700, #1b5e20)' } : {}) }}>
                    {dayName(date, i)}
                    {date === today ? ` · ${t('ui.timetable.today')}` : ''}
                  </h2>
                  {ofDay.length === 0 ? (
                    <p style={{ margin: 0, color: 'var(--theme-elevation-500, #666)' }}>{t('ui.timetable.no-lessons')}</p>
                  ) : (
                    <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {ofDay.map((lesson) => (
                        <li key={String(lesson.slot)} data-testid="timetable-day-lesson" style={{ padding: '6px 0', borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)', display: 'flex', gap: 8 }}>
                          <span style={{ minWidth: 72, color: 'var(--theme-elevation-600, #555)', fontSize: 13 }}>
                            {t('ui.timetable.period', { session: t(lesson.session === 'morning' ? 'ui.timetable.morning' : 'ui.timetable.afternoon'), period: lesson.period })}
                          </span>
                          <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                            <strong>{lesson.subject.name}</strong>
                            <span style={{ display: 'block', fontSize: 12, color: 'var(--theme-elevation-600, #555)' }}>{detail(lesson)}</span>
                          </span>
                        </li>
                      ))}
                    </ol>
                  )}
                </section>
              )
            })}
          </div>
        </>
      ) : null}
    </div>
  )
}

export default WeekTimetable
