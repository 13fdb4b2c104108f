'use client'
import React, { useEffect, useState } from 'react'

import type { MessageKey } from '../../translations/index.ts'
import { displayDateTime } from '../../calendar/days.ts'
import { useMessage } from '../../translations/useMessage.ts'
import type { LogRow } from '../../teaching/classLog/prefill.ts'
import type { Day } from './ClassLogDay.tsx'
import { errorText } from './errorText.ts'

type ID = number | string
export type DayStudent = { id: ID; fullName: string; studentCode: string }
/** A row as the day endpoint sends it (prefill.ts's shape, the relations as ids). */
export type { LogRow } from '../../teaching/classLog/prefill.ts'

const RATINGS: { value: string; key: MessageKey }[] = [
  { value: 'tot', key: 'ui.classlog.rating-tot' },
  { value: 'kha', key: 'ui.classlog.rating-kha' },
  { value: 'trung-binh', key: 'ui.classlog.rating-trung-binh' },
  { value: 'yeu', key: 'ui.classlog.rating-yeu' },
]
const STATUS_KEYS = { excused: 'ui.attendance.excused', unexcused: 'ui.attendance.unexcused', late: 'ui.attendance.late' } as const

/**
 * One period of the day: what the server filled (subject, teacher, PPCT lesson), what its teacher
 * recorded, and — for that teacher, while the week is open — the form to record and sign: absent
 * students ticked from the class list (the homeroom teacher's attendance of the session is shown
 * beside it), oral check, comment, rating.
 */
export function PeriodCard({ api, day, row, onSigned }: { api: string; day: Day; row: LogRow; onSigned: () => void }) {
  const t = useMessage()
  const ids = (list: ID[] | undefined) => new Set((list ?? []).map(String))
  const [absent, setAbsent] = useState(ids(row.absentStudents))
  const [oral, setOral] = useState(row.oralCheck ?? '')
  const [comment, setComment] = useState(row.comment ?? '')
  const [rating, setRating] = useState(row.rating ?? '')
  const [picking, setPicking] = useState(false)
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; text?: string }>({ kind: 'idle' })
  // A new read of the day (after a sign, or another day) resets the form to what is stored.
  useEffect(() => {
    setAbsent(ids(row.absentStudents))
    setOral(row.oralCheck ?? '')
    setComment(row.comment ?? '')
    setRating(row.rating ?? '')
  }, [row])

  const yours = String(row.teacher) === String(day.you.id)
  const editable = yours && !day.week.closed
  const sessionName = t(row.session === 'morning' ? 'ui.attendance.morning' : 'ui.attendance.afternoon')
  const nameOf = new Map(day.students.map((s) => [String(s.id), s.fullName]))
  const taken = day.attendance.find((a) => a.session === row.session)
  const attendanceLine = !taken
    ? t('ui.classlog.attendance-none')
    : taken.absences.length === 0
      ? t('ui.classlog.attendance-full')
      : taken.absences.map((a) => `${nameOf.get(String(a.student)) ?? '?'} (${t(STATUS_KEYS[a.status]).toLowerCase()})`).join(', ')
  const marked = new Map((taken?.absences ?? []).map((a) => [String(a.student), a.status]))

  const sign = async () => {
    setStatus({ kind: 'saving' })
    const body = { session: row.session, absentStudents: day.students.filter((s) => absent.has(String(s.id))).map((s) => s.id), oralCheck: oral || null, comment: comment || null, rating: rating || null }
    const response = await fetch(`${api}/class-logs/${day.doc.id}/periods/${row.period}/sign`, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).catch(() => null)
    if (!response) return setStatus({ kind: 'error', text: t('ui.attendance.offline') })
    if (!response.ok) return setStatus({ kind: 'error', text: await errorText(response) })
    setStatus({ kind: 'saved', text: t('ui.classlog.signed-ok', { period: row.period }) })
    setPicking(false)
    onSigned()
  }

  const control: React.CSSProperties = { fontSize: 16, padding: '6px 8px', minHeight: 40, width: '100%', boxSizing: 'border-box' }
  const label: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14 }
  const muted: React.CSSProperties = { color: 'var(--theme-elevation-600, #555)', fontSize: 14 }
  return (
    <article
      data-testid={`class-log-period-${row.session}-${row.period}`}
      data-signed={row.signedAt ? 'yes' : 'no'}
      style={{ border: '1px solid var(--theme-elevation-150, #ddd)', borderLeft: `4px solid ${row.signedAt ? '#1b5e20' : '#b26a00'}`, borderRadius: 6, padding: 12, marginBottom: 10 }}
    >
      <header style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 8 }}>
        <strong>{t('ui.classlog.period-head', { session: t(row.session === 'morning' ? 'ui.classlog.session-morning' : 'ui.classlog.session-afternoon'), period: row.period, subject: day.names.subjects[String(row.subject)] ?? '' })}</strong>
        <span style={muted}>{t('ui.classlog.teacher', { name: day.names.teachers[String(row.teacher)] ?? '' })}</span>
      </header>
      <p style={{ margin: '4px 0' }} data-testid="class-log-lesson">
        {row.lessonNumber !== null ? t('ui.classlog.lesson', { number: row.lessonNumber, title: row.lessonTitle ?? '' }) : <em style={muted}>{t('ui.classlog.no-lesson')}</em>}
      </p>
      <p style={{ margin: '4px 0', fontWeight: 600, color: row.signedAt ? '#1b5e20' : '#8a5a00' }}>
        {row.signedAt ? t('ui.classlog.signed-at', { at: displayDateTime(row.signedAt) }) : t('ui.classlog.unsigned')}
      </p>

      {!editable ? (
        <dl style={{ margin: '4px 0', display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', fontSize: 14 }}>
          <dt>{t('ui.classlog.absent')}</dt>
          <dd style={{ margin: 0 }}>{(row.absentStudents ?? []).length === 0 ? t('ui.classlog.none') : (row.absentStudents ?? []).map((id) => nameOf.get(String(id)) ?? '?').join(', ')}</dd>
          {row.oralCheck ? (
            <>
              <dt>{t('ui.classlog.oral')}</dt>
              <dd style={{ margin: 0 }}>{row.oralCheck}</dd>
            </>
          ) : null}
          {row.comment ? (
            <>
              <dt>{t('ui.classlog.comment')}</dt>
              <dd style={{ margin: 0 }}>{row.comment}</dd>
            </>
          ) : null}
          {row.rating ? (
            <>
              <dt>{t('ui.classlog.rating')}</dt>
              <dd style={{ margin: 0 }}>{t(RATINGS.find((r) => r.value === row.rating)?.key ?? 'ui.classlog.none')}</dd>
            </>
          ) : null}
        </dl>
      ) : (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 6 }}>
          <p style={{ ...muted, margin: 0 }} data-testid="class-log-attendance">
            {t('ui.classlog.attendance-hint', { session: sessionName.toLowerCase(), list: attendanceLine })}
          </p>
          <div>
            <button type="button" className="btn btn--style-secondary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} aria-expanded={picking} onClick={() => setPicking(!picking)} data-testid="class-log-pick-absent">
              {t('ui.classlog.absent-pick', { count: absent.size })}
            </button>
            {!picking && absent.size > 0 ? (
              <span style={{ marginLeft: 8 }}>
                {day.students
                  .filter((s) => absent.has(String(s.id)))
                  .map((s) => s.fullName)
                  .join(', ')}
              </span>
            ) : null}
            {picking ? (
              <ul style={{ listStyle: 'none', padding: 0, margin: '6px 0 0', columns: '220px auto' }} data-testid="class-log-students">
                {day.students.map((student, index) => (
                  <li key={String(student.id)} style={{ breakInside: 'avoid' }}>
                    <label style={{ display: 'flex', alignItems: 'center', gap: 8, minHeight: 36, fontSize: 15 }}>
                      <input
                        type="checkbox"
                        style={{ width: 20, height: 20 }}
                        checked={absent.has(String(student.id))}
                        onChange={(e) => {
                          const next = new Set(absent)
                          if (e.target.checked) next.add(String(student.id))
                          else next.delete(String(student.id))
                          setAbsent(next)
                        }}
                      />
                      {index + 1}. {student.fullName}
                      {marked.has(String(student.id)) ? <span style={{ color: '#b71c1c', fontSize: 12 }}>({t(STATUS_KEYS[marked.get(String(student.id))!]).toLowerCase()})</span> : null}
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <label style={label}>
            {t('ui.classlog.oral')}
            <input style={control} value={oral} onChange={(e) => setOral(e.target.value)} maxLength={500} data-testid="class-log-oral" />
          </label>
          <label style={label}>
            {t('ui.classlog.comment')}
            <textarea style={{ ...control, minHeight: 60, fontFamily: 'inherit' }} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} data-testid="class-log-comment" />
          </label>
          <label style={label}>
            {t('ui.classlog.rating')}
            <select style={control} value={rating} onChange={(e) => setRating(e.target.value)} data-testid="class-log-rating">
              <option value="">{t('ui.classlog.rating-none')}</option>
              {RATINGS.map((r) => (
                <option key={r.value} value={r.value}>
                  {t(r.key)}
                </option>
              ))}
            </select>
          </label>
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
            <button type="button" className="btn btn--style-primary" style={{ margin: 0, minHeight: 44, padding: '8px 18px' }} onClick={sign} disabled={status.kind === 'saving'} data-testid="class-log-sign">
              {status.kind === 'saving' ? t('ui.classlog.signing') : row.signedAt ? t('ui.classlog.resign') : t('ui.classlog.sign')}
            </button>
            <span role="status" style={{ color: status.kind === 'error' ? '#b71c1c' : '#1b5e20' }} data-testid="class-log-sign-status">
              {status.kind === 'error' || status.kind === 'saved' ? status.text : ''}
            </span>
          </div>
        </div>
      )}
    </article>
  )
}
