import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { disclosureGroupLabels, parseSnapshot, SNAPSHOT_VERSION, unionLabels, type Snapshot, type SnapshotAttachment, type SnapshotImage } from '@truongso/snapshot'
import { replaceFolder } from '@truongso/snapshot/folders'
import { fullSchoolName } from '@truongso/registry'
import type { Payload, Where } from 'payload'

import { findDocs } from '../lib/documents.ts'
import type { Document, Media } from '../payload-types.ts'
import { inlineImageHtml, richTextToHtml as toHtml, richTextToText } from './richText.ts'

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
  const [school] = await findDocs(payload, { collection: 'schools', where: { slug: { equals: slug } }, limit: 1, depth: 0, overrideAccess: true })
  if (!school) throw new Error(`no school with slug "${slug}"`)
  const published: Where = { and: [{ school: { equals: school.id } }, { _status: { equals: 'published' } }] }
  const [intro, posts, disclosures] = await Promise.all([
    findDocs(payload, { collection: 'introductions', where: published, limit: 1, depth: 1, draft: false, overrideAccess: true }),
    findDocs(payload, { collection: 'posts', where: published, pagination: false, depth: 1, draft: false, sort: '-publishedDate', overrideAccess: true }),
    findDocs(payload, { collection: 'disclosures', where: published, pagination: false, depth: 1, draft: false, sort: '-publishedDate', overrideAccess: true }),
  ])

  const managing = await managingBodyOf(payload, school.tier)

  const files: Collected[] = []
  // Content is read with access off, so a file of another school must be refused here too, whatever
  // the database holds (saves refuse such references; this guards rows changed behind their back).
  const ownFile = (doc: Media | Document, kind: 'media' | 'documents', where: string): boolean => {
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
  const image = (media: number | Media | null | undefined): SnapshotImage | null => {
    // depth 1 populates it; an id alone is a file that no longer exists.
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
      // An upload node of the media collection holds its (populated) media document.
      const media = doc as Media
      const picture = image(media)
      return picture ? inlineImageHtml(picture, media.caption) : ''
    })
  const attachments = (docs: (number | Document)[] | null | undefined): SnapshotAttachment[] =>
    (docs ?? [])
      .filter((d): d is Document => typeof d === 'object' && Boolean(d.filename))
      .filter((d) => ownFile(d, 'documents', where))
      .map((d) => {
        files.push({ from: path.join(options.uploadsDir, 'documents', d.filename!), to: d.filename! })
        return { path: `files/${d.filename}`, title: d.title ?? d.filename!, filename: d.filename!, mimeType: d.mimeType ?? 'application/octet-stream', filesize: d.filesize ?? 0 }
      })
  const date = (value: unknown, fallback: unknown) => String(value ?? fallback ?? new Date().toISOString())

  const introDoc = intro[0]
  const snapshot: Snapshot = parseSnapshot({
    version: SNAPSHOT_VERSION,
    generatedAt: new Date().toISOString(),
    school: {
      slug: school.slug,
      name: school.name,
      fullName: fullSchoolName(school.name ?? school.slug),
      managingBody: managing.name,
      managingBodyUrl: managing.url,
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
          leaders: (introDoc.leaders ?? []).map((l) => ({ name: l.name, position: l.position, unit: l.unit ?? null, phone: l.phone ?? null })),
          historyHtml: richTextToHtml(introDoc.history),
          unions: (introDoc.unions ?? []).map((u) => ({
            kind: u.kind,
            label: unionLabels[u.kind as keyof typeof unionLabels]?.vi ?? u.kind,
            html: richTextToHtml(u.description),
          })),
          address: introDoc.address ?? null,
          phone: introDoc.phone ?? null,
          email: introDoc.email ?? null,
          logo: image(introDoc.logo),
          banner: image(introDoc.banner),
        }))
      : null,
    posts: posts.map((p) => at(`post ${p.id}`, () => ({
      id: String(p.id),
      slug: p.slug,
      title: p.title,
      section: p.section,
      summary: p.summary ?? '',
      html: richTextToHtml(p.content),
      text: richTextToText(p.content),
      cover: image(p.cover),
      gallery: (p.gallery ?? []).map((m) => image(m)).filter((m): m is SnapshotImage => m !== null),
      attachments: attachments(p.attachments),
      document:
        p.section === 'van-ban'
          ? { number: p.documentNumber ?? '', issuedDate: p.issuedDate ? String(p.issuedDate).slice(0, 10) : null, issuer: p.issuer ?? '' }
          : null,
      tags: p.tags ?? [],
      schoolYear: p.schoolYear ?? null,
      publishedDate: date(p.publishedDate, p.updatedAt),
      updatedAt: String(p.updatedAt),
    }))),
    disclosures: disclosures.map((d) => at(`disclosure ${d.id}`, () => ({
      id: String(d.id),
      slug: d.slug,
      title: d.title,
      group: d.group,
      groupLabel: disclosureGroupLabels[d.group].vi,
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
  await replaceFolder(finalDir, async (dir) => {
    await mkdir(path.join(dir, 'files'))
    for (const file of files) await copyFile(file.from, path.join(dir, 'files', file.to))
    await writeFile(path.join(dir, 'snapshot.json'), JSON.stringify(snapshot))
  })
  return { dir: finalDir, snapshot }
}

/**
 * The line above the school's name on its site: the tier that manages the school (Cơ quan quản lý,
 * oversight/Tiers.ts), else the managing body configured for the printed books. Its website, when the
 * tier has one, is a quick link of the home page.
 */
async function managingBodyOf(payload: Payload, tier: unknown): Promise<{ name: string; url: string | null }> {
  const configured = String((payload.config.custom?.truongsoBooks as { managingBody?: string } | undefined)?.managingBody ?? '')
  const id = tier && typeof tier === 'object' ? (tier as { id: number | string }).id : (tier as number | string | null | undefined)
  if (id === null || id === undefined) return { name: configured, url: null }
  const [doc] = await findDocs(payload, { collection: 'tiers', where: { id: { equals: id } }, limit: 1, depth: 0, overrideAccess: true })
  const website = doc?.website && /^https?:\/\//.test(doc.website) ? doc.website : null
  return { name: doc?.name || configured, url: website }
}
