import { unzipSync } from 'fflate'
import type { Payload, PayloadRequest } from 'payload'

import { message } from '../translations/index.ts'
import { sha256, type ArchiveManifest, type ManifestEntry } from './archive.ts'
import { BOOK_ARCHIVES_SLUG } from './slugs.ts'

/**
 * "Kiểm tra tệp" (issue 16 item 5): is this file one the CMS archived? Its SHA-256 is looked up in
 * the recorded manifests (and the archives' own zip hashes). A zip is opened and every file in it
 * checked against the manifest recorded for its path, so one changed page is named.
 */

type ID = number | string

export type ArchiveRef = { id: ID; title: string; schoolYear: string }

export type FileVerdict =
  | { match: true; sha256: string; archive: ArchiveRef; path: string | null; entry: ManifestEntry | null }
  | { match: false; sha256: string; /** An archived file of the same name, whose content differs. */ sameName: (ArchiveRef & { path: string; expected: string }) | null }

export type VerifyResult = FileVerdict & { name: string; inside?: (FileVerdict & { name: string })[] }

type ArchiveDoc = { id: ID; title?: unknown; schoolYear?: unknown; archiveSha256?: unknown; manifest?: unknown }

/** The archives a check searches: with `req`, those its user may read; without, all (the command). */
export async function archivesToCheck(payload: Payload, req?: PayloadRequest): Promise<ArchiveDoc[]> {
  const found = await payload.find({
    collection: BOOK_ARCHIVES_SLUG as never,
    where: { state: { equals: 'done' } },
    pagination: false,
    depth: 0,
    ...(req ? { req, overrideAccess: false, user: req.user } : { overrideAccess: true }),
  })
  return found.docs as unknown as ArchiveDoc[]
}

const refOf = (a: ArchiveDoc): ArchiveRef => ({ id: a.id, title: String(a.title ?? ''), schoolYear: String(a.schoolYear ?? '') })
const filesOf = (a: ArchiveDoc): ManifestEntry[] => ((a.manifest as ArchiveManifest | null)?.files ?? []).filter((f) => typeof f?.sha256 === 'string')
const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1)

function verdictOf(archives: readonly ArchiveDoc[], bytes: Uint8Array, name: string): FileVerdict {
  const hash = sha256(bytes)
  for (const archive of archives) {
    if (archive.archiveSha256 === hash) return { match: true, sha256: hash, archive: refOf(archive), path: null, entry: null }
    const entry = filesOf(archive).find((f) => f.sha256 === hash)
    if (entry) return { match: true, sha256: hash, archive: refOf(archive), path: entry.path, entry }
  }
  // Not archived: say which archived file it claims to be, when its name (or path) is one.
  for (const archive of archives) {
    const entry = filesOf(archive).find((f) => f.path === name) ?? filesOf(archive).find((f) => baseName(f.path) === baseName(name))
    if (entry) return { match: false, sha256: hash, sameName: { ...refOf(archive), path: entry.path, expected: entry.sha256 } }
  }
  return { match: false, sha256: hash, sameName: null }
}

const isZip = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** Checks one file (or a zip and every file in it) against the archives. */
export function verifyFile(archives: readonly ArchiveDoc[], bytes: Uint8Array, name: string): VerifyResult {
  const whole = verdictOf(archives, bytes, name)
  if (!isZip(bytes)) return { ...whole, name }
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch {
    return { ...whole, name }
  }
  const inside = Object.entries(files)
    .filter(([path]) => path !== 'manifest.json' && !path.endsWith('/'))
    .map(([path, content]) => ({ ...verdictOf(archives, content, path), name: path }))
  // A zip matches when it is an archived zip, or when every file in it is archived unchanged.
  const allMatch = inside.length > 0 && inside.every((f) => f.match)
  if (whole.match || !allMatch) return { ...whole, name, inside }
  const first = inside[0] as Extract<FileVerdict, { match: true }>
  return { match: true, sha256: whole.sha256, archive: first.archive, path: null, entry: null, name, inside }
}

/** The verdict in words (the endpoint's answer, the command's line); a zip's changed files, at most `listAtMost` of them. */
export function verdictMessage(req: Parameters<typeof message>[0], result: VerifyResult, listAtMost = Number.POSITIVE_INFINITY): string {
  if (result.match) return message(req, 'books.verify-match', { archive: result.archive.title, path: result.path ?? result.name })
  if (result.sameName) return message(req, 'books.verify-changed', { archive: result.sameName.title, path: result.sameName.path })
  const changed = (result.inside ?? []).filter((f) => !f.match).map((f) => f.name)
  if (changed.length > 0) return message(req, 'books.verify-changed-inside', { count: changed.length, files: changed.slice(0, listAtMost).join(', ') })
  return message(req, 'books.verify-unknown')
}
