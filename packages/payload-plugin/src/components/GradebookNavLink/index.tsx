'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React from 'react'

import { seesGradebook } from '../../admin/navigation.ts'
import { currentUser } from '../../roles.ts'
import { GRADEBOOK_VIEW_PATH } from '../../gradebook/grid/path.ts'
import { useMessage } from '../../translations/useMessage.ts'

/** "Sổ điểm" in the navigation, for teachers (and the board, who read the grid). */
export function GradebookNavLink() {
  const { user } = useAuth()
  const { config } = useConfig()
  const t = useMessage()
  if (!seesGradebook(currentUser({ user }))) return null
  return (
    <a className="nav__link" href={`${config.routes.admin}${GRADEBOOK_VIEW_PATH}`} data-testid="nav-gradebook" style={{ fontWeight: 600 }}>
      <span className="nav__link-label">{t('ui.grid.title')}</span>
    </a>
  )
}

export default GradebookNavLink
