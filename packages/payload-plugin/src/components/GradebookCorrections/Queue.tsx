'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import { columnLabel, type Column } from '../../gradebook/grid/columns.ts'
import { message, type MessageKey } from '../../translations/index.ts'

type ID = number | string
type Named = { id: ID; name?: string; fullName?: string; studentCode?: string; email?: string; url?: string; filename?: string }
type Request = {
  id: ID
  field: string
  oldValue: unknown
  newValue: unknown
  reason: string
  state: 'pending' | 'approved' | 'refused'
  student?: Named | ID | null
  class?: Named | ID | null
  subject?: Named | ID | null
  requestedBy?: Named | ID | null
  attachment?: Named | ID | null
  decidedBy?: Named | ID | null
  decidedAt?: string | null
  decisionReason?: string | null
  createdAt: string
}
type T = (key: MessageKey, vars?: Record<string, string | number>) => string

const nameOf = (value: Named | ID | null | undefined): string => (value && typeof value === 'object' ? (value.fullName ?? value.name ?? value.email ?? String(value.id)) : value == null ? '—' : String(value))
/** A stored value: a THCS cell is `{ value, date }`, the rest bare. */
export const shownValue = (value: unknown): string => {
  const bare = value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value
  return bare === null || bare === undefined || bare === '' ? '—' : String(bare)
}
const dmy = (iso: string | null | undefined) => {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
const fieldLabel = (field: string) => {
  try {
    return columnLabel(field as Column)
  } catch {
    return field
  }
}

const card: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '10px 12px', margin: '0 0 10px', fontSize: 14, background: 'var(--theme-elevation-0, #fff)' }
const stateColour = { pending: 'var(--theme-warning-700, #8a6d00)', approved: 'var(--theme-success-700, #1b5e20)', refused: 'var(--theme-error-600, #b00020)' } as const

/**
 * Giấy đề nghị sửa điểm as queues: the board's pending requests of its school (approve, or refuse
 * with a reason, through POST /api/mark-corrections/:id/decide — never one's own), and the
 * requests the user filed with their state and the decision. Reads the collection through REST:
 * its read access already limits a teacher to their own requests and the board to its school's.
 */
export function CorrectionsQueue({ userId, canDecide }: { userId: ID; canDecide: boolean }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = useMemo(() => ({ i18n: { language: i18n.language } }), [i18n.language])
  const t: T = useCallback((key, vars) => message(lang, key, vars), [lang])
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [pending, setPending] = useState<Request[] | null>(null)
  const [mine, setMine] = useState<Request[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const list = useCallback(
    async (where: Record<string, string>): Promise<Request[]> => {
      const query = new URLSearchParams({ depth: '1', limit: '200', sort: '-createdAt' })
      for (const [key, value] of Object.entries(where)) query.set(`where${key}`, value)
      const response = await fetch(`${api}/mark-corrections?${query}`, { credentials: 'include' })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
      return (body.docs ?? []) as Request[]
    },
    [api],
  )

  const load = useCallback(() => {
    const own = list({ '[requestedBy][equals]': String(userId) }).then(setMine)
    const board = canDecide ? list({ '[state][equals]': 'pending', '[requestedBy][not_equals]': String(userId) }).then(setPending) : Promise.resolve()
    Promise.all([own, board]).catch((e: Error) => setError(e.message))
  }, [canDecide, list, userId])
  useEffect(load, [load])

  const decide = async (request: Request, decision: 'approve' | 'refuse', reason?: string): Promise<string | null> => {
    const response = await fetch(`${api}/mark-corrections/${request.id}/decide`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ decision, reason }),
    })
    const body = await response.json().catch(() => ({}))
    if (!response.ok) return body?.errors?.[0]?.message ?? response.statusText
    const vars = { student: nameOf(request.student), column: fieldLabel(request.field), value: shownValue(request.newValue) }
    setNotice(t(decision === 'approve' ? 'ui.corrections.approved-done' : 'ui.corrections.refused-done', vars))
    setPending((previous) => previous?.filter((r) => String(r.id) !== String(request.id)) ?? null)
    return null
  }

  if (error) return <p role="alert" style={{ color: 'var(--theme-error-500, #b00020)' }}>{error}</p>
  return (
    <div data-testid="corrections-queue">
      {notice ? (
        <p role="status" data-testid="corrections-notice" style={{ ...card, borderColor: 'var(--theme-success-500, #2e7d32)' }}>
          {notice}
        </p>
      ) : null}
      {canDecide ? (
        <section data-testid="corrections-pending">
          <h2 style={{ fontSize: 20, margin: '8px 0' }}>{t('ui.corrections.to-decide', { count: pending?.length ?? 0 })}</h2>
          {pending === null ? <p>{t('ui.grid.loading')}</p> : pending.length === 0 ? <p>{t('ui.corrections.none-pending')}</p> : null}
          {pending?.map((request) => <RequestCard key={String(request.id)} request={request} t={t} decide={decide} />)}
        </section>
      ) : null}
      <section data-testid="corrections-mine">
        <h2 style={{ fontSize: 20, margin: '16px 0 8px' }}>{t('ui.corrections.mine', { count: mine?.length ?? 0 })}</h2>
        {mine === null ? <p>{t('ui.grid.loading')}</p> : mine.length === 0 ? <p>{t('ui.corrections.none-mine')}</p> : null}
        {mine?.map((request) => <RequestCard key={String(request.id)} request={request} t={t} />)}
      </section>
    </div>
  )
}

function RequestCard({ request, t, decide }: { request: Request; t: T; decide?: (request: Request, decision: 'approve' | 'refuse', reason?: string) => Promise<string | null> }) {
  const [refusing, setRefusing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [issue, setIssue] = useState<string | null>(null)
  const attachment = request.attachment && typeof request.attachment === 'object' ? request.attachment : null
  const run = async (decision: 'approve' | 'refuse') => {
    if (!decide) return
    if (decision === 'refuse' && reason.trim().length < 3) {
      setIssue(t('gradebook.correction-reason-required'))
      return
    }
    setBusy(true)
    setIssue(await decide(request, decision, decision === 'refuse' ? reason.trim() : undefined))
    setBusy(false)
  }
  const row = (label: string, value: React.ReactNode) => (
    <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
      <span style={{ color: 'var(--theme-elevation-600, #555)', minWidth: 96 }}>{label}</span>
      <span style={{ flex: '1 1 160px', minWidth: 0, overflowWrap: 'anywhere' }}>{value}</span>
    </div>
  )
  const studentCode = request.student && typeof request.student === 'object' && request.student.studentCode ? ` (${request.student.studentCode})` : ''
  return (
    <article style={card} data-testid={`correction-${request.id}`}>
      <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: 8, marginBottom: 6 }}>
        <strong>
          {nameOf(request.student)}
          {studentCode}
        </strong>
        <span style={{ color: stateColour[request.state], fontWeight: 600 }} data-testid="correction-state">
          {t(`ui.corrections.state-${request.state}` as MessageKey)}
        </span>
      </div>
      {row(t('ui.corrections.class-subject'), `${nameOf(request.class)} – ${nameOf(request.subject)}`)}
      {row(
        t('ui.corrections.change'),
        <span data-testid="correction-change">
          {fieldLabel(request.field)}: <s>{shownValue(request.oldValue)}</s> → <strong>{shownValue(request.newValue)}</strong>
        </span>,
      )}
      {row(t('ui.corrections.teacher'), nameOf(request.requestedBy))}
      {row(t('ui.corrections.filed'), dmy(request.createdAt))}
      {row(t('ui.corrections.reason'), request.reason)}
      {attachment?.url
        ? row(
            t('ui.corrections.attachment'),
            <a href={attachment.url} target="_blank" rel="noreferrer" data-testid="correction-attachment">
              {t('ui.corrections.open-attachment')} ({attachment.filename})
            </a>,
          )
        : null}
      {request.state !== 'pending'
        ? row(
            t(`ui.corrections.state-${request.state}` as MessageKey),
            <>
              {/* A teacher does not read the board's accounts: the decider comes as an id, then the date alone. */}
              {typeof request.decidedBy === 'object' && request.decidedBy ? t('ui.corrections.decided', { name: nameOf(request.decidedBy), at: dmy(request.decidedAt) }) : dmy(request.decidedAt)}
              {request.decisionReason ? <> · {t('ui.corrections.decision-reason', { reason: request.decisionReason })}</> : null}
            </>,
          )
        : null}
      {decide ? (
        <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end' }}>
          {refusing ? (
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 220px' }}>
              {t('ui.corrections.refuse-reason')}
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="refuse-reason" style={{ width: '100%', boxSizing: 'border-box' }} />
            </label>
          ) : (
            <button type="button" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }} disabled={busy} onClick={() => void run('approve')} data-testid="approve">
              {t('ui.corrections.approve')}
            </button>
          )}
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            style={{ margin: 0 }}
            disabled={busy}
            onClick={() => (refusing ? void run('refuse') : setRefusing(true))}
            data-testid="refuse"
          >
            {refusing ? t('ui.corrections.refuse-confirm') : t('ui.corrections.refuse')}
          </button>
          {refusing ? (
            <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} onClick={() => setRefusing(false)}>
              {t('ui.correction.cancel')}
            </button>
          ) : null}
        </div>
      ) : null}
      {issue ? (
        <p role="alert" style={{ color: 'var(--theme-error-500, #b00020)', margin: '6px 0 0' }}>
          {issue}
        </p>
      ) : null}
    </article>
  )
}
