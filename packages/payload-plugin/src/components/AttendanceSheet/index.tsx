'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import { displayDateTime } from '../../calendar/days.ts'
import { message, type MessageKey } from '../../translations/index.ts'

type ID = number | string
type Status = 'present' | 'excused' | 'unexcused' | 'late'
type Student = { id: ID; fullName: string; studentCode: string }
type Period = { period: number; subject: string; teacher: string; signed: boolean; absentStudents: ID[] }
type Sheet = { class: { id: ID; name: string }; date: string; session: 'morning' | 'afternoon'; students: Student[]; periods?: Period[]; taken: { takenAt: string | null; absences: { student: ID; status: Status; reason: string }[] } | null }
type Mark = { status: Status; reason: string }

const STATUSES: { status: Status; key: MessageKey }[] = [
  { status: 'present', key: 'ui.attendance.present' },
  { status: 'excused', key: 'ui.attendance.excused' },
  { status: 'unexcused', key: 'ui.attendance.unexcused' },
  { status: 'late', key: 'ui.attendance.late' },
]
const COLOURS: Record<Status, string> = { present: '#1b5e20', excused: '#0d47a1', unexcused: '#b71c1c', late: '#8a5a00' }

/**
 * Điểm danh (issue 14 item 5): the homeroom teacher picks the day and session, taps the students who
 * are absent (with or without permission) or late — everyone else is present — and saves the session
 * in one idempotent PUT (/api/attendance-sessions/sheet). Built for a phone: one student per row,
 * large buttons, the save button always in reach.
 */
export function AttendanceSheet({ classes, today }: { classes: { id: ID; name: string }[]; today: string }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = useMemo(() => ({ i18n: { language: i18n.language } }), [i18n.language])
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => message(lang, key, vars), [lang])
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [classId, setClassId] = useState<ID>(classes[0]!.id)
  const [date, setDate] = useState(today)
  const [session, setSession] = useState<'morning' | 'afternoon'>('morning')
  const [sheet, setSheet] = useState<Sheet | null>(null)
  const [marks, setMarks] = useState<Map<string, Mark>>(new Map())
  const [state, setState] = useState<{ kind: 'idle' | 'loading' | 'saving' | 'saved' | 'error'; text?: string }>({ kind: 'loading' })
  const [dirty, setDirty] = useState(false)

  useEffect(() => {
    let live = true
    // The previous day's rows go while the new day loads: a tap on them would be lost (or saved
    // for the wrong day) when the new sheet arrives.
    setSheet(null)
    setState({ kind: 'loading' })
    fetch(`${api}/attendance-sessions/sheet?${new URLSearchParams({ class: String(classId), date, session })}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json()
        if (!live) return
        if (!response.ok) {
          setSheet(null)
          setState({ kind: 'error', text: body?.errors?.[0]?.message ?? String(response.status) })
          return
        }
        setSheet(body as Sheet)
        setMarks(new Map(((body as Sheet).taken?.absences ?? []).map((a) => [String(a.student), { status: a.status, reason: a.reason ?? '' }])))
        setDirty(false)
        setState({ kind: 'idle' })
      })
      .catch(() => live && setState({ kind: 'error', text: t('ui.attendance.offline') }))
    return () => {
      live = false
    }
  }, [api, classId, date, session, t])

  // Marks not saved yet are not thrown away without asking: switching class, day or session loads
  // another sheet, and leaving the page (reload, closing the tab) would lose them too.
  const mayLeave = () => {
    if (!dirty) return true
    if (!window.confirm(t('ui.attendance.discard-unsaved'))) return false
    setDirty(false) // asked once: the next keystroke in the date field does not ask again
    return true
  }
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])

  const counts = useMemo(() => {
    const c = { excused: 0, unexcused: 0, late: 0 }
    for (const mark of marks.values()) if (mark.status !== 'present') c[mark.status]++
    return c
  }, [marks])

  // The class log's periods of the session: which students each period's teacher recorded absent.
  const periodsAbsent = useMemo(() => {
    const byStudent = new Map<string, number[]>()
    for (const p of sheet?.periods ?? []) for (const student of p.absentStudents) byStudent.set(String(student), [...(byStudent.get(String(student)) ?? []), p.period])
    return byStudent
  }, [sheet])

  // A change after a save: the status line says "not saved" again, not the earlier "saved".
  const changed = () => {
    setDirty(true)
    setState((current) => (current.kind === 'saved' ? { kind: 'idle' } : current))
  }
  const mark = (student: ID, status: Status) => {
    setMarks((previous) => {
      const next = new Map(previous)
      if (status === 'present') next.delete(String(student))
      else next.set(String(student), { status, reason: previous.get(String(student))?.reason ?? '' })
      return next
    })
    changed()
  }
  const reason = (student: ID, text: string) => {
    setMarks((previous) => new Map(previous).set(String(student), { ...previous.get(String(student))!, reason: text }))
    changed()
  }

  const save = async () => {
    if (!sheet) return
    setState({ kind: 'saving' })
    const absences = sheet.students.filter((s) => marks.has(String(s.id))).map((s) => ({ student: s.id, status: marks.get(String(s.id))!.status, reason: marks.get(String(s.id))!.reason || undefined }))
    try {
      const response = await fetch(`${api}/attendance-sessions/sheet`, {
        method: 'PUT',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ class: sheet.class.id, date: sheet.date, session: sheet.session, absences }),
      })
      const body = await response.json()
      if (!response.ok) return setState({ kind: 'error', text: body?.errors?.[0]?.message ?? String(response.status) })
      setSheet({ ...sheet, taken: { takenAt: body.takenAt, absences: absences.map((a) => ({ ...a, reason: a.reason ?? '' })) } })
      setDirty(false)
      setState({ kind: 'saved', text: body.message })
    } catch {
      setState({ kind: 'error', text: t('ui.attendance.offline') })
    }
  }

  const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14 }
  const control: React.CSSProperties = { fontSize: 16, padding: '6px 8px', minHeight: 40 }
  return (
    <div data-testid="attendance-sheet" style={{ maxWidth: 720 }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, marginBottom: 12 }}>
        <label style={field}>
          {t('ui.attendance.class')}
          <select style={control} value={String(classId)} onChange={(e) => mayLeave() && setClassId(classes.find((c) => String(c.id) === e.target.value)!.id)} data-testid="attendance-class">
            {classes.map((c) => (
              <option key={String(c.id)} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          {t('ui.attendance.date')}
          <input style={control} type="date" value={date} onChange={(e) => e.target.value && mayLeave() && setDate(e.target.value)} data-testid="attendance-date" />
        </label>
        <label style={field}>
          {t('ui.attendance.session')}
          <select style={control} value={session} onChange={(e) => mayLeave() && setSession(e.target.value as 'morning' | 'afternoon')} data-testid="attendance-session">
            <option value="morning">{t('ui.attendance.morning')}</option>
            <option value="afternoon">{t('ui.attendance.afternoon')}</option>
          </select>
        </label>
      </div>
      {state.kind === 'loading' ? <p>{t('ui.attendance.loading')}</p> : null}
      {sheet ? (
        <>
          <p style={{ margin: '0 0 8px' }} data-testid="attendance-summary">
            {t('ui.attendance.summary', { enrolled: sheet.students.length, present: sheet.students.length - counts.excused - counts.unexcused, excused: counts.excused, unexcused: counts.unexcused, late: counts.late })}
            {' · '}
            {sheet.taken?.takenAt ? t('ui.attendance.taken-at', { at: displayDateTime(sheet.taken.takenAt) }) : t('ui.attendance.not-taken')}
          </p>
          {(sheet.periods ?? []).length > 0 ? (
            <p style={{ margin: '0 0 8px', fontSize: 14, color: 'var(--theme-elevation-600, #555)' }} data-testid="attendance-periods">
              {t('ui.attendance.periods')}{' '}
              {(sheet.periods ?? [])
                .map((p) => (p.signed ? t('ui.attendance.period-absent', { period: p.period, subject: p.subject, count: p.absentStudents.length }) : t('ui.attendance.period-unsigned', { period: p.period, subject: p.subject })))
                .join(' · ')}
            </p>
          ) : null}
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} data-date={sheet.date} data-session={sheet.session}>
            {sheet.students.map((student, index) => {
              const current = marks.get(String(student.id))?.status ?? 'present'
              return (
                <li key={String(student.id)} data-testid={`attendance-row-${student.studentCode}`} style={{ padding: '8px 0', borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)' }}>
                  <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, marginBottom: 6 }}>
                    <strong>
                      {index + 1}. {student.fullName}
                    </strong>
                    <span style={{ color: 'var(--theme-elevation-500, #666)', fontSize: 13 }}>{student.studentCode}</span>
                  </div>
                  {periodsAbsent.has(String(student.id)) ? (
                    <p style={{ margin: '0 0 6px', fontSize: 13, color: current === 'present' ? '#8a5a00' : 'var(--theme-elevation-600, #555)', fontWeight: current === 'present' ? 600 : 400 }} data-testid="attendance-period-absent">
                      {t(current === 'present' ? 'ui.attendance.log-absent-mismatch' : 'ui.attendance.log-absent', { periods: periodsAbsent.get(String(student.id))!.join(', ') })}
                    </p>
                  ) : null}
                  <div role="radiogroup" aria-label={student.fullName} style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 4 }}>
                    {STATUSES.map(({ status, key }) => (
                      <button
                        key={status}
                        type="button"
                        role="radio"
                        aria-checked={current === status}
                        data-status={status}
                        onClick={() => mark(student.id, status)}
                        style={{
                          minHeight: 40,
                          fontSize: 14,
                          borderRadius: 6,
                          cursor: 'pointer',
                          border: `2px solid ${current === status ? COLOURS[status] : 'var(--theme-elevation-150, #ddd)'}`,
                          background: current === status ? COLOURS[status] : 'var(--theme-elevation-0, #fff)',
                          color: current === status ? '#fff' : 'var(--theme-text, #222)',
                        }}
                      >
                        {t(key)}
                      </button>
                    ))}
                  </div>
                  {current !== 'present' ? (
                    <input
                      style={{ ...control, width: '100%', marginTop: 6, boxSizing: 'border-box' }}
                      placeholder={t('ui.attendance.reason')}
                      aria-label={t('ui.attendance.reason')}
                      value={marks.get(String(student.id))?.reason ?? ''}
                      onChange={(e) => reason(student.id, e.target.value)}
                      maxLength={500}
                    />
                  ) : null}
                </li>
              )
            })}
          </ol>
          <div style={{ position: 'sticky', bottom: 0, background: 'var(--theme-bg, #fff)', padding: '10px 0', display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
            <button type="button" className="btn btn--style-primary" style={{ margin: 0, minHeight: 44, padding: '8px 18px' }} onClick={save} disabled={state.kind === 'saving'} data-testid="attendance-save">
              {state.kind === 'saving' ? t('ui.attendance.saving') : t('ui.attendance.save')}
            </button>
            <span role="status" data-testid="attendance-status" style={{ color: state.kind === 'error' ? '#b71c1c' : state.kind === 'saved' ? '#1b5e20' : undefined }}>
              {state.kind === 'error' || state.kind === 'saved' ? state.text : dirty ? t('ui.attendance.unsaved') : ''}
            </span>
          </div>
        </>
      ) : state.kind === 'error' ? (
        <p role="alert" style={{ color: '#b71c1c' }}>
          {state.text}
        </p>
      ) : null}
    </div>
  )
}

export default AttendanceSheet
