import { APIError, type CollectionBeforeChangeHook, type CollectionConfig } from 'payload'

import { currentUser, relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import { EVENTS_SLUG } from '../workflow/options.ts'
import { RECORD_REVIEW_STATES, stateLabels } from '../workflow/states.ts'
import { membersOfASchool, readEducationDocuments } from './access.ts'
import { mayFileInto } from './filers.ts'
import { DOCUMENT_FOLDERS_SLUG, EDUCATION_DOCUMENTS_SLUG, EDUCATION_FILES_SLUG, educationRecordsGroup, EVENT_FIELD } from './slugs.ts'

type AnyDoc = Record<string, unknown> & { id: number | string }

/**
 * A document filed into a folder: the folder decides who may file it and how it is approved; the
 * school, year and department come from the folder, the author is whoever filed it. Its versions
 * are files (education-files); it is reviewed with the website's rules (recordTransition.ts).
 */
const fileIntoFolder: CollectionBeforeChangeHook = async ({ data, operation, originalDoc, req }) => {
  const actor = currentUser(req)
  if (operation === 'create') {
    const folder = (await req.payload.findByID({ collection: DOCUMENT_FOLDERS_SLUG as never, id: relationId(data.folder) ?? 0, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
    const name = String(folder?.path ?? folder?.name ?? data.folder ?? '')
    if (!folder) throw new APIError(message(req, 'records.may-not-file', { folder: name }), 400, undefined, true)
    if (folder.closed) throw new APIError(message(req, 'records.folder-closed', { folder: name }), 409, undefined, true)
    if (actor && !mayFileInto(actor, folder as never)) throw new APIError(message(req, 'records.may-not-file', { folder: name }), 403, undefined, true)
    return {
      ...data,
      school: relationId(folder.school),
      schoolYear: folder.schoolYear,
      department: relationId(folder.department ?? null),
      author: actor?.id ?? data.author,
      workflowState: 'draft',
    }
  }
  // The folder, and who filed it, stay as filed.
  return { ...data, folder: originalDoc?.folder, school: originalDoc?.school, author: originalDoc?.author }
}

const server = { create: () => false, update: () => false }

export function educationDocumentsCollection(): CollectionConfig {
  return {
    slug: EDUCATION_DOCUMENTS_SLUG,
    labels: { singular: { vi: 'Hồ sơ', en: 'Record document' }, plural: { vi: 'Hồ sơ giáo dục', en: 'Education records' } },
    admin: { group: educationRecordsGroup, useAsTitle: 'title', defaultColumns: ['title', 'folder', 'workflowState', 'versionCount', 'updatedAt'] },
    access: { read: readEducationDocuments, create: membersOfASchool, update: ({ req }) => (req.user ? { author: { equals: req.user.id } } : false), delete: () => false },
    hooks: { beforeChange: [fileIntoFolder] },
    fields: [
      { name: 'title', type: 'text', required: true, maxLength: 300, label: { vi: 'Tên hồ sơ', en: 'Title' } },
      { name: 'folder', type: 'relationship', relationTo: DOCUMENT_FOLDERS_SLUG, required: true, index: true, label: { vi: 'Thư mục', en: 'Folder' } },
      { name: 'schoolYear', type: 'text', index: true, access: server, label: { vi: 'Năm học', en: 'School year' } },
      { name: 'department', type: 'relationship', relationTo: 'departments', index: true, access: server, label: { vi: 'Tổ', en: 'Department' } },
      { name: 'author', type: 'relationship', relationTo: 'users', index: true, access: server, label: { vi: 'Người nộp', en: 'Submitted by' } },
      { name: 'workflowState', type: 'select', index: true, defaultValue: 'draft', access: server, options: RECORD_REVIEW_STATES.map((value) => ({ value, label: stateLabels[value] })), label: { vi: 'Trạng thái duyệt', en: 'Review state' } },
      { name: 'lastReturnReason', type: 'textarea', access: server, label: { vi: 'Ý kiến khi trả lại', en: 'Return note' } },
      { name: 'currentFile', type: 'relationship', relationTo: EDUCATION_FILES_SLUG, access: server, label: { vi: 'Phiên bản mới nhất', en: 'Latest version' } },
      { name: 'currentSha256', type: 'text', access: server, label: { vi: 'SHA-256 phiên bản mới nhất', en: 'Latest SHA-256' } },
      { name: 'versionCount', type: 'number', defaultValue: 0, access: server, label: { vi: 'Số phiên bản', en: 'Versions' } },
      { name: 'approvedFile', type: 'relationship', relationTo: EDUCATION_FILES_SLUG, index: true, access: server, label: { vi: 'Phiên bản đã duyệt', en: 'Approved version' } },
      { name: 'versions', type: 'join', collection: EDUCATION_FILES_SLUG, on: 'document', label: { vi: 'Các phiên bản', en: 'Versions' } },
      { name: 'reviewHistory', type: 'join', collection: EVENTS_SLUG, on: EVENT_FIELD[EDUCATION_DOCUMENTS_SLUG], label: { vi: 'Lịch sử duyệt', en: 'Review history' } },
    ],
  }
}
