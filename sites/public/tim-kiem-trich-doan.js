// The excerpt of a search result, in the original Vietnamese with the matched words in <mark>.
// The index (sites/scripts/searchIndex.ts, searchContent) holds each page as its N words followed by
// the same N words folded ("Đội" → "Doi"), so "doi" finds "Đội"; Pagefind's own excerpt would show
// the folded copy. Here a match at location L ≥ N is the original word L − N. Pure: also run in Node
// by sites/test/search.spec.ts.

// How Pagefind's browser code splits a result's content into words (pagefind.js, build_excerpt).
const WORDS = /[^\S\uFEFF]+/
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => ESCAPES[c])

/**
 * @param {{ content: string, locations: number[] }} result what Pagefind's `result.data()` gives
 * @param {number} [length] words in the excerpt (Pagefind's default is 30)
 * @returns {string} HTML: escaped words, the matched ones in <mark>, "…" where text is cut
 */
export function searchExcerpt(result, length = 30) {
  const all = result.content.split(WORDS)
  // An odd count is not a record of searchContent: show it as it is.
  const n = all.length % 2 ? all.length : all.length / 2
  const words = all.slice(0, n)
  const matched = [...new Set(result.locations.map((l) => (l >= n ? l - n : l)))].sort((a, b) => a - b)
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
