import { foldVietnamese, slugify } from '@truongso/snapshot'
import { describe, expect, it } from 'vitest'

import { htmlToText } from '../scripts/searchIndex.ts'
import { fileType, formatDate, formatSize } from '../src/lib/format.ts'
import { bestRendition, lazyImages, srcsetOf } from '../src/lib/images.ts'

describe('formatting', () => {
  it('makes Vietnamese-aware slugs', () => {
    expect(slugify('Đội tuyển')).toBe('doi-tuyen')
    expect(slugify('  Kế hoạch — năm học 2026/2027 ')).toBe('ke-hoach-nam-hoc-2026-2027')
    expect(slugify('ĐỖ TRỌNG HƯỜNG')).toBe('do-trong-huong')
    expect(slugify('!!!')).toBe('')
  })

  it('writes dates dd/mm/yyyy in Vietnam’s time zone', () => {
    expect(formatDate('2026-11-22T08:00:00.000Z')).toBe('22/11/2026')
    expect(formatDate('2026-11-22T20:00:00.000Z')).toBe('23/11/2026')
  })

  it('writes sizes in KB and MB and short file types', () => {
    expect(formatSize(45)).toBe('1 KB')
    expect(formatSize(250_000)).toBe('244 KB')
    expect(formatSize(1_572_864)).toBe('1,5 MB')
    expect(fileType('application/pdf', 'a.pdf')).toBe('PDF')
    expect(fileType('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'a.docx')).toBe('Word')
    expect(fileType('application/zip', 'hoso.zip')).toBe('ZIP')
  })

  it('folds Vietnamese for search, đ included', () => {
    expect(foldVietnamese('Đỗ Trọng Hường đội tuyển')).toBe('Do Trong Huong doi tuyen')
    expect(htmlToText('<p>A&amp;B&nbsp;<b>c</b></p><script>x()</script>&#273;')).toBe('A&B c đ')
  })
})

describe('images', () => {
  const image = { path: 'files/a.jpg', alt: '', width: 2000, height: 1000, sizes: [{ name: 's', path: 'files/a-400.webp', width: 400 }, { name: 'm', path: 'files/a-1200.webp', width: 1200 }] }

  it('lists every rendition and the original in srcset', () => {
    expect(srcsetOf(image)).toBe('/files/a-400.webp 400w, /files/a-1200.webp 1200w, /files/a.jpg 2000w')
    expect(srcsetOf({ ...image, width: null })).toBe('/files/a-400.webp 400w, /files/a-1200.webp 1200w')
  })

  it('picks a rendition wide enough, else the original', () => {
    expect(bestRendition(image, 800)).toBe('/files/a-1200.webp')
    expect(bestRendition(image, 1600)).toBe('/files/a.jpg')
  })

  it('lazy-loads body images except the first one of the page', () => {
    const html = '<p><img src="/a.jpg"></p><img src="/b.jpg" loading="eager">'
    expect(lazyImages(html, true)).toBe('<p><img src="/a.jpg"></p><img decoding="async" src="/b.jpg" loading="eager">')
    expect(lazyImages(html, false)).toBe('<p><img loading="lazy" decoding="async" src="/a.jpg"></p><img decoding="async" src="/b.jpg" loading="eager">')
  })
})
