import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSchoolSite } from '../scripts/buildSchool.ts'
import { nginxConfig } from '../scripts/writeNginx.ts'

const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url))
const SLUG = 'ththcslythuongkiet'
const URL_ROOT = 'http://ththcslythuongkiet.quangnam.vnptweb.vn/'
let dist: string
const read = (p: string) => readFileSync(path.join(dist, SLUG, p), 'utf8')

describe('a school site built from its snapshot', () => {
  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'truongso-sites-'))
    const result = await buildSchoolSite({ slug: SLUG, snapshotsDir: fixtures, distRoot: dist })
    expect(result.pages).toBeGreaterThan(40)
  }, 120_000)
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('has every page of the site map', () => {
    for (const page of [
      'index.html',
      '404.html',
      'gioi-thieu/index.html',
      'gioi-thieu/chuc-nang-nhiem-vu/index.html',
      'gioi-thieu/co-cau-to-chuc/index.html',
      'gioi-thieu/lanh-dao/index.html',
      'gioi-thieu/lich-su/index.html',
      'gioi-thieu/doan-the/index.html',
      'gioi-thieu/lien-he/index.html',
      'cong-khai/index.html',
      'cong-khai/cong-khai-tai-chinh-2026-2027/index.html',
      'thong-bao/index.html',
      'thong-tin-chuyen-mon/index.html',
      'tin-hoat-dong/index.html',
      'bai-viet/bai-1/index.html',
      'the/tuyen-sinh/index.html',
      'the/doi-tuyen/index.html',
      'tim-kiem/index.html',
      'rss.xml',
      'sitemap.xml',
      'files/ke-hoach.pdf',
      'pagefind/pagefind-ui.js',
    ]) {
      expect(existsSync(path.join(dist, SLUG, page)), page).toBe(true)
    }
  })

  it('puts announcements first on the home page and reads in Vietnamese', () => {
    const home = read('index.html')
    expect(home).toContain('<html lang="vi"')
    expect(home.indexOf('Thông tin – thông báo')).toBeLessThan(home.indexOf('Thông tin chuyên môn'))
    expect(home.indexOf('Thông báo tuyển sinh lớp 1')).toBeGreaterThan(0)
  })

  it('gives a post canonical and Open Graph URLs on the school’s address, responsive images and downloads', () => {
    const post = read('bai-viet/bai-2/index.html')
    expect(post).toContain(`<link rel="canonical" href="${URL_ROOT}bai-viet/bai-2/">`)
    expect(post).toContain(`<meta property="og:url" content="${URL_ROOT}bai-viet/bai-2/">`)
    expect(post).toContain(`<meta property="og:image" content="${URL_ROOT}files/`)
    expect(post).toMatch(/srcset="\/files\/khai-giang-400\.png 400w, \/files\/khai-giang\.png 1600w"/)
    expect(post).toContain('alt="Học sinh dự lễ khai giảng"')
    const withFile = read('bai-viet/bai-3/index.html')
    expect(withFile).toMatch(/<a href="\/files\/ke-hoach\.pdf" download="ke-hoach\.pdf">Kế hoạch năm học<\/a>/)
  })

  it('needs no JavaScript to read the home page or a post', () => {
    for (const page of ['index.html', 'bai-viet/bai-1/index.html', 'cong-khai/index.html', 'thong-bao/index.html']) {
      expect(read(page), page).not.toMatch(/<script/i)
    }
  })

  it('paginates long sections', () => {
    const sectionSize = (s: string) => JSON.parse(readFileSync(path.join(fixtures, SLUG, 'snapshot.json'), 'utf8')).posts.filter((p: { section: string }) => p.section === s).length
    expect(sectionSize('hoat-dong')).toBeGreaterThan(10)
    expect(existsSync(path.join(dist, SLUG, 'tin-hoat-dong/trang/2/index.html'))).toBe(true)
    expect(read('tin-hoat-dong/index.html')).toContain('href="/tin-hoat-dong/trang/2/"')
  })

  it('lists every page in sitemap.xml and the posts in rss.xml, on the school’s address', () => {
    const sitemap = read('sitemap.xml')
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    expect(locs.every((loc) => loc.startsWith(URL_ROOT))).toBe(true)
    expect(locs).toContain(`${URL_ROOT}bai-viet/bai-1/`)
    expect(locs).toContain(`${URL_ROOT}tin-hoat-dong/trang/2/`)
    const rss = read('rss.xml')
    expect(rss).toContain(`<link>${URL_ROOT}bai-viet/bai-1/</link>`)
  })

  it('keeps the previous site when a build fails, and says why', async () => {
    const broken = mkdtempSync(path.join(tmpdir(), 'truongso-broken-'))
    cpSync(path.join(fixtures, SLUG), path.join(broken, SLUG), { recursive: true })
    const file = path.join(broken, SLUG, 'snapshot.json')
    const snapshot = JSON.parse(readFileSync(file, 'utf8'))
    snapshot.posts[0].slug = 'Không Hợp Lệ'
    writeFileSync(file, JSON.stringify(snapshot))
    const before = read('index.html')
    await expect(buildSchoolSite({ slug: SLUG, snapshotsDir: broken, distRoot: dist })).rejects.toThrow(/posts\.0\.slug/)
    expect(read('index.html')).toBe(before)
    expect(readdirSync(dist).filter((d) => d.startsWith('.tmp'))).toEqual([])
    rmSync(broken, { recursive: true, force: true })
  })

  it('builds with every template', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'truongso-templates-'))
    for (const template of ['preschool', 'primary', 'lower-secondary', 'combined']) {
      cpSync(path.join(fixtures, SLUG), path.join(dir, SLUG), { recursive: true })
      const file = path.join(dir, SLUG, 'snapshot.json')
      const snapshot = JSON.parse(readFileSync(file, 'utf8'))
      snapshot.school.template = template
      writeFileSync(file, JSON.stringify(snapshot))
      await buildSchoolSite({ slug: SLUG, snapshotsDir: dir, distRoot: path.join(dir, 'out') })
      const home = readFileSync(path.join(dir, 'out', SLUG, 'index.html'), 'utf8')
      expect(home).toContain('<html lang="vi"')
      if (template === 'preschool') expect(home).toContain('Thực đơn và kế hoạch tuần')
      else expect(home).not.toContain('Thực đơn và kế hoạch tuần')
    }
    rmSync(dir, { recursive: true, force: true })
  }, 120_000)
})

describe('nginx configuration', () => {
  it('has one server block per school, with the registry’s exact hosts', () => {
    const config = nginxConfig('/srv/truongso/sites')
    const hosts = [...config.matchAll(/server_name ([^;]+);/g)].map((m) => m[1])
    expect(hosts).toHaveLength(34)
    expect(hosts).toContain('thcsnguyenhuydieu-hoian.quangnam.vnptweb.vn')
    expect(hosts).toContain('thcamthanh.pgddthoian.edu.vn')
    expect(config).toContain('root /srv/truongso/sites/tieuhocledo;')
  })
})
