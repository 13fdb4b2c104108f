import { randomBytes } from 'node:crypto'
import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { disclosureGroupLabels } from '@truongso/payload-plugin'
import { parseSnapshot, SNAPSHOT_VERSION, type Snapshot, type SnapshotAttachment, type SnapshotImage } from '@truongso/snapshot'
import type { Payload, Where } from 'payload'

import { inlineImageHtml, richTextToHtml as toHtml, richTextToText } from './richText.ts'

type UploadDoc = {
  id: number | string
  filename?: string | null
  mimeType?: string | null
  filesize?: number | null
  width?: number | null
  height?: number | null
  alt?: string | null
  title?: string | null
  sizes?: Record<string, { filename?: string | null; width?: number | null } | undefined> | null
  school?: number | string | { id: number | string } | null
}

type Collected = { from: string; to: string }

/**
 * Writes `<snapshotsDir>/<slug>/snapshot.json` and the files it references: the school's published
 * website content and nothing else. Fields are copied one by one (an allow-list), so a field added to
 * a collection later never reaches a public site by accident. Written to a temporary folder and
 * renamed into place, so a build never reads a half-written snapshot. Site rebuilds of the CMS
 * export into a folder of their own per build (see buildSite.ts), so this swap never touches the
 * snapshot a running build reads.
 */
export async function exportSchoolSnapshot(
  payload: Payload,
  slug: string,
  options: { snapshotsDir: string; uploadsDir: string },
): Promise<{ dir: string; snapshot: Snapshot }> {
  const found = await payload.find({ collection: 'schools', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })
  const school = found.docs[0]
  if (!school) throw new Error(`no school with slug "${slug}"`)
  const published: Where = { and: [{ school: { equals: school.id } }, { _status: { equals: 'published' } }] }
  const [intro, posts, disclosures] = await Promise.all([
    payload.find({ collection: 'introductions', where: published, limit: 1, depth: 1, draft: false, overrideAccess: true }),
    payload.find({ collection: 'posts', where: published, pagination: false, depth: 1, draft: false, sort: '-publishedDate', overrideAccess: true }),
    payload.find({ collection: 'disclosures', where: published, pagination: false, depth: 1, draft: false, sort: '-publishedDate', overrideAccess: true }),
  ])

  const files: Collected[] = []
  // Content is read with access off, so a file of another school must be refused here too, whatever
  // the database holds (saves refuse such references; this guards rows changed behind their back).
  const ownFile = (doc: UploadDoc, kind: 'media' | 'documents', where: string): boolean => {
    const owner = doc.school && typeof doc.school === 'object' ? doc.school.id : doc.school
    if (owner !== undefined && owner !== null && String(owner) === String(school.id)) return true
    payload.logger.warn(`snapshot ${slug}: skipped ${kind} ${doc.id} of school ${owner ?? 'none'} referenced by ${where}`)
    return false
  }
  // Which document is being written, for the log line of a refused file.
  let where = ''
  const at = <T>(label: string, build: () => T): T => {
    where = label
    return build()
  }
  const image = (doc: unknown): SnapshotImage | null => {
    const media = doc as UploadDoc | null
    if (!media || typeof media !== 'object' || !media.filename) return null
    if (!ownFile(media, 'media', where)) return null
    const dir = path.join(options.uploadsDir, 'media')
    files.push({ from: path.join(dir, media.filename), to: media.filename })
    const sizes = Object.entries(media.sizes ?? {})
      .filter(([, size]) => size?.filename && size.width)
      .map(([name, size]) => {
        files.push({ from: path.join(dir, size!.filename!), to: size!.filename! })
        return { name, path: `files/${size!.filename}`, width: size!.width! }
      })
      .sort((a, b) => a.width - b.width)
    return { path: `files/${media.filename}`, alt: media.alt ?? '', width: media.width ?? null, height: media.height ?? null, sizes }
  }
  // Images inside the text travel as snapshot files too, like covers.
  const richTextToHtml = (value: unknown) =>
    toHtml(value, (doc) => {
      const picture = image(doc)
      return picture ? inlineImageHtml(picture, (doc as { caption?: string | null }).caption) : ''
    })
  const attachments = (docs: unknown): SnapshotAttachment[] =>
    (Array.isArray(docs) ? docs : [])
      .filter((d): d is UploadDoc => typeof d === 'object' && d !== null && Boolean((d as UploadDoc).filename))
      .filter((d) => ownFile(d, 'documents', where))
      .map((d) => {
        files.push({ from: path.join(options.uploadsDir, 'documents', d.filename!), to: d.filename! })
        return { path: `files/${d.filename}`, title: d.title ?? d.filename!, filename: d.filename!, mimeType: d.mimeType ?? 'application/octet-stream', filesize: d.filesize ?? 0 }
      })
  const date = (value: unknown, fallback: unknown) => String(value ?? fallback ?? new Date().toISOString())

  const introDoc = intro.docs[0] as Record<string, any> | undefined
  const snapshot: Snapshot = parseSnapshot({
    version: SNAPSHOT_VERSION,
    generatedAt: new Date().toISOString(),
    school: {
      slug: school.slug,
      name: school.name,
      level: school.level,
      levelName: school.levelName,
      url: school.url,
      host: school.host,
      template: school.template,
    },
    introduction: introDoc
      ? at(`introduction ${introDoc.id}`, () => ({
          schoolName: introDoc.schoolName || school.name,
          functionsHtml: richTextToHtml(introDoc.functions),
          structureHtml: richTextToHtml(introDoc.structure),
          orgChart: image(introDoc.orgChart),
          leaders: (introDoc.leaders ?? []).map((l: Record<string, any>) => ({ name: l.name, position: l.position, unit: l.unit ?? null, phone: l.phone ?? null })),
          historyHtml: richTextToHtml(introDoc.history),
          unions: (introDoc.unions ?? []).map((u: Record<string, any>) => ({
            kind: u.kind,
            label: { 'cong-doan': 'Công đoàn', 'doan-tn': 'Đoàn TNCS Hồ Chí Minh', 'doi-tntp': 'Đội TNTP Hồ Chí Minh' }[u.kind as string] ?? u.kind,
            html: richTextToHtml(u.description),
          })),
          address: introDoc.address ?? null,
          phone: introDoc.phone ?? null,
          email: introDoc.email ?? null,
        }))
      : null,
    posts: posts.docs.map((p) => at(`post ${p.id}`, () => ({
      id: String(p.id),
      slug: p.slug,
      title: p.title,
      section: p.section,
      summary: p.summary ?? '',
      html: richTextToHtml(p.content),
      text: richTextToText(p.content),
      cover: image(p.cover),
      attachments: attachments(p.attachments),
      tags: (p.tags as string[] | null) ?? [],
      schoolYear: p.schoolYear ?? null,
      publishedDate: date(p.publishedDate, p.updatedAt),
      updatedAt: String(p.updatedAt),
    }))),
    disclosures: disclosures.docs.map((d) => at(`disclosure ${d.id}`, () => ({
      id: String(d.id),
      slug: d.slug,
      title: d.title,
      group: d.group,
      groupLabel: disclosureGroupLabels[d.group as keyof typeof disclosureGroupLabels].vi,
      schoolYear: d.schoolYear,
      periodStart: d.periodStart ? String(d.periodStart).slice(0, 10) : null,
      summary: d.summary ?? '',
      html: richTextToHtml(d.content),
      text: richTextToText(d.content),
      attachments: attachments(d.attachments),
      publishedDate: date(d.publishedDate, d.updatedAt),
      updatedAt: String(d.updatedAt),
    }))),
  })

  const finalDir = path.join(options.snapshotsDir, slug)
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`
  const tmpDir = path.join(options.snapshotsDir, `.tmp-${slug}-${unique}`)
  await mkdir(path.join(tmpDir, 'files'), { recursive: true })
  for (const file of files) await copyFile(file.from, path.join(tmpDir, 'files', file.to))
  await writeFile(path.join(tmpDir, 'snapshot.json'), JSON.stringify(snapshot))
  const oldDir = path.join(options.snapshotsDir, `.old-${slug}-${unique}`)
  await rename(finalDir, oldDir).catch(() => undefined)
  await rename(tmpDir, finalDir)
  await rm(oldDir, { recursive: true, force: true })
  return { dir: finalDir, snapshot }
}
