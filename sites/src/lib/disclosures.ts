import type { SnapshotDisclosure } from '@truongso/snapshot'

import { snapshot } from './snapshot.ts'

/** Circular 09 groups in the order the circular lists them; the weekly preschool plans last. */
const GROUP_ORDER: SnapshotDisclosure['group'][] = ['general', 'finance', 'quality', 'plan-results', 'annual-report', 'preschool-weekly']

export type DisclosureYear = {
  year: string
  groups: { group: SnapshotDisclosure['group']; label: string; items: SnapshotDisclosure[] }[]
}

/** Disclosures by school year (newest first), then by Circular 09 group; items newest first. */
export function groupedDisclosures(): DisclosureYear[] {
  const { disclosures } = snapshot()
  const years = [...new Set(disclosures.map((d) => d.schoolYear))].sort((a, b) => b.localeCompare(a))
  return years.map((year) => {
    const inYear = disclosures.filter((d) => d.schoolYear === year)
    const groups = GROUP_ORDER.map((group) => {
      const items = inYear.filter((d) => d.group === group)
      return { group, label: items[0]?.groupLabel ?? group, items }
    }).filter((g) => g.items.length > 0)
    return { year, groups }
  })
}
