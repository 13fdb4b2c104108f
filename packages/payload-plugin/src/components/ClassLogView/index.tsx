import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { vietnamDay } from '../../calendar/days.ts'
import { classesToPick } from '../../records/classesToPick.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { ClassLogDay } from './ClassLogDay.tsx'

/**
 * /admin/class-log ("Sổ đầu bài", issue 14 item 4): a class's day as GET /api/class-logs/day gives
 * it. A teacher starts from their own periods of the day and signs them; the homeroom teacher also
 * closes the week; the board and the school admin open any class of their school and add check
 * notes. The classes offered are those the endpoints answer for (classLog/access.ts).
 */
export async function ClassLogView(props: AdminViewServerProps) {
  const { initPageResult, i18n } = props
  const req = initPageResult.req
  const user = currentUser(req)
  const t = (key: Parameters<typeof message>[1]) => message({ i18n }, key)
  const classes = user ? await classesToPick(req, { managerRoles: RECORD_MANAGERS, taught: true }) : []
  const teaches = schoolsWhereUserHas(user, ['teacher', 'homeroom-teacher', 'team-leader']).length > 0
  return (
    <AdminFrame {...props} testId="class-log-view" title={t('ui.classlog.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.classlog.title')}</h1>
      {!user ? <p>{t('records.login-required')}</p> : classes.length === 0 ? <p>{t('ui.classlog.no-classes')}</p> : <ClassLogDay classes={classes} teaches={teaches} today={vietnamDay(new Date())} />}
    </AdminFrame>
  )
}

export default ClassLogView
