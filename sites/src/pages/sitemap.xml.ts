import { slugify } from '../lib/format.ts'
import { INTRO_PAGES } from '../lib/intro.ts'
import { PAGE_SIZE, SECTIONS } from '../lib/sections.ts'
import { snapshot } from '../lib/snapshot.ts'

/** Every page of the site, with absolute URLs on the school's address. */
export function GET() {
  const { school, posts, disclosures, introduction } = snapshot()
  const paths = ['/', '/cong-khai/', '/tim-kiem/']
  if (introduction) paths.push('/gioi-thieu/', ...INTRO_PAGES.map((p) => `/gioi-thieu/${p.slug}/`))
  for (const [id, info] of Object.entries(SECTIONS)) {
    const count = posts.filter((p) => p.section === id).length
    paths.push(info.path)
    for (let n = 2; n <= Math.ceil(count / PAGE_SIZE); n++) paths.push(`${info.path}trang/${n}/`)
  }
  paths.push(...posts.map((p) => `/bai-viet/${p.slug}/`), ...disclosures.map((d) => `/cong-khai/${d.slug}/`))
  paths.push(...[...new Set(posts.flatMap((p) => p.tags.map(slugify)).filter(Boolean))].map((t) => `/the/${t}/`))
  const urls = paths.map((p) => `<url><loc>${new URL(p.replace(/^\//, ''), school.url).href}</loc></url>`).join('')
  return new Response(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls}</urlset>`, {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
}
