import { INTRO_PAGES } from './intro.ts'
import { pageCount, pagePath, postsIn, SECTIONS, type SectionId } from './sections.ts'
import { snapshot } from './snapshot.ts'
import { tagIndex } from './tags.ts'

/**
 * Every HTML page the build makes (except 404), from the same data as the pages' getStaticPaths:
 * the sitemap lists these, and the tests check it against the files actually written.
 */
export function allPagePaths(): string[] {
  const { posts, disclosures, introduction } = snapshot()
  const paths = ['/', '/gioi-thieu/', '/cong-khai/', '/tim-kiem/']
  if (introduction) paths.push(...INTRO_PAGES.map((p) => `/gioi-thieu/${p.slug}/`))
  for (const [id, info] of Object.entries(SECTIONS)) {
    const pages = pageCount(postsIn(id as SectionId).length)
    for (let n = 1; n <= pages; n++) paths.push(pagePath(info.path, n))
  }
  paths.push(...posts.map((p) => `/bai-viet/${p.slug}/`))
  paths.push(...disclosures.map((d) => `/cong-khai/${d.slug}/`))
  for (const tag of tagIndex()) {
    const pages = pageCount(tag.posts.length)
    for (let n = 1; n <= pages; n++) paths.push(pagePath(`/the/${tag.slug}/`, n))
  }
  return paths
}

/** Absolute URL on the school's address ("/a/" → "http://school.example/a/"). */
export function absoluteUrl(pathname: string): string {
  return new URL(pathname.replace(/^\/+/, ''), snapshot().school.url).href
}
