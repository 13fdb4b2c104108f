'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { displayDateTime } from '../../calendar/days.ts'
import { stateLabels, type ReviewState } from '../../workflow/states.ts'
import { useLanguage, useMessage } from '../../translations/useMessage.ts'
import { postJson } from './recordApi.ts'
import { ReviewControls, type ReviewRights } from './ReviewControls.tsx'

type ID = number | string
type Plan = { id: ID; title: string; state: ReviewState; late: boolean; lastReturnReason: string | null; versionCount: number }
type Counts = { expected: number; handedIn: number; approved: number; inReview: number; returned: number; drafts: number; late: number; missing: number; notYet: number }
type Row = Counts & { teacher: { id: ID; name: string }; plans: Plan[] }
type Week = { weekStart: string; deadline: string; teachers: Row[] }
type Membership = { school: ID | { id: ID }; roles?: string[]; department?: unknown }
type Subject = { id: ID; name: string; grade: number }

// The counts line of a teacher's week.
const countsOf = (c: Counts, missing = c.missing) => ({ expected: c.expected, handedIn: c.handedIn, approved: c.approved, inReview: c.inReview, returned: c.returned, late: c.late, missing })

/**
 * /admin/lesson-plans (issue 15 item 5): the week's lesson plans from GET /api/lesson-plans/week.
 * A teacher makes a plan for one of their subjects ("Môn + khối", the PPCT lesson), uploads its
 * file, hands it in for checking; a returned plan shows the leader's request and takes a new
 * version. A team leader sees their department teacher by teacher with the week's counts (handed
 * in, approved, late, missing) and approves or returns each plan with a note; the board approves
 * what the team leader passed, for the whole school.
 */
export function LessonPlansBoard({ monday }: { monday: string }) {
  const { config } = useConfig()
  const { user } = useAuth()
  const t = useMessage()
  const lang = useLanguage()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [week, setWeek] = useState<Week | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [subjects, setSubjects] = useState<Subject[]>([])
  const [version, setVersion] = useState(0)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    let live = true
    fetch(`${api}/lesson-plans/week?weekStart=${monday}`, { credentials: 'include' })
      .then(async (response) => {
        if (!live) return
        if (response.ok) setWeek((await response.json()) as Week)
        else setError(String(((await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null)?.errors?.[0]?.message ?? response.status))
      })
      .catch(() => live && setError(t('ui.attendance.offline')))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, monday, version])

  useEffect(() => {
    if (!user) return
    const query = new URLSearchParams({ 'where[teacher][equals]': String(user.id), depth: '1', limit: '300' })
    fetch(`${api}/teaching-assignments?${query}`, { credentials: 'include' })
      .then(async (response) => (response.ok ? ((await response.json()) as { docs: { subject?: Subject | ID }[] }).docs : []))
      .then((docs) => {
        const unique = new Map<string, Subject>()
        for (const d of docs) if (d.subject && typeof d.subject === 'object') unique.set(String(d.subject.id), d.subject)
        setSubjects([...unique.values()].sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'vi')))
      })
      .catch(() => setSubjects([]))
  }, [api, user])

  if (error) return <p role="alert" style={{ color: '#b71c1c' }}>{error}</p>
  if (!week || !user) return null
  const memberships = ((user as { memberships?: Membership[] }).memberships ?? []) as Membership[]
  const board = memberships.some((m) => (m.roles ?? []).some((r) => r === 'principal' || r === 'vice-principal'))
  const leader = memberships.some((m) => (m.roles ?? []).includes('team-leader'))
  const mine = week.teachers.find((row) => String(row.teacher.id) === String(user.id))
  const others = week.teachers.filter((row) => row !== mine)
  const rightsFor = (own: boolean): ReviewRights => ({ submitter: own, leader: leader && !own, board: board && !own, leaderStep: true })
  const planItem = (plan: Plan, own: boolean) => (
    <li key={String(plan.id)} data-testid="lesson-plan" data-title={plan.title} style={{ padding: '8px 0', borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)' }}>
      <div>
        <strong>{plan.title}</strong> · <span data-testid="lesson-plan-state">{stateLabels[plan.state]?.[lang] ?? plan.state}</span>
        {plan.late ? <span style={{ color: '#b71c1c' }}> · {t('ui.lessons.late')}</span> : null} · {t('ui.records.versions', { count: plan.versionCount })} ·{' '}
        <a href={`${config.routes.admin}/collections/lesson-plans/${plan.id}`}>{t('ui.records.open')}</a>
      </div>
      {plan.state === 'returned' && plan.lastReturnReason ? (
        <div data-testid="lesson-plan-note" style={{ color: '#8c1d18' }}>
          {t('ui.records.returned-note', { note: plan.lastReturnReason })}
        </div>
      ) : null}
      <ReviewControls api={api} collection="lesson-plans" item={{ id: plan.id, state: plan.state, versionCount: plan.versionCount, lastReturnReason: plan.lastReturnReason }} rights={rightsFor(own)} onChange={reload} testId={`lesson-plan-${plan.id}`} />
    </li>
  )
  return (
    <div data-testid="lesson-plans-board">
      <p>{t('ui.lessons.deadline', { deadline: displayDateTime(week.deadline) })}</p>
      {subjects.length > 0 ? (
        <section style={{ marginBottom: 24 }}>
          <h2 style={{ fontSize: 20, margin: '8px 0' }}>{t('ui.lessons.mine')}</h2>
          {mine ? <p data-testid="my-lesson-counts">{t('ui.lessons.counts', countsOf(mine, mine.missing + mine.notYet))}</p> : null}
          <NewLessonPlan api={api} monday={monday} subjects={subjects} onCreated={reload} />
          {mine && mine.plans.length > 0 ? <ol style={{ listStyle: 'none', padding: 0, margin: 0, maxWidth: 900 }} data-testid="my-lesson-plans">{mine.plans.map((p) => planItem(p, true))}</ol> : <p>{t('ui.lessons.none')}</p>}
        </section>
      ) : null}
      {others.length > 0 ? (
        <section>
          <h2 style={{ fontSize: 20, margin: '8px 0' }}>{t('ui.lessons.overseen')}</h2>
          {others.map((row) => (
            <details key={String(row.teacher.id)} open={row.plans.length > 0} data-testid="lesson-teacher" style={{ marginBottom: 8 }}>
              <summary style={{ cursor: 'pointer', padding: '6px 0' }}>
                <strong>{row.teacher.name}</strong> — <span style={row.missing > 0 || row.late > 0 ? { color: '#b71c1c' } : undefined}>{t('ui.lessons.counts', countsOf(row))}</span>
              </summary>
              {row.plans.length > 0 ? <ol style={{ listStyle: 'none', padding: '0 0 0 12px', margin: 0, maxWidth: 900 }}>{row.plans.map((p) => planItem(p, false))}</ol> : <p style={{ paddingLeft: 12 }}>{t('ui.lessons.none')}</p>}
            </details>
          ))}
        </section>
      ) : null}
    </div>
  )
}

function NewLessonPlan({ api, monday, subjects, onCreated }: { api: string; monday: string; subjects: Subject[]; onCreated: () => void }) {
  const t = useMessage()
  const [subject, setSubject] = useState(String(subjects[0]?.id ?? ''))
  const [lessonNumber, setLessonNumber] = useState('')
  const [lessonTitle, setLessonTitle] = useState('')
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const create = async () => {
    setBusy(true)
    setStatus(null)
    const number = Number.parseInt(lessonNumber, 10)
    const outcome = await postJson(`${api}/lesson-plans?depth=0`, { subject: /^\d+$/.test(subject) ? Number(subject) : subject, weekStart: monday, ...(Number.isFinite(number) ? { lessonNumber: number } : {}), ...(lessonTitle.trim() ? { lessonTitle: lessonTitle.trim() } : {}) })
    setBusy(false)
    if (!outcome.ok) return setStatus({ error: true, text: outcome.text })
    setStatus({ error: false, text: t('ui.lessons.created', { title: String((outcome.body.doc as { title?: string }).title ?? '') }) })
    setLessonNumber('')
    setLessonTitle('')
    onCreated()
  }
  const field = { display: 'flex', flexDirection: 'column', gap: 2, fontSize: 13 } as const
  return (
    <fieldset data-testid="new-lesson-plan" style={{ border: '1px solid var(--theme-elevation-150, #ddd)', padding: 10, margin: '8px 0 12px', display: 'flex', gap: 10, flexWrap: 'wrap', alignItems: 'flex-end', maxWidth: 900 }}>
      <legend>{t('ui.lessons.new')}</legend>
      <label style={field}>
        {t('ui.lessons.subject')}
        <select value={subject} onChange={(e) => setSubject(e.currentTarget.value)} style={{ minHeight: 36 }}>
          {subjects.map((s) => (
            <option key={String(s.id)} value={String(s.id)}>{`${s.name} ${s.grade}`}</option>
          ))}
        </select>
      </label>
      <label style={field}>
        {t('ui.lessons.lesson-number')}
        <input inputMode="numeric" value={lessonNumber} onChange={(e) => setLessonNumber(e.currentTarget.value)} style={{ width: 90, minHeight: 36 }} />
      </label>
      <label style={{ ...field, flex: '1 1 220px' }}>
        {t('ui.lessons.lesson-title')}
        <input value={lessonTitle} onChange={(e) => setLessonTitle(e.currentTarget.value)} style={{ minHeight: 36 }} maxLength={300} />
      </label>
      <button type="button" className="btn btn--style-primary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} disabled={busy || !subject} onClick={create} data-testid="new-lesson-plan-create">
        {t('ui.lessons.create')}
      </button>
      {status ? (
        <span role="status" style={{ color: status.error ? '#b71c1c' : '#1b5e20', width: '100%' }} data-testid="new-lesson-plan-status">
          {status.text}
        </span>
      ) : null}
    </fieldset>
  )
}
