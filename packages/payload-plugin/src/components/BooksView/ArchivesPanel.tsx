'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { useMessage } from '../../translations/useMessage.ts'
import { errorText } from '../ClassLogView/errorText.ts'
import { postJson } from '../EducationRecords/recordApi.ts'

type ID = number | string
type Archive = { id: ID; title: string; state: 'queued' | 'running' | 'done' | 'failed'; done?: number | null; total?: number | null; url?: string | null; filename?: string | null; filesize?: number | null; finishedAt?: string | null; requestedAt?: string | null; error?: string | null; archiveSha256?: string | null }
type Verdict = { match: boolean; message: string; sha256: string; inside?: { name: string; match: boolean }[] }

const MANAGERS = ['principal', 'vice-principal', 'school-admin'] as const
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
const when = (iso?: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' }) : '')

/**
 * /admin/books (issue 16 items 4–5): the teacher's own book to print; for the board and the school
 * admin the year-end archive — ask for it, follow its progress (done / total, refreshed while it
 * runs), download the zip — and "Kiểm tra tệp": is a file one the school archived, unchanged?
 */
export function ArchivesPanel({ school, schoolYear }: { school: ID; schoolYear: string }) {
  const { config } = useConfig()
  const { user } = useAuth()
  const t = useMessage()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const actor = currentUser({ user })
  const manager = schoolsWhereUserHas(actor, MANAGERS).some((s) => String(s) === String(school))
  const [archives, setArchives] = useState<Archive[] | null>(null)
  const [staffId, setStaffId] = useState<ID | null>(null)
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const [verdict, setVerdict] = useState<Verdict | { error: string } | null>(null)
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  // The teacher's own staff record, for "Sổ của tôi": only for someone who teaches that year.
  useEffect(() => {
    if (!user) return
    const first = async (url: string) => {
      const r = await fetch(url, { credentials: 'include' })
      return r.ok ? (((await r.json()) as { docs: { id: ID }[] }).docs[0]?.id ?? null) : null
    }
    first(`${api}/teaching-assignments?where[teacher][equals]=${user.id}&where[schoolYear][equals]=${encodeURIComponent(schoolYear)}&depth=0&limit=1`)
      .then((teaches) => (teaches === null ? null : first(`${api}/staff?where[user][equals]=${user.id}&depth=0&limit=1`)))
      .then(setStaffId)
      .catch(() => setStaffId(null))
  }, [api, user, schoolYear])

  useEffect(() => {
    if (!manager) return
    let live = true
    const url = `${api}/book-archives?where[school][equals]=${school}&where[schoolYear][equals]=${encodeURIComponent(schoolYear)}&sort=-requestedAt&depth=0&limit=10`
    fetch(url, { credentials: 'include' })
      .then(async (r) => (r.ok ? ((await r.json()) as { docs: Archive[] }).docs : []))
      .then((docs) => live && setArchives(docs))
      .catch(() => live && setStatus({ error: true, text: t('ui.attendance.offline') }))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, school, schoolYear, manager, version])

  // While an archive is being built, its progress is read again every two seconds.
  const running = (archives ?? []).some((a) => a.state === 'queued' || a.state === 'running')
  useEffect(() => {
    // Once the archive has finished, its row says so: the request's message goes.
    if (!running) setStatus((shown) => (shown && !shown.error ? null : shown))
    if (!running) return
    const timer = setTimeout(reload, 2000)
    return () => clearTimeout(timer)
  }, [running, archives, reload])

  const build = async () => {
    const outcome = await postJson(`${api}/book-archives/build`, { school, schoolYear })
    setStatus(outcome.ok ? { error: false, text: t(outcome.body.coalesced ? 'ui.books.archive-joined' : 'ui.books.archive-queued') } : { error: true, text: outcome.text })
    reload()
  }

  const check = async (file: File) => {
    setVerdict(null)
    const form = new FormData()
    form.append('file', file)
    const response = await fetch(`${api}/book-archives/verify`, { method: 'POST', credentials: 'include', body: form }).catch(() => null)
    if (!response) return setVerdict({ error: t('ui.attendance.offline') })
    setVerdict(response.ok ? ((await response.json()) as Verdict) : { error: await errorText(response) })
  }

  return (
    <div style={{ display: 'grid', gap: 24, maxWidth: 900 }}>
      {staffId !== null ? (
        <section>
          <h2 style={{ fontSize: 20, margin: '0 0 8px' }}>{t('ui.books.my-book')}</h2>
          <p style={{ margin: '0 0 8px' }}>{t('ui.books.my-book-hint')}</p>
          <a className="btn btn--style-secondary" style={{ margin: 0 }} href={`${api}/staff/${staffId}/gradebook?schoolYear=${schoolYear}`} target="_blank" rel="noreferrer" data-testid="my-gradebook-book">
            {t('ui.books.print-my-book')}
          </a>
        </section>
      ) : null}
      {manager ? (
        <section data-testid="book-archives">
          <h2 style={{ fontSize: 20, margin: '0 0 8px' }}>{t('ui.books.archive-heading')}</h2>
          <p style={{ margin: '0 0 8px' }}>{t('ui.books.archive-hint')}</p>
          <button type="button" className="btn btn--style-primary" style={{ margin: 0 }} onClick={build} disabled={running} data-testid="build-archive">
            {t('ui.books.build-archive', { year: schoolYear })}
          </button>
          {status ? (
            <p role={status.error ? 'alert' : 'status'} style={{ color: status.error ? 'var(--theme-error-500)' : undefined }}>
              {status.text}
            </p>
          ) : null}
          <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 12, marginTop: 12 }}>
            {(archives ?? []).map((a) => (
              <li key={String(a.id)} data-testid="archive-row" data-state={a.state} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 12 }}>
                <strong>{a.title}</strong> · {t(`ui.books.state-${a.state}`)} · {when(a.requestedAt)}
                {a.state === 'queued' || a.state === 'running' ? (
                  <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginTop: 6 }}>
                    <progress value={a.done ?? 0} max={Math.max(1, a.total ?? 0)} style={{ flex: 1 }} aria-label={t('ui.books.progress')} />
                    <span data-testid="archive-progress">{t('ui.books.progress-count', { done: a.done ?? 0, total: a.total ?? 0 })}</span>
                  </div>
                ) : null}
                {a.state === 'done' && a.url ? (
                  <p style={{ margin: '6px 0 0' }}>
                    <a href={a.url} data-testid="archive-download" download={a.filename ?? undefined}>
                      {t('ui.books.download', { files: a.total ?? 0, size: megabytes(a.filesize ?? 0) })}
                    </a>{' '}
                    · {t('ui.books.finished', { at: when(a.finishedAt) })}
                    <br />
                    <small style={{ wordBreak: 'break-all' }}>SHA-256: {a.archiveSha256}</small>
                  </p>
                ) : null}
                {a.state === 'failed' ? <p role="alert">{a.error}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {manager ? (
        <section data-testid="verify-file">
          <h2 style={{ fontSize: 20, margin: '0 0 8px' }}>{t('ui.books.verify-heading')}</h2>
          <p style={{ margin: '0 0 8px' }}>{t('ui.books.verify-hint')}</p>
          <label>
            <span style={{ display: 'block', marginBottom: 4 }}>{t('ui.books.verify-choose')}</span>
            <input type="file" accept=".pdf,.zip,application/pdf,application/zip" data-testid="verify-input" onChange={(e) => e.target.files?.[0] && check(e.target.files[0])} />
          </label>
          {verdict ? (
            'error' in verdict ? (
              <p role="alert">{verdict.error}</p>
            ) : (
              <div role="status" data-testid="verify-result" data-match={String(verdict.match)} style={{ marginTop: 8, padding: 10, borderLeft: `4px solid ${verdict.match ? 'var(--theme-success-500)' : 'var(--theme-error-500)'}` }}>
                <strong>{verdict.message}</strong>
                <br />
                <small style={{ wordBreak: 'break-all' }}>SHA-256: {verdict.sha256}</small>
                {(verdict.inside ?? []).some((f) => !f.match) ? (
                  <ul>
                    {(verdict.inside ?? []).filter((f) => !f.match).map((f) => (
                      <li key={f.name}>{f.name}</li>
                    ))}
                  </ul>
                ) : null}
              </div>
            )
          ) : null}
        </section>
      ) : null}
    </div>
  )
}
