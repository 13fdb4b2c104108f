'use client'
import { Button, useAuth, useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { useMessage } from '../../translations/useMessage.ts'

type Student = { id: number | string; fullName: string; studentCode: string; dateOfBirth: string | null; sex: string | null }
type Roster = { class: { id: number | string; name: string }; date: string; size: number; students: Student[] }
type Klass = { id: number | string; name: string; schoolYear?: string }

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '')
const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left' }

/**
 * The class page's roster (GET /api/classes/:id/roster), its Excel export, and for the school's
 * managers a class change per student (POST /api/students/:id/transfer).
 */
export function ClassRoster() {
  const { id } = useDocumentInfo()
  const { config } = useConfig()
  const { user } = useAuth()
  const t = useMessage()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [roster, setRoster] = useState<Roster | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [classes, setClasses] = useState<Klass[]>([])
  const [moving, setMoving] = useState<Student | null>(null)
  const [toClass, setToClass] = useState('')
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10))
  const [reason, setReason] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const manager = Boolean(user) && schoolsWhereUserHas(currentUser({ user }), RECORD_MANAGERS).length > 0
  // The printed books (books/endpoints.ts): the board, the school admin and the class's homeroom teacher.
  const homeroom = useFormFields(([fields]) => fields.homeroomTeacher?.value)
  const schoolYear = useFormFields(([fields]) => fields.schoolYear?.value)
  const prints = manager || (user !== null && user !== undefined && String(homeroom) === String(user.id))
  const year = typeof schoolYear === 'string' ? `?schoolYear=${encodeURIComponent(schoolYear)}` : ''

  const load = useCallback(async () => {
    if (id === undefined || id === null) return
    const response = await fetch(`${api}/classes/${id}/roster`, { credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    if (response.ok) setRoster(body as Roster)
    else setError(body?.errors?.[0]?.message ?? response.statusText)
  }, [api, id])
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (!manager) return
    fetch(`${api}/classes?limit=500&depth=0&sort=-schoolYear,name&select[name]=true&select[schoolYear]=true`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((body: { docs: Klass[] }) => setClasses(body.docs.filter((c) => String(c.id) !== String(id))))
      .catch(() => setClasses([]))
  }, [api, id, manager])

  if (id === undefined || id === null) return null
  async function transfer() {
    if (!moving) return
    setMessage(null)
    const response = await fetch(`${api}/students/${moving.id}/transfer`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'class-change', toClass, date, reason }),
    })
    const body = await response.json().catch(() => ({}))
    if (response.ok) {
      const target = classes.find((c) => String(c.id) === toClass)
      setMessage(t('ui.roster.moved', { name: moving.fullName, class: target?.name ?? '' }))
      setMoving(null)
      setReason('')
      await load()
    } else setMessage(body?.errors?.[0]?.message ?? response.statusText)
  }

  return (
    <section data-testid="class-roster" style={{ margin: '16px 0' }} aria-labelledby="class-roster-heading">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }}>
        <h3 id="class-roster-heading" style={{ margin: 0 }}>
          {t('ui.roster.title')}
          {roster ? ` (${roster.size})` : ''}
        </h3>
        <span style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {prints ? (
            <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={`${api}/classes/${id}/book${year}`} target="_blank" rel="noopener" data-testid="class-book">
              {t('ui.roster.book')}
            </a>
          ) : null}
          <a className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} href={`${api}/classes/${id}/export`} download data-testid="export-class">
            {t('ui.roster.export')}
          </a>
        </span>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {message ? <p role="status">{message}</p> : null}
      {roster && roster.students.length === 0 ? <p>{t('ui.roster.empty')}</p> : null}
      {roster && roster.students.length > 0 ? (
        <div style={{ overflowX: 'auto' }}>
          <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }}>
            <thead>
              <tr>
                <th style={cell}>{t('ui.roster.number')}</th>
                <th style={cell}>{t('ui.roster.code')}</th>
                <th style={cell}>{t('ui.roster.name')}</th>
                <th style={cell}>{t('ui.roster.born')}</th>
                <th style={cell}>{t('ui.roster.sex')}</th>
                {prints ? <th style={cell} /> : null}
                {manager ? <th style={cell} /> : null}
              </tr>
            </thead>
            <tbody>
              {roster.students.map((s, i) => (
                <tr key={String(s.id)}>
                  <td style={cell}>{i + 1}</td>
                  <td style={cell}>{s.studentCode}</td>
                  <td style={cell}>
                    <a href={`${config.routes.admin}/collections/students/${s.id}`}>{s.fullName}</a>
                  </td>
                  <td style={cell}>{dmy(s.dateOfBirth)}</td>
                  <td style={cell}>{s.sex ?? ''}</td>
                  {prints ? (
                    <td style={cell}>
                      <a href={`${api}/students/${s.id}/transcript${year}`} target="_blank" rel="noopener" data-testid="student-transcript">
                        {t('ui.roster.transcript')}
                      </a>
                    </td>
                  ) : null}
                  {manager ? (
                    <td style={cell}>
                      <button type="button" className="btn btn--style-subtle btn--size-small" style={{ margin: 0 }} onClick={() => setMoving(s)}>
                        {t('ui.roster.change-class')}
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {moving ? (
        <div role="group" aria-label={t('ui.roster.change-class')} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 12, marginTop: 12, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'end' }}>
          <strong style={{ width: '100%' }}>{t('ui.roster.change-class-of', { name: moving.fullName })}</strong>
          <label>
            {t('ui.roster.new-class')}{' '}
            <select value={toClass} onChange={(e) => setToClass(e.target.value)}>
              <option value="">—</option>
              {classes.map((c) => (
                <option key={String(c.id)} value={String(c.id)}>
                  {c.name} {c.schoolYear ? `(${c.schoolYear})` : ''}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('ui.roster.from')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <label style={{ flex: '1 1 200px' }}>
            {t('ui.roster.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} style={{ width: '100%' }} />
          </label>
          <Button buttonStyle="primary" size="small" disabled={!toClass || reason.trim().length < 3} onClick={transfer}>
            {t('ui.roster.change-class')}
          </Button>
          <Button buttonStyle="secondary" size="small" onClick={() => setMoving(null)}>
            {t('ui.cancel')}
          </Button>
        </div>
      ) : null}
    </section>
  )
}

export default ClassRoster
