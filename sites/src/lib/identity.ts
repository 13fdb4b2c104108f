import { fullSchoolName, nameInitials } from '@truongso/registry'
import type { Snapshot, SnapshotImage } from '@truongso/snapshot'

import type { Theme } from '../templates/types.ts'
import { escapeMarkup } from './escape.ts'

/**
 * Who the site belongs to, as its header, footer, icons and titles name it: the official name
 * ("Trường Tiểu học Lê Độ", printed in capitals by the stylesheet), the short one for tight spots
 * ("TH Lê Độ"), the managing body's line, and the logo or, when the school uploaded none, a
 * monogram drawn in the template's colours.
 */
export type Identity = {
  fullName: string
  shortName: string
  managingBody: string
  logo: SnapshotImage | null
  /** Initials of the monogram, e.g. "LĐ". */
  initials: string
}

export function identityOf(site: Snapshot): Identity {
  const { school, introduction } = site
  // The introduction's display name wins when the school set one that differs from the appendix's.
  const shown = introduction?.schoolName?.trim()
  const fullName = shown && shown !== school.name ? shown : school.fullName || fullSchoolName(school.name)
  return { fullName, shortName: school.name, managingBody: school.managingBody, logo: introduction?.logo ?? null, initials: initialsOf(school.name) }
}

/** "TH Lê Độ" → "LĐ", "THCS Nguyễn Bỉnh Khiêm" → "NBK", "TH Cẩm An 1" → "CA1": at most three, for the monogram. */
export function initialsOf(name: string): string {
  return (nameInitials(name) || name.slice(0, 2).toLocaleUpperCase('vi')).slice(0, 3)
}

/**
 * The monogram crest (SVG, square): a disc in the template's primary colour with an accent ring
 * and the initials in white. Used for the header, the favicon and the app icons.
 */
export function monogramSvg(initials: string, colors: Theme['colors'], title: string): string {
  const size = initials.length > 2 ? 30 : 36
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" role="img" aria-label="${escapeMarkup(title)}">` +
    `<circle cx="50" cy="50" r="48" fill="${colors.primary}"/>` +
    `<circle cx="50" cy="50" r="41" fill="none" stroke="${colors.accent}" stroke-width="4"/>` +
    `<text x="50" y="50" dy=".35em" text-anchor="middle" font-family="Arial,Helvetica,sans-serif" font-weight="700" font-size="${size}" fill="#fff">${escapeMarkup(initials)}</text>` +
    `</svg>`
  )
}
