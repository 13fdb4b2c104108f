import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSchoolSites, type SchoolBuild } from '../scripts/buildBatch.ts'
import { querySearch } from '../scripts/querySearch.ts'
import { fixtures, fixtureSnapshot, htmlFiles, pagePathOf, SLUG, tempDir } from './helpers.ts'

type Json = Record<string, any>

const publicDir = fileURLToPath(new URL('../public', import.meta.url))
const publicFiles = existsSync(publicDir) ? readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(publicDir, path.join(e.parentPath, e.name))) : []

const urlOf = (slug: string) => `http://${slug}.example.edu.vn/`

/** A school made from the fixture: its own slug, name and URL, and posts whose titles carry `word`. */
function addSchool(snapshots: string, slug: string, word: string, change: (s: Json) => void = () => {}) {
  cpSync(path.join(fixtures, SLUG), path.join(snapshots, slug), { recursive: true })
  const snapshot = fixtureSnapshot()
  snapshot.school = { ...snapshot.school, slug, name: `Trường ${word}`, url: urlOf(slug), host: `${slug}.example.edu.vn` }
  for (const post of snapshot.posts) post.title = `${post.title} ${word}`
  change(snapshot)
  writeFileSync(path.join(snapshots, slug, 'snapshot.json'), JSON.stringify(snapshot))
}

const byslug = (results: SchoolBuild[]) => Object.fromEntries(results.map((r) => [r.slug, r]))

describe('several schools in one build', () => {
  let snapshots: string
  let dist: string
  let results: Record<string, SchoolBuild>
  const read = (slug: string, file: string) => readFileSync(path.join(dist, slug, file), 'utf8')

  beforeAll(async () => {
    snapshots = tempDir('batch-snapshots')
    dist = tempDir('batch')
    addSchool(snapshots, 'truong-an', 'Anhoa')
    // Another school: another template, fewer posts, no introduction.
    addSchool(snapshots, 'truong-binh', 'Binhminh', (s) => {
      s.school.template = 'preschool'
      s.posts = s.posts.slice(0, 5)
      s.introduction = null
    })
    // Invalid for the snapshot schema: fails alone, before Astro runs.
    addSchool(snapshots, 'truong-hong', 'Hong', (s) => (s.posts[0].slug = 'Không Hợp Lệ'))
    results = byslug(await buildSchoolSites({ slugs: ['truong-an', 'truong-binh', 'truong-hong'], snapshotsDir: snapshots, distRoot: dist, log: () => {} }))
  })
  afterAll(() => {
    rmSync(snapshots, { recursive: true, force: true })
    rmSync(dist, { recursive: true, force: true })
  })

  it('builds the valid schools and fails the one with a broken snapshot alone', () => {
    expect(results['truong-an']).toMatchObject({ ok: true })
    expect(results['truong-binh']).toMatchObject({ ok: true })
    expect(results['truong-hong']).toMatchObject({ ok: false, error: expect.stringMatching(/posts\.0\.slug/) })
    expect(existsSync(path.join(dist, 'truong-hong'))).toBe(false)
    // Only the school folders: no batch, cache or scratch folder left behind.
    expect(readdirSync(dist).sort()).toEqual(['truong-an', 'truong-binh'])
  })

  it('gives each school a complete site for its own domain root', () => {
    for (const slug of ['truong-an', 'truong-binh']) {
      const result = results[slug]!
      const site = path.join(dist, slug)
      for (const file of ['index.html', '404.html', 'rss.xml', 'sitemap.xml', 'robots.txt', 'files/khai-giang.png', 'pagefind/pagefind.js', 'pagefind/pagefind-ui.js']) {
        expect(existsSync(path.join(site, file)), `${slug}/${file}`).toBe(true)
      }
      // No other school's pages inside, no [school] level: the site starts at the folder's root.
      expect(existsSync(path.join(site, slug)), slug).toBe(false)
      expect(existsSync(path.join(site, '404')), slug).toBe(false)
      expect(result.ok && result.pages).toBe(htmlFiles(site).length)
      // What Astro writes once for the whole build (sites/public/) is in every school's site.
      for (const file of publicFiles) expect(readFileSync(path.join(site, file)), `${slug}/${file}`).toEqual(readFileSync(path.join(publicDir, file)))
    }
    expect(existsSync(path.join(dist, 'truong-binh', 'gioi-thieu', 'lien-he'))).toBe(false)
    expect(existsSync(path.join(dist, 'truong-an', 'gioi-thieu', 'lien-he', 'index.html'))).toBe(true)
  })

  it('puts each school’s own URL in its canonical links, sitemap, feed and robots.txt', () => {
    for (const [slug, other] of [['truong-an', 'truong-binh'], ['truong-binh', 'truong-an']] as const) {
      const url = urlOf(slug)
      const home = read(slug, 'index.html')
      expect(home).toContain(`<link rel="canonical" href="${url}">`)
      expect(home).toContain(`href="${url}rss.xml"`)
      const post = read(slug, 'bai-viet/bai-1/index.html')
      expect(post).toContain(`<link rel="canonical" href="${url}bai-viet/bai-1/">`)

      const locs = [...read(slug, 'sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
      // Not listed: the 404 page and the feedback form's thank-you page (both noindex).
      const pages = htmlFiles(path.join(dist, slug)).filter((f) => f !== '404.html' && f !== 'gop-y/cam-on/index.html').map((f) => `${url}${pagePathOf(f).slice(1)}`)
      expect(locs.sort()).toEqual(pages.sort())

      const rss = read(slug, 'rss.xml')
      const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!)
      expect(links.length).toBeGreaterThan(1)
      for (const link of links) expect(link.startsWith(url), link).toBe(true)
      expect(read(slug, 'robots.txt')).toContain(`Sitemap: ${url}sitemap.xml`)

      for (const file of ['index.html', 'sitemap.xml', 'rss.xml', 'robots.txt']) expect(read(slug, file), file).not.toContain(urlOf(other))
    }
  })

  it('has only the school’s own posts in its pages, feed and search index', async () => {
    expect(readdirSync(path.join(dist, 'truong-an', 'bai-viet'))).toHaveLength(fixtureSnapshot().posts.length)
    expect(readdirSync(path.join(dist, 'truong-binh', 'bai-viet'))).toHaveLength(5)
    expect(read('truong-an', 'rss.xml')).toContain('Anhoa')
    expect(read('truong-an', 'rss.xml')).not.toContain('Binhminh')
    expect(read('truong-binh', 'rss.xml')).toContain('Binhminh')
    expect(read('truong-binh', 'rss.xml')).not.toContain('Anhoa')
    expect(read('truong-binh', 'index.html')).not.toContain('Anhoa')

    const an = await querySearch(path.join(dist, 'truong-an'), ['anhoa', 'binhminh'])
    const binh = await querySearch(path.join(dist, 'truong-binh'), ['anhoa', 'binhminh'])
    expect(an.anhoa!.length).toBeGreaterThan(0)
    expect(an.binhminh).toEqual([])
    expect(binh.binhminh).toHaveLength(5)
    expect(binh.anhoa).toEqual([])
  })

  it('builds the others and keeps the previous site of a school that makes Astro fail, in batches of batchSize', async () => {
    const before = read('truong-an', 'index.html')
    // Valid for the snapshot schema, but the feed (@astrojs/rss) rejects the date: the batch's Astro
    // build fails, and is built again in halves until the school at fault is alone.
    addSchool(snapshots, 'truong-an', 'Anhoa', (s) => {
      s.posts[0].title = 'Không được đăng'
      s.posts[0].publishedDate = 'không phải ngày'
    })
    addSchool(snapshots, 'truong-binh', 'Binhminh', (s) => (s.posts = s.posts.slice(0, 3)))
    addSchool(snapshots, 'truong-cuong', 'Cuong')
    // Two schools per Astro build: [an, binh] (fails, is built again as [an] and [binh]) and [cuong].
    const lines: string[] = []
    const second = byslug(await buildSchoolSites({ slugs: ['truong-an', 'truong-binh', 'truong-cuong'], snapshotsDir: snapshots, distRoot: dist, batchSize: 2, log: (l) => lines.push(l) }))
    expect(lines).toContain('[sites] 3 schools in 2 Astro builds of up to 2 schools, 2 at a time')
    expect(second['truong-an']).toMatchObject({ ok: false, error: expect.stringMatching(/astro build failed[\s\S]*pubDate/) })
    expect(second['truong-binh']).toMatchObject({ ok: true })
    expect(second['truong-cuong']).toMatchObject({ ok: true })
    expect(read('truong-an', 'index.html')).toBe(before)
    expect(readdirSync(path.join(dist, 'truong-binh', 'bai-viet'))).toHaveLength(3)
    expect(read('truong-cuong', 'index.html')).toContain(`<link rel="canonical" href="${urlOf('truong-cuong')}">`)
    expect(readdirSync(dist).sort()).toEqual(['truong-an', 'truong-binh', 'truong-cuong'])
  })
})
