import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildSchoolSite } from '../scripts/buildSchool.ts'
import { fixtures, fixtureSnapshot, htmlFiles, pagePathOf, SCHOOL_URL, SLUG, tempDir } from './helpers.ts'

let dist: string
let site: string
let pages = 0
const read = (p: string) => readFileSync(path.join(site, p), 'utf8')
const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1]

describe('the fixture school’s site', () => {
  beforeAll(async () => {
    dist = tempDir('site')
    site = path.join(dist, SLUG)
    ;({ pages } = await buildSchoolSite({ slug: SLUG, snapshotsDir: fixtures, distRoot: dist }))
  })
  afterAll(() => rmSync(dist, { recursive: true, force: true }))

  it('has every page of the site map, the files and the search files', () => {
    const expected = [
      'index.html',
      '404.html',
      'gioi-thieu/index.html',
      ...['chuc-nang-nhiem-vu', 'co-cau-to-chuc', 'lanh-dao', 'lich-su', 'doan-the', 'lien-he'].map((p) => `gioi-thieu/${p}/index.html`),
      'cong-khai/index.html',
      'cong-khai/cong-khai-tai-chinh-2026-2027/index.html',
      'cong-khai/thong-tin-chung-2025-2026/index.html',
      'thong-bao/index.html',
      'thong-tin-chuyen-mon/index.html',
      'tin-hoat-dong/index.html',
      'tin-hoat-dong/trang/2/index.html',
      'bai-viet/bai-1/index.html',
      'the/tuyen-sinh/index.html',
      'the/doi-tuyen/index.html',
      'the/khai-giang/index.html',
      'tim-kiem/index.html',
      'van-ban/index.html',
      'tuyen-sinh/index.html',
      'thu-vien-anh/index.html',
      'thu-vien-anh/bai-2/index.html',
      'thu-vien-anh/bai-2/1/index.html',
      'thu-vien-anh/bai-2/2/index.html',
      'gop-y/index.html',
      'gop-y/cam-on/index.html',
      'so-do-trang/index.html',
      'favicon.ico',
      'favicon.svg',
      'apple-touch-icon.png',
      'icon-192.png',
      'icon-512.png',
      'manifest.webmanifest',
      'gop-y.js',
      'rss.xml',
      'sitemap.xml',
      'robots.txt',
      'files/ke-hoach.pdf',
      'files/khai-giang.png',
      'pagefind/pagefind.js',
      'pagefind/pagefind-ui.js',
      'pagefind/pagefind-ui.css',
    ]
    for (const file of expected) expect(existsSync(path.join(site, file)), file).toBe(true)
    const snapshot = fixtureSnapshot()
    for (const post of snapshot.posts) expect(existsSync(path.join(site, 'bai-viet', post.slug, 'index.html')), post.slug).toBe(true)
    expect(pages).toBe(htmlFiles(site).length)
  })

  it('is in Vietnamese on every page, with a skip link and one h1', () => {
    for (const file of htmlFiles(site)) {
      const html = read(file)
      expect(html, file).toMatch(/^<!DOCTYPE html><html lang="vi"/i)
      expect(html, file).toContain('<a class="skip" href="#noi-dung">')
      expect(html.match(/<h1[\s>]/g), file).toHaveLength(1)
    }
  })

  it('opens the home page with the announcements box, then the featured post, the sections, the disclosures, quick links and contact', () => {
    const home = read('index.html')
    const at = (s: string) => home.indexOf(s)
    expect(at('class="announcements" aria-labelledby="thong-bao-moi"')).toBeGreaterThan(0)
    for (const later of ['id="tin-noi-bat"', 'id="muc-chuyen-mon"', 'id="muc-hoat-dong"', 'id="muc-cong-khai"', 'id="lien-ket-nhanh"', 'id="lien-he-truong"']) {
      expect(at('id="thong-bao-moi"'), later).toBeLessThan(at(later))
    }
    // The newest announcement is the first post listed on the page.
    expect(attr(home, /<a href="(\/bai-viet\/[^"]+)"/)).toBe('/bai-viet/bai-1/')
    // The featured post is the newest activity with a cover, shown large and not listed again below.
    expect(home).toMatch(/<h2 id="tin-noi-bat"><a href="\/bai-viet\/bai-2\/">Lễ khai giảng năm học mới<\/a><\/h2>/)
    expect(home.match(/href="\/bai-viet\/bai-2\/"/g)).toHaveLength(1)
    const featured = home.slice(at('class="featured"'), at('id="tin-noi-bat"'))
    expect(featured).toMatch(/<img src="\/files\/khai-giang[^"]*" srcset="\/files\/khai-giang-400.png 400w, \/files\/khai-giang.png 1600w"[^>]*width="1600" height="1200"[^>]*fetchpriority="high"/)
    expect(home).toContain('href="/cong-khai/cong-khai-tai-chinh-2026-2027/"')
    const quick = home.slice(at('id="lien-ket-nhanh"'), at('id="lien-he-truong"'))
    for (const link of ['/cong-khai/', '/tuyen-sinh/', '/van-ban/', '/thu-vien-anh/', '/gop-y/', '/gioi-thieu/']) expect(quick).toContain(`href="${link}"`)
    // Contact: address with a map link (a link, no embedded third-party map), phone and e-mail.
    const contact = home.slice(at('id="lien-he-truong"'), at('</main>'))
    expect(contact).toContain('Địa chỉ: ')
    expect(contact).toMatch(/href="https:\/\/www\.openstreetmap\.org\/search\?query=[^"]+" rel="external">Xem bản đồ/)
    expect(contact).toMatch(/href="tel:\d+"/)
    expect(contact).toContain('href="mailto:')
    expect(home).not.toMatch(/<iframe/i)
    // Under 60 KB without images, and readable without JavaScript.
    expect(Buffer.byteLength(home)).toBeLessThan(60 * 1024)
    expect(home).not.toMatch(/<script/i)
  })

  it('names the school in full under its managing body, with a monogram, favicon and app icons', () => {
    const home = read('index.html')
    expect(home).toContain('<title>Trường Tiểu học và Trung học cơ sở Lý Thường Kiệt</title>')
    expect(home).toMatch(/<span class="body">Phòng Giáo dục và Đào tạo thành phố Hội An<\/span> <strong>Trường Tiểu học và Trung học cơ sở Lý Thường Kiệt<\/strong>/)
    // No logo uploaded: the monogram, in the template's colours, with the school's initials.
    expect(home).toMatch(/<span class="crest" aria-hidden="true"><svg[^>]*>.*fill="#553580".*>LTK<\/text><\/svg><\/span>/)
    expect(read('favicon.svg')).toContain('>LTK</text>')
    const ico = readFileSync(path.join(site, 'favicon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1])
    expect(ico.subarray(22, 26).toString('latin1')).toBe('\x89PNG')
    const touch = readFileSync(path.join(site, 'apple-touch-icon.png'))
    expect([touch.readUInt32BE(16), touch.readUInt32BE(20)]).toEqual([180, 180])
    const manifest = JSON.parse(read('manifest.webmanifest'))
    expect(manifest).toMatchObject({ name: 'Trường Tiểu học và Trung học cơ sở Lý Thường Kiệt', short_name: 'TH-THCS Lý Thường Kiệt', lang: 'vi', start_url: '/' })
    for (const icon of manifest.icons) expect(existsSync(path.join(site, icon.src)), icon.src).toBe(true)
    for (const file of htmlFiles(site)) {
      const html = read(file)
      expect(html, file).toContain('<link rel="icon" href="/favicon.ico" sizes="48x48">')
      expect(html, file).toContain('<link rel="manifest" href="/manifest.webmanifest">')
      // The whole menu opens under one button on a phone (no JavaScript).
      expect(html, file).toMatch(/<nav class="main phone" aria-label="Chuyên mục">.*<details>\s*<summary>Danh mục<\/summary>\s*<ul>/)
    }
  })

  it('shows photo albums: a list, a page per album and a page per photo with previous and next links', () => {
    const albums = read('thu-vien-anh/index.html')
    expect(albums).toContain('<a href="/thu-vien-anh/bai-2/">')
    expect(albums).toContain('2 ảnh')
    const album = read('thu-vien-anh/bai-2/index.html')
    expect(album).toContain('href="/thu-vien-anh/bai-2/1/"')
    expect(album).toContain('href="/thu-vien-anh/bai-2/2/"')
    expect(album).toMatch(/<img src="\/files\/khai-giang-400.png" alt="Phụ huynh dự lễ khai giảng" width="320" height="240" decoding="async">/)
    const second = read('thu-vien-anh/bai-2/2/index.html')
    expect(second).toContain('<a href="/thu-vien-anh/bai-2/1/" rel="prev">')
    expect(second).not.toContain('rel="next"')
    expect(second).toContain('alt="Phụ huynh dự lễ khai giảng"')
    expect(read('thu-vien-anh/bai-2/1/index.html')).toContain('<a href="/thu-vien-anh/bai-2/2/" rel="next">')
    // The post shows its album too; a post without one has no album section.
    expect(read('bai-viet/bai-2/index.html')).toContain('<h2 id="album-anh">Album ảnh (2 ảnh)</h2>')
    expect(read('bai-viet/bai-3/index.html')).not.toContain('album-anh')
  })

  it('lists documents with number, date, issuer and file on Văn bản, and the post shows them', () => {
    const list = read('van-ban/index.html')
    expect(list).toContain('<a href="/bai-viet/ke-hoach-nam-hoc-2026-2027/">Kế hoạch thực hiện nhiệm vụ năm học 2026-2027</a>')
    expect(list).toContain('Số 01/KH-THCSLTK · ngày 15/09/2026 · Trường Tiểu học và Trung học cơ sở Lý Thường Kiệt')
    expect(list).toContain('href="/files/ke-hoach.pdf" download="ke-hoach.pdf"')
    const post = read('bai-viet/ke-hoach-nam-hoc-2026-2027/index.html')
    expect(post).toMatch(/<dt>Số, ký hiệu:<\/dt><dd>01\/KH-THCSLTK<\/dd>/)
    expect(post).toMatch(/<dt>Ngày ban hành:<\/dt><dd><time datetime="2026-09-15">15\/09\/2026<\/time><\/dd>/)
    expect(post).toContain('<a href="/van-ban/">Văn bản</a>')
  })

  it('feeds Tuyển sinh from the posts tagged for enrolment, of any section', () => {
    const page = read('tuyen-sinh/index.html')
    expect(page).toContain('href="/bai-viet/bai-1/"')
    expect(page).not.toContain('href="/bai-viet/bai-3/"')
  })

  it('has a feedback form that posts to /api/feedback and works without JavaScript', () => {
    const page = read('gop-y/index.html')
    expect(page).toContain('<form class="form" id="gop-y" method="post" action="/api/feedback" accept-charset="utf-8">')
    expect(page).toContain(`<input type="hidden" name="school" value="${SLUG}">`)
    expect(page).toMatch(/<textarea id="gy-message" name="message" required minlength="10" maxlength="5000"/)
    // The honeypot is out of sight and out of the keyboard order.
    expect(page).toMatch(/<div class="trap" aria-hidden="true">.*<input id="gy-website" name="website" tabindex="-1" autocomplete="off">/)
    for (const field of ['name', 'contact', 'subject', 'message']) expect(page).toMatch(new RegExp(`<label for="gy-${field}">`))
    // JavaScript only improves it: the module script submits in place.
    expect(page).toContain('<script src="/gop-y.js" type="module"></script>')
    expect(read('gop-y/cam-on/index.html')).toContain('<meta name="robots" content="noindex">')
  })

  it('has a sitemap page for people; the footer and the 404 page link it and home', () => {
    const map = read('so-do-trang/index.html')
    for (const link of ['/', '/gioi-thieu/lien-he/', '/thong-bao/', '/thong-tin-chuyen-mon/', '/tin-hoat-dong/', '/van-ban/', '/cong-khai/', '/tuyen-sinh/', '/thu-vien-anh/', '/gop-y/', '/tim-kiem/', '/bai-viet/bai-1/', '/the/tuyen-sinh/']) {
      expect(map, link).toContain(`href="${link}"`)
    }
    for (const file of htmlFiles(site)) expect(read(file), file).not.toContain('href="/sitemap.xml"')
    expect(read('index.html')).toContain('<a href="/so-do-trang/">Sơ đồ trang</a>')
    expect(read('404.html')).toContain('<a href="/">Về trang chủ</a>')
  })

  it('gives a post its canonical URL, Open Graph tags, responsive cover, tags and date', () => {
    const post = read('bai-viet/bai-2/index.html')
    expect(post).toContain(`<link rel="canonical" href="${SCHOOL_URL}bai-viet/bai-2/">`)
    expect(post).toContain('<meta property="og:title" content="Lễ khai giảng năm học mới">')
    expect(post).toContain('<meta property="og:description" content="Tóm tắt: Lễ khai giảng năm học mới">')
    expect(post).toContain(`<meta property="og:url" content="${SCHOOL_URL}bai-viet/bai-2/">`)
    expect(post).toContain('<meta property="og:type" content="article">')
    expect(post).toContain('<meta property="og:locale" content="vi_VN">')
    expect(post).toContain(`<meta property="og:image" content="${SCHOOL_URL}files/khai-giang.png">`)
    expect(post).toContain(`<link rel="alternate" type="application/rss+xml" title="Tin mới – TH-THCS Lý Thường Kiệt" href="${SCHOOL_URL}rss.xml">`)
    const img = /<img class="cover"[^>]*>/.exec(post)?.[0] ?? ''
    expect(img).toContain('srcset="/files/khai-giang-400.png 400w, /files/khai-giang.png 1600w"')
    expect(img).toContain('alt="Học sinh dự lễ khai giảng"')
    expect(img).toContain('width="1600"')
    expect(img).toContain('height="1200"')
    expect(img).not.toContain('loading="lazy"') // the first image of the page
    expect(post).toContain('<time datetime="2026-11-22T08:00:00.000Z">22/11/2026</time>')
    expect(post).toContain('<a href="/the/khai-giang/" rel="tag">khai giảng</a>')
  })

  it('links a post’s attachments for download with type and size', () => {
    const post = read('bai-viet/bai-3/index.html')
    expect(post).toMatch(/<a href="\/files\/ke-hoach\.pdf" download="ke-hoach\.pdf">Kế hoạch năm học<\/a> <span class="meta">\(PDF, 1 KB\)<\/span>/)
  })

  it('lists a tag’s posts on a Vietnamese-aware slug', () => {
    const tag = read('the/doi-tuyen/index.html')
    expect(tag).toContain('href="/bai-viet/bai-4/"')
    expect(tag).toContain(`<link rel="canonical" href="${SCHOOL_URL}the/doi-tuyen/">`)
  })

  it('paginates a popular tag like a section list', () => {
    const tagged = fixtureSnapshot().posts.filter((p: { tags: string[] }) => p.tags.includes('tin tức')).length
    const pages = Math.ceil(tagged / 10)
    expect(pages).toBeGreaterThan(1)
    const first = read('the/tin-tuc/index.html')
    expect(first).toContain('href="/the/tin-tuc/trang/2/"')
    const last = read(`the/tin-tuc/trang/${pages}/index.html`)
    expect(last).toContain(`<link rel="canonical" href="${SCHOOL_URL}the/tin-tuc/trang/${pages}/">`)
    expect(last).toContain('rel="prev"')
    expect(existsSync(path.join(site, `the/tin-tuc/trang/${pages + 1}/index.html`))).toBe(false)
    const listed = [first, ...Array.from({ length: pages - 1 }, (_, i) => read(`the/tin-tuc/trang/${i + 2}/index.html`))]
      .map((html) => (html.match(/<article/g) ?? []).length)
      .reduce((a, b) => a + b, 0)
    expect(listed).toBe(tagged)
  })

  it('needs no JavaScript except on the search page (the feedback form and the albums work without it)', () => {
    // Those two only improve on plain links and forms: a module script each, nothing inline.
    const improved = (file: string) => file === 'gop-y/index.html' || file.startsWith('thu-vien-anh/bai-')
    for (const file of htmlFiles(site)) {
      if (file === 'tim-kiem/index.html') continue
      if (improved(file)) expect(read(file).match(/<script[^>]*>/g), file).toEqual([`<script src="/${file.startsWith('gop-y') ? 'gop-y' : 'anh'}.js" type="module">`])
      else expect(read(file), file).not.toMatch(/<script/i)
    }
    const search = read('tim-kiem/index.html')
    expect(search).toContain('<script src="/pagefind/pagefind-ui.js"></script>')
    expect(search).toContain('href="/pagefind/pagefind-ui.css"')
    expect(search).toMatch(/<noscript>[\s\S]*JavaScript[\s\S]*<\/noscript>/)
  })

  it('paginates sections of more than 10 posts, newest first', () => {
    const activities = fixtureSnapshot().posts.filter((p: { section: string }) => p.section === 'hoat-dong')
    expect(activities.length).toBeGreaterThan(10)
    const first = read('tin-hoat-dong/index.html')
    const second = read('tin-hoat-dong/trang/2/index.html')
    expect(first).toContain('href="/tin-hoat-dong/trang/2/"')
    expect(first.match(/<h2 class="item-title">/g)).toHaveLength(10)
    expect(second.match(/<h2 class="item-title">/g)).toHaveLength(activities.length - 10)
    expect(second).toContain('rel="prev"')
    expect(second).toContain(`<link rel="canonical" href="${SCHOOL_URL}tin-hoat-dong/trang/2/">`)
    // bai-20 is the newest activity although the snapshot lists it later.
    expect(attr(first, /<h2 class="item-title"><a href="([^"]+)"/)).toBe('/bai-viet/bai-20/')
  })

  it('groups disclosures by school year, newest first, then by Circular 09 group', () => {
    const page = read('cong-khai/index.html')
    expect(page.indexOf('Năm học 2026-2027</h2>')).toBeLessThan(page.indexOf('Năm học 2025-2026</h2>'))
    expect(page).toContain('Tài chính (thu, chi, học phí, học bổng)</h3>')
    expect(page).toContain('<a href="/files/ke-hoach.pdf" download="ke-hoach.pdf">Kế hoạch năm học</a>')
    expect(read('cong-khai/cong-khai-tai-chinh-2026-2027/index.html')).toContain('(PDF, 1 KB)')
  })

  it('shows the introduction: leaders table and contact details', () => {
    const leaders = read('gioi-thieu/lanh-dao/index.html')
    expect(leaders).toMatch(/<table>[\s\S]*Nguyễn Văn Hiệu[\s\S]*Hiệu trưởng[\s\S]*<\/table>/)
    const contact = read('gioi-thieu/lien-he/index.html')
    expect(contact).toContain('Lý Thường Kiệt, thành phố Hội An, tỉnh Quảng Nam')
    expect(contact).toContain('href="tel:02353861025"')
    expect(contact).toContain('mailto:ththcslythuongkiet@demo.truongso.vn')
    expect(read('gioi-thieu/doan-the/index.html')).toContain('Đội TNTP Hồ Chí Minh')
  })

  it('lists exactly the built pages in sitemap.xml, on the school’s URL', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!)
    // The 404 page and the feedback form's thank-you page are kept out of search engines.
    const built = htmlFiles(site).filter((f) => f !== '404.html' && f !== 'gop-y/cam-on/index.html').map((f) => new URL(pagePathOf(f).slice(1), SCHOOL_URL).href)
    expect(locs.every((loc) => loc.startsWith(SCHOOL_URL))).toBe(true)
    expect([...locs].sort()).toEqual([...built].sort())
  })

  it('points crawlers at the sitemap on the school’s URL', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${SCHOOL_URL}sitemap.xml`)
  })

  it('publishes the posts in rss.xml with absolute links on the school’s URL', () => {
    const rss = read('rss.xml')
    const links = [...rss.matchAll(/<link>([^<]+)<\/link>/g)].map((m) => m[1]!)
    expect(links[0]).toBe(SCHOOL_URL)
    expect(links.slice(1)).toHaveLength(fixtureSnapshot().posts.length)
    expect(links.every((l) => l.startsWith(SCHOOL_URL))).toBe(true)
    expect(links).toContain(`${SCHOOL_URL}bai-viet/bai-1/`)
    expect(rss).toContain('<language>vi</language>')
  })

  it('has a 404 page kept out of search engines', () => {
    const notFound = read('404.html')
    expect(notFound).toContain('Không tìm thấy trang')
    expect(notFound).toContain('<meta name="robots" content="noindex">')
  })
})
