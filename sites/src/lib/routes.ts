import type { Snapshot } from '@truongso/snapshot'

import { INTRO_PAGES } from './intro.ts'
import { albums, photoPath } from './portal.ts'
import { pageCount, pagePath, postsIn, SECTIONS, type SectionId } from './sections.ts'
import { tagIndex } from './tags.ts'

/**
 * Every HTML page the build makes (except 404 and the feedback form's thank-you page), from the same data as the pages' getStaticPaths:
 * the sitemap lists these, and the tests check it against the files actually written.
 */
export function allPagePaths(site: Snapshot): string[] {
  const { posts, disclosures, introduction } = site
  const paths = ['/', '/gioi-thieu/', '/cong-khai/', '/tim-kiem/', '/tuyen-sinh/', '/thu-vien-anh/', '/gop-y/', '/so-do-trang/']
  if (introduction) paths.push(...INTRO_PAGES.map((p) => `/gioi-thieu/${p.slug}/`))
  for (const [id, info] of Object.entries(SECTIONS)) {
    const pages = pageCount(postsIn(site, id as SectionId).length)
    for (let n = 1; n <= pages; n++) paths.push(pagePath(info.path, n))
  }
  paths.push(...posts.map((p) => `/bai-viet/${p.slug}/`))
  paths.push(...disclosures.map((d) => `/cong-khai/${d.slug}/`))
  for (const album of albums(site)) {
    paths.push(`/thu-vien-anh/${album.slug}/`)
    paths.push(...album.gallery.map((_, i) => photoPath(album.slug, i + 1)))
  }
  for (const tag of tagIndex(site)) {
    const pages = pageCount(tag.posts.length)
    for (let n = 1; n <= pages; n++) paths.push(pagePath(`/the/${tag.slug}/`, n))
  }
  return paths
}

/** Absolute URL on the school's address as its snapshot gives it ("/a/" → "http://school.example/a/"). */
export function absoluteUrl(site: Snapshot, pathname: string): string {
  return new URL(pathname.replace(/^\/+/, ''), site.school.url).href
}
