import { disclosureGroupLabels } from '@truongso/snapshot'
import type { Payload } from 'payload'
import React from 'react'

import { schoolDisclosureStatuses } from '../../website/disclosureCompliance.ts'
import { currentSchoolYear } from '../../website/schoolYear.ts'
import { SCHOOL_MANAGER_ROLES, schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { languageOf, message, type MessageKey } from '../../translations/index.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }
const formatDate = (iso: string) => iso.split('-').reverse().join('/')
// A monthly plan due on the 25th is the next month's: its first day.
const monthOf = (due: string) => new Date(Date.UTC(Number(due.slice(0, 4)), Number(due.slice(5, 7)), 1)).toISOString().slice(0, 10)

/**
 * Dashboard for the board and the school admin: the Circular 09 disclosure groups still missing or
 * overdue for the current school year, the preschool plans, and each change not published within 10
 * working days (Circular 09 deadlines: docs/domain.md § Public disclosure), each with its deadline.
 */
export async function DisclosureCompliance({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const schoolIds = schoolsWhereUserHas(user, SCHOOL_MANAGER_ROLES)
  if (schoolIds.length === 0) return null
  const lang = languageOf({ i18n })
  const t = (key: MessageKey, vars?: Record<string, string>) => message({ i18n }, key, vars)
  const year = currentSchoolYear()
  const schools = await payload.find({ collection: 'schools', where: { id: { in: schoolIds } }, depth: 0, pagination: false, overrideAccess: true })
  const rows = await Promise.all(
    schools.docs.map(async (school) => ({
      name: String(school.name),
      gaps: (await schoolDisclosureStatuses(payload, school as never, year)).filter((s) => s.status !== 'published'),
    })),
  )
  const withGaps = rows.filter((r) => r.gaps.length > 0)
  if (withGaps.length === 0) return null
  return (
    <div style={box} data-testid="disclosure-compliance">
      <h3 style={{ margin: '0 0 8px' }}>{t('ui.disclosures.due', { year })}</h3>
      {withGaps.map((row) => (
        <div key={row.name}>
          {withGaps.length > 1 ? <strong>{row.name}</strong> : null}
          <ul style={{ margin: 0 }}>
            {row.gaps.map((gap) => (
              <li key={`${gap.rule}:${gap.group}:${gap.due}:${gap.disclosure?.id ?? ''}`} data-rule={gap.rule}>
                {gap.disclosure
                  ? t('ui.disclosures.change', { title: gap.disclosure.title, date: formatDate(gap.disclosure.changedOn) })
                  : `${disclosureGroupLabels[gap.group][lang]}${gap.rule === 'monthly' ? ` (${t('ui.disclosures.month-of', { month: formatDate(monthOf(gap.due)).slice(3) })})` : ''}`}{' '}
                —{' '}
                {t(gap.status === 'overdue' ? 'ui.disclosures.overdue' : gap.status === 'late' ? 'ui.disclosures.late' : 'ui.disclosures.deadline', { date: formatDate(gap.due) })}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <a href="/admin/collections/disclosures/create">{t('ui.disclosures.add')}</a>
    </div>
  )
}

export default DisclosureCompliance
