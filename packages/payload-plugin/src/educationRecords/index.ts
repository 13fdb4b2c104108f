import type { CollectionConfig, Endpoint, GlobalConfig } from 'payload'

import type { ResolvedOptions } from '../defaults.ts'
import { documentFoldersCollection } from './DocumentFolders.ts'
import { educationDocumentsCollection } from './EducationDocuments.ts'
import { educationFilesCollection } from './EducationFiles.ts'
import { createTreeEndpoint, lessonPlanWeekEndpoint, recordReviewEndpoint } from './endpoints.ts'
import { lessonPlansCollection } from './LessonPlans.ts'
import { EDUCATION_DOCUMENTS_SLUG, EVENT_FIELD, LESSON_PLANS_SLUG } from './slugs.ts'
import { documentTreeTemplateGlobal } from './treeTemplate.ts'

export { DOCUMENT_FOLDERS_SLUG, EDUCATION_DOCUMENTS_SLUG, EDUCATION_FILES_SLUG, EDUCATION_RECORD_COLLECTIONS, LESSON_PLANS_SLUG } from './slugs.ts'

/** The records reviewed with the website's rules (their steps go into the same review history). */
export const REVIEWED_RECORD_COLLECTIONS = [
  { collection: EDUCATION_DOCUMENTS_SLUG, field: EVENT_FIELD[EDUCATION_DOCUMENTS_SLUG] },
  { collection: LESSON_PLANS_SLUG, field: EVENT_FIELD[LESSON_PLANS_SLUG] },
] as const

/** Hồ sơ giáo dục (issue 15): the tree's folders, the filed documents, their file versions and the lesson plans. */
export function educationRecordsCollections(options: ResolvedOptions): CollectionConfig[] {
  const withEndpoints = (collection: CollectionConfig, ...endpoints: Endpoint[]): CollectionConfig => ({
    ...collection,
    endpoints: [...(Array.isArray(collection.endpoints) ? collection.endpoints : []), ...endpoints],
  })
  return [
    withEndpoints(documentFoldersCollection(), createTreeEndpoint),
    withEndpoints(educationDocumentsCollection(), recordReviewEndpoint(EDUCATION_DOCUMENTS_SLUG, options.workflow)),
    educationFilesCollection({ uploadsDir: options.uploadsDir, maxUploadBytes: options.maxDocumentMegabytes * 1024 * 1024 }),
    withEndpoints(lessonPlansCollection(), lessonPlanWeekEndpoint, recordReviewEndpoint(LESSON_PLANS_SLUG, options.workflow)),
  ]
}

export function educationRecordsGlobals(): GlobalConfig[] {
  return [documentTreeTemplateGlobal()]
}
