'use client'
import React, { useEffect, useState } from 'react'

import type { MessageKey } from '../../translations/index.ts'

type ID = number | string
type T = (key: MessageKey, vars?: Record<string, string | number>) => string
type Notice = { id: ID; status?: string; families?: number; withoutContact?: number; message?: string | null; updatedAt?: string }

const MESSAGE_MAX = 500

/** HH:mm dd/mm/yyyy in Vietnam (UTC+7), whatever the browser's zone. */
function vietnamTime(iso: string | undefined): string {
  const time = iso ? Date.parse(iso) : NaN
  if (Number.isNaN(time)) return ''
  const local = new Date(time + 7 * 3_600_000).toISOString()
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`
}

const errorOf = (body: unknown, fallback: string): string => (body as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message ?? fallback

/**
 * "Gửi thời khóa biểu tuần này cho phụ huynh" (issue 14 item 1) for one class and week, shown to who
 * may send it (the homeroom teacher, the board, the school admin): whether the week is already
 * stored for the families, an optional message, and the button calling POST
 * /api/timetable-notices/week. Nothing is sent yet: the notice is stored, queued.
 */
export function WeekNotice({ api, classId, monday, t }: { api: string; classId: ID; monday: string; t: T }) {
  // undefined: still loading; null: nothing stored for this week.
  const [stored, setStored] = useState<Notice | null | undefined>(undefined)
  const [text, setText] = useState('')
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)

  useEffect(() => {
    let live = true
    setStored(undefined)
    setResult(null)
    const query = new URLSearchParams({ 'where[key][equals]': `${String(classId)}:${monday}`, depth: '0', limit: '1' })
    fetch(`${api}/timetable-notices?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = (await response.json()) as { docs?: Notice[] }
        if (!live) return
        const doc = response.ok ? (body.docs?.[0] ?? null) : null
        setStored(doc)
        setText(doc?.message ?? '')
      })
      .catch(() => live && setStored(null))
    return () => {
      live = false
    }
  }, [api, classId, monday])

  const send = async () => {
    setBusy(true)
    setResult(null)
    try {
      const response = await fetch(`${api}/timetable-notices/week`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ class: classId, weekStart: monday, message: text }),
      })
      const body = (await response.json().catch(() => null)) as { doc?: Notice } | null
      if (!response.ok || !body?.doc) {
        setResult({ ok: false, text: errorOf(body, String(response.status)) })
        return
      }
      setStored(body.doc)
      setResult({ ok: true, text: t('ui.timetable-notice.saved', { count: body.doc.families ?? 0 }) })
    } catch {
      setResult({ ok: false, text: t('ui.timetable.offline') })
    } finally {
      setBusy(false)
    }
  }

  const status = stored
    ? stored.status === 'sent'
      ? t('ui.timetable-notice.sent', { count: stored.families ?? 0 })
      : t('ui.timetable-notice.stored', { count: stored.families ?? 0, at: vietnamTime(stored.updatedAt) })
    : stored === null
      ? t('ui.timetable-notice.not-stored')
      : ''
  return (
    <section
      data-testid="timetable-notice"
      data-stored={stored ? 'yes' : stored === null ? 'no' : 'loading'}
      style={{ margin: '0 0 12px', padding: 12, border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, display: 'flex', flexDirection: 'column', gap: 8, maxWidth: 640, minWidth: 0 }}
    >
      {status ? (
        <p style={{ margin: 0 }} data-testid="timetable-notice-status">
          {status}
          {stored && (stored.withoutContact ?? 0) > 0 ? ` ${t('ui.timetable-notice.without-contact', { count: stored.withoutContact ?? 0 })}` : ''}
        </p>
      ) : null}
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4, fontSize: 14 }}>
        {t('ui.timetable-notice.message')}
        <textarea
          value={text}
          maxLength={MESSAGE_MAX}
          rows={2}
          onChange={(e) => setText(e.target.value)}
          data-testid="timetable-notice-message"
          style={{ width: '100%', boxSizing: 'border-box', fontSize: 16, padding: '6px 8px', resize: 'vertical' }}
        />
      </label>
      <div>
        <button
          type="button"
          className="btn btn--style-primary btn--size-small"
          style={{ margin: 0, minHeight: 40, height: 'auto', whiteSpace: 'normal', maxWidth: '100%', textAlign: 'left' }}
          onClick={() => void send()}
          disabled={busy || stored?.status === 'sent'}
          data-testid="timetable-notice-send"
        >
          {busy ? t('ui.timetable-notice.sending') : t('ui.timetable-notice.send')}
        </button>
      </div>
      {result ? (
        <p role={result.ok ? 'status' : 'alert'} data-testid="timetable-notice-result" style={{ margin: 0, color: result.ok ? 'var(--theme-success-700, #1b5e20)' : '#b71c1c', overflowWrap: 'anywhere' }}>
          {result.text}
        </p>
      ) : null}
    </section>
  )
}

export default WeekNotice
