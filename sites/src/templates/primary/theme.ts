import type { Theme } from '../types.ts'

/** Tiểu học: blue and yellow; activities before subject news. */
export const theme: Theme = {
  id: 'primary',
  tagline: 'Dạy tốt – Học tốt',
  colors: { primary: '#1a5690', primaryDark: '#123e69', accent: '#ffd866', link: '#14477a', band: '#eef4fb' },
  home: [
    { kind: 'announcements', count: 4 },
    { kind: 'featured' },
    { kind: 'section', section: 'hoat-dong', count: 4, images: 4 },
    { kind: 'section', section: 'chuyen-mon', count: 4, images: 4 },
    { kind: 'disclosures', count: 4, title: 'Công khai' },
  ],
  levels: ['TH'],
}
