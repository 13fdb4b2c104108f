'use client'
import { useConfig, useTranslation } from '@payloadcms/ui'
import React, { useCallback, useEffect, useMemo, useState } from 'react'

import type { ClassResults, PrimaryStudentResult, ThcsStudentResult } from '../../gradebook/results.ts'
import { message, type MessageKey } from '../../translations/index.ts'

type ID = number | string
export type ResultsClass = { id: ID; name: string; schoolYear: string; canApprove: boolean }
type Period = '1' | '2' | 'year'
type Approval = { approvedBy: ID | null; approvedAt: string | null } | null
type Loaded = ClassResults & { approval?: Approval }
type T = (key: MessageKey, vars?: Record<string, string | number>) => string

const th: React.CSSProperties = { padding: '6px 8px', borderBottom: '2px solid var(--theme-elevation-200, #ccc)', textAlign: 'center', whiteSpace: 'nowrap', background: 'var(--theme-elevation-50, #f5f5f5)', fontSize: 13 }
const td: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)', textAlign: 'center', whiteSpace: 'nowrap' }
const sticky: React.CSSProperties = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--theme-bg, #fff)', textAlign: 'left', minWidth: 120, maxWidth: '40vw', overflow: 'hidden', textOverflow: 'ellipsis' }
const dmy = (iso: string | null | undefined) => {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'number' ? value.toFixed(1) : String(value))

/**
 * The results table of one class and period: students down; for THCS the subject averages or
 * Đ/CĐ, the learning level (with the value before Art. 9.3's adjustment when it differs), conduct,
 * absences and, for the year, award and promotion / re-tests / summer training; for TH the
 * subjects' levels and tests, qualities, competences and the year result. Everything is the
 * endpoint's (the engine's): nothing is computed here. The year's approval and its button too.
 */
export function ClassResultsTable({ classes }: { classes: ResultsClass[] }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = useMemo(() => ({ i18n: { language: i18n.language } }), [i18n.language])
  const t: T = useCallback((key, vars) => message(lang, key, vars), [lang])
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [classId, setClassId] = useState<string>('')
  const [period, setPeriod] = useState<Period>('1')
  const [results, setResults] = useState<Loaded | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [approveIssue, setApproveIssue] = useState<string | null>(null)
  const [approving, setApproving] = useState(false)

  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    const asked = params.get('class')
    setClassId(asked && classes.some((c) => String(c.id) === asked) ? asked : classes.length === 1 ? String(classes[0]!.id) : '')
    const term = params.get('term')
    if (term === '1' || term === '2' || term === 'year') setPeriod(term)
  }, [classes])

  const load = useCallback(() => {
    setResults(null)
    setError(null)
    if (!classId) return
    const params = new URLSearchParams(window.location.search)
    params.set('class', classId)
    params.set('term', period)
    window.history.replaceState(null, '', `${window.location.pathname}?${params}`)
    fetch(`${api}/classes/${classId}/results?term=${period}`, { credentials: 'include' })
      .then(async (response) => {
        const body = await response.json().catch(() => ({}))
        if (!response.ok) throw new Error(body?.errors?.[0]?.message ?? response.statusText)
        setResults(body as Loaded)
      })
      .catch((e: Error) => setError(e.message))
  }, [api, classId, period])
  useEffect(load, [load])

  const klass = classes.find((c) => String(c.id) === classId)
  const approve = async () => {
    if (!klass) return
    setApproving(true)
    setApproveIssue(null)
    const response = await fetch(`${api}/classes/${klass.id}/results/approve?schoolYear=${encodeURIComponent(klass.schoolYear)}`, { method: 'POST', credentials: 'include' })
    const body = await response.json().catch(() => ({}))
    setApproving(false)
    if (!response.ok) {
      const missing = (body?.missing ?? []) as { fullName: string }[]
      const names = missing.slice(0, 5).map((m) => m.fullName).join(', ')
      setApproveIssue(`${body?.errors?.[0]?.message ?? response.statusText}${names ? ` (${names}${missing.length > 5 ? '…' : ''})` : ''}`)
      return
    }
    load()
  }

  const periodLabel = period === 'year' ? t('ui.results.period-year') : period === '2' ? t('ui.results.period-2') : t('ui.results.period-1')
  return (
    <div data-testid="class-results">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end', marginBottom: 12 }}>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4, minWidth: 0, flex: '1 1 180px', maxWidth: 360 }}>
          {t('ui.results.class')}
          <select value={classId} onChange={(e) => setClassId(e.target.value)} data-testid="results-class" style={{ maxWidth: '100%' }}>
            <option value="">{t('ui.results.pick-class')}</option>
            {classes.map((c) => (
              <option key={String(c.id)} value={String(c.id)}>
                {c.name} · {c.schoolYear}
              </option>
            ))}
          </select>
        </label>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {t('ui.results.period')}
          <select value={period} onChange={(e) => setPeriod(e.target.value as Period)} data-testid="results-period">
            <option value="1">{t('ui.results.period-1')}</option>
            <option value="2">{t('ui.results.period-2')}</option>
            <option value="year">{t('ui.results.period-year')}</option>
          </select>
        </label>
      </div>
      {error ? (
        <p role="alert" style={{ color: 'var(--theme-error-500, #b00020)' }}>
          {error}
        </p>
      ) : null}
      {classId && !results && !error ? <p>{t('ui.grid.loading')}</p> : null}
      {results ? (
        <>
          <p style={{ margin: '0 0 8px' }} data-testid="results-summary">
            {t('ui.results.summary', { class: results.class.name, period: periodLabel, year: results.schoolYear, complete: results.students.filter((s) => s.complete).length, students: results.students.length })}
          </p>
          {period === 'year' ? (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '8px 12px', marginBottom: 12 }} data-testid="results-approval">
              <span>{results.approval ? t('ui.results.approved', { at: dmy(results.approval.approvedAt) }) : t('ui.results.not-approved')}</span>
              {!results.approval && klass?.canApprove ? (
                <button type="button" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }} disabled={approving} onClick={() => void approve()} data-testid="approve-results">
                  {approving ? t('ui.results.approving') : t('ui.results.approve')}
                </button>
              ) : null}
              {approveIssue ? (
                <p role="alert" data-testid="approve-issue" style={{ color: 'var(--theme-error-500, #b00020)', margin: 0, flexBasis: '100%' }}>
                  {approveIssue}
                </p>
              ) : null}
            </div>
          ) : null}
          {results.errors.length > 0 ? (
            <ul role="alert" style={{ color: 'var(--theme-error-500, #b00020)' }}>
              {results.errors.map((e, i) => (
                <li key={i}>{(e as { message?: string }).message ?? JSON.stringify(e)}</li>
              ))}
            </ul>
          ) : null}
          {results.students.length === 0 ? <p>{t('ui.results.no-students')}</p> : results.level === 'TH' ? <PrimaryTable results={results} t={t} /> : <ThcsTable results={results} period={period} t={t} />}
        </>
      ) : null}
    </div>
  )
}

function Scroll({ children }: { children: React.ReactNode }) {
  return (
    <div style={{ overflowX: 'auto', maxWidth: '100%', WebkitOverflowScrolling: 'touch' }}>
      <table style={{ borderCollapse: 'separate', borderSpacing: 0, fontSize: 14 }} data-testid="results-table">
        {children}
      </table>
    </div>
  )
}

function ThcsTable({ results, period, t }: { results: ClassResults; period: Period; t: T }) {
  const year = period === 'year'
  const outcomeKey = (outcome: string | null | undefined): MessageKey | null => (outcome === 'promoted' || outcome === 'reassessment' || outcome === 'retained' ? (`ui.results.outcome-${outcome}` as MessageKey) : null)
  return (
    <Scroll>
      <thead>
        <tr>
          <th style={{ ...th, ...sticky, zIndex: 2, background: th.background }} scope="col">
            {t('ui.grid.name')}
          </th>
          {results.subjects.map((s) => (
            <th key={String(s.id)} style={th} scope="col">
              {s.name}
            </th>
          ))}
          <th style={th} scope="col">{t('ui.results.learning')}</th>
          <th style={th} scope="col">{t('ui.results.conduct')}</th>
          <th style={th} scope="col">{t('ui.results.absences')}</th>
          {year ? (
            <>
              <th style={th} scope="col">{t('ui.results.award')}</th>
              <th style={th} scope="col">{t('ui.results.outcome')}</th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {(results.students as ThcsStudentResult[]).map((s, row) => {
          const missing = s.missing.reduce((n, m) => n + m.count, 0)
          const adjusted = s.learning && s.learning.beforeAdjustment !== s.learning.level
          return (
            <tr key={String(s.id)} data-testid={`results-row-${row}`}>
              <th scope="row" style={{ ...td, ...sticky, fontWeight: 'normal' }} title={`${s.studentCode} · ${s.fullName}`}>
                {s.fullName}
                {!s.complete && missing > 0 ? <span style={{ display: 'block', fontSize: 11, color: 'var(--theme-warning-700, #8a6d00)' }}>{t('ui.results.missing', { count: missing })}</span> : null}
              </th>
              {results.subjects.map((subject) => (
                <td key={String(subject.id)} style={td}>
                  {shown(s.subjects[subject.name])}
                </td>
              ))}
              <td style={td} data-testid={`results-learning-${row}`}>
                {s.learning?.level ?? '—'}
                {adjusted ? <span style={{ display: 'block', fontSize: 11, color: 'var(--theme-elevation-600, #555)' }}>{t('ui.results.before-adjustment', { level: s.learning!.beforeAdjustment })}</span> : null}
              </td>
              <td style={td}>{s.conduct ?? '—'}</td>
              <td style={td}>{s.absences}</td>
              {year ? (
                <>
                  <td style={td}>{s.award ?? '—'}</td>
                  <td style={{ ...td, whiteSpace: 'normal', minWidth: 120 }}>
                    {outcomeKey(s.outcome) ? t(outcomeKey(s.outcome)!) : '—'}
                    {s.retests && s.retests.length > 0 ? <span style={{ display: 'block', fontSize: 12 }}>{t('ui.results.retests', { subjects: s.retests.join(', ') })}</span> : null}
                    {s.summerConductTraining ? <span style={{ display: 'block', fontSize: 12 }}>{t('ui.results.summer')}</span> : null}
                  </td>
                </>
              ) : null}
            </tr>
          )
        })}
      </tbody>
    </Scroll>
  )
}

function PrimaryTable({ results, t }: { results: ClassResults; t: T }) {
  const students = results.students as PrimaryStudentResult[]
  const qualities = Object.keys(students[0]?.qualities ?? {})
  const competences = Object.keys(students[0]?.competences ?? {})
  const year = results.period === 'year'
  return (
    <Scroll>
      <thead>
        <tr>
          <th style={{ ...th, ...sticky, zIndex: 2, background: th.background }} scope="col">
            {t('ui.grid.name')}
          </th>
          {results.subjects.map((s) => (
            <th key={String(s.id)} style={th} scope="col">
              {s.name}
            </th>
          ))}
          {qualities.map((q) => (
            <th key={`q-${q}`} style={th} scope="col" title={t('ui.results.qualities')}>
              {q}
            </th>
          ))}
          {competences.map((c) => (
            <th key={`c-${c}`} style={th} scope="col" title={t('ui.results.competences')}>
              {c}
            </th>
          ))}
          {year ? <th style={th} scope="col">{t('ui.results.year-result')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {students.map((s, row) => (
          <tr key={String(s.id)} data-testid={`results-row-${row}`}>
            <th scope="row" style={{ ...td, ...sticky, fontWeight: 'normal' }} title={`${s.studentCode} · ${s.fullName}`}>
              {s.fullName}
            </th>
            {results.subjects.map((subject) => {
              const r = s.subjects[subject.name]
              const test = r?.endTermTest ?? r?.midTermTest
              return (
                <td key={String(subject.id)} style={td} title={r?.comment ?? undefined}>
                  {r?.endTermLevel ?? r?.midTermLevel ?? '—'}
                  {test !== null && test !== undefined ? ` · ${test}` : ''}
                </td>
              )
            })}
            {qualities.map((q) => (
              <td key={`q-${q}`} style={td}>
                {s.qualities[q] ?? '—'}
              </td>
            ))}
            {competences.map((c) => (
              <td key={`c-${c}`} style={td}>
                {s.competences[c] ?? '—'}
              </td>
            ))}
            {year ? <td style={td}>{s.yearResult ?? '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </Scroll>
  )
}
