'use client'
import React, { useState } from 'react'

import type { ReviewState } from '../../workflow/states.ts'
import { stateLabels } from '../../workflow/states.ts'
import { useLanguage, useMessage } from '../../translations/useMessage.ts'
import { review, uploadVersion, type RecordCollection } from './recordApi.ts'

type ID = number | string
export type ReviewedItem = { id: ID; state: ReviewState; versionCount: number; lastReturnReason?: string | null }
export type ReviewRights = { submitter: boolean; leader: boolean; board: boolean; leaderStep: boolean }

const button = { margin: 0, minHeight: 40, padding: '6px 14px' } as const

/**
 * What a person can do with one record, by its state and their part in it (issue 15 item 3): the
 * submitter uploads a new version and hands it in (draft, returned, approved); the team leader
 * approves or returns it when submitted; the board when it waits for them. Returning asks for a
 * note, which the submitter sees here and by e-mail. The server decides; a refusal is shown.
 */
export function ReviewControls({ api, collection, item, rights, onChange, testId }: { api: string; collection: RecordCollection; item: ReviewedItem; rights: ReviewRights; onChange: () => void; testId: string }) {
  const t = useMessage()
  const lang = useLanguage()
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const [returning, setReturning] = useState(false)
  const [note, setNote] = useState('')
  const done = (outcome: { ok: boolean; text?: string; body?: Record<string, unknown> }, success: string) => {
    setBusy(false)
    if (!outcome.ok) return setStatus({ error: true, text: outcome.text === 'offline' ? t('ui.attendance.offline') : String(outcome.text) })
    setStatus({ error: false, text: success })
    setReturning(false)
    setNote('')
    onChange()
  }
  const act = async (action: 'submit' | 'approve' | 'return') => {
    setBusy(true)
    setStatus(null)
    const outcome = await review(api, collection, item.id, action, action === 'return' ? note : undefined)
    done(outcome, outcome.ok ? t('ui.records.done', { state: stateLabels[outcome.body.to as ReviewState]?.[lang] ?? String(outcome.body.to) }) : '')
  }
  const upload = async (file: File | undefined) => {
    if (!file) return
    setBusy(true)
    setStatus(null)
    const owner = collection === 'lesson-plans' ? { lessonPlan: item.id } : { document: item.id }
    const outcome = await uploadVersion(api, owner, file)
    done(outcome, outcome.ok ? t('ui.records.uploaded', { version: String(outcome.body.version), hash: String(outcome.body.sha256).slice(0, 12) }) : '')
  }
  const canHandIn = rights.submitter && (item.state === 'draft' || item.state === 'returned')
  const canUpload = rights.submitter && item.state !== 'submitted' && item.state !== 'leader-approved'
  const reviewer = (item.state === 'submitted' && rights.leaderStep && rights.leader) || (item.state === 'leader-approved' && rights.board) || (item.state === 'submitted' && !rights.leaderStep && rights.board)
  return (
    <div data-testid={testId} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', marginTop: 6 }}>
      {canUpload ? (
        <label className="btn btn--style-secondary" style={{ ...button, display: 'inline-flex', alignItems: 'center', cursor: 'pointer' }}>
          {t('ui.records.upload-version')}
          <input type="file" accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp" style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }} disabled={busy} onChange={(e) => upload(e.currentTarget.files?.[0])} data-testid={`${testId}-file`} />
        </label>
      ) : null}
      {canHandIn ? (
        <button type="button" className="btn btn--style-primary" style={button} disabled={busy || item.versionCount === 0} onClick={() => act('submit')} data-testid={`${testId}-submit`}>
          {collection === 'lesson-plans' ? t('ui.records.submit-plan') : t('ui.records.submit')}
        </button>
      ) : null}
      {reviewer ? (
        <>
          <button type="button" className="btn btn--style-primary" style={button} disabled={busy} onClick={() => act('approve')} data-testid={`${testId}-approve`}>
            {t('ui.records.approve')}
          </button>
          <button type="button" className="btn btn--style-secondary" style={button} disabled={busy} onClick={() => setReturning((r) => !r)} data-testid={`${testId}-return`}>
            {t('ui.records.return')}
          </button>
        </>
      ) : null}
      {returning ? (
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', width: '100%' }}>
          <textarea aria-label={t('ui.records.return-note')} placeholder={t('ui.records.return-note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={2} style={{ flex: '1 1 260px', padding: 6 }} data-testid={`${testId}-note`} />
          <button type="button" className="btn btn--style-primary" style={button} disabled={busy || note.trim() === ''} onClick={() => act('return')} data-testid={`${testId}-confirm-return`}>
            {t('ui.records.confirm-return')}
          </button>
        </div>
      ) : null}
      {status ? (
        <span role="status" style={{ color: status.error ? '#b71c1c' : '#1b5e20' }} data-testid={`${testId}-status`}>
          {status.text}
        </span>
      ) : null}
    </div>
  )
}
