'use client'
import { useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { addDays, displayDateTime, displayDay } from '../../calendar/days.ts'
import { useMessage } from '../../translations/useMessage.ts'
import { ClassLogWeek } from './ClassLogWeek.tsx'
import { errorText } from './errorText.ts'
import { PeriodCard, type DayStudent, type LogRow } from './PeriodCard.tsx'

type ID = number | string
type Session = 'morning' | 'afternoon'
export type Day = {
  doc: { id: ID; date: string; rows: LogRow[]; boardNotes?: { id?: string; note: string; by: ID; at: string }[] }
  class: { id: ID; name: string }
  week: { closed: boolean; weeklyComment?: string; closedAt?: string | null }
  students: DayStudent[]
  names: { subjects: Record<string, string>; teachers: Record<string, string> }
  attendance: { session: Session; takenAt: string | null; absences: { student: ID; status: 'excused' | 'unexcused' | 'late' }[] }[]
  you: { id: ID; homeroom: boolean; checker: boolean }
}
type MySlot = { date: string; session: Session; period: number; class: { id: ID; name: string }; subject: { name: string } }


/**
 * Sổ đầu bài of one class and day. The rows come filled from the timetable and the teaching plans
 * (subject, PPCT lesson and title are never typed); a teacher completes and signs their own periods
 * (PeriodCard), the homeroom teacher closes the week (ClassLogWeek), the board adds check notes.
 * Every write goes to the class log's endpoints, then the day is read again.
 */
export function ClassLogDay({ classes, teaches, today }: { classes: { id: ID; name: string; homeroom: boolean }[]; teaches: boolean; today: string }) {
  const { config } = useConfig()
  const t = useMessage()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [classId, setClassId] = useState<ID>((classes.find((c) => c.homeroom) ?? classes[0]!).id)
  const [date, setDate] = useState(today)
  const [day, setDay] = useState<Day | null>(null)
  const [mine, setMine] = useState<MySlot[]>([])
  const [state, setState] = useState<{ kind: 'loading' | 'idle' | 'error'; text?: string }>({ kind: 'loading' })
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    let live = true
    setState({ kind: 'loading' })
    fetch(`${api}/class-logs/day?${new URLSearchParams({ class: String(classId), date })}`, { credentials: 'include' })
      .then(async (response) => {
        if (!live) return
        if (!response.ok) {
          setDay(null)
          return setState({ kind: 'error', text: await errorText(response) })
        }
        setDay((await response.json()) as Day)
        setState({ kind: 'idle' })
      })
      .catch(() => live && setState({ kind: 'error', text: t('ui.attendance.offline') }))
    return () => {
      live = false
    }
    // t is a new function each render; the language does not change while the screen is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, classId, date, version])

  // The teacher's own periods of the day, from their timetable: the way in for most of them.
  useEffect(() => {
    if (!teaches) return
    let live = true
    fetch(`${api}/timetables/week?${new URLSearchParams({ date, teacher: 'me' })}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { slots: MySlot[] }) : { slots: [] }))
      .then((week) => live && setMine(week.slots.filter((slot) => slot.date === date)))
      .catch(() => live && setMine([]))
    return () => {
      live = false
    }
  }, [api, date, teaches])

  const control: React.CSSProperties = { fontSize: 16, padding: '6px 8px', minHeight: 40 }
  const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14 }
  const sessionName = (session: Session) => t(session === 'morning' ? 'ui.attendance.morning' : 'ui.attendance.afternoon')
  const knownClass = (id: ID) => classes.some((c) => String(c.id) === String(id))
  return (
    <div data-testid="class-log" style={{ maxWidth: 860 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end', marginBottom: 12 }}>
        <label style={field}>
          {t('ui.attendance.class')}
          <select style={control} value={String(classId)} onChange={(e) => setClassId(classes.find((c) => String(c.id) === e.target.value)!.id)} data-testid="class-log-class">
            {classes.map((c) => (
              <option key={String(c.id)} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          {t('ui.attendance.date')}
          <input style={control} type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} data-testid="class-log-date" />
        </label>
        <div style={{ display: 'flex', gap: 6 }}>
          <button type="button" className="btn btn--style-secondary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} onClick={() => setDate(addDays(date, -1))}>
            {t('ui.classlog.prev-day')}
          </button>
          <button type="button" className="btn btn--style-secondary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} onClick={() => setDate(addDays(date, 1))}>
            {t('ui.classlog.next-day')}
          </button>
        </div>
      </div>

      {teaches ? (
        <section aria-label={t('ui.classlog.my-periods', { date: displayDay(date) })} style={{ marginBottom: 12 }} data-testid="class-log-mine">
          <strong>{t('ui.classlog.my-periods', { date: displayDay(date) })}</strong>{' '}
          {mine.length === 0 ? (
            <span>{t('ui.classlog.no-my-periods')}</span>
          ) : (
            <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 6 }}>
              {mine.map((slot) => (
                <button
                  key={`${slot.session}-${slot.period}`}
                  type="button"
                  disabled={!knownClass(slot.class.id)}
                  aria-pressed={String(slot.class.id) === String(classId)}
                  onClick={() => setClassId(slot.class.id)}
                  style={{ minHeight: 36, padding: '4px 10px', borderRadius: 16, cursor: 'pointer', border: '1px solid var(--theme-elevation-250, #bbb)', background: String(slot.class.id) === String(classId) ? 'var(--theme-elevation-100, #eee)' : 'var(--theme-elevation-0, #fff)', color: 'var(--theme-text, #222)' }}
                >
                  {t('ui.classlog.my-slot', { session: sessionName(slot.session).toLowerCase(), period: slot.period, class: slot.class.name, subject: slot.subject.name })}
                </button>
              ))}
            </span>
          )}
        </section>
      ) : null}

      {state.kind === 'loading' ? <p>{t('ui.classlog.loading')}</p> : null}
      {state.kind === 'error' ? (
        <p role="alert" style={{ color: '#b71c1c' }} data-testid="class-log-error">
          {state.text}
        </p>
      ) : null}
      {day ? (
        <>
          <h2 style={{ fontSize: 20, margin: '8px 0' }}>{t('ui.classlog.heading', { class: day.class.name, date: displayDay(day.doc.date) })}</h2>
          {day.week.closed ? (
            <p data-testid="class-log-locked" style={{ color: 'var(--theme-elevation-600, #555)' }}>
              {t('ui.classlog.week-locked')}
            </p>
          ) : null}
          {day.doc.rows.length === 0 ? <p>{t('ui.classlog.no-periods')}</p> : null}
          {day.doc.rows.map((row) => (
            <PeriodCard key={`${row.session}-${row.period}`} api={api} day={day} row={row} onSigned={reload} />
          ))}
          <BoardNotes api={api} day={day} onAdded={reload} />
          {day.you.homeroom || day.you.checker ? <ClassLogWeek api={api} classId={day.class.id} date={day.doc.date} homeroom={day.you.homeroom} today={today} onClosed={reload} version={version} /> : null}
        </>
      ) : null}
    </div>
  )
}

/** The board's check notes under the day; the principal and vice-principals add one. */
function BoardNotes({ api, day, onAdded }: { api: string; day: Day; onAdded: () => void }) {
  const t = useMessage()
  const [note, setNote] = useState('')
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const notes = day.doc.boardNotes ?? []
  if (notes.length === 0 && !day.you.checker) return null
  const add = async () => {
    setStatus(null)
    const response = await fetch(`${api}/class-logs/${day.doc.id}/board-note`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ note }) }).catch(() => null)
    if (!response) return setStatus({ error: true, text: t('ui.attendance.offline') })
    if (!response.ok) return setStatus({ error: true, text: await errorText(response) })
    setNote('')
    setStatus({ error: false, text: t('ui.classlog.note-added') })
    onAdded()
  }
  return (
    <section data-testid="class-log-notes" style={{ marginTop: 16 }}>
      <h3 style={{ fontSize: 17, margin: '8px 0' }}>{t('ui.classlog.notes')}</h3>
      <ul style={{ paddingLeft: 18, margin: '0 0 8px' }}>
        {notes.map((n, i) => (
          <li key={n.id ?? i}>
            {n.note} <span style={{ color: 'var(--theme-elevation-500, #666)', fontSize: 13 }}>({day.names.teachers[String(n.by)] ?? ''} · {displayDateTime(n.at)})</span>
          </li>
        ))}
      </ul>
      {day.you.checker ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 6, maxWidth: 560 }}>
          <textarea aria-label={t('ui.classlog.note-add')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} style={{ fontSize: 16, padding: 8, fontFamily: 'inherit' }} data-testid="class-log-note" />
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
            <button type="button" className="btn btn--style-secondary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} onClick={add} disabled={note.trim().length < 3}>
              {t('ui.classlog.note-add')}
            </button>
            {status ? (
              <span role="status" style={{ color: status.error ? '#b71c1c' : '#1b5e20' }}>
                {status.text}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  )
}

export default ClassLogDay
