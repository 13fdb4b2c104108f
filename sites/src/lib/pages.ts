import { SECTIONS } from './sections.ts'

/**
 * The site's pages that menus link to, each with its address and default label: the navigation, the
 * home page's "Xem thêm" links and the footer all read this list, and choose only which pages, in
 * which order, and where a label differs (a theme's `nav`, PHONE_SHORTCUTS, QUICK_LINKS, FOOTER).
 */
export const PAGES = {
  home: { href: '/', label: 'Trang chủ' },
  intro: { href: '/gioi-thieu/', label: 'Giới thiệu' },
  'thong-bao': { href: SECTIONS['thong-bao'].path, label: 'Thông báo' },
  'chuyen-mon': { href: SECTIONS['chuyen-mon'].path, label: 'Chuyên môn' },
  'hoat-dong': { href: SECTIONS['hoat-dong'].path, label: 'Hoạt động' },
  /** Preschools: the weekly menus and plans, a group of the disclosures page. */
  'ke-hoach-tuan': { href: '/cong-khai/#ke-hoach-tuan', label: 'Thực đơn, kế hoạch tuần' },
  'cong-khai': { href: '/cong-khai/', label: 'Công khai' },
  'van-ban': { href: SECTIONS['van-ban'].path, label: 'Văn bản' },
  'tuyen-sinh': { href: '/tuyen-sinh/', label: 'Tuyển sinh' },
  'thu-vien-anh': { href: '/thu-vien-anh/', label: 'Thư viện ảnh' },
  'gop-y': { href: '/gop-y/', label: 'Góp ý' },
  'tim-kiem': { href: '/tim-kiem/', label: 'Tìm kiếm' },
  /** Only when the school has an introduction (its sub-pages are built only then). */
  'lien-he': { href: '/gioi-thieu/lien-he/', label: 'Liên hệ' },
  rss: { href: '/rss.xml', label: 'RSS' },
  /** The human sitemap; /sitemap.xml is for search engines (robots.txt names it). */
  sitemap: { href: '/so-do-trang/', label: 'Sơ đồ trang' },
} as const satisfies Record<string, { href: string; label: string }>

export type PageId = keyof typeof PAGES

/** Which pages a menu shows, in order, and the labels it changes. */
export type Menu = { pages: readonly PageId[]; labels?: Partial<Record<PageId, string>> }

export type MenuLink = { href: string; label: string }

/** The navigation of a theme that sets none. */
export const DEFAULT_NAV: Menu = { pages: ['home', 'intro', 'thong-bao', 'chuyen-mon', 'hoat-dong', 'van-ban', 'cong-khai', 'tuyen-sinh', 'thu-vien-anh', 'gop-y', 'tim-kiem'] }

/**
 * On a phone the header shows these next to the menu button, so the two pages parents want most
 * are one tap away; the whole navigation opens under the button.
 */
export const PHONE_SHORTCUTS: Menu = { pages: ['thong-bao', 'tim-kiem'] }

/** The home page's quick links (Liên kết nhanh); the managing body's site is added when known. */
export const QUICK_LINKS: Menu = {
  pages: ['cong-khai', 'tuyen-sinh', 'van-ban', 'thu-vien-anh', 'gop-y', 'intro'],
  labels: { 'cong-khai': 'Công khai theo Thông tư 09', 'tuyen-sinh': 'Thông tin tuyển sinh', 'van-ban': 'Văn bản, quy định', 'gop-y': 'Gửi góp ý cho nhà trường', intro: 'Giới thiệu nhà trường' },
}

/** The footer's links. */
export const FOOTER: Menu = { pages: ['lien-he', 'gop-y', 'cong-khai', 'tim-kiem', 'rss', 'sitemap'] }

/** A menu's links; `hasIntroduction` false leaves out the pages that exist only with one. */
export function menuLinks(menu: Menu, hasIntroduction: boolean): MenuLink[] {
  return menu.pages
    .filter((id) => hasIntroduction || id !== 'lien-he')
    .map((id) => ({ href: PAGES[id].href, label: menu.labels?.[id] ?? PAGES[id].label }))
}
