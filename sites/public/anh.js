// Photo albums, better with JavaScript: on an album page a thumbnail opens the photo in a viewer
// (arrow keys and buttons move, Escape closes); on a photo page the arrow keys follow the previous /
// next links. Without JavaScript every photo is a page of its own.
const links = [...document.querySelectorAll('ul.gallery a[data-src]')]
if (links.length && typeof HTMLDialogElement === 'function') {
  const dialog = document.createElement('dialog')
  dialog.className = 'viewer'
  dialog.setAttribute('aria-label', 'Xem ảnh')
  dialog.innerHTML =
    '<figure><img alt=""><figcaption></figcaption></figure>' +
    '<p class="viewer-nav"><button type="button" data-go="-1">‹ Ảnh trước</button> <span aria-live="polite"></span> ' +
    '<button type="button" data-go="1">Ảnh sau ›</button> <button type="button" data-close>Đóng</button></p>'
  document.body.append(dialog)
  const img = dialog.querySelector('img')
  const caption = dialog.querySelector('figcaption')
  const counter = dialog.querySelector('span')
  let current = 0
  const show = (n) => {
    current = (n + links.length) % links.length
    const link = links[current]
    img.src = link.dataset.src
    img.alt = link.querySelector('img')?.alt ?? ''
    caption.textContent = img.alt
    counter.textContent = `Ảnh ${current + 1}/${links.length}`
  }
  links.forEach((link, i) =>
    link.addEventListener('click', (event) => {
      event.preventDefault()
      show(i)
      dialog.showModal()
    }),
  )
  dialog.addEventListener('click', (event) => {
    const target = event.target.closest('button')
    if (target?.dataset.go) show(current + Number(target.dataset.go))
    else if (target?.hasAttribute('data-close') || event.target === dialog) dialog.close()
  })
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') show(current - 1)
    if (event.key === 'ArrowRight') show(current + 1)
  })
} else {
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || /^(INPUT|TEXTAREA)$/.test(document.activeElement?.tagName ?? '')) return
    const rel = event.key === 'ArrowLeft' ? 'prev' : event.key === 'ArrowRight' ? 'next' : null
    const link = rel && document.querySelector(`.photo-nav a[rel="${rel}"]`)
    if (link) location.href = link.href
  })
}
