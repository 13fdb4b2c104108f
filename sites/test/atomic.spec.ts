import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { withScratchFolder } from '@truongso/snapshot/folders'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSchoolSite } from '../scripts/buildSchool.ts'
import { changedFixture, fixtures, SLUG, tempDir } from './helpers.ts'

let dist: string
const home = () => readFileSync(path.join(dist, SLUG, 'index.html'), 'utf8')
const leftovers = () => readdirSync(dist).filter((d) => d.startsWith('.'))

describe('atomic site builds', () => {
  beforeAll(async () => {
    dist = tempDir('atomic')
    await buildSchoolSite({ slug: SLUG, snapshotsDir: fixtures, distRoot: dist })
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('keeps the previous site when the snapshot is invalid, and names the bad field', async () => {
    const before = home()
    const broken = changedFixture((s) => (s.posts[0].slug = 'Không Hợp Lệ'))
    await expect(buildSchoolSite({ slug: SLUG, snapshotsDir: broken, distRoot: dist })).rejects.toThrow(/posts\.0\.slug/)
    expect(home()).toBe(before)
    expect(leftovers()).toEqual([])
    rmSync(broken, { recursive: true, force: true })
  })

  it('keeps the previous site when Astro fails, and reports Astro’s error', async () => {
    const before = home()
    // Valid for the snapshot schema, but the feed (@astrojs/rss) rejects the date: Astro's build fails.
    const broken = changedFixture((s) => (s.posts[0].publishedDate = 'không phải ngày'))
    await expect(buildSchoolSite({ slug: SLUG, snapshotsDir: broken, distRoot: dist })).rejects.toThrow(/astro build failed[\s\S]*pubDate/)
    expect(home()).toBe(before)
    rmSync(broken, { recursive: true, force: true })
  })

  it('swaps a successful rebuild in place and cleans up', async () => {
    const changed = changedFixture((s) => (s.posts[0].title = 'Thông báo đã sửa'))
    await buildSchoolSite({ slug: SLUG, snapshotsDir: changed, distRoot: dist })
    expect(home()).toContain('Thông báo đã sửa')
    expect(leftovers()).toEqual([])
    rmSync(changed, { recursive: true, force: true })
  })

  it('removes what a killed build left behind', async () => {
    const stale = path.join(dist, `.tmp-${SLUG}-0badc0de`)
    mkdirSync(stale)
    utimesSync(stale, new Date(Date.now() - 2 * 3_600_000), new Date(Date.now() - 2 * 3_600_000))
    await buildSchoolSite({ slug: SLUG, snapshotsDir: fixtures, distRoot: dist })
    expect(existsSync(stale)).toBe(false)
  })

  it('refuses a snapshot filed under another school’s slug', async () => {
    const other = changedFixture((s) => (s.school.slug = 'tieuhocledo'))
    await expect(buildSchoolSite({ slug: SLUG, snapshotsDir: other, distRoot: dist })).rejects.toThrow(/belongs to "tieuhocledo"/)
    rmSync(other, { recursive: true, force: true })
  })

  it('reports the error of a failed step, not the removal of a folder still being written to', async () => {
    // An inline Astro build that throws still has pages in flight, which keep writing into the folder.
    const parent = tempDir('scratch')
    let writer: NodeJS.Timeout | undefined
    const failing = withScratchFolder(parent, 'batch', SLUG, async (dir) => {
      let n = 0
      writer = setInterval(() => {
        for (let i = 0; i < 5; i++, n++) {
          mkdirSync(path.join(dir, 'bai-viet', `p${n}`), { recursive: true })
          writeFileSync(path.join(dir, 'bai-viet', `p${n}`, 'index.html'), 'x')
        }
      }, 1)
      await new Promise((resolve) => setTimeout(resolve, 50))
      throw new Error('the feed rejects a date')
    })
    try {
      await expect(failing).rejects.toThrow('the feed rejects a date')
    } finally {
      clearInterval(writer)
      rmSync(parent, { recursive: true, force: true })
    }
  })
})
