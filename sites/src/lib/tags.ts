import { slugify, type Snapshot, type SnapshotPost } from '@truongso/snapshot'

export const tagPath = (tag: string) => `/the/${slugify(tag)}/`

/** Every tag with a usable slug: its slug, the name as first written, and its posts (newest first). */
export function tagIndex(site: Snapshot): { slug: string; name: string; posts: SnapshotPost[] }[] {
  const bySlug = new Map<string, { slug: string; name: string; posts: SnapshotPost[] }>()
  for (const post of site.posts) {
    for (const tag of new Set(post.tags.map((t) => t.trim()))) {
      const slug = slugify(tag)
      if (!slug) continue
      const entry = bySlug.get(slug) ?? { slug, name: tag, posts: [] }
      if (!entry.posts.includes(post)) entry.posts.push(post)
      bySlug.set(slug, entry)
    }
  }
  return [...bySlug.values()]
}
