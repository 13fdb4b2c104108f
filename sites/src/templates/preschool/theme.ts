import type { Theme } from '../types.ts'

/** Mầm non / mẫu giáo: warm colours, parents first (menus and weekly plans), no subject-teaching block. */
export const theme: Theme = {
  id: 'preschool',
  tagline: 'Vui chơi – Học tập – Trưởng thành',
  colors: { primary: '#a3332a', primaryDark: '#7a231c', accent: '#fde9c9', link: '#8a2a22', band: '#fff6ea' },
  // Parents first: the children's activities and the weekly menus before subject news.
  nav: {
    pages: ['home', 'intro', 'thong-bao', 'hoat-dong', 'ke-hoach-tuan', 'cong-khai', 'tuyen-sinh', 'thu-vien-anh', 'gop-y', 'van-ban', 'chuyen-mon', 'tim-kiem'],
    labels: { 'hoat-dong': 'Hoạt động của bé' },
  },
  home: [
    { kind: 'announcements', count: 4 },
    { kind: 'weekly-plan', count: 3 },
    { kind: 'featured' },
    { kind: 'section', section: 'hoat-dong', count: 6, images: 6, title: 'Hoạt động của bé' },
    { kind: 'disclosures', count: 4, title: 'Công khai' },
  ],
  levels: [],
}
