import type { Snapshot, SnapshotPost } from '@truongso/snapshot'

/**
 * The home page's featured post: the newest school activity with a cover (what parents look for
 * first), else the newest other post with one; announcements and documents have their own box
 * and page.
 */
export function featuredPost(site: Snapshot): SnapshotPost | null {
  const withCover = site.posts.filter((p) => p.cover && p.section !== 'thong-bao' && p.section !== 'van-ban')
  return withCover.find((p) => p.section === 'hoat-dong') ?? withCover[0] ?? null
}

/**
 * A link that opens the school's address in a map (no embedded third-party map: it would load
 * someone else's scripts and cookies on every visit).
 */
export function mapLink(address: string | null, name: string): string | null {
  if (!address) return null
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${name}, ${address}`)}`
}
