import { readFileSync, rmSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { foldVietnamese } from '@truongso/snapshot'
import * as pagefindNode from 'pagefind'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { originalWords, searchExcerpt } from '../public/tim-kiem-trich-doan.js'
import { buildSchoolSite } from '../scripts/buildSchool.ts'
import { querySearch, type SearchHit } from '../scripts/querySearch.ts'
import { searchContent } from '../scripts/searchIndex.ts'
import { fixtures, SLUG, tempDir } from './helpers.ts'

type ResultData = { url: string; content: string; locations: number[]; meta: Record<string, string> }

/** What `result.data()` gives in the browser, for each query, from `<siteDir>/pagefind/pagefind.js` run in Node. */
async function pagefindData(siteDir: string, queries: string[]): Promise<Record<string, ResultData[]>> {
  const dir = path.join(siteDir, 'pagefind') + path.sep
  const realFetch = globalThis.fetch
  globalThis.fetch = (async (input: RequestInfo | URL) => new Response(await readFile(fileURLToPath(String(input instanceof Request ? input.url : input).split('?')[0]!)))) as typeof fetch
  try {
    const pagefind = await import(pathToFileURL(path.join(dir, 'pagefind.js')).href)
    await pagefind.options({ basePath: pathToFileURL(dir).href, baseUrl: '/' })
    const out: Record<string, ResultData[]> = {}
    // Pagefind hands out its cached fragment, its locations set for the latest query: copy them at once.
    const data = (r: { data(): Promise<ResultData> }) => r.data().then((d) => ({ ...d, locations: [...d.locations] }))
    for (const q of queries) out[q] = await Promise.all((await pagefind.search(q)).results.map(data))
    return out
  } finally {
    globalThis.fetch = realFetch
  }
}

const WORDS = /[^\S\uFEFF]+/ // Pagefind's browser code splits content so
const marked = (html: string) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!)
const plainWords = (html: string) => html.replace(/<\/?mark>/g, '').split(' ').filter((w) => w !== '…')
/** A word as Pagefind compares it with a query word: folded, lower case, letters and digits only. */
const key = (word: string) => foldVietnamese(word).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

let dist: string
let hits: Record<string, SearchHit[]>
const QUERIES = ['doi tuyen', 'Do Trong Huong', 'đội tuyển', 'Đỗ Trọng Hường', 'khai giang', 'nguyen van hieu', 'cong khai tai chinh', 'xyzzyq']

beforeAll(async () => {
  dist = tempDir('search')
  await buildSchoolSite({ slug: SLUG, snapshotsDir: fixtures, distRoot: dist })
})
afterAll(() => rmSync(dist, { recursive: true, force: true }))

// Queries the built index with Pagefind's own browser code (pagefind.js + WebAssembly) run in Node.
describe('search (Pagefind) with Vietnamese folding', () => {
  beforeAll(async () => {
    hits = await querySearch(path.join(dist, SLUG), QUERIES)
  })

  const urls = (q: string) => hits[q]!.map((h) => h.url)

  it('finds “đội tuyển” when typed without marks and without đ', () => {
    expect(urls('doi tuyen')[0]).toBe('/bai-viet/bai-4/')
    expect(hits['doi tuyen']![0]!.title).toBe('Đội tuyển học sinh giỏi thi cấp thành phố')
    // querySearch gives the excerpt the search page shows: accented, the matches marked
    expect(hits['doi tuyen']![0]!.excerpt).toContain('<mark>Đội</mark> <mark>tuyển</mark>')
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

// The excerpt a parent reads is the original, accented text: tim-kiem-trich-doan.js builds it from
// the first half of a record's content (searchContent: N original words, then the same N folded).
describe('search excerpts in Vietnamese with accents', () => {
  let site: string
  let data: Record<string, ResultData[]>
  const EXCERPT_QUERIES = ['doi', 'Do Trong Huong', 'đội tuyển', 'Đỗ Trọng Hường', 'khai giang', 'nguyen van hieu', 'cong khai tai chinh', 'cong doan']
  beforeAll(async () => {
    site = path.join(dist, SLUG)
    data = await pagefindData(site, EXCERPT_QUERIES)
  })
  const result = (q: string, url: string) => data[q]!.find((d) => d.url === url)!

  it('shows “doi” as the accented original, marked, without the folded copy', () => {
    const post = searchExcerpt(result('doi', '/bai-viet/bai-4/'))
    expect(post).toContain('<mark>Đội</mark> tuyển học sinh giỏi')
    expect(post).toContain('của thầy Đỗ Trọng Hường đạt')
    expect(post).not.toMatch(/\b(Doi|tuyen|hoc|sinh gioi|Huong|thay)\b/)
    const unions = searchExcerpt(result('doi', '/gioi-thieu/doan-the/'))
    expect(marked(unions)).toEqual(['Đội', 'đội.'])
    expect(unions).toContain('Công đoàn cơ sở. <mark>Đội</mark> TNTP Hồ Chí Minh Liên <mark>đội.</mark>')
    expect(unions).not.toMatch(/Cong|doan|Lien/)
  })

  it('marks the matched words of a query typed with or without marks alike', () => {
    for (const q of ['Do Trong Huong', 'Đỗ Trọng Hường']) expect(searchExcerpt(result(q, '/bai-viet/bai-4/'))).toContain('<mark>Đỗ</mark> <mark>Trọng</mark> <mark>Hường</mark>')
    expect(searchExcerpt(result('đội tuyển', '/bai-viet/bai-4/'))).toContain('<mark>Đội</mark> <mark>tuyển</mark> học sinh giỏi')
  })

  it('for every result: only original words, the marked ones those the query matched', () => {
    for (const q of EXCERPT_QUERIES) {
      const terms = q.split(' ').map(key)
      expect(data[q]!.length, q).toBeGreaterThan(0)
      for (const d of data[q]!) {
        const all = d.content.split(WORDS)
        // the originals, then a folded copy of each of their words with đ, in order
        const { words: original, copyOf } = originalWords(all)
        expect(copyOf, d.url).toEqual(original.flatMap((w, i) => (/[đĐ]/.test(w) ? [i] : [])))
        expect(copyOf.length, d.url).toBeGreaterThan(0)
        expect(all.slice(original.length).map(key), d.url).toEqual(copyOf.map((i) => key(original[i]!)))
        const excerpt = searchExcerpt(d)
        // the shown words are a run of the original half (the fixture has no characters to escape)
        expect(original.join(' '), `${q} ${d.url}`).toContain(plainWords(excerpt).join(' '))
        const marks = marked(excerpt)
        expect(marks.length, `${q} ${d.url}`).toBeGreaterThan(0)
        for (const m of marks) expect(terms.some((t) => key(m).startsWith(t)), `${q} ${d.url}: ${m}`).toBe(true)
      }
    }
  })

  it('keeps the words and their copies word for word through Pagefind, and escapes HTML', async () => {
    const text = 'Thông báo <script>alert("x")</script> & đội\u200B tuyển\u00A0“Đội” \u0085 lớp\u200B 5A\tĐỗ\u0301\n\u0300 ___PAGEFIND_ANCHOR___h2:x \u200B 2026-2027 Đội🎉 \uFEFFcuối'
    const content = searchContent(text)
    const words = content.split(WORDS)
    const { words: original } = originalWords(words)
    // 15 words (a lone U+200B dropped, the marker's underscores too), then copies of the 4 with đ
    expect(original).toHaveLength(15)
    expect(words.slice(15)).toEqual(['doi', '“Doi”', 'Do', 'Doi🎉'])
    const dir = tempDir('search-escape')
    try {
      const { index } = await pagefindNode.createIndex({ forceLanguage: 'vi' })
      await index!.addCustomRecord({ url: '/x/', content, language: 'vi', meta: { title: 'x' } })
      await index!.writeFiles({ outputPath: path.join(dir, 'pagefind') })
      await index!.deleteIndex()
      const found = await pagefindData(dir, ['doi', 'cuoi'])
      const [doi] = found['doi']!
      expect(doi!.content).toBe(content)
      const excerpt = searchExcerpt(doi!, 100)
      expect(marked(excerpt)).toEqual(['đội', '“Đội”', 'Đội🎉'])
      expect(excerpt).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <mark>đội</mark> tuyển <mark>“Đội”</mark> lớp 5A')
      expect(excerpt).not.toMatch(/<(?!\/?mark>)/)
      expect(plainWords(excerpt)).toHaveLength(original.length)
      expect(marked(searchExcerpt(found['cuoi']![0]!, 100))).toEqual(['cuối'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('shows content of another shape whole, as it is', () => {
    // copies missing, or words where the copies would be that are not the fold of their originals
    for (const content of ['Đội tuyển', 'Đội tuyển Xoi', 'tuyển Đội Đội']) {
      const all = content.split(' ')
      expect(originalWords(all), content).toEqual({ words: all, copyOf: [] })
    }
    expect(originalWords('Đội tuyển Doi'.split(' '))).toEqual({ words: ['Đội', 'tuyển'], copyOf: [0] })
    expect(searchExcerpt({ content: 'Đội tuyển', locations: [0] })).toBe('<mark>Đội</mark> tuyển')
  })

  it('cuts a long text around the matches', () => {
    const text = `${Array.from({ length: 50 }, (_, i) => `từ${i}`).join(' ')} Đội ${Array.from({ length: 50 }, (_, i) => `chữ${i}`).join(' ')}`
    // the copy of “Đội”, the one word with đ, is word 101 of the content
    const excerpt = searchExcerpt({ content: searchContent(text), locations: [101] })
    expect(excerpt).toMatch(/^… .* <mark>Đội<\/mark> .* …$/)
    expect(plainWords(excerpt)).toHaveLength(30)
  })

  it('the built search page runs the excerpt module', () => {
    expect(readFileSync(path.join(site, 'tim-kiem/index.html'), 'utf8')).toContain('<script type="module" src="/tim-kiem.js"></script>')
    const script = readFileSync(path.join(site, 'tim-kiem.js'), 'utf8')
    expect(script).toContain("import { searchExcerpt } from './tim-kiem-trich-doan.js'")
    expect(script).toMatch(/processResult: .*searchExcerpt\(result\)/)
    expect(readFileSync(path.join(site, 'tim-kiem-trich-doan.js'), 'utf8')).toBe(readFileSync(fileURLToPath(new URL('../public/tim-kiem-trich-doan.js', import.meta.url)), 'utf8'))
  })
})
