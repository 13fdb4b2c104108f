import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { classesToPick } from '../../records/classesToPick.ts'
import { currentUser } from '../../roles.ts'
import { vietnamDay } from '../../calendar/days.ts'
import { message } from '../../translations/index.ts'
import { AttendanceSheet } from '../AttendanceSheet/index.tsx'
import { AdminFrame } from '../GradebookView/Frame.tsx'

/**
 * /admin/attendance ("Điểm danh"): the classes the user takes attendance for — the ones they are the
 * homeroom teacher of, every class of a school they are the school admin of — of the current year.
 */
export async function AttendanceView(props: AdminViewServerProps) {
  const { initPageResult, i18n } = props
  const req = initPageResult.req
  const user = currentUser(req)
  const t = (key: Parameters<typeof message>[1]) => message({ i18n }, key)
  const classes = user ? await classesToPick(req, { managerRoles: ['school-admin'] }) : []
  return (
    <AdminFrame {...props} testId="attendance-view" title={t('ui.attendance.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.attendance.title')}</h1>
      {!user ? <p>{t('records.login-required')}</p> : classes.length === 0 ? <p>{t('ui.attendance.no-classes')}</p> : <AttendanceSheet classes={classes} today={vietnamDay(new Date())} />}
    </AdminFrame>
  )
}

export default AttendanceView
