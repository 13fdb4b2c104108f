import type { Snapshot } from '@truongso/snapshot'

import { themeFor } from '../templates/index.ts'
import { escapeMarkup } from './escape.ts'
import { identityOf, monogramSvg } from './identity.ts'
import { bestRendition } from './images.ts'
import { DEFAULT_NAV, FOOTER, menuLinks, PHONE_SHORTCUTS, type MenuLink } from './pages.ts'

/**
 * The header and the footer of a school's pages (layouts/Base.astro), as HTML made once per school
 * and, for the header, once per menu entry marked current, instead of once per page. They are the
 * same on every page but for that mark, and rendered by Astro on each of a school's hundreds of pages
 * (the menu twice: the wide one and the phone's) they were about a twentieth of a full build.
 * Text and attribute values are escaped (escapeMarkup) wherever Astro would escape them.
 */


/** The menu entry a page marks as current: its section's; in-page shortcuts ("…#ke-hoach-tuan") never are. */
const isCurrent = (href: string, path: string) => !href.includes('#') && (href === '/' ? path === '/' : path.startsWith(href))

type Menus = { nav: MenuLink[]; shortcuts: MenuLink[]; footer: MenuLink[] }

const menusOf = new WeakMap<Snapshot, Menus>()

function menus(site: Snapshot): Menus {
  let known = menusOf.get(site)
  if (!known) {
    const theme = themeFor(site.school.template)
    const hasIntroduction = Boolean(site.introduction)
    known = {
      nav: menuLinks({ ...DEFAULT_NAV, ...theme.nav }, hasIntroduction),
      shortcuts: menuLinks({ ...PHONE_SHORTCUTS, labels: theme.nav?.labels }, hasIntroduction),
      footer: menuLinks(FOOTER, hasIntroduction),
    }
    menusOf.set(site, known)
  }
  return known
}

const headers = new WeakMap<Snapshot, Map<string, string>>()

/** The site's header: name and crest (logo or monogram), the wide menu, the phone's shortcuts and menu. */
export function siteHeader(site: Snapshot, path: string): string {
  const { nav, shortcuts } = menus(site)
  const current = new Set([...nav, ...shortcuts].map((l) => l.href).filter((href) => isCurrent(href, path)))
  const key = [...current].join(' ')
  let bySchool = headers.get(site)
  if (!bySchool) headers.set(site, (bySchool = new Map()))
  const known = bySchool.get(key)
  if (known) return known

  const identity = identityOf(site)
  const colors = themeFor(site.school.template).colors
  const link = (l: MenuLink) => `<a href="${escapeMarkup(l.href)}"${current.has(l.href) ? ' aria-current="page"' : ''}>${escapeMarkup(l.label)}</a>`
  const items = nav.map((l) => `<li>${link(l)}</li>`).join('')
  const crest = identity.logo
    ? `<img class="crest" src="${escapeMarkup(bestRendition(identity.logo, 128))}" alt="" width="56" height="56">`
    : `<span class="crest" aria-hidden="true">${monogramSvg(identity.initials, colors, identity.fullName)}</span>`
  const body = identity.managingBody ? `<span class="body">${escapeMarkup(identity.managingBody)}</span> ` : ''
  const html =
    `<header class="site"> <div class="wrap"> <a class="brand" href="/"> ${crest} <span class="names"> ${body}<strong>${escapeMarkup(identity.fullName)}</strong> </span> </a> </div> ` +
    `<nav class="main wide" aria-label="Chuyên mục"> <ul class="wrap"> ${items} </ul> </nav> ` +
    `<nav class="main phone" aria-label="Chuyên mục"> <div class="wrap bar"> ${shortcuts.map(link).join('')} <details> <summary>Danh mục</summary> <ul> ${items} </ul> </details> </div> </nav> </header>`
  bySchool.set(key, html)
  return html
}

const footers = new WeakMap<Snapshot, string>()

/** The site's footer: name, managing body, address, phone and e-mail, and the footer's links. */
export function siteFooter(site: Snapshot): string {
  const known = footers.get(site)
  if (known) return known
  const identity = identityOf(site)
  const intro = site.introduction
  const phone = intro?.phone ? `Điện thoại: <a href="${escapeMarkup(`tel:${intro.phone.replace(/\s/g, '')}`)}">${escapeMarkup(intro.phone)}</a>` : ''
  const email = intro?.email ? `Email: <a href="${escapeMarkup(`mailto:${intro.email}`)}">${escapeMarkup(intro.email)}</a>` : ''
  const html =
    `<footer class="site"> <div class="wrap"> <p><strong>${escapeMarkup(identity.fullName)}</strong>${identity.managingBody ? ` – ${escapeMarkup(identity.managingBody)}` : ''}</p> ` +
    (intro?.address ? `<p>Địa chỉ: ${escapeMarkup(intro.address)}</p> ` : '') +
    (phone || email ? `<p> ${[phone, email].filter(Boolean).join(' · ')} </p> ` : '') +
    `<p> ${menus(site).footer.map((l) => `<a href="${escapeMarkup(l.href)}">${escapeMarkup(l.label)}</a>`).join(' · ')} </p> </div> </footer>`
  footers.set(site, html)
  return html
}
