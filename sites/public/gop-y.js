// Submits the feedback form (/gop-y/) in place; without JavaScript the form posts normally and the
// server redirects to /gop-y/cam-on/ or answers with a page naming the problem.
const form = document.getElementById('gop-y')
const status = document.getElementById('gy-status')
if (form && status && window.fetch) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = form.querySelector('button')
    button.disabled = true
    status.className = ''
    status.textContent = 'Đang gửi…'
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form)),
      })
      const result = await response.json().catch(() => ({}))
      if (response.ok && result.ok) {
        form.reset()
        status.className = 'notice'
        status.textContent = result.message || 'Đã gửi góp ý. Cảm ơn bạn!'
      } else {
        status.className = 'notice error'
        status.textContent = result.message || 'Không gửi được góp ý, vui lòng thử lại.'
      }
    } catch {
      status.className = 'notice error'
      status.textContent = 'Không kết nối được tới máy chủ, vui lòng thử lại sau.'
    } finally {
      button.disabled = false
    }
  })
}
