import type { APIContext } from 'astro'

import { escapeMarkup } from '../../lib/escape.ts'
import { absoluteUrl, allPagePaths } from '../../lib/routes.ts'
import { perSchool, snapshot } from '../../lib/snapshot.ts'

// One page per school of the build (src/lib/snapshot.ts).
export const getStaticPaths = () => perSchool(() => [{ params: {} }])

/** Every page of the site, with absolute URLs on the school's address. */
export function GET({ params }: APIContext) {
  const site = snapshot(params.school)
  const urls = allPagePaths(site).map((p) => `<url><loc>${escapeMarkup(absoluteUrl(site, p))}</loc></url>`)
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
}
