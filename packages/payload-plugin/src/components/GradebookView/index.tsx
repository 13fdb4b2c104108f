import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { message } from '../../translations/index.ts'
import { GradebookGrid } from '../GradebookGrid/index.tsx'
import { AdminFrame } from './Frame.tsx'

/** Links between the gradebook's views (Sổ điểm, corrections, results), under each view's heading. */
export function GradebookLinks({ admin, i18n }: { admin: string; i18n: AdminViewServerProps['i18n'] }) {
  const t = (key: Parameters<typeof message>[1]) => message({ i18n }, key)
  return (
    <p style={{ margin: '0 0 12px', display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }} data-testid="gradebook-links">
      <a href={`${admin}/gradebook`}>{t('ui.grid.title')}</a>
      <a href={`${admin}/gradebook/corrections`} data-testid="link-corrections">
        {t('ui.grid.link-corrections')}
      </a>
      <a href={`${admin}/gradebook/results`} data-testid="link-results">
        {t('ui.grid.link-results')}
      </a>
      <a href={`${admin}/gradebook/progress`} data-testid="link-progress">
        {t('ui.progress.link')}
      </a>
    </p>
  )
}

/** The root view /admin/gradebook ("Sổ điểm"), in the admin frame; the grid is a client component. */
export function GradebookView(props: AdminViewServerProps) {
  const { initPageResult, i18n } = props
  const user = initPageResult?.req.user
  const admin = initPageResult?.req.payload.config.routes.admin ?? '/admin'
  const t = (key: Parameters<typeof message>[1]) => message({ i18n }, key)
  return (
    <AdminFrame {...props} testId="gradebook-view" title={t('ui.grid.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.grid.title')}</h1>
      <GradebookLinks admin={admin} i18n={i18n} />
      {user ? <GradebookGrid /> : <p>{message({ i18n }, 'records.login-required')}</p>}
    </AdminFrame>
  )
}

export default GradebookView
