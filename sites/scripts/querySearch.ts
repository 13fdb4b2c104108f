/**
 * Queries a built site's search index exactly as the browser does: loads `<siteDir>/pagefind/pagefind.js`
 * (Pagefind's own search code and WebAssembly) in Node, serving its files from disk.
 *   node sites/scripts/querySearch.ts <siteDir> "doi tuyen" ["Do Trong Huong" …]
 * Prints JSON: { [query]: [{ url, title, excerpt }] }, the excerpt as the search page shows it
 * (public/tim-kiem-trich-doan.js: the accented words, the matched ones in <mark>), not Pagefind's own,
 * which would show the folded copies the index keeps for đ → d.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import { searchExcerpt } from '../public/tim-kiem-trich-doan.js'

export type SearchHit = { url: string; title: string; excerpt: string }

type PagefindModule = {
  options(o: Record<string, unknown>): Promise<void>
  search(q: string): Promise<{ results: { data(): Promise<{ url: string; meta: Record<string, string>; content: string; locations: number[] }> }[] }>
}

export async function querySearch(siteDir: string, queries: string[]): Promise<Record<string, SearchHit[]>> {
  const dir = path.join(path.resolve(siteDir), 'pagefind') + path.sep
  const realFetch = globalThis.fetch
  // pagefind.js fetches its index and WebAssembly relative to its own URL: answer file: URLs from disk.
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input)
    if (url.startsWith('file:')) return new Response(await readFile(fileURLToPath(url.split('?')[0]!)))
    return realFetch(input, init)
  }) as typeof fetch
  try {
    const pagefind = (await import(pathToFileURL(path.join(dir, 'pagefind.js')).href)) as PagefindModule
    await pagefind.options({ basePath: pathToFileURL(dir).href, baseUrl: '/' })
    const out: Record<string, SearchHit[]> = {}
    for (const query of queries) {
      const { results } = await pagefind.search(query)
      const data = await Promise.all(results.map((r) => r.data()))
      out[query] = data.map((d) => ({ url: d.url, title: d.meta.title ?? '', excerpt: searchExcerpt(d) }))
    }
    return out
  } finally {
    globalThis.fetch = realFetch
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [siteDir, ...queries] = process.argv.slice(2)
  if (!siteDir || queries.length === 0) {
    console.error('usage: node sites/scripts/querySearch.ts <siteDir> <query> [query…]')
    process.exit(2)
  }
  console.log(JSON.stringify(await querySearch(siteDir, queries), null, 2))
}
