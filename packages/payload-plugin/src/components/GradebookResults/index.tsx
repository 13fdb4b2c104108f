import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { currentUser, relationId, schoolsWhereUserHas } from '../../roles.ts'
import { message } from '../../translations/index.ts'
import { AdminFrame } from '../GradebookView/Frame.tsx'
import { GradebookLinks } from '../GradebookView/index.tsx'
import { ClassResultsTable, type ResultsClass } from './Results.tsx'

/**
 * /admin/gradebook/results: a class's results (GET /api/classes/:id/results) in the admin frame.
 * The classes offered are the ones the endpoint answers for: every class of the schools where the
 * user is on the board or the school admin, and the classes they are the homeroom teacher of.
 */
export async function GradebookResultsView(props: AdminViewServerProps) {
  const { initPageResult, i18n } = props
  const req = initPageResult.req
  const user = currentUser(req)
  const admin = req.payload.config.routes.admin ?? '/admin'
  let classes: ResultsClass[] = []
  if (user) {
    const managed = schoolsWhereUserHas(user, ['principal', 'vice-principal', 'school-admin'])
    const approvers = schoolsWhereUserHas(user, ['principal', 'vice-principal']).map(String)
    const { docs } = await req.payload.find({
      collection: 'classes',
      where: { or: [{ homeroomTeacher: { equals: user.id } }, ...(managed.length > 0 ? [{ school: { in: managed } }] : [])] },
      sort: ['-schoolYear', 'grade', 'name'],
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
    classes = docs.map((doc) => {
      const klass = doc as unknown as { id: number | string; name?: string; schoolYear?: string; grade?: number; school?: unknown }
      return { id: klass.id, name: String(klass.name ?? ''), schoolYear: String(klass.schoolYear ?? ''), canApprove: approvers.includes(String(relationId(klass.school))) }
    })
  }
  return (
    <AdminFrame {...props} testId="results-view" title={message({ i18n }, 'ui.results.title')}>
      <h1 style={{ margin: '16px 0 8px', fontSize: 28 }}>{message({ i18n }, 'ui.results.title')}</h1>
      <GradebookLinks admin={admin} i18n={i18n} />
      {!user ? <p>{message({ i18n }, 'records.login-required')}</p> : classes.length === 0 ? <p>{message({ i18n }, 'ui.results.no-classes')}</p> : <ClassResultsTable classes={classes} />}
    </AdminFrame>
  )
}

export default GradebookResultsView
