import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'

import { addDays, displayDay, mondayOf, parseDay, vietnamDay } from '../../calendar/days.ts'
import { currentUser, isDistrictUser, relationId } from '../../roles.ts'
import { message, type MessageKey } from '../../translations/index.ts'
import { currentSchoolYear } from '../../website/schoolYear.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { LessonPlansBoard } from './LessonPlansBoard.tsx'
import { RecordsTree } from './RecordsTree.tsx'

export const EDUCATION_RECORDS_VIEW_PATH = '/education-records'
export const LESSON_PLANS_VIEW_PATH = '/lesson-plans'

/** /admin/lesson-plans?week=YYYY-MM-DD: the week's lesson plans (LessonPlansBoard). */
export async function LessonPlansView(props: AdminViewServerProps) {
  const { initPageResult, i18n, searchParams } = props
  const admin = initPageResult.req.payload.config.routes.admin ?? '/admin'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const asked = typeof searchParams?.week === 'string' ? parseDay(searchParams.week) : null
  const monday = mondayOf(asked ?? vietnamDay(new Date()))
  const link = (week: string) => `${admin}${LESSON_PLANS_VIEW_PATH}?week=${week}`
  return (
    <AdminFrame {...props} testId="lesson-plans-view" title={t('ui.lessons.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.lessons.title')}</h1>
      <p>{t('ui.plans.week', { from: displayDay(monday), to: displayDay(addDays(monday, 5)) })}</p>
      <nav style={{ display: 'flex', gap: 12, margin: '8px 0 16px' }}>
        <a href={link(addDays(monday, -7))}>{t('ui.plans.previous-week')}</a>
        <a href={link(addDays(monday, 7))}>{t('ui.plans.next-week')}</a>
      </nav>
      <LessonPlansBoard monday={monday} />
    </AdminFrame>
  )
}

/** /admin/education-records?year=2026-2027[&school=id]: the school's document tree (RecordsTree). */
export async function EducationRecordsView(props: AdminViewServerProps) {
  const { initPageResult, i18n, searchParams } = props
  const req = initPageResult.req as PayloadRequest
  const admin = req.payload.config.routes.admin ?? '/admin'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const actor = currentUser(req)
  const year = typeof searchParams?.year === 'string' && /^\d{4}-\d{4}$/.test(searchParams.year) ? searchParams.year : currentSchoolYear()
  const [start] = year.split('-').map(Number) as [number]
  const asked = typeof searchParams?.school === 'string' ? searchParams.school : null
  const own = relationId(actor?.memberships?.[0]?.school ?? null)
  const school = asked ?? (own !== null ? String(own) : null)
  const link = (y: string, s: string | null = school) => `${admin}${EDUCATION_RECORDS_VIEW_PATH}?year=${y}${s ? `&school=${s}` : ''}`
  // The office above picks a school; it reads approved documents only (the API's rule).
  const schools = isDistrictUser(actor) ? (await req.payload.find({ collection: 'schools', depth: 0, pagination: false, sort: 'name', req, overrideAccess: false, user: req.user })).docs : []
  return (
    <AdminFrame {...props} testId="education-records-view" title={t('ui.records.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.records.title')}</h1>
      <nav style={{ display: 'flex', gap: 12, margin: '8px 0 16px', flexWrap: 'wrap', alignItems: 'center' }}>
        <a href={link(`${start - 1}-${start}`)}>← {start - 1}-{start}</a>
        <strong>{t('ui.records.year', { year })}</strong>
        <a href={link(`${start + 1}-${start + 2}`)}>{start + 1}-{start + 2} →</a>
      </nav>
      {schools.length > 0 ? (
        <p style={{ display: 'flex', gap: 10, flexWrap: 'wrap' }}>
          {schools.map((s) => (
            <a key={String(s.id)} href={link(year, String(s.id))} style={String(s.id) === school ? { fontWeight: 700 } : undefined}>
              {String((s as { name?: unknown }).name ?? s.id)}
            </a>
          ))}
        </p>
      ) : null}
      {school ? <RecordsTree school={/^\d+$/.test(school) ? Number(school) : school} schoolYear={year} /> : null}
    </AdminFrame>
  )
}
