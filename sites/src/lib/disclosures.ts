import { DISCLOSURE_GROUPS, type Snapshot, type SnapshotDisclosure } from '@truongso/snapshot'

export type DisclosureYear = {
  year: string
  groups: { group: SnapshotDisclosure['group']; label: string; items: SnapshotDisclosure[] }[]
}

/** Disclosures by school year (newest first), then by Circular 09 group; items newest first. */
export function groupedDisclosures({ disclosures }: Snapshot): DisclosureYear[] {
  const years = [...new Set(disclosures.map((d) => d.schoolYear))].sort((a, b) => b.localeCompare(a))
  return years.map((year) => {
    const inYear = disclosures.filter((d) => d.schoolYear === year)
    // Circular 09's order, the weekly preschool plans last.
    const groups = DISCLOSURE_GROUPS.map((group) => {
      const items = inYear.filter((d) => d.group === group)
      return { group, label: items[0]?.groupLabel ?? group, items }
    }).filter((g) => g.items.length > 0)
    return { year, groups }
  })
}
