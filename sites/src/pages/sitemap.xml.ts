import { absoluteUrl, allPagePaths } from '../lib/routes.ts'

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** Every page of the site, with absolute URLs on the school's address. */
export function GET() {
  const urls = allPagePaths().map((p) => `<url><loc>${escapeXml(absoluteUrl(p))}</loc></url>`)
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
}
