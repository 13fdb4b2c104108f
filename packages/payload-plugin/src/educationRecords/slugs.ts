/** Collection slugs of the education records (hồ sơ giáo dục); `education-documents` and `lesson-plans` are shared with other checks. */
export const DOCUMENT_FOLDERS_SLUG = 'document-folders'
export const EDUCATION_DOCUMENTS_SLUG = 'education-documents'
export const EDUCATION_FILES_SLUG = 'education-files'
export const LESSON_PLANS_SLUG = 'lesson-plans'
/** The district's template of the tree (a global: one for the whole tier). */
export const DOCUMENT_TREE_TEMPLATE_SLUG = 'document-tree-template'

export const EDUCATION_RECORD_COLLECTIONS = [DOCUMENT_FOLDERS_SLUG, EDUCATION_DOCUMENTS_SLUG, EDUCATION_FILES_SLUG, LESSON_PLANS_SLUG] as const

export const educationRecordsGroup = { vi: 'Hồ sơ giáo dục', en: 'Education records' }

/** The review history's field linking an event to its record (workflow-events). */
export const EVENT_FIELD = { [EDUCATION_DOCUMENTS_SLUG]: 'educationDocument', [LESSON_PLANS_SLUG]: 'lessonPlan' } as const
