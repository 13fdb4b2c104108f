import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { schools, type School } from '@truongso/registry'
import { SNAPSHOT_VERSION, type SnapshotInput } from '@truongso/snapshot'

const SECTIONS = ['thong-bao', 'chuyen-mon', 'hoat-dong'] as const

/** Synthetic snapshots: every school of the registry with `postsPerSchool` published posts. */
export function writeSyntheticSnapshots(dir: string, postsPerSchool: number, only?: string[]): number {
  let written = 0
  for (const school of schools) {
    if (only && !only.includes(school.slug)) continue
    writeSnapshot(dir, school, postsPerSchool)
    written++
  }
  return written
}

/**
 * A simulated district of `count` schools: the registry's 34 schools over and over (levels and
 * templates in the same mix), the k-th copy of a school named `<slug>-<k>` with a host of its own,
 * each with `postsPerSchool` posts. Returns the slugs.
 */
export function writeDistrictSnapshots(dir: string, count: number, postsPerSchool: number): string[] {
  const slugs: string[] = []
  for (let i = 0; i < count; i++) {
    const base = schools[i % schools.length]!
    const copy = Math.floor(i / schools.length)
    const slug = copy === 0 ? base.slug : `${base.slug}-${copy}`
    const host = copy === 0 ? base.host : `${slug}.truongso.test`
    writeSnapshot(dir, { ...base, slug, host, url: copy === 0 ? base.url : `https://${host}/`, name: copy === 0 ? base.name : `${base.name} ${copy}` }, postsPerSchool)
    slugs.push(slug)
  }
  return slugs
}

function writeSnapshot(dir: string, school: School, postsPerSchool: number): void {
  const posts = Array.from({ length: postsPerSchool }, (_, i) => {
    const body = `Đội tuyển học sinh giỏi của ${school.name} tham gia hoạt động số ${i + 1}. Nhà trường thông báo kế hoạch dạy học, kiểm tra đánh giá và các hoạt động ngoại khóa trong tháng.`
    return {
      id: String(i + 1),
      slug: `tin-so-${i + 1}`,
      title: `Tin số ${i + 1}: hoạt động dạy và học của ${school.name}`,
      section: SECTIONS[i % 3]!,
      summary: 'Tóm tắt bài viết dùng cho đo hiệu năng.',
      html: `<p>${body}</p><p>${body}</p>`,
      text: `${body} ${body}`,
      cover: null,
      attachments: [],
      tags: [`tháng ${(i % 9) + 1}`, 'tin tức'],
      schoolYear: '2026-2027',
      publishedDate: new Date(Date.UTC(2026, 10, 24) - i * 86_400_000).toISOString(),
      updatedAt: new Date(Date.UTC(2026, 10, 24)).toISOString(),
    }
  })
  const snapshot: SnapshotInput = {
    version: SNAPSHOT_VERSION,
    generatedAt: new Date().toISOString(),
    school: { slug: school.slug, name: school.name, level: school.level, levelName: school.levelName, url: school.url, host: school.host, template: school.template },
    introduction: {
      schoolName: school.name,
      functionsHtml: '<p>Chức năng, nhiệm vụ.</p>',
      structureHtml: '<p>Cơ cấu tổ chức.</p>',
      orgChart: null,
      leaders: [{ name: 'Nguyễn Văn Hiệu', position: 'Hiệu trưởng', unit: 'Ban giám hiệu', phone: '0235 386 1000' }],
      historyHtml: '<p>Lịch sử.</p>',
      unions: [],
      address: 'Hội An',
      phone: '0235 386 1000',
      email: null,
    },
    posts,
    disclosures: [],
  }
  mkdirSync(path.join(dir, school.slug), { recursive: true })
  writeFileSync(path.join(dir, school.slug, 'snapshot.json'), JSON.stringify(snapshot))
}
