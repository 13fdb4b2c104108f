import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'

import { readBuildResult } from '@truongso/snapshot/build-result'
import { afterAll, describe, expect, it } from 'vitest'

import { DEFAULT_NAV, FOOTER, menuLinks, QUICK_LINKS } from '../src/lib/pages.ts'
import { fixtures, SLUG, tempDir } from './helpers.ts'

const sitesDir = path.resolve(import.meta.dirname, '..')
const dist = tempDir('seam')
afterAll(() => rmSync(dist, { recursive: true, force: true }))

const build = (slug: string) =>
  spawnSync(process.execPath, ['--no-deprecation', 'scripts/buildSchool.ts', slug, '--snapshots', fixtures, '--out', dist], { cwd: sitesDir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } })

describe('the build seam: one JSON result line on stdout', () => {
  it('reports the pages of a successful build, and nothing else on stdout', () => {
    const run = build(SLUG)
    expect(run.status).toBe(0)
    expect(run.stdout.trim().split('\n')).toHaveLength(1)
    expect(readBuildResult(run.stdout)).toMatchObject({ ok: true, slug: SLUG, pages: expect.any(Number) })
    expect((readBuildResult(run.stdout) as { pages: number }).pages).toBeGreaterThan(40)
    expect(run.stderr).toContain(`[sites] ${SLUG}:`)
  }, 120_000)

  it('reports a failed build with its error', () => {
    const run = build('khongcotruong')
    expect(run.status).toBe(1)
    expect(readBuildResult(run.stdout)).toEqual({ ok: false, slug: 'khongcotruong', error: expect.stringMatching(/no snapshot for "khongcotruong"/) })
  })

  it('finds no result in output that is not one', () => {
    expect(readBuildResult('')).toBeNull()
    expect(readBuildResult('[sites] x: 12 pages in 1.0s\n')).toBeNull()
    expect(readBuildResult('{"ok":true,"slug":"x"}')).toBeNull()
  })
})

describe('one list of pages', () => {
  it('gives navigation, the quick links and the footer their links from the same pages', () => {
    expect(menuLinks(DEFAULT_NAV, true).map((l) => l.href)).toEqual(['/', '/gioi-thieu/', '/thong-bao/', '/thong-tin-chuyen-mon/', '/tin-hoat-dong/', '/van-ban/', '/cong-khai/', '/tuyen-sinh/', '/thu-vien-anh/', '/gop-y/', '/tim-kiem/'])
    expect(menuLinks(QUICK_LINKS, true).find((l) => l.href === '/gioi-thieu/')?.label).toBe('Giới thiệu nhà trường')
    expect(menuLinks({ ...DEFAULT_NAV, labels: { 'chuyen-mon': 'Thông tin chuyên môn' } }, true)[3]).toEqual({ href: '/thong-tin-chuyen-mon/', label: 'Thông tin chuyên môn' })
    // The contact page exists only with an introduction.
    expect(menuLinks(FOOTER, true).map((l) => l.href)).toContain('/gioi-thieu/lien-he/')
    expect(menuLinks(FOOTER, false).map((l) => l.href)).not.toContain('/gioi-thieu/lien-he/')
  })
})
