import { rmSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSchoolSite } from '../scripts/buildSchool.ts'
import { querySearch, type SearchHit } from '../scripts/querySearch.ts'
import { fixtures, SLUG, tempDir } from './helpers.ts'

let dist: string
let hits: Record<string, SearchHit[]>
const QUERIES = ['doi tuyen', 'Do Trong Huong', 'đội tuyển', 'Đỗ Trọng Hường', 'khai giang', 'nguyen van hieu', 'cong khai tai chinh', 'xyzzyq']

// Queries the built index with Pagefind's own browser code (pagefind.js + WebAssembly) run in Node.
describe('search (Pagefind) with Vietnamese folding', () => {
  beforeAll(async () => {
    dist = tempDir('search')
    await buildSchoolSite({ slug: SLUG, snapshotsDir: fixtures, distRoot: dist })
    hits = await querySearch(path.join(dist, SLUG), QUERIES)
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  const urls = (q: string) => hits[q]!.map((h) => h.url)

  it('finds “đội tuyển” when typed without marks and without đ', () => {
    expect(urls('doi tuyen')[0]).toBe('/bai-viet/bai-4/')
    expect(hits['doi tuyen']![0]!.title).toBe('Đội tuyển học sinh giỏi thi cấp thành phố')
  })

  it('finds the teacher “Đỗ Trọng Hường” from “Do Trong Huong”', () => {
    expect(urls('Do Trong Huong')).toEqual(['/bai-viet/bai-4/'])
  })

  it('still finds text typed with its marks', () => {
    expect(urls('đội tuyển')[0]).toBe('/bai-viet/bai-4/')
    expect(urls('Đỗ Trọng Hường')).toEqual(['/bai-viet/bai-4/'])
  })

  it('indexes posts, disclosures and the introduction pages', () => {
    expect(urls('khai giang')).toContain('/bai-viet/bai-2/')
    expect(urls('nguyen van hieu')).toContain('/gioi-thieu/lanh-dao/')
    expect(urls('cong khai tai chinh')).toContain('/cong-khai/cong-khai-tai-chinh-2026-2027/')
    expect(urls('xyzzyq')).toEqual([])
  })
})
