import type { AdminViewServerProps, PayloadRequest } from 'payload'
import React from 'react'

import { currentUser, relationId } from '../../roles.ts'
import { message, type MessageKey } from '../../translations/index.ts'
import { currentSchoolYear } from '../../website/schoolYear.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { ArchivesPanel } from './ArchivesPanel.tsx'

export const BOOKS_VIEW_PATH = '/books'

/** /admin/books?year=2026-2027: printing one's own book, the year-end archive and "Kiểm tra tệp" (ArchivesPanel). */
export async function BooksView(props: AdminViewServerProps) {
  const { initPageResult, i18n, searchParams } = props
  const req = initPageResult.req as PayloadRequest
  const admin = req.payload.config.routes.admin ?? '/admin'
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const year = typeof searchParams?.year === 'string' && /^\d{4}-\d{4}$/.test(searchParams.year) ? searchParams.year : currentSchoolYear()
  const [start] = year.split('-').map(Number) as [number]
  const school = relationId(currentUser(req)?.memberships?.[0]?.school ?? null)
  const link = (y: string) => `${admin}${BOOKS_VIEW_PATH}?year=${y}`
  return (
    <AdminFrame {...props} testId="books-view" title={t('ui.books.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.books.title')}</h1>
      <nav style={{ display: 'flex', gap: 12, margin: '8px 0 16px', alignItems: 'center' }}>
        <a href={link(`${start - 1}-${start}`)}>← {start - 1}-{start}</a>
        <strong>{t('ui.records.year', { year })}</strong>
        <a href={link(`${start + 1}-${start + 2}`)}>{start + 1}-{start + 2} →</a>
      </nav>
      {school !== null ? <ArchivesPanel school={school} schoolYear={year} /> : <p>{t('ui.books.no-school')}</p>}
    </AdminFrame>
  )
}
