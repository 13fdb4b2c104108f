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

// Pagefind (1.x) splits a record's content into words on Unicode White_Space (Rust's
// split_whitespace), drops U+200B from each word and skips a word that is then empty, takes a word
// starting "___PAGEFIND_…" / "___END_PAGEFIND_…" as a marker of its own (no location), and rejoins
// the words with single spaces; its browser code splits that content again on /[^\S\uFEFF]+/ to cut
// excerpts. JavaScript's \s is White_Space minus U+0085, plus U+FEFF.
const INVISIBLE = /[\u200B\uFEFF]/g
const WHITESPACE = /[\s\u0085]+/
const PAGEFIND_MARKER = /^___(?=(?:END_)?PAGEFIND_)/

/** A word Pagefind's own folding cannot bring to its unaccented form: it holds đ/Đ. */
const HAS_D = /[đĐ]/

/**
 * The indexed content of a record: its words, then a folded copy (`foldVietnamese`) of each word
 * that holds đ/Đ, in order. Pagefind folds every other diacritic itself ("truong" finds "trường"),
 * but not đ → d; the copies let "doi tuyen" find "đội tuyển" and "Do Trong Huong" find "Đỗ Trọng
 * Hường", and the originals keep queries typed with marks matching. Every word is one location for
 * Pagefind, and the copies (which hold no đ) follow the N original words, so the search page
 * (public/tim-kiem-trich-doan.js) finds N again (N + the đ-words among the first N = all words) and
 * shows a match on the k-th copy as the k-th original đ-word. Copying only these words (about one in
 * ten of Vietnamese text) rather than every word keeps the index and its build about a fifth smaller.
 */
export function searchContent(text: string): string {
  const words = text.replace(INVISIBLE, '').split(WHITESPACE).filter(Boolean).map((w) => w.replace(PAGEFIND_MARKER, ''))
  // A folded đ-word keeps at least its d, so it is never empty; folding must not make it a marker.
  const copies = words.filter((w) => HAS_D.test(w)).map((w) => foldVietnamese(w).replace(PAGEFIND_MARKER, ''))
  return [...words, ...copies].join(' ')
}

/**
 * The search index (Pagefind, served as static files under /pagefind/): one custom record per post,
 * disclosure and introduction page, its content from `searchContent`. Records come from the
 * snapshot, so only published content is indexed. Also writes Pagefind's default UI files.
 */
export async function writeSearchIndex(snapshot: Snapshot, outDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' })
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  try {
    const records = searchRecords(snapshot)
    // All records sent at once: Pagefind's service answers each by its message id, and one at a time
    // a 500-post school waited ~0.5 s on the round trips alone (~0.1 s so).
    const added = await Promise.all(
      records.map((record) => {
        // Pagefind's UI shows every meta but the title as "key: value" under the result.
        const meta: Record<string, string> = { title: record.title }
        if (record.date) meta['Ngày đăng'] = formatDate(record.date)
        return index.addCustomRecord({ url: record.url, content: searchContent(record.text), language: 'vi', meta })
      }),
    )
    const refused = added.flatMap((a) => a.errors)
    if (refused.length) throw new Error(`pagefind: ${refused.join('; ')}`)
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') })
    if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
    // The search page uses the default UI only; the other UI flavours would add ~300 KB per school.
    for (const unused of UNUSED_UI_FILES) await rm(path.join(outDir, 'pagefind', unused), { force: true })
    return records.length
  } finally {
    await index.deleteIndex().catch(() => {})
  }
}

