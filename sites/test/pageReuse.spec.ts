import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { buildSchoolSites } from '../scripts/buildBatch.ts'
import { BUILD_STATE_FILE } from '../scripts/pageReuse.ts'
import { changedFixture, fixtureSnapshot, htmlFiles, SLUG, tempDir } from './helpers.ts'

/**
 * A rebuild renders the pages a change touches and carries the unchanged posts' pages over from the
 * live site (scripts/pageReuse.ts); what comes out must be what a build from nothing makes.
 */
describe('rebuilds reuse the pages of unchanged posts', () => {
  const dist = tempDir('reuse')
  const fresh = tempDir('reuse-fresh')
  const made: string[] = []
  afterAll(() => [dist, fresh, ...made].forEach((d) => rmSync(d, { recursive: true, force: true })))
  const logs: string[] = []
  const build = async (snapshots: string, distRoot = dist, reusePages?: boolean) => {
    made.push(snapshots)
    const [result] = await buildSchoolSites({ slugs: [SLUG], snapshotsDir: snapshots, distRoot, log: (l) => logs.push(l), reusePages })
    expect(result).toMatchObject({ ok: true })
    return logs.at(-1) ?? ''
  }
  const page = (file: string, root = dist) => readFileSync(path.join(root, SLUG, file), 'utf8')
  const inode = (file: string) => statSync(path.join(dist, SLUG, file)).ino
  const reusedCount = (line: string) => Number(/\((\d+) unchanged posts' pages reused\)/.exec(line)?.[1] ?? 0)

  it('renders everything the first time, then only what a change touches, with the same pages as a build from nothing', async () => {
    expect(reusedCount(await build(changedFixture(() => {})))).toBe(0)
    const posts = fixtureSnapshot().posts as { slug: string }[]
    expect(JSON.parse(page(BUILD_STATE_FILE)).posts).toHaveProperty('bai-3')
    const untouched = inode('bai-viet/bai-3/index.html')
    const album = inode('thu-vien-anh/bai-2/1/index.html')

    // One post's title changes, another post is withdrawn, a new one is published.
    const change = (s: Record<string, any>) => {
      s.posts[3].title = 'Đội tuyển đã đổi tên bài'
      const withdrawn = s.posts.splice(5, 1)[0]
      s.posts.unshift({ ...withdrawn, slug: 'bai-moi', title: 'Bài mới đăng hôm nay', publishedDate: '2026-12-07T01:00:00.000Z' })
    }
    const line = await build(changedFixture(change))
    // Every post but the changed and the new one (the withdrawn one is gone).
    expect(reusedCount(line)).toBe(posts.length - 2)
    expect(inode('bai-viet/bai-3/index.html')).toBe(untouched)
    expect(inode('thu-vien-anh/bai-2/1/index.html')).toBe(album)
    expect(page('bai-viet/bai-4/index.html')).toContain('Đội tuyển đã đổi tên bài')
    expect(page('bai-viet/bai-moi/index.html')).toContain('Bài mới đăng hôm nay')
    expect(existsSync(path.join(dist, SLUG, 'bai-viet', 'bai-6'))).toBe(false)
    expect(page('index.html')).toContain('Bài mới đăng hôm nay')

    // The same snapshot built from nothing, without reuse: the same files, the same bytes.
    await build(changedFixture(change), fresh, false)
    const files = htmlFiles(path.join(fresh, SLUG)).sort()
    expect(htmlFiles(path.join(dist, SLUG)).sort()).toEqual(files)
    for (const file of files) expect(page(file), file).toBe(page(file, fresh))
    expect(existsSync(path.join(fresh, SLUG, BUILD_STATE_FILE))).toBe(false)
  }, 120_000)

  it('renders every post page again when the school’s name or logo changes, or the state is unreadable', async () => {
    const renamed = (s: Record<string, any>) => (s.introduction.schoolName = 'Trường TH và THCS Lý Thường Kiệt (tên mới)')
    expect(reusedCount(await build(changedFixture(renamed)))).toBe(0)
    expect(page('bai-viet/bai-3/index.html')).toContain('(tên mới)')
    expect(reusedCount(await build(changedFixture(renamed)))).toBeGreaterThan(0)

    writeFileSync(path.join(dist, SLUG, BUILD_STATE_FILE), '{ not json')
    expect(reusedCount(await build(changedFixture(renamed)))).toBe(0)
    expect(readdirSync(dist).filter((d) => d.startsWith('.'))).toEqual([])
  }, 120_000)
})
