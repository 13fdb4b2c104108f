import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import { planArchive, renderArchive, sha256, zipArchive, type ArchiveManifest } from './archive.ts'
import { BOOK_ARCHIVES_SLUG } from './slugs.ts'
import { fileNamePart } from './fileNames.ts'
import { bookSchool } from './school.ts'

export const BUILD_ARCHIVE_TASK = 'truongsoBuildBookArchive'

type ID = number | string

/** At most one progress write a second: SQLite serialises writers, the other users come first. */
const PROGRESS_EVERY_MS = 1000

/**
 * Builds one queued archive. Its record and progress are written outside the job's transaction (no
 * req) so the admin sees them at once and no write lock is held while Chromium renders; the reads
 * use a request of their own, without a transaction, for the same reason.
 */
export async function buildArchive(payload: Payload, archiveId: ID): Promise<'built' | 'skipped' | 'failed'> {
  const archive = (await payload.findByID({ collection: BOOK_ARCHIVES_SLUG as never, id: archiveId, depth: 0, overrideAccess: true, disableErrors: true })) as Record<string, unknown> | null
  if (!archive || archive.state !== 'queued') return 'skipped'
  const started = Date.now()
  const record = (data: Record<string, unknown>) => payload.update({ collection: BOOK_ARCHIVES_SLUG as never, id: archiveId, data: data as never, depth: 0, overrideAccess: true })
  await record({ state: 'running', done: 0 })
  try {
    const req = await createLocalReq({}, payload)
    const schoolId = relationId(archive.school)!
    const school = await bookSchool(req, schoolId)
    if (!school) throw new Error(`school ${String(schoolId)} not found`)
    const schoolYear = String(archive.schoolYear)
    const now = new Date()
    const files = await planArchive(req, school, schoolYear, now)
    await record({ total: files.length })
    let written = 0
    const { entries, bytes } = await renderArchive(files, async (done) => {
      if (Date.now() - written < PROGRESS_EVERY_MS && done < files.length) return
      written = Date.now()
      await record({ done })
    })
    const manifest: ArchiveManifest = { format: 'truongso-book-archive/1', school: school.officialName, schoolYear, createdAt: now.toISOString(), files: entries }
    const zip = zipArchive(manifest, bytes)
    await payload.update({
      collection: BOOK_ARCHIVES_SLUG as never,
      id: archiveId,
      depth: 0,
      overrideAccess: true,
      data: { state: 'done', done: files.length, manifest, archiveSha256: sha256(zip), finishedAt: new Date().toISOString(), durationMs: Date.now() - started } as never,
      file: { data: Buffer.from(zip), mimetype: 'application/zip', name: `luu-tru-${fileNamePart(school.slug)}-${schoolYear}-${String(archiveId)}.zip`, size: zip.length },
    })
    return 'built'
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    payload.logger.error(`book archive ${String(archiveId)} failed: ${text}`)
    await record({ state: 'failed', error: text.slice(-4000), finishedAt: new Date().toISOString(), durationMs: Date.now() - started })
    return 'failed'
  }
}

export function buildArchiveTask(): TaskConfig {
  return {
    slug: BUILD_ARCHIVE_TASK,
    label: message(null, 'jobs.build-archive'),
    inputSchema: [{ name: 'archiveId', type: 'text', required: true }],
    // A failed archive says so on its record; the board asks again (no silent retries of a long job).
    retries: 0,
    handler: async ({ input, req }) => {
      const outcome = await buildArchive(req.payload, (input as { archiveId: string }).archiveId)
      return { output: { outcome } }
    },
  } as TaskConfig
}
