'use client'
import { COMMENT_MARKS, commentSubjectTerm, scoreEntryProgress, termAverage, type CommentMark } from '@truongso/assessment'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useRef, useState } from 'react'

import { cellIssue, cellOf, columnLabel, readTyped, regularIndex, type CellValue, type Column } from '../../gradebook/grid/columns.ts'
import type { CellResponse } from '../../gradebook/grid/cellEndpoint.ts'
import type { GridAssignment, GridSheet } from '../../gradebook/grid/sheetEndpoint.ts'
import { regularSlots } from '../../gradebook/subjects.ts'
import { message, type MessageKey } from '../../translations/index.ts'

type ID = number | string
type Term = 'hk1' | 'hk2'
type Change = { by: string | null; at: string }
/** A cell as the grid holds it: what is stored (server), what is typed (text), and the state of its save. */
type CellState = {
  stored: CellValue
  /** What the engine counts with now: the typed value when valid (live average), else the stored one. */
  live: CellValue
  text: string
  change: Change | null
  status: 'idle' | 'invalid' | 'pending' | 'saving' | 'retrying' | 'refused'
  issue: string | null
  /** One id per edit: every retry of it is sent with the same one. */
  requestId: string | null
}
type Listing = { schoolYear: string; term: Term; assignments: GridAssignment[] }
/** A pending correction request on one cell (mark id | column). */
type PendingCorrection = { id: ID; oldValue: unknown; newValue: unknown }
type LockKind = 'regular' | 'midTerm' | 'endTerm' | 'conduct' | 'termResults'

const keyOf = (student: ID, column: Column) => `${student}|${column}`
const textOf = (value: CellValue) => (value === null ? '' : String(value))
const SAVE_DELAY_MS = 500
const dmyhm = (iso: string) => {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
/** The lock kind covering a grid column (locks.ts's lockKindOfMarkField, without its server imports); comments: only termResults. */
const lockKindOf = (column: Column): LockKind | null => (column.startsWith('regular') ? 'regular' : column.startsWith('midTerm') ? 'midTerm' : column.startsWith('endTerm') ? 'endTerm' : null)
const isLocked = (locks: ReadonlySet<string>, column: Column) => locks.has('termResults') || (lockKindOf(column) !== null && locks.has(lockKindOf(column)!))
const stored = (value: unknown): string => {
  const bare = value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value
  return bare === null || bare === undefined || bare === '' ? '—' : String(bare)
}
const newRequestId = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`)

const th: React.CSSProperties = { padding: '6px 4px', borderBottom: '2px solid var(--theme-elevation-200, #ccc)', textAlign: 'center', whiteSpace: 'nowrap', background: 'var(--theme-elevation-50, #f5f5f5)' }
const td: React.CSSProperties = { padding: 2, borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)', verticalAlign: 'top' }
const sticky: React.CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--theme-bg, #fff)', textAlign: 'left', minWidth: 110, maxWidth: '38vw', overflow: 'hidden', textOverflow: 'ellipsis' }

/**
 * Sổ điểm: one class-subject as a spreadsheet. The teacher types, Enter/Tab/arrows move, a column
 * pasted from Excel fills downwards. Each typed value is checked in the browser with the server's
 * own rules (gradebook/grid/columns.ts → validation.ts): an invalid one stays in the cell in red
 * with its reason and is never sent; a valid one is saved on its own after a pause (PUT
 * /api/marks/cell), retried with the same request id until the server answers. The term average
 * and what is due come from the engine (@truongso/assessment), live.
 */
export function GradebookGrid() {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = useMemo(() => ({ i18n: { language: i18n.language } }), [i18n.language])
  const t = useCallback((key: MessageKey, vars?: Record<string, string | number>) => message(lang, key, vars), [lang])
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [term, setTerm] = useState<Term | null>(null)
  const [listing, setListing] = useState<Listing | null>(null)
  const [assignment, setAssignment] = useState<string>('')
  const [sheet, setSheet] = useState<GridSheet | null>(null)
  const [cells, setCells] = useState<Record<string, CellState>>({})
  const [error, setError] = useState<string | null>(null)
  /** The column kinds locked for this sheet's school year and term (mark-locks, read by every member of the school). */
  const [locks, setLocks] = useState<ReadonlySet<string>>(new Set())
  const [corrections, setCorrections] = useState<Record<string, PendingCorrection>>({})
  /** The locked cell whose note (and correction form) shows under its row. */
  const [selected, setSelected] = useState<{ row: number; column: Column } | null>(null)
  const [asking, setAsking] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const cellsRef = useRef(cells)
  cellsRef.current = cells
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>())

  // The class-subject stays in the address, so a reload opens the same sheet.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    const asked = params.get('term')
    setTerm(asked === 'hk1' || asked === 'hk2' ? asked : null)
    setAssignment(params.get('assignment') ?? '')
  }, [])

  useEffect(() => {
    const query = term ? `?term=${term}` : ''
    fetch(`${api}/marks/grid${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
        setListing(body as Listing)
      })
      .catch((e: Error) => setError(e.message))
  }, [api, term])

  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    if (assignment) params.set('assignment', assignment)
    else params.delete('assignment')
    if (term) params.set('term', term)
    const search = params.toString()
    window.history.replaceState(null, '', `${window.location.pathname}${search ? `?${search}` : ''}`)
    setSheet(null)
    if (!assignment) return
    const query = new URLSearchParams({ assignment, ...(term ? { term } : {}) })
    fetch(`${api}/marks/grid?${query}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
        const loaded = body as GridSheet
        const next: Record<string, CellState> = {}
        for (const student of loaded.students) {
          for (const column of loaded.columns) {
            const stored = cellOf(student.mark, column).value
            next[keyOf(student.id, column)] = { stored, live: stored, text: textOf(stored), change: student.changes[column] ?? null, status: 'idle', issue: null, requestId: null }
          }
        }
        setCells(next)
        setSheet(loaded)
        setError(null)
      })
      .catch((e: Error) => setError(e.message))
  }, [api, assignment, term])

  const loadLocks = useCallback(async (loaded: GridSheet) => {
    const school = loaded.students.map((s) => s.mark?.school).find((v) => v !== undefined && v !== null)
    const query = new URLSearchParams({ depth: '0', limit: '50', 'where[schoolYear][equals]': loaded.schoolYear, 'where[term][equals]': loaded.term, 'where[locked][equals]': 'true' })
    if (school !== undefined) query.set('where[school][equals]', String(typeof school === 'object' ? (school as { id: ID }).id : school))
    const markIds = loaded.students.map((s) => s.mark?.id).filter((id) => id !== undefined && id !== null)
    const pendingQuery = new URLSearchParams({ depth: '0', limit: '500', 'where[state][equals]': 'pending', 'where[mark][in]': markIds.join(',') })
    const [lockList, pendingList] = await Promise.all([
      fetch(`${api}/mark-locks?${query}`, { credentials: 'include' }).then((r) => (r.ok ? r.json() : { docs: [] })),
      markIds.length > 0 ? fetch(`${api}/mark-corrections?${pendingQuery}`, { credentials: 'include' }).then((r) => (r.ok ? r.json() : { docs: [] })) : Promise.resolve({ docs: [] }),
    ]).catch(() => [{ docs: [] }, { docs: [] }])
    setLocks(new Set(((lockList.docs ?? []) as { kind: string }[]).map((lock) => lock.kind)))
    const byCell: Record<string, PendingCorrection> = {}
    for (const doc of (pendingList.docs ?? []) as { id: ID; mark: ID; field: string; oldValue: unknown; newValue: unknown }[]) byCell[`${doc.mark}|${doc.field}`] = { id: doc.id, oldValue: doc.oldValue, newValue: doc.newValue }
    setCorrections(byCell)
  }, [api])

  useEffect(() => {
    setSelected(null)
    setAsking(false)
    if (sheet) void loadLocks(sheet)
  }, [loadLocks, sheet])

  const update = useCallback((key: string, patch: Partial<CellState>) => {
    setCells((previous) => (previous[key] ? { ...previous, [key]: { ...previous[key], ...patch } } : previous))
  }, [])

  /** Sends one cell; network failures and server errors are retried with the same request id, refusals are shown. */
  const save = useCallback(
    async (student: ID, column: Column, value: CellValue, requestId: string, attempt = 0): Promise<void> => {
      if (!sheet) return
      const key = keyOf(student, column)
      if (cellsRef.current[key]?.requestId !== requestId) return // a newer edit replaced this one
      update(key, { status: attempt === 0 ? 'saving' : 'retrying' })
      let response: Response | null
      try {
        response = await fetch(`${api}/marks/cell`, {
          method: 'PUT',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ student, teachingAssignment: sheet.assignment.id, term: sheet.term, column, value, clientRequestId: requestId }),
        })
      } catch {
        response = null
      }
      if (cellsRef.current[key]?.requestId !== requestId) return
      if (response && response.ok) {
        const body = (await response.json()) as CellResponse
        update(key, { stored: body.value, live: body.value, change: body.lastChange, status: 'idle', issue: null, requestId: null })
        return
      }
      if (response && response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        const body = await response.json().catch(() => ({}))
        update(key, { live: cellsRef.current[key]?.stored ?? null, status: 'refused', issue: body?.errors?.[0]?.message ?? response.statusText, requestId: null })
        void loadLocks(sheet) // a refusal may be a lock applied since the sheet was opened
        return
      }
      update(key, { status: 'retrying' })
      const wait = Math.min(30_000, 1000 * 2 ** attempt)
      timers.current.set(key, setTimeout(() => void save(student, column, value, requestId, attempt + 1), wait))
    },
    [api, loadLocks, sheet, update],
  )

  /** A typed text: checked now; a valid change is saved after a short pause (typing on continues to replace it). */
  const edit = useCallback(
    (student: ID, column: Column, text: string) => {
      if (!sheet) return
      const key = keyOf(student, column)
      const current = cellsRef.current[key]
      if (!current) return
      clearTimeout(timers.current.get(key))
      const value = readTyped(sheet.subject, column, text)
      const issue = cellIssue(lang, sheet.subject, sheet.term, column, value)
      if (issue) {
        update(key, { text, live: current.stored, status: 'invalid', issue, requestId: null })
        return
      }
      if (value === current.stored) {
        update(key, { text, live: value, status: 'idle', issue: null, requestId: null })
        return
      }
      const requestId = newRequestId()
      // Written through to the ref at once: the timer's save checks it is still the latest edit.
      cellsRef.current = { ...cellsRef.current, [key]: { ...current, text, live: value, status: 'pending', issue: null, requestId } }
      update(key, { text, live: value, status: 'pending', issue: null, requestId })
      timers.current.set(key, setTimeout(() => void save(student, column, value, requestId), SAVE_DELAY_MS))
    },
    [lang, save, sheet, update],
  )

  useEffect(() => {
    const pending = timers.current
    return () => pending.forEach((timer) => clearTimeout(timer))
  }, [])

  const editable = Boolean(sheet?.assignment.mine)
  const focusCell = (row: number, col: number) => {
    const input = document.querySelector<HTMLInputElement>(`[data-grid-cell="${row}:${col}"]`)
    if (input) {
      input.focus()
      input.select()
    }
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length
    if (event.key === 'Enter') {
      event.preventDefault()
      focusCell(event.shiftKey ? row - 1 : row + 1, col)
    } else if (event.key === 'ArrowDown') {
      event.preventDefault()
      focusCell(row + 1, col)
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      focusCell(row - 1, col)
    } else if (event.key === 'ArrowRight' && (whole || input.selectionEnd === input.value.length)) {
      event.preventDefault()
      focusCell(row, col + 1)
    } else if (event.key === 'ArrowLeft' && (whole || input.selectionStart === 0)) {
      event.preventDefault()
      focusCell(row, col - 1)
    }
  }

  /** A block pasted from Excel (lines, tab-separated cells) fills from this cell downwards and rightwards. */
  const onPaste = (event: React.ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    if (!sheet) return
    const text = event.clipboardData.getData('text/plain')
    const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n')
    if (lines.length <= 1 && !text.includes('\t')) return
    event.preventDefault()
    lines.forEach((line, i) => {
      const student = sheet.students[row + i]
      if (!student) return
      line.split('\t').forEach((value, j) => {
        const column = sheet.columns[col + j]
        if (column) edit(student.id, column, value)
      })
    })
    focusCell(Math.min(row + lines.length, sheet.students.length - 1), col)
  }

  if (error) return <p role="alert" style={{ color: 'var(--theme-error-500, #b00020)' }}>{error}</p>
  if (!listing) return <p>{t('ui.grid.loading')}</p>

  const statuses = Object.values(cells).map((cell) => cell.status)
  const pendingCount = statuses.filter((s) => s === 'pending' || s === 'saving' || s === 'retrying').length
  const statusText = statuses.includes('retrying') ? t('ui.grid.retrying') : statuses.includes('saving') ? t('ui.grid.saving') : pendingCount > 0 ? t('ui.grid.pending', { count: pendingCount }) : t('ui.grid.saved')

  return (
    <div data-testid="gradebook-grid">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end', marginBottom: 12 }}>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {t('ui.grid.term')}
          <select value={term ?? listing.term} onChange={(e) => setTerm(e.target.value as Term)} data-testid="grid-term">
            <option value="hk1">{t('ui.grid.term-1')}</option>
            <option value="hk2">{t('ui.grid.term-2')}</option>
          </select>
        </label>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0, flex: '1 1 220px', maxWidth: 480 }}>
          {t('ui.grid.pick')} · {listing.schoolYear}
          <select value={assignment} onChange={(e) => setAssignment(e.target.value)} data-testid="grid-assignment" style={{ maxWidth: '100%' }}>
            <option value="">{t('ui.grid.pick-prompt')}</option>
            {listing.assignments.map((a) => (
              <option key={String(a.id)} value={String(a.id)}>
                {a.subjectName} – {a.className}
                {a.mine ? '' : ` (${a.label})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {listing.assignments.length === 0 ? <p>{t('ui.grid.none', { year: listing.schoolYear })}</p> : null}
      {assignment && !sheet ? <p>{t('ui.grid.loading')}</p> : null}
      {sheet ? (
        <>
          <Due sheet={sheet} cells={cells} t={t} />
          {editable ? <p style={{ margin: '4px 0 8px', color: 'var(--theme-elevation-600)', fontSize: 13 }}>{t('ui.grid.help')}</p> : <p role="note">{t('ui.grid.read-only')}</p>}
          {locks.size > 0 && sheet.columns.some((column) => isLocked(locks, column)) ? (
            <p style={{ margin: '0 0 8px', color: 'var(--theme-elevation-600)', fontSize: 13 }} data-testid="grid-locked-help">
              {t('ui.grid.locked-help')}
            </p>
          ) : null}
          <p aria-live="polite" data-testid="grid-status" style={{ margin: '0 0 8px', fontSize: 13 }}>
            {statusText}
          </p>
          {notice ? (
            <p role="status" data-testid="grid-notice" style={{ margin: '0 0 8px', padding: '6px 10px', border: '1px solid var(--theme-success-500, #2e7d32)', borderRadius: 4, fontSize: 14 }}>
              {notice}
            </p>
          ) : null}
          <div style={{ overflowX: 'auto', maxWidth: '100%', WebkitOverflowScrolling: 'touch' }}>
            <table style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 14 }} data-testid="grid-table">
              <thead>
                <tr>
                  <th style={{ ...th, ...sticky, zIndex: 2, background: th.background }} scope="col">
                    {t('ui.grid.name')}
                  </th>
                  {sheet.columns.map((column) => (
                    <th key={column} style={th} scope="col">
                      {headingOf(column, t)}
                    </th>
                  ))}
                  {sheet.subject.kind !== 'primary' ? (
                    <th style={th} scope="col">
                      {sheet.subject.kind === 'scored' ? t('ui.grid.average') : t('ui.grid.result')}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {sheet.students.map((student, row) => {
                  const span = sheet.columns.length + 1 + (sheet.subject.kind !== 'primary' ? 1 : 0)
                  const issues = sheet.columns.map((column, col) => ({ column, col, cell: cells[keyOf(student.id, column)] })).filter(({ cell }) => cell && (cell.status === 'invalid' || cell.status === 'refused'))
                  const chosen = selected?.row === row ? selected.column : null
                  return (
                    <React.Fragment key={String(student.id)}>
                      <tr data-testid={`grid-row-${row}`}>
                        <th scope="row" style={{ ...td, ...sticky, fontWeight: 'normal', padding: '6px 6px' }} title={`${student.studentCode} · ${student.fullName}`}>
                          {student.fullName}
                        </th>
                        {sheet.columns.map((column, col) => {
                          const key = keyOf(student.id, column)
                          const cell = cells[key]
                          if (!cell) return <td key={column} style={td} />
                          const bad = cell.status === 'invalid' || cell.status === 'refused'
                          const locked = isLocked(locks, column)
                          const pending = student.mark ? corrections[`${student.mark.id}|${column}`] : undefined
                          const issueId = `grid-issue-${row}-${col}`
                          const noteId = `grid-note-${row}`
                          const changed = cell.change ? t('ui.grid.changed-by', { name: cell.change.by ?? '—', at: dmyhm(cell.change.at) }) : ''
                          const pendingText = pending ? t('ui.grid.pending-correction', { old: stored(pending.oldValue), new: stored(pending.newValue) }) : ''
                          const title = [bad ? (cell.issue ?? '') : changed, locked ? t('ui.grid.locked') : '', pendingText].filter(Boolean).join(' · ')
                          const wide = column === 'comment'
                          return (
                            <td key={column} style={{ ...td, position: 'relative' }} title={title}>
                              <input
                                data-grid-cell={`${row}:${col}`}
                                data-testid={`cell-${row}-${column}`}
                                data-locked={locked || undefined}
                                aria-label={`${columnLabel(column)} – ${student.fullName}${locked ? ` (${t('ui.grid.locked')})` : ''}`}
                                aria-invalid={bad || undefined}
                                aria-describedby={bad ? issueId : chosen === column ? noteId : undefined}
                                readOnly={!editable || locked}
                                value={cell.text}
                                inputMode={wide || column.endsWith('Level') || sheet.subject.kind === 'comment' ? 'text' : 'decimal'}
                                autoComplete="off"
                                onChange={(e) => edit(student.id, column, e.target.value)}
                                onKeyDown={(e) => onKeyDown(e, row, col)}
                                onPaste={(e) => (locked ? e.preventDefault() : onPaste(e, row, col))}
                                onFocus={(e) => {
                                  e.currentTarget.select()
                                  if (locked && chosen !== column) {
                                    setAsking(false)
                                    setSelected({ row, column })
                                  }
                                }}
                                onClick={() => {
                                  // Also a click on an already focused cell (focus came before the locks were known).
                                  if (locked && chosen !== column) {
                                    setAsking(false)
                                    setSelected({ row, column })
                                  }
                                }}
                                style={{
                                  width: wide ? 180 : 52,
                                  padding: '6px 4px',
                                  textAlign: wide ? 'left' : 'center',
                                  fontSize: 15,
                                  boxSizing: 'border-box',
                                  border: `1px solid ${bad ? 'var(--theme-error-500, #b00020)' : chosen === column ? 'var(--theme-elevation-800, #333)' : 'var(--theme-elevation-150, #ccc)'}`,
                                  color: bad ? 'var(--theme-error-500, #b00020)' : locked ? 'var(--theme-elevation-700, #444)' : undefined,
                                  background: bad ? 'var(--theme-error-50, #fdecea)' : locked ? 'var(--theme-elevation-100, #eee)' : cell.status === 'idle' ? undefined : 'var(--theme-warning-50, #fff8e1)',
                                  cursor: locked ? 'pointer' : undefined,
                                }}
                              />
                              {pending ? <span aria-hidden="true" data-testid={`pending-${row}-${column}`} style={{ position: 'absolute', top: 2, right: 3, width: 7, height: 7, borderRadius: 4, background: 'var(--theme-warning-500, #f9a825)' }} /> : null}
                            </td>
                          )
                        })}
                        {sheet.subject.kind !== 'primary' ? (
                          <td style={{ ...td, textAlign: 'center', padding: '6px 8px', fontWeight: 600 }} data-testid={`average-${row}`}>
                            {resultOf(sheet, student.id, cells) ?? '—'}
                          </td>
                        ) : null}
                      </tr>
                      {issues.length > 0 || chosen ? (
                        <tr data-testid={`grid-line-${row}`}>
                          <td colSpan={span} style={{ padding: 0, borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)' }}>
                            <div style={{ position: 'sticky', left: 0, maxWidth: 'min(640px, calc(100vw - 40px))', padding: '4px 6px', boxSizing: 'border-box', fontSize: 12, whiteSpace: 'normal' }}>
                              {issues.map(({ column, col, cell }) => (
                                <span key={column} id={`grid-issue-${row}-${col}`} role="alert" data-testid={`issue-${row}-${column}`} style={{ display: 'block', color: 'var(--theme-error-500, #b00020)' }}>
                                  {cell!.issue}
                                </span>
                              ))}
                              {chosen ? (
                                <LockedNote
                                  id={`grid-note-${row}`}
                                  column={chosen}
                                  student={student}
                                  sheet={sheet}
                                  canAsk={editable && Boolean(student.mark) && !(student.mark && corrections[`${student.mark.id}|${chosen}`])}
                                  pending={student.mark ? corrections[`${student.mark.id}|${chosen}`] : undefined}
                                  asking={asking}
                                  setAsking={setAsking}
                                  api={api}
                                  lang={lang}
                                  t={t}
                                  onSent={(text) => {
                                    setNotice(text)
                                    setAsking(false)
                                    void loadLocks(sheet)
                                  }}
                                />
                              ) : null}
                            </div>
                          </td>
                        </tr>
                      ) : null}
                    </React.Fragment>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  )
}

type NoteProps = {
  id: string
  column: Column
  student: GridSheet['students'][number]
  sheet: GridSheet
  canAsk: boolean
  pending: PendingCorrection | undefined
  asking: boolean
  setAsking: (asking: boolean) => void
  api: string
  lang: { i18n: { language: string } }
  t: (key: MessageKey, vars?: Record<string, string | number>) => string
  onSent: (text: string) => void
}

/**
 * Under the row of a locked cell: the lock, and "Đề nghị sửa điểm" — a small form (new value
 * checked like any typed value, reason, optional scan uploaded to correction-attachments first)
 * that files the request through POST /api/mark-corrections; the server checks the rest.
 */
function LockedNote({ id, column, student, sheet, canAsk, pending, asking, setAsking, api, lang, t, onSent }: NoteProps) {
  const [value, setValue] = useState('')
  const [reason, setReason] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [issue, setIssue] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const current = cellOf(student.mark, column).value
  const label = columnLabel(column)
  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    const typed = readTyped(sheet.subject, column, value)
    const invalid = typed === null ? t('ui.correction.new-value') : cellIssue(lang, sheet.subject, sheet.term, column, typed)
    if (invalid) return setIssue(invalid)
    if (reason.trim().length === 0) return setIssue(t('ui.correction.reason-required'))
    setBusy(true)
    setIssue(null)
    try {
      let attachment: ID | undefined
      if (file) {
        const form = new FormData()
        form.append('file', file)
        const school = student.mark?.school
        if (school !== undefined && school !== null) form.append('_payload', JSON.stringify({ school: typeof school === 'object' ? (school as { id: ID }).id : school }))
        const uploaded = await fetch(`${api}/correction-attachments`, { method: 'POST', credentials: 'include', body: form })
        const body = await uploaded.json().catch(() => ({}))
        if (!uploaded.ok) throw new Error(body?.errors?.[0]?.message ?? uploaded.statusText)
        attachment = body.doc.id as ID
      }
      const response = await fetch(`${api}/mark-corrections`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ mark: student.mark!.id, field: column, newValue: typed, reason: reason.trim(), ...(attachment !== undefined ? { attachment } : {}) }),
      })
      const body = await response.json().catch(() => ({}))
      if (!response.ok) {
        const errors = (body?.errors ?? []) as { message?: string; data?: { errors?: { message?: string }[] } }[]
        throw new Error(errors.flatMap((e) => (e.data?.errors?.length ? e.data.errors.map((d) => d.message) : [e.message])).filter(Boolean).join(' ') || response.statusText)
      }
      setValue('')
      setReason('')
      setFile(null)
      onSent(t('ui.correction.sent'))
    } catch (e) {
      setIssue((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const field: React.CSSProperties = { display: 'flex', flexDirection: 'column', gap: 2, fontSize: 13 }
  return (
    <div id={id} data-testid="locked-note" style={{ color: 'var(--theme-elevation-800, #333)' }}>
      <span>{t('ui.grid.locked-note', { column: label, student: student.fullName, value: textOf(current) || '—' })}</span>
      {pending ? <span style={{ display: 'block' }}>{t('ui.grid.pending-correction', { old: stored(pending.oldValue), new: stored(pending.newValue) })}</span> : null}
      {canAsk && column !== 'comment' && !asking ? (
        <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: '4px 0 2px', display: 'block' }} onClick={() => setAsking(true)} data-testid="ask-correction">
          {t('ui.grid.ask-correction')}
        </button>
      ) : null}
      {asking && canAsk ? (
        <form onSubmit={(e) => void submit(e)} data-testid="correction-form" style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-end', margin: '6px 0 4px' }}>
          <strong style={{ flexBasis: '100%', fontSize: 13 }}>{t('ui.correction.form-title', { column: label, student: student.fullName })}</strong>
          <span style={field}>
            {t('ui.correction.old-value')}
            <span style={{ padding: '6px 0', fontWeight: 600 }}>{textOf(current) || '—'}</span>
          </span>
          <label style={field}>
            {t('ui.correction.new-value')}
            <input value={value} onChange={(e) => setValue(e.target.value)} inputMode="decimal" autoComplete="off" data-testid="correction-value" style={{ width: 72, padding: '6px 4px', fontSize: 15 }} autoFocus />
          </label>
          <label style={{ ...field, flex: '1 1 200px' }}>
            {t('ui.correction.reason')}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} data-testid="correction-reason" style={{ width: '100%', boxSizing: 'border-box', fontSize: 14 }} />
          </label>
          <label style={{ ...field, flex: '1 1 200px' }}>
            {t('ui.correction.attachment')}
            <input type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="correction-file" style={{ maxWidth: '100%' }} />
          </label>
          <span style={{ display: 'flex', gap: 8 }}>
            <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }} disabled={busy} data-testid="correction-submit">
              {busy ? t('ui.correction.sending') : t('ui.correction.submit')}
            </button>
            <button type="button" className="btn btn--style-secondary btn--size-small" style={{ margin: 0 }} onClick={() => setAsking(false)}>
              {t('ui.correction.cancel')}
            </button>
          </span>
          {issue ? (
            <span role="alert" data-testid="correction-issue" style={{ flexBasis: '100%', color: 'var(--theme-error-500, #b00020)' }}>
              {issue}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  )
}

function headingOf(column: Column, t: (key: MessageKey) => string): string {
  if (column === 'midTermLevel') return t('ui.grid.mid-level')
  if (column === 'endTermLevel') return t('ui.grid.end-level')
  if (column === 'comment') return t('ui.grid.comment')
  return columnLabel(column)
}

const liveValue = (cell: CellState | undefined): CellValue => cell?.live ?? null

type Entry = { tx: (CellValue | null)[]; gk: CellValue; ck: CellValue }
function entryOf(sheet: GridSheet, student: ID, cells: Record<string, CellState>): Entry {
  const tx = sheet.columns.filter((c) => regularIndex(c) !== null).map((c) => liveValue(cells[keyOf(student, c)]))
  return { tx, gk: liveValue(cells[keyOf(student, 'midTerm')]), ck: liveValue(cells[keyOf(student, 'endTerm')]) }
}

/** ĐTBmhk (scored) or the term result Đ/CĐ (comment subjects) by the engine, once every required value is in. */
function resultOf(sheet: GridSheet, student: ID, cells: Record<string, CellState>): string | null {
  const { tx, gk, ck } = entryOf(sheet, student, cells)
  const slots = regularSlots(sheet.subject)
  if (sheet.subject.kind === 'scored') {
    const scores = tx.filter((v): v is number => typeof v === 'number')
    if (scores.length < slots || typeof gk !== 'number' || typeof ck !== 'number') return null
    return termAverage({ tx: scores, gk, ck }).toFixed(1)
  }
  const marks = [...tx, gk, ck].filter((v): v is CommentMark => (COMMENT_MARKS as readonly unknown[]).includes(v))
  return marks.length < slots + 2 ? null : commentSubjectTerm({ required: slots + 2, marks })
}

/** What is due for this class-subject (engine: scoreEntryProgress — half the regular marks by mid-term, all by term end). */
function Due({ sheet, cells, t }: { sheet: GridSheet; cells: Record<string, CellState>; t: (key: MessageKey, vars?: Record<string, string | number>) => string }) {
  const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '8px 12px', margin: '0 0 8px', fontSize: 14 }
  if (sheet.subject.kind === 'primary') {
    const filled = (column: Column) => sheet.students.filter((s) => liveValue(cells[keyOf(s.id, column)]) !== null).length
    return (
      <div style={box} data-testid="grid-due">
        {t('ui.grid.progress-primary', { mid: filled('midTermLevel'), end: filled('endTermLevel'), students: sheet.students.length })}
      </div>
    )
  }
  const valid = (kind: 'scored' | 'comment', v: CellValue) => (kind === 'scored' ? typeof v === 'number' : (COMMENT_MARKS as readonly unknown[]).includes(v))
  const kind = sheet.subject.kind
  // Periods decide the required count; a subject without them counts its grid's TX columns (4).
  const periodsPerYear = sheet.subject.periodsPerYear ?? (kind === 'comment' ? 35 : 140)
  const progress = scoreEntryProgress({
    subject: { name: sheet.subject.name, kind, periodsPerYear },
    students: sheet.students.map((s) => {
      const { tx, gk, ck } = entryOf(sheet, s.id, cells)
      return { id: String(s.id), tx: tx.map((v) => (valid(kind, v) ? v : null)) as never, gk: (valid(kind, gk) ? gk : null) as never, ck: (valid(kind, ck) ? ck : null) as never }
    }),
  })
  const { totals } = progress
  return (
    <div style={box} data-testid="grid-due">
      <strong>{t('ui.grid.due', { due: progress.dueByMidTerm, required: progress.required })}</strong>
      <br />
      {t('ui.grid.progress', {
        entered: totals.regularEntered,
        total: totals.regularDueByTermEnd,
        onTrack: totals.onTrackAtMidTerm,
        students: totals.students,
        mid: totals.midTermEntered,
        end: totals.endTermEntered,
        complete: totals.complete,
      })}
    </div>
  )
}

export default GradebookGrid
