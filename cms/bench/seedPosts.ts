/**
 * Benchmark data: the 34 schools with N published posts each (default 200), written through the
 * Local API into `TRUONGSO_DATA_DIR`. `node cms/bench/seedPosts.ts [postsPerSchool]`
 */
import { BULK_WRITE_CONTEXT, POST_SECTIONS } from '@truongso/payload-plugin'
import { createLocalReq, getPayload } from 'payload'

import { buildTruongsoConfig } from '../src/lib/buildConfig.ts'
import { lexicalParagraphs } from '../src/seed/lexical.ts'
import { seedSchools } from '../src/seed/schools.ts'

const dataDir: string = process.env.TRUONGSO_DATA_DIR ?? ''
if (!dataDir) throw new Error('TRUONGSO_DATA_DIR is required')
const perSchool = Number(process.argv[2] ?? 200)
const payload = await getPayload({ config: buildTruongsoConfig({ databaseUri: undefined, dataDir, logLevel: 'warn' }) })
const ids = await seedSchools(await createLocalReq({}, payload))
const started = performance.now()
for (const [slug, schoolId] of ids) {
  const existing = await payload.count({ collection: 'posts', where: { school: { equals: schoolId } }, overrideAccess: true })
  for (let i = existing.totalDocs; i < perSchool; i++) {
    await payload.create({
      collection: 'posts',
      overrideAccess: true,
      context: BULK_WRITE_CONTEXT,
      data: {
        school: schoolId,
        title: `Tin số ${i + 1} của ${slug}: hoạt động dạy và học tháng ${(i % 9) + 1}`,
        slug: `tin-so-${i + 1}`,
        section: POST_SECTIONS[i % 3],
        summary: 'Tóm tắt bài viết dùng cho đo hiệu năng.',
        content: lexicalParagraphs(['Nội dung bài viết dùng cho đo hiệu năng, đủ dài để giống một bản tin thật của nhà trường.', 'Đoạn thứ hai.']),
        tags: ['tin tức', `tháng ${(i % 9) + 1}`],
        schoolYear: '2026-2027',
        _status: 'published',
        workflowState: 'published',
        publishedDate: new Date(Date.UTC(2026, 10, 24) - i * 86_400_000).toISOString(),
      } as never,
    })
  }
}
console.log(`seeded ${ids.size} schools × ${perSchool} posts in ${((performance.now() - started) / 1000).toFixed(1)}s`)
await payload.destroy()
process.exit(0)
