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
      const { result, read } = await buildWith(template)
      expect(result.pages).toBeGreaterThan(40)
      const home = read('index.html')
      const theme = THEMES.find((t) => t.id === template)!
      expect(home).toContain('<html lang="vi"')
      expect(home).toContain(`--primary:${theme.colors.primary}`)
      expect(home.indexOf('id="muc-thong-bao"')).toBeGreaterThan(0)
      // Announcements come before every other block.
      for (const other of ['id="muc-chuyen-mon"', 'id="muc-hoat-dong"', 'id="muc-cong-khai"', 'id="cap-hoc"', 'id="thuc-don-ke-hoach-tuan"']) {
        if (home.includes(other)) expect(home.indexOf('id="muc-thong-bao"'), other).toBeLessThan(home.indexOf(other))
      }
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
