// The search page's Pagefind UI, in a file of its own rather than inline in the page: the sites'
// Content-Security-Policy (sites/scripts/writeNginx.ts) allows scripts from the site itself only.
// A module, run once the page is parsed, after /pagefind/pagefind-ui.js (a classic script) defined PagefindUI.
import { searchExcerpt } from './tim-kiem-trich-doan.js'

const ui = new PagefindUI({
  element: '#tim-kiem',
  showSubResults: false,
  showImages: false,
  // Pagefind's excerpt would show the unaccented copy the index keeps for "doi" → "Đội".
  processResult: (result) => ({ ...result, excerpt: searchExcerpt(result) }),
  translations: {
    placeholder: 'Nhập từ khóa…',
    search_label: 'Tìm trong website',
    clear_search: 'Xóa',
    load_more: 'Xem thêm kết quả',
    zero_results: 'Không tìm thấy kết quả cho [SEARCH_TERM]',
    many_results: '[COUNT] kết quả cho [SEARCH_TERM]',
    one_result: '1 kết quả cho [SEARCH_TERM]',
    searching: 'Đang tìm [SEARCH_TERM]…',
  },
})
// Pagefind's UI shows "12 kết quả cho …" in an element it replaces at each state and does not
// announce; the page's status line (role="status", visually hidden) repeats it for screen readers.
const status = document.getElementById('tim-kiem-trang-thai')
const results = document.getElementById('tim-kiem')
if (status && results) {
  new MutationObserver(() => {
    const message = results.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? ''
    if (message !== status.textContent) status.textContent = message
  }).observe(results, { childList: true, subtree: true, characterData: true })
}
// /tim-kiem/?q=doi+tuyen searches at once (a link or a bookmark).
const q = new URLSearchParams(location.search).get('q')
if (q) ui.triggerSearch(q)
