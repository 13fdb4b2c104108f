import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { CORRECTION_DECIDERS } from '../../gradebook/corrections.ts'
import { schoolsWhereUserHas } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { GradebookLinks } from '../GradebookView/index.tsx'
import { CorrectionsQueue } from './Queue.tsx'

/** /admin/gradebook/corrections: the correction requests' queues (Queue.tsx), in the admin frame. */
export function GradebookCorrectionsView(props: AdminViewServerProps) {
  const { initPageResult, i18n } = props
  const user = initPageResult?.req.user
  const admin = initPageResult?.req.payload.config.routes.admin ?? '/admin'
  return (
    <AdminFrame {...props} testId="corrections-view" title={message({ i18n }, 'ui.corrections.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{message({ i18n }, 'ui.corrections.title')}</h1>
      <GradebookLinks admin={admin} i18n={i18n} />
      {user ? <CorrectionsQueue userId={user.id} canDecide={schoolsWhereUserHas(user, CORRECTION_DECIDERS).length > 0} /> : <p>{message({ i18n }, 'records.login-required')}</p>}
    </AdminFrame>
  )
}

export default GradebookCorrectionsView
