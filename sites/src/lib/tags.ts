import { slugify, type Snapshot, type SnapshotPost } from '@truongso/snapshot'

const tagPaths = new Map<string, string>()

/** A tag's page, `/the/<slug>/` (slugs made once: every post page and list links its tags). */
export function tagPath(tag: string): string {
  let path = tagPaths.get(tag)
  if (path === undefined) tagPaths.set(tag, (path = `/the/${slugify(tag)}/`))
  return path
}

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
