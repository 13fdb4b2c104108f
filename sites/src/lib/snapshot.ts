import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parseSnapshot, type Snapshot } from '@truongso/snapshot'

/**
 * One Astro build makes the sites of several schools (scripts/buildBatch.ts): Astro's start-up, the
 * larger part of a small site's build, is paid once per batch instead of once per school. Every page
 * lives under `src/pages/[school]/`, so each school's site comes out in its own folder, which the
 * build script then swaps in as the root of that school's site. `Astro.params.school` says whose page
 * is being rendered; everything on it (content, URLs, theme) comes from that school's snapshot.
 *
 * SITE_SNAPSHOTS_DIR is the snapshots folder (`<slug>/snapshot.json`), SITE_SCHOOLS the slugs of the
 * batch, comma-separated.
 */
export function schools(): string[] {
  return (process.env.SITE_SCHOOLS ?? '').split(',').filter(Boolean)
}

const cache = new Map<string, Snapshot>()

const newestFirst = (a: { publishedDate: string }, b: { publishedDate: string }) => Date.parse(b.publishedDate) - Date.parse(a.publishedDate)

/**
 * A school's published-content snapshot, the only input of its pages: read and validated once per
 * build. Posts and disclosures come back newest first whatever order the file has.
 */
export function snapshot(school: string | undefined): Snapshot {
  // Every page asks for its school's snapshot, several times: the cached one first.
  const known = school && cache.get(school)
  if (known) return known
  if (!school || !schools().includes(school)) throw new Error(`school "${school}" is not in this build (SITE_SCHOOLS): build through scripts/buildSchool.ts or buildAll.ts`)
  const dir = process.env.SITE_SNAPSHOTS_DIR
  if (!dir) throw new Error('SITE_SNAPSHOTS_DIR is not set: build through scripts/buildSchool.ts or buildAll.ts')
  const data = parseSnapshot(JSON.parse(readFileSync(path.join(dir, school, 'snapshot.json'), 'utf8')))
  if (data.school.slug !== school) throw new Error(`snapshot in ${path.join(dir, school)} belongs to "${data.school.slug}"`)
  data.posts.sort(newestFirst)
  data.disclosures.sort(newestFirst)
  cache.set(school, data)
  return data
}

let reuse: Record<string, string[]> | null = null

/**
 * The posts whose pages this build does not render, because the school's live site already has them
 * as they would come out (scripts/pageReuse.ts; the build script carries them over). SITE_REUSE_FILE
 * is a JSON file `{ [school]: [post slugs] }`; without it every page is rendered.
 */
export function reusedPosts(school: string): Set<string> {
  if (!reuse) {
    const file = process.env.SITE_REUSE_FILE
    reuse = file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string[]>) : {}
  }
  return new Set(reuse[school] ?? [])
}

/** The posts of `posts` whose pages this build renders (not reused from the live site). */
export function postsToRender<P extends { slug: string }>(site: Snapshot, posts: P[]): P[] {
  const reused = reusedPosts(site.school.slug)
  return reused.size ? posts.filter((p) => !reused.has(p.slug)) : posts
}

type StaticPath = { params: Record<string, string | undefined>; props?: Record<string, unknown> }

/** getStaticPaths over every school of the build: `paths` gives one school's, each gets its `school` param. */
export function perSchool<P extends StaticPath>(paths: (site: Snapshot) => P[]): (P & { params: P['params'] & { school: string } })[] {
  return schools().flatMap((school) => paths(snapshot(school)).map((p) => ({ ...p, params: { ...p.params, school } })))
}
