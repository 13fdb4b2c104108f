import { sectionLabels, type Snapshot, type SnapshotPost } from '@truongso/snapshot'

/** The website's post sections: URL, and heading (the section's name in the CMS), by snapshot section. */
export const SECTIONS = {
  'thong-bao': { path: '/thong-bao/', title: sectionLabels['thong-bao'].vi },
  'chuyen-mon': { path: '/thong-tin-chuyen-mon/', title: sectionLabels['chuyen-mon'].vi },
  'hoat-dong': { path: '/tin-hoat-dong/', title: sectionLabels['hoat-dong'].vi },
  // Listed as a table of documents (pages/[school]/van-ban/), paginated like the others.
  'van-ban': { path: '/van-ban/', title: sectionLabels['van-ban'].vi },
} as const satisfies Record<SnapshotPost['section'], { path: string; title: string }>

export type SectionId = keyof typeof SECTIONS

export const PAGE_SIZE = 10

/** Posts of one section, newest first. */
export function postsIn(site: Snapshot, section: SectionId): SnapshotPost[] {
  return site.posts.filter((p) => p.section === section)
}

/** Paths of a section's list pages: page 1 at the section root, then …/trang/2/, …/trang/3/. */
export function pagePath(base: string, n: number): string {
  return n === 1 ? base : `${base}trang/${n}/`
}

export function pageCount(items: number): number {
  return Math.max(1, Math.ceil(items / PAGE_SIZE))
}

/** A list cut into pages: the `[...page]` route param (none for page 1), the page's items, its number and the count. */
export function pagesOf<T>(items: T[]): { page: string | undefined; items: T[]; current: number; pages: number }[] {
  const pages = pageCount(items.length)
  return Array.from({ length: pages }, (_, i) => ({
    page: i === 0 ? undefined : `trang/${i + 1}`,
    items: items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
    current: i + 1,
    pages,
  }))
}

/** getStaticPaths for a paginated section list (`[...page].astro`). */
export function paginate(site: Snapshot, section: SectionId) {
  return pagesOf(postsIn(site, section)).map(({ page, items, current, pages }) => ({ params: { page }, props: { section, items, current, pages } }))
}
