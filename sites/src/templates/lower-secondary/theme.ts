import type { Theme } from '../types.ts'

/** Trung học cơ sở: green; subject news (thông tin chuyên môn) right after the announcements. */
export const theme: Theme = {
  id: 'lower-secondary',
  tagline: 'Kỷ cương – Tình thương – Trách nhiệm',
  colors: { primary: '#0b6146', primaryDark: '#074431', accent: '#c8ecdc', link: '#0a5a41', band: '#eef8f3' },
  nav: { labels: { 'chuyen-mon': 'Thông tin chuyên môn' } },
  home: [
    { kind: 'announcements', count: 4 },
    { kind: 'featured' },
    { kind: 'section', section: 'chuyen-mon', count: 5, images: 5 },
    { kind: 'section', section: 'hoat-dong', count: 4, images: 4 },
    { kind: 'disclosures', count: 5, title: 'Công khai theo Thông tư 09/2024' },
  ],
  levels: ['THCS'],
}
