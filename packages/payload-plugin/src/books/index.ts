import type { CollectionConfig, Endpoint } from 'payload'

import { classBookEndpoint, registryBookEndpoint, teacherBookEndpoint, transcriptEndpoint } from './endpoints.ts'

export { buildArchive, buildArchiveTask, BUILD_ARCHIVE_TASK } from './archiveTask.ts'
export { bookArchivesCollection } from './BookArchives.ts'
export { closeBookRenderer, renderPdf } from './render.ts'
export { officialSchoolName, type BookOptions } from './school.ts'
export { BOOK_ARCHIVES_SLUG, BOOKS_QUEUE } from './slugs.ts'
export { archivesToCheck, verdictMessage, verifyFile, type VerifyResult } from './verify.ts'

/** Printed books (issue 16): the endpoints each collection gains. */
const BOOK_ENDPOINTS: Record<string, Endpoint[]> = {
  students: [transcriptEndpoint],
  classes: [classBookEndpoint, registryBookEndpoint],
  staff: [teacherBookEndpoint],
}

export function withBookEndpoints(collection: CollectionConfig): CollectionConfig {
  const extra = BOOK_ENDPOINTS[collection.slug]
  if (!extra) return collection
  return { ...collection, endpoints: [...(Array.isArray(collection.endpoints) ? collection.endpoints : []), ...extra] }
}
