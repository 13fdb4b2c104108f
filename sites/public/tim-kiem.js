// The search page's Pagefind UI, in a file of its own rather than inline in the page: the sites'
// Content-Security-Policy (sites/scripts/writeNginx.ts) allows scripts from the site itself only.
window.addEventListener('DOMContentLoaded', function () {
  new PagefindUI({
    element: '#tim-kiem',
    showSubResults: false,
    showImages: false,
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
})
