import { rm } from 'node:fs/promises'
import path from 'node:path'

import { foldVietnamese, type Snapshot } from '@truongso/snapshot'
import * as pagefind from 'pagefind'

import { formatDate } from '../src/lib/format.ts'

export type SearchRecord = { url: string; title: string; text: string; date?: string; kind: string }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/** Plain text of trusted editor HTML (the introduction has no `text` twin in the snapshot). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      return ENTITIES[e.toLowerCase()] ?? m
    })
    .replace(/\s+/g, ' ')
    .trim()
}

/** What the site's search finds: every post, every disclosure and the introduction pages. */
export function searchRecords(snapshot: Snapshot): SearchRecord[] {
  const records: SearchRecord[] = [
    ...snapshot.posts.map((p) => ({ kind: 'Bài viết', url: `/bai-viet/${p.slug}/`, title: p.title, text: [p.title, p.summary, p.text, p.tags.join(', ')].join('\n'), date: p.publishedDate })),
    ...snapshot.disclosures.map((d) => ({ kind: 'Công khai', url: `/cong-khai/${d.slug}/`, title: d.title, text: [d.title, d.groupLabel, `Năm học ${d.schoolYear}`, d.summary, d.text, d.attachments.map((a) => a.title).join(', ')].join('\n'), date: d.publishedDate })),
  ]
  const intro = snapshot.introduction
  if (intro) {
    const page = (slug: string, title: string, text: string) => records.push({ kind: 'Giới thiệu', url: `/gioi-thieu/${slug}/`, title, text: `${title}\n${text}` })
    page('chuc-nang-nhiem-vu', 'Chức năng, nhiệm vụ, quyền hạn', htmlToText(intro.functionsHtml))
    page('co-cau-to-chuc', 'Cơ cấu tổ chức', htmlToText(intro.structureHtml))
    page('lanh-dao', 'Lãnh đạo nhà trường', intro.leaders.map((l) => [l.name, l.position, l.unit, l.phone].filter(Boolean).join(', ')).join('\n'))
    page('lich-su', 'Lịch sử, truyền thống', htmlToText(intro.historyHtml))
    page('doan-the', 'Các tổ chức đoàn thể', intro.unions.map((u) => `${u.label}\n${htmlToText(u.html)}`).join('\n'))
    page('lien-he', 'Liên hệ', [intro.address, intro.phone, intro.email].filter(Boolean).join('\n'))
  }
  return records
}

const UNUSED_UI_FILES = ['pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-highlight.js']

/**
 * The search index (Pagefind, served as static files under /pagefind/). Pagefind folds diacritics
 * but not đ → d, so each record's content is its text followed by `foldVietnamese(text)`:
 * "doi tuyen" finds "đội tuyển", "Do Trong Huong" finds "Đỗ Trọng Hường". Records come from the
 * snapshot, so only published content is indexed. Also writes Pagefind's default UI files.
 */
export async function writeSearchIndex(snapshot: Snapshot, outDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' })
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  try {
    const records = searchRecords(snapshot)
    for (const record of records) {
      // Pagefind's UI shows every meta but the title as "key: value" under the result.
      const meta: Record<string, string> = { title: record.title }
      if (record.date) meta['Ngày đăng'] = formatDate(record.date)
      const added = await index.addCustomRecord({ url: record.url, content: `${record.text}\n${foldVietnamese(record.text)}`, language: 'vi', meta })
      if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`)
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') })
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
    // The search page uses the default UI only; the other UI flavours would add ~300 KB per school.
    for (const unused of UNUSED_UI_FILES) await rm(path.join(outDir, 'pagefind', unused), { force: true })
    return records.length
  } finally {
    await index.deleteIndex().catch(() => {})
  }
}

