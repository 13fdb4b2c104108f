import { absoluteUrl } from '../lib/routes.ts'

/** Everything may be crawled; the sitemap is on the school's own address. */
export function GET() {
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${absoluteUrl('/sitemap.xml')}\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } })
}
