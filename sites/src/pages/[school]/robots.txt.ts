import type { APIContext } from 'astro'

import { absoluteUrl } from '../../lib/routes.ts'
import { perSchool, snapshot } from '../../lib/snapshot.ts'

// One page per school of the build (src/lib/snapshot.ts).
export const getStaticPaths = () => perSchool(() => [{ params: {} }])

/** Everything may be crawled; the sitemap is on the school's own address. */
export function GET({ params }: APIContext) {
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(snapshot(params.school), '/sitemap.xml')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
