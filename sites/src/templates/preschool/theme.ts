import type { Theme } from '../types.ts'

/** Mầm non / mẫu giáo: warm colours, parents first (menus and weekly plans), no subject-teaching block. */
export const theme: Theme = {
  id: 'preschool',
  tagline: 'Vui chơi – Học tập – Trưởng thành',
  colors: { primary: '#a3332a', primaryDark: '#7a231c', accent: '#fde9c9', link: '#8a2a22', band: '#fff6ea' },
  nav: [
    { label: 'Trang chủ', href: '/' },
    { label: 'Giới thiệu', href: '/gioi-thieu/' },
    { label: 'Thông báo', href: '/thong-bao/' },
    { label: 'Hoạt động của bé', href: '/tin-hoat-dong/' },
    { label: 'Thực đơn, kế hoạch tuần', href: '/cong-khai/#ke-hoach-tuan' },
    { label: 'Công khai', href: '/cong-khai/' },
    { label: 'Chuyên môn', href: '/thong-tin-chuyen-mon/' },
    { label: 'Tìm kiếm', href: '/tim-kiem/' },
  ],
  home: [
    { kind: 'section', section: 'thong-bao', count: 5 },
    { kind: 'weekly-plan', count: 3 },
    { kind: 'section', section: 'hoat-dong', count: 6, images: 6, title: 'Hoạt động của bé' },
    { kind: 'disclosures', count: 4, title: 'Công khai' },
  ],
  levels: [],
}
