import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { vietnamDay } from '../../calendar/days.ts'
import { message } from '../../translations/index.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { WeekTimetable, type TimetableClass } from './WeekTimetable.tsx'

/**
 * /admin/timetable ("Thời khóa biểu", issue 14 item 1): the user's week from GET /api/timetables/week.
 * A teacher sees their own lessons; a homeroom teacher also their class's week; the board and the
 * school admin pick any class of their school. The classes offered are the ones the endpoint answers
 * for (timetable/access.ts maySeeClassTimetable), of the latest school year. Those who may also store
 * a class's week for its families (timetable/notices.ts) get the button for it.
 */
export async function TimetableView(props: AdminViewServerProps) {
  const { initPageResult, i18n } = props
  const req = initPageResult.req
  const user = currentUser(req)
  const t = (key: Parameters<typeof message>[1]) => message({ i18n }, key)
  let classes: TimetableClass[] = []
  let teaches = false
  if (user) {
    const managed = schoolsWhereUserHas(user, RECORD_MANAGERS)
    teaches = schoolsWhereUserHas(user, ['teacher', 'homeroom-teacher', 'team-leader']).length > 0
    const { docs } = await req.payload.find({
      collection: 'classes',
      where: { or: [{ homeroomTeacher: { equals: user.id } }, ...(managed.length > 0 ? [{ school: { in: managed } }] : [])] },
      sort: ['-schoolYear', 'grade', 'name'],
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const latest = docs.map((doc) => String((doc as { schoolYear?: string }).schoolYear ?? '')).sort().at(-1)
    classes = docs
      .filter((doc) => String((doc as { schoolYear?: string }).schoolYear) === latest)
      .map((doc) => {
        const homeroom = String((doc as { homeroomTeacher?: unknown }).homeroomTeacher ?? '') === String(user.id)
        // Who may store the week for the families: as POST /api/timetable-notices/week decides (timetable/notices.ts).
        const notify = homeroom || managed.some((school) => String(school) === String(relationId((doc as { school?: unknown }).school)))
        return { id: doc.id as number | string, name: String((doc as { name?: string }).name ?? ''), homeroom, notify }
      })
  }
  return (
    <AdminFrame {...props} testId="timetable-view" title={t('ui.timetable.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{t('ui.timetable.title')}</h1>
      {!user ? (
        <p>{t('records.login-required')}</p>
      ) : !teaches && classes.length === 0 ? (
        <p>{t('ui.timetable.nothing')}</p>
      ) : (
        <WeekTimetable classes={classes} mine={teaches} today={vietnamDay(new Date())} />
      )}
    </AdminFrame>
  )
}

export default TimetableView
