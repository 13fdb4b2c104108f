import type { Payload } from 'payload'
import React from 'react'

import { schoolDisclosureStatuses } from '../../website/disclosureCompliance.ts'
import { currentSchoolYear } from '../../website/schoolYear.ts'
import { disclosureGroupLabels } from '../../website/sections.ts'
import { schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }
const formatDate = (iso: string) => iso.split('-').reverse().join('/')

/**
 * Dashboard for the board and the school admin: the Circular 09 disclosure groups still missing or
 * overdue for the current school year (DOMAIN.md §2), each with its deadline.
 */
export async function DisclosureCompliance({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const schoolIds = schoolsWhereUserHas(user, ['school-admin', 'principal', 'vice-principal'])
  if (schoolIds.length === 0) return null
  const en = i18n?.language === 'en'
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
      <h3 style={{ margin: '0 0 8px' }}>{en ? `Public disclosures due (${year})` : `Công khai cần đăng (năm học ${year})`}</h3>
      {withGaps.map((row) => (
        <div key={row.name}>
          {withGaps.length > 1 ? <strong>{row.name}</strong> : null}
          <ul style={{ margin: 0 }}>
            {row.gaps.map((gap) => (
              <li key={gap.group}>
                {disclosureGroupLabels[gap.group][en ? 'en' : 'vi']} —{' '}
                {gap.status === 'overdue'
                  ? en ? `overdue since ${formatDate(gap.due)}` : `quá hạn từ ${formatDate(gap.due)}`
                  : en ? `due ${formatDate(gap.due)}` : `hạn ${formatDate(gap.due)}`}
              </li>
            ))}
          </ul>
        </div>
      ))}
      <a href="/admin/collections/disclosures/create">{en ? 'Add a disclosure' : 'Thêm nội dung công khai'}</a>
    </div>
  )
}

export default DisclosureCompliance
