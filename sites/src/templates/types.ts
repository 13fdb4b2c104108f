import type { SectionId } from '../lib/sections.ts'

/** What a template decides: colours, navigation and which blocks the home page shows, in order. */
export type Theme = {
  id: string
  /** Colours with at least 4.5:1 contrast for white text on `primary` and `link` text on white. */
  colors: { primary: string; primaryDark: string; accent: string; link: string; band: string }
  nav: { label: string; href: string }[]
  home: ({ kind: 'section'; section: SectionId; count: number } | { kind: 'disclosures'; count: number; title: string } | { kind: 'weekly-plan' })[]
  tagline: string
}
