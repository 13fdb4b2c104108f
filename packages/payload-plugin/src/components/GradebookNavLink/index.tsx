'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React from 'react'

import { seesGradebook } from '../../admin/navigation.ts'
import { currentUser, isDistrictUser, schoolsWhereUserHas } from '../../roles.ts'
import { GRADEBOOK_VIEW_PATH } from '../../gradebook/grid/path.ts'
import { GRADEBOOK_PROGRESS_PATH } from '../../gradebook/progress/path.ts'
import { useMessage } from '../../translations/useMessage.ts'

/** The records teachers keep every day, in the navigation: Sổ điểm, its progress, Điểm danh, Thời khóa biểu, Sổ đầu bài, Kế hoạch dạy học — each for the roles that use it. */
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
  // Thời khóa biểu (teaching/timetable): teachers, homeroom teachers, the board and the school admin.
  const timetable = schoolsWhereUserHas(actor, ['teacher', 'homeroom-teacher', 'principal', 'vice-principal', 'school-admin']).length > 0
  // Kế hoạch dạy học (teaching/plans): the week's plans and who is late, for teachers, team leaders and the board.
  const plans = schoolsWhereUserHas(actor, ['teacher', 'team-leader', 'principal', 'vice-principal', 'school-admin']).length > 0
  // Sổ đầu bài (teaching/classLog): whoever teaches, leads a class, or checks the school's logs.
  const classLog = timetable
  // Giáo án (educationRecords): those who write or check lesson plans; Hồ sơ giáo dục: every member of a school and the office above.
  const lessonPlans = plans
  const records = schoolsWhereUserHas(actor).length > 0 || isDistrictUser(actor)
  // In sổ và lưu trữ (books): a teacher's own book; the board's and school admin's year-end archive.
  const books = schoolsWhereUserHas(actor, ['teacher', 'team-leader', 'principal', 'vice-principal', 'school-admin']).length > 0
  // Theo dõi các trường (oversight): the officers and admins of a tier.
  const oversight = isDistrictUser(actor)
  if (!progress && !attendance && !timetable && !plans && !records) return null
  return (
    <>
      {oversight ? (
        <a className="nav__link" href={`${config.routes.admin}/oversight`} data-testid="nav-oversight" style={{ fontWeight: 600 }}>
          <span className="nav__link-label">{t('ui.oversight.nav')}</span>
        </a>
      ) : null}
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
      {timetable ? (
        <a className="nav__link" href={`${config.routes.admin}/timetable`} data-testid="nav-timetable">
          <span className="nav__link-label">{t('ui.timetable.link')}</span>
        </a>
      ) : null}
      {classLog ? (
        <a className="nav__link" href={`${config.routes.admin}/class-log`} data-testid="nav-class-log">
          <span className="nav__link-label">{t('ui.classlog.link')}</span>
        </a>
      ) : null}
      {plans ? (
        <a className="nav__link" href={`${config.routes.admin}/teaching-plans`} data-testid="nav-teaching-plans">
          <span className="nav__link-label">{t('ui.plans.title')}</span>
        </a>
      ) : null}
      {lessonPlans ? (
        <a className="nav__link" href={`${config.routes.admin}/lesson-plans`} data-testid="nav-lesson-plans">
          <span className="nav__link-label">{t('ui.lessons.title')}</span>
        </a>
      ) : null}
      {records ? (
        <a className="nav__link" href={`${config.routes.admin}/education-records`} data-testid="nav-education-records">
          <span className="nav__link-label">{t('ui.records.title')}</span>
        </a>
      ) : null}
      {books ? (
        <a className="nav__link" href={`${config.routes.admin}/books`} data-testid="nav-books">
          <span className="nav__link-label">{t('ui.books.title')}</span>
        </a>
      ) : null}
    </>
  )
}

export default GradebookNavLink
