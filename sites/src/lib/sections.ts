import type { SnapshotPost } from '@truongso/snapshot'

/** The website's post sections: URL, heading, and which snapshot section fills it. */
export const SECTIONS = {
  'thong-bao': { path: '/thong-bao/', title: 'Thông tin – thông báo' },
  'chuyen-mon': { path: '/thong-tin-chuyen-mon/', title: 'Thông tin chuyên môn' },
  'hoat-dong': { path: '/tin-hoat-dong/', title: 'Tin hoạt động' },
} as const satisfies Record<SnapshotPost['section'], { path: string; title: string }>

export type SectionId = keyof typeof SECTIONS

export const PAGE_SIZE = 10

/** Pages of a section list: page 1 at the section root, then …/trang/2/, …/trang/3/. */
export function paginate<T>(items: T[], base: string) {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE))
  return Array.from({ length: pages }, (_, i) => ({
    params: { page: i === 0 ? undefined : `trang/${i + 1}` },
    props: {
      items: items.slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE),
      current: i + 1,
      pages,
      href: (n: number) => (n === 1 ? base : `${base}trang/${n}/`),
    },
  }))
}
