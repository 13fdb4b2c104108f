import path from 'node:path'

import { foldVietnamese, type Snapshot } from '@truongso/snapshot'
import * as pagefind from 'pagefind'

/**
 * The search index (Pagefind, served as static files). Pagefind folds diacritics but not đ → d, so
 * each record also carries a folded copy of its text: "doi tuyen" finds "đội tuyển", "Do Trong
 * Huong" finds "Đỗ Trọng Hường". Records come from the snapshot, so only published content is indexed.
 */
export async function writeSearchIndex(snapshot: Snapshot, outDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' })
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`)
  const both = (text: string) => `${text}\n${foldVietnamese(text)}`
  const records = [
    ...snapshot.posts.map((p) => ({ url: `/bai-viet/${p.slug}/`, title: p.title, text: [p.title, p.summary, p.text, p.tags.join(' ')].join('\n'), date: p.publishedDate })),
    ...snapshot.disclosures.map((d) => ({ url: `/cong-khai/${d.slug}/`, title: d.title, text: [d.title, d.groupLabel, d.summary, d.text].join('\n'), date: d.publishedDate })),
  ]
  for (const record of records) {
    const added = await index.addCustomRecord({
      url: record.url,
      content: both(record.text),
      language: 'vi',
      meta: { title: record.title, date: record.date.slice(0, 10) },
    })
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`)
  }
  const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') })
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`)
  await pagefind.close()
  return records.length
}
