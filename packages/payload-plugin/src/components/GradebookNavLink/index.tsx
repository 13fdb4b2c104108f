'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React from 'react'

import { seesGradebook } from '../../admin/navigation.ts'
import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { GRADEBOOK_VIEW_PATH } from '../../gradebook/grid/path.ts'
import { GRADEBOOK_PROGRESS_PATH } from '../../gradebook/progress/path.ts'
import { useMessage } from '../../translations/useMessage.ts'

/** "Sổ điểm" in the navigation, for teachers (and the board, who read the grid). */
export function GradebookNavLink() {
  const { user } = useAuth()
  const { config } = useConfig()
  const t = useMessage()
  const actor = currentUser({ user })
  const grid = seesGradebook(actor)
  // Tiến độ nhập điểm (gradebook/progress): also for a team leader who teaches nothing.
  const progress = grid || schoolsWhereUserHas(actor, ['team-leader']).length > 0
  // Điểm danh (teaching/attendance): whoever may be a homeroom teacher, and the school admin.
  const attendance = schoolsWhereUserHas(actor, ['homeroom-teacher', 'teacher', 'school-admin']).length > 0
  if (!progress && !attendance) return null
  return (
    <>
      {grid ? (
        <a className="nav__link" href={`${config.routes.admin}${GRADEBOOK_VIEW_PATH}`} data-testid="nav-gradebook" style={{ fontWeight: 600 }}>
          <span className="nav__link-label">{t('ui.grid.title')}</span>
        </a>
      ) : null}
      {progress ? (
        <a className="nav__link" href={`${config.routes.admin}${GRADEBOOK_PROGRESS_PATH}`} data-testid="nav-gradebook-progress">
          <span className="nav__link-label">{t('ui.progress.link')}</span>
        </a>
      ) : null}
      {attendance ? (
        <a className="nav__link" href={`${config.routes.admin}/attendance`} data-testid="nav-attendance">
          <span className="nav__link-label">{t('ui.attendance.link')}</span>
        </a>
      ) : null}
    </>
  )
}

export default GradebookNavLink
