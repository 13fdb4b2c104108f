import type { SchoolLevel } from '@truongso/registry'

import type { Menu } from '../lib/pages.ts'
import type { SectionId } from '../lib/sections.ts'

/** One block of the home page, in the order the template lists them. */
export type HomeBlock =
  /** The latest announcements (Thông báo) in a box of their own: the first thing under the header. */
  | { kind: 'announcements'; count: number }
  /** The newest post with a cover, large (not repeated in the lists below it). */
  | { kind: 'featured' }
  /** Latest posts of a section; `images` = how many of them show their cover thumbnail. */
  | { kind: 'section'; section: SectionId; count: number; images?: number; title?: string }
  /** Latest disclosures (Circular 09), any group. */
  | { kind: 'disclosures'; count: number; title: string }
  /** Preschool shortcut to the newest weekly menus and plans (group preschool-weekly). */
  | { kind: 'weekly-plan'; count: number }
  /** The levels and grades the school teaches (a combined school shows both). */
  | { kind: 'levels' }

/**
 * What a template decides: colours, navigation order and labels, and the home page's blocks. Every folder under
 * src/templates/ with a theme.ts is a template; `id` must be a value of the registry's TEMPLATE_IDS.
 */
export type Theme = {
  id: string
  /** Short motto under the school's name. */
  tagline: string
  /**
   * WCAG 2.1 AA: white text on `primary` and `primaryDark` ≥ 4.5:1, `link` on white and on `band` ≥ 4.5:1,
   * #1b1b1b text on `accent` ≥ 4.5:1 (checked in test/templates.spec.ts).
   */
  colors: { primary: string; primaryDark: string; accent: string; link: string; band: string }
  /** Navigation: which pages of src/lib/pages.ts, in which order (default DEFAULT_NAV), and changed labels. */
  nav?: Partial<Menu>
  home: HomeBlock[]
  /** Levels taught, for the 'levels' block (registry level codes). */
  levels: SchoolLevel[]
}
