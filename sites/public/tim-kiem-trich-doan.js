// The excerpt of a search result, in the original Vietnamese with the matched words in <mark>.
// The index (sites/scripts/searchIndex.ts, searchContent) holds each page as its N words followed by
// a folded copy of each word with đ/Đ, in order ("Đội" → "Doi"), so "doi" finds "Đội"; Pagefind's
// own excerpt would show the copy. Here a match on the k-th copy is the k-th original word with đ.
// Pure: also run in Node by sites/test/search.spec.ts.

// How Pagefind's browser code splits a result's content into words (pagefind.js, build_excerpt).
const WORDS = /[^\S\uFEFF]+/
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c])
const HAS_D = /[đĐ]/
// As foldVietnamese (packages/snapshot) folds a word for the index.
const fold = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')

/**
 * The original words of a record's content and, for each copy after them, the original it copies.
 * N is where the copies start: N plus the đ-words among the first N is every word. Content that is
 * not of that shape (no such N, or a word there that is not the fold of its original) is shown
 * whole, as it is.
 * @param {string[]} all the content's words
 * @returns {{ words: string[], copyOf: number[] }}
 */
export function originalWords(all) {
  const copyOf = []
  let n = 0
  while (n + copyOf.length < all.length) {
    if (HAS_D.test(all[n])) copyOf.push(n)
    n++
  }
  if (n + copyOf.length !== all.length || copyOf.some((i, k) => fold(all[i]) !== all[n + k])) return { words: all, copyOf: [] }
  return { words: all.slice(0, n), copyOf }
}

/**
 * @param {{ content: string, locations: number[] }} result what Pagefind's `result.data()` gives
 * @param {number} [length] words in the excerpt (Pagefind's default is 30)
 * @returns {string} HTML: escaped words, the matched ones in <mark>, "…" where text is cut
 */
export function searchExcerpt(result, length = 30) {
  const { words, copyOf } = originalWords(result.content.split(WORDS))
  const n = words.length
  const matched = [...new Set(result.locations.map((l) => (l >= n ? copyOf[l - n] : l)).filter((l) => l !== undefined))].sort((a, b) => a - b)
  // The window of `length` words with the most matches, centred on them.
  let best = 0
  let bestCount = 0
  let bestLast = 0
  for (let i = 0, j = 0; i < matched.length; i++) {
    while (j < matched.length && matched[j] < matched[i] + length) j++
    if (j - i > bestCount) [best, bestCount, bestLast] = [i, j - i, matched[j - 1]]
  }
  const first = matched.length ? matched[best] : 0
  const span = matched.length ? bestLast - first + 1 : 0
  const start = Math.max(0, Math.min(first - Math.floor((length - span) / 2), n - length))
  const end = Math.min(n, start + length)
  const hit = new Set(matched)
  const shown = []
  for (let i = start; i < end; i++) shown.push(hit.has(i) ? `<mark>${escapeHtml(words[i])}</mark>` : escapeHtml(words[i]))
  return (start > 0 ? '… ' : '') + shown.join(' ') + (end < n ? ' …' : '')
}
