import type { Theme } from '../types.ts'

/** Tiểu học và THCS (liên cấp): purple; shows both levels and their grades, then every section. */
export const theme: Theme = {
  id: 'combined',
  tagline: 'Một mái trường, hai cấp học',
  colors: { primary: '#553580', primaryDark: '#3d255d', accent: '#e7dcf5', link: '#4a2e70', band: '#f5f0fb' },
  home: [
    { kind: 'announcements', count: 5 },
    { kind: 'featured' },
    { kind: 'levels' },
    { kind: 'section', section: 'chuyen-mon', count: 4, images: 4 },
    { kind: 'section', section: 'hoat-dong', count: 4, images: 4 },
    { kind: 'disclosures', count: 5, title: 'Công khai' },
  ],
  levels: ['TH', 'THCS'],
}
