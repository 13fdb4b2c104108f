/**
 * Reusing a post's pages from the school's live site when nothing they show has changed, so that a
 * publish renders the pages the new post touches (home, lists, tags, sitemap, feed: every page that
 * lists posts) and not the school's hundreds of other post pages. A 500-post school is ~670 pages,
 * ~500 of them post pages; its rebuild after one publish renders ~170.
 *
 * A post's pages (`/bai-viet/<slug>/`, and for a post with a gallery `/thu-vien-anh/<slug>/…`) show
 * the post itself and the layout, which reads the school and its introduction (name, managing body,
 * logo, theme) and nothing else of the snapshot (src/layouts/Base.astro, src/lib/identity.ts). Their
 * key is therefore a hash of the post, the school, the introduction and the templates' source
 * (`templateFingerprint`: every file the pages are built from, and Astro's version): a changed
 * template, logo or name renders every page again.
 *
 * The keys of the pages a site holds are written into the site folder itself (BUILD_STATE_FILE),
 * swapped in with it, so they can never describe another version of the folder. The file lists only
 * published posts' slugs and hashes; the web servers do not serve it all the same (dotfiles).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { copyFile, link, mkdir, readdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Snapshot, SnapshotPost } from '@truongso/snapshot'

export const BUILD_STATE_FILE = '.build-state.json'
const STATE_VERSION = 1

type BuildState = { version: number; posts: Record<string, string> }

const sha = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 24)

/** The folders whose files make the pages (relative to sites/), and the packages the pages import. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', '../packages/snapshot/src', '../packages/registry/src']

/**
 * A hash of everything a page is rendered from besides the snapshot: the sites' source files and the
 * shared packages they import (by content), and Astro's version. Reading them takes a few ms, so it
 * is done per build: a long-lived build worker sees a template changed on disk.
 */
export async function templateFingerprint(sitesDir: string): Promise<string> {
  const hash = createHash('sha256')
  const astro = createRequire(path.join(sitesDir, 'package.json')).resolve('astro/package.json')
  hash.update(`astro ${JSON.parse(readFileSync(astro, 'utf8')).version}\n`)
  for (const source of SOURCES) {
    const full = path.join(sitesDir, source)
    if (!existsSync(full)) continue
    const files = statSync(full).isFile()
      ? [full]
      : (await readdir(full, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort()
    for (const file of files) hash.update(`${path.relative(sitesDir, file)}\n`).update(readFileSync(file)).update('\n')
  }
  return hash.digest('base64url')
}

/** Each post's key: its pages can be reused from a site built with the same key. */
export function postPageKeys(snapshot: Snapshot, fingerprint: string): Map<string, string> {
  const shared = sha(JSON.stringify([fingerprint, snapshot.version, snapshot.school, snapshot.introduction]))
  return new Map(snapshot.posts.map((post) => [post.slug, sha(`${shared}\n${JSON.stringify(post)}`)]))
}

/** The folders of a post's pages inside a site. */
export function postPageDirs(post: Pick<SnapshotPost, 'slug' | 'gallery'>): string[] {
  return [path.join('bai-viet', post.slug), ...(post.gallery.length > 0 ? [path.join('thu-vien-anh', post.slug)] : [])]
}

/** How many pages the reused posts have (what the build does not render): the post's page, and an album's page and photos. */
export function reusedPageCount(snapshot: Snapshot, reused: readonly string[]): number {
  const slugs = new Set(reused)
  return snapshot.posts.filter((p) => slugs.has(p.slug)).reduce((n, p) => n + 1 + (p.gallery.length > 0 ? 1 + p.gallery.length : 0), 0)
}

function readState(siteDir: string): BuildState | null {
  try {
    const state = JSON.parse(readFileSync(path.join(siteDir, BUILD_STATE_FILE), 'utf8')) as BuildState
    return state.version === STATE_VERSION && state.posts && typeof state.posts === 'object' ? state : null
  } catch {
    return null // no site yet, a site built before this file existed, or a damaged file: render everything
  }
}

/** The posts whose pages the live site at `siteDir` already holds with the same key (and whose files are there). */
export function reusablePosts(snapshot: Snapshot, keys: Map<string, string>, siteDir: string): string[] {
  const state = readState(siteDir)
  if (!state) return []
  return snapshot.posts
    .filter((post) => state.posts[post.slug] === keys.get(post.slug) && postPageDirs(post).every((dir) => existsSync(path.join(siteDir, dir, 'index.html'))))
    .map((post) => post.slug)
}

/** Hard links (a copy where linking fails) of every file under `from` into `to`: the live site's files are never changed in place. */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) await linkTree(source, target)
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target))
  }
}

/** Puts the reused posts' pages from the live site into the new one (`tmp`, before its swap). */
export async function carryOverPages(snapshot: Snapshot, reused: readonly string[], siteDir: string, tmp: string): Promise<void> {
  const bySlug = new Map(snapshot.posts.map((p) => [p.slug, p]))
  const dirs = reused.flatMap((slug) => postPageDirs(bySlug.get(slug)!))
  // A few dozen at a time: one by one, the file system's round trips are most of a publish's swap.
  for (let i = 0; i < dirs.length; i += 64) await Promise.all(dirs.slice(i, i + 64).map((dir) => linkTree(path.join(siteDir, dir), path.join(tmp, dir))))
}

/** Writes the new site's keys (`tmp`, before its swap). */
export async function writeBuildState(tmp: string, keys: Map<string, string>): Promise<void> {
  const state: BuildState = { version: STATE_VERSION, posts: Object.fromEntries(keys) }
  await writeFile(path.join(tmp, BUILD_STATE_FILE), JSON.stringify(state))
}
