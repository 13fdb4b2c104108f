import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { TEMPLATE_IDS } from '@truongso/registry'
import { afterAll, describe, expect, it } from 'vitest'

import { buildSchoolSite } from '../scripts/buildSchool.ts'
import { theme as combined } from '../src/templates/combined/theme.ts'
import { theme as lowerSecondary } from '../src/templates/lower-secondary/theme.ts'
import { theme as preschool } from '../src/templates/preschool/theme.ts'
import { theme as primary } from '../src/templates/primary/theme.ts'
import { changedFixture, SLUG, tempDir } from './helpers.ts'

const THEMES = [preschool, primary, lowerSecondary, combined]
const work = tempDir('templates')
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Builds the fixture with another template (and optional changes); returns a reader of its pages. */
async function buildWith(template: string, change: (s: Record<string, any>) => void = () => {}) {
  const snapshots = changedFixture((s) => {
    s.school.template = template
    change(s)
  }, tempDir('template-snapshots'))
  const distRoot = path.join(work, template)
  const result = await buildSchoolSite({ slug: SLUG, snapshotsDir: snapshots, distRoot })
  rmSync(snapshots, { recursive: true, force: true })
  const site = path.join(distRoot, SLUG)
  return { result, site, read: (p: string) => readFileSync(path.join(site, p), 'utf8') }
}

describe('templates', () => {
  it('has one folder per template id of the registry', () => {
    expect(THEMES.map((t) => t.id).sort()).toEqual([...TEMPLATE_IDS].sort())
  })

  for (const template of TEMPLATE_IDS) {
    it(`builds the whole site with the ${template} template`, async () => {
      // The primary template's school uploaded a logo; the others show the monogram.
      const withLogo = template === 'primary'
      const { result, read } = await buildWith(template, (s) => {
        const cover = s.posts.find((p: { cover: unknown }) => p.cover).cover
        if (withLogo) s.introduction.logo = { ...cover, alt: 'Biểu trưng' }
        s.school.managingBodyUrl = 'https://example.org/phong-gd/'
        // Covers on every post, so each news list shows thumbnails.
        for (const post of s.posts) post.cover ??= cover
      })
      expect(result.pages).toBeGreaterThan(40)
      const home = read('index.html')
      const theme = THEMES.find((t) => t.id === template)!
      expect(home).toContain('<html lang="vi"')
      expect(home).toContain(`--primary:${theme.colors.primary}`)
      // The official name under the managing body, and a logo or the monogram.
      expect(home).toContain('<strong>Trường Tiểu học và Trung học cơ sở Lý Thường Kiệt</strong>')
      expect(home).toContain('<span class="body">Phòng Giáo dục và Đào tạo thành phố Hội An</span>')
      if (withLogo) {
        expect(home).toMatch(/<img class="crest" src="\/files\/khai-giang[^"]*" alt="" width="56" height="56">/)
        expect(home).not.toContain('<link rel="icon" href="/favicon.svg"')
      } else {
        expect(home).toMatch(new RegExp(`<span class="crest" aria-hidden="true"><svg[^>]*>.*fill="${theme.colors.primary}"`))
      }
      // The announcements box comes before every other block.
      expect(home.indexOf('id="thong-bao-moi"')).toBeGreaterThan(0)
      for (const other of ['id="tin-noi-bat"', 'id="muc-chuyen-mon"', 'id="muc-hoat-dong"', 'id="muc-cong-khai"', 'id="cap-hoc"', 'id="thuc-don-ke-hoach-tuan"']) {
        if (home.includes(other)) expect(home.indexOf('id="thong-bao-moi"'), other).toBeLessThan(home.indexOf(other))
      }
      expect(home).toContain('id="tin-noi-bat"')
      // Thumbnails with their box reserved, lazily loaded below the featured post.
      expect(home).toMatch(/<img class="thumb" src="[^"]+" srcset="[^"]+" sizes="\(min-width: 40rem\) 10rem, 7rem" alt="" width="160" height="120" loading="lazy" decoding="async">/)
      // Quick links, including the managing body's site.
      expect(home).toContain('<a href="https://example.org/phong-gd/" rel="external">Phòng Giáo dục và Đào tạo thành phố Hội An</a>')
      // Albums, documents, enrolment and the feedback form exist in every template.
      expect(read('thu-vien-anh/index.html')).toContain('href="/thu-vien-anh/bai-2/"')
      expect(read('van-ban/index.html')).toContain('Số 01/KH-THCSLTK')
      expect(read('tuyen-sinh/index.html')).toContain('href="/bai-viet/bai-1/"')
      expect(read('gop-y/index.html')).toContain('action="/api/feedback"')
      for (const link of ['/van-ban/', '/tuyen-sinh/', '/thu-vien-anh/', '/gop-y/']) expect(home, link).toContain(`href="${link}"`)
      if (template === 'preschool') {
        expect(home).toContain('Thực đơn và kế hoạch tuần')
        expect(home).toContain('href="/cong-khai/#ke-hoach-tuan"')
        expect(home).not.toContain('id="muc-chuyen-mon"')
        expect(read('cong-khai/index.html')).toContain('id="ke-hoach-tuan"')
      } else {
        expect(home).not.toContain('Thực đơn và kế hoạch tuần')
        expect(home).toContain('id="muc-chuyen-mon"')
      }
      if (template === 'combined') expect(home).toMatch(/Tiểu học<\/strong>: khối lớp 1 đến 5[\s\S]*Trung học cơ sở<\/strong>: khối lớp 6 đến 9/)
    })
  }

  it('lists a preschool’s weekly menus and plans on its home page', async () => {
    const { read } = await buildWith('preschool', (s) => {
      s.disclosures.push({
        ...s.disclosures[0],
        id: 'tuan-1',
        slug: 'thuc-don-tuan-1',
        title: 'Thực đơn tuần 1 tháng 12',
        group: 'preschool-weekly',
        groupLabel: 'Thực đơn, kế hoạch tuần',
        periodStart: '2026-11-30T00:00:00.000Z',
      })
    })
    const home = read('index.html')
    expect(home).toContain('<a href="/cong-khai/thuc-don-tuan-1/">Thực đơn tuần 1 tháng 12</a>')
    expect(read('cong-khai/index.html')).toMatch(/<h3 id="ke-hoach-tuan">Thực đơn, kế hoạch tuần<\/h3>/)
  })

  it('builds a school without an introduction: no sub-pages, nothing links to them', async () => {
    const { site, read } = await buildWith('primary', (s) => (s.introduction = null))
    expect(read('gioi-thieu/index.html')).toContain('đang cập nhật')
    expect(existsSync(path.join(site, 'gioi-thieu/lien-he/index.html'))).toBe(false)
    expect(read('index.html')).not.toContain('/gioi-thieu/lien-he/')
    expect(read('sitemap.xml')).not.toContain('/gioi-thieu/lanh-dao/')
  })

  it('uses colours with WCAG 2.1 AA contrast', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
    }
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
      return (hi! + 0.05) / (lo! + 0.05)
    }
    for (const { id, colors } of THEMES) {
      expect(contrast('#ffffff', colors.primary), `${id} white on primary`).toBeGreaterThanOrEqual(4.5)
      expect(contrast('#ffffff', colors.primaryDark), `${id} white on primaryDark`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(colors.link, '#ffffff'), `${id} link on white`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(colors.link, colors.band), `${id} link on band`).toBeGreaterThanOrEqual(4.5)
      expect(contrast(colors.link, '#f6f6f6'), `${id} link on footer`).toBeGreaterThanOrEqual(4.5)
      expect(contrast('#1b1b1b', colors.accent), `${id} text on accent`).toBeGreaterThanOrEqual(4.5)
      expect(contrast('#ffd866', colors.primary), `${id} focus ring in the header`).toBeGreaterThanOrEqual(3)
    }
  })
})
