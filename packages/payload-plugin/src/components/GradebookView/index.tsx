import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { message } from '../../translations/index.ts'
import { GradebookGrid } from '../GradebookGrid/index.tsx'

/**
 * The root view /admin/gradebook ("Sổ điểm"). Payload renders a new root view without its default
 * template (nav and header live in @payloadcms/next, which this package does not depend on), so the
 * view carries its own heading and a way back to the dashboard; the grid is a client component.
 */
export function GradebookView({ initPageResult, i18n }: AdminViewServerProps) {
  const user = initPageResult?.req.user
  const admin = initPageResult?.req.payload.config.routes.admin ?? '/admin'
  const t = (key: Parameters<typeof message>[1]) => message({ i18n }, key)
  return (
    <main style={{ padding: '16px clamp(8px, 3vw, 48px)', maxWidth: '100vw', boxSizing: 'border-box' }} data-testid="gradebook-view">
      <p style={{ margin: '0 0 8px' }}>
        <a href={admin}>{t('ui.grid.back')}</a>
      </p>
      <h1 style={{ margin: '0 0 12px', fontSize: 28 }}>{t('ui.grid.title')}</h1>
      {user ? <GradebookGrid /> : <p>{message({ i18n }, 'records.login-required')}</p>}
    </main>
  )
}

export default GradebookView
