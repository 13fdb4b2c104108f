import path from 'node:path'

import type { Access, CollectionConfig } from 'payload'

import { RECORD_MANAGERS } from '../records/rights.ts'
import { currentUser, schoolsWhereUserHas } from '../roles.ts'
import { archiveRequestEndpoint, verifyFileEndpoint } from './archiveEndpoints.ts'

import { BOOK_ARCHIVES_SLUG } from './slugs.ts'

/** The school's managers (board, school admin) read their school's archives; nobody writes them but the job. */
const readArchives: Access = ({ req }) => {
  const schools = schoolsWhereUserHas(currentUser(req), RECORD_MANAGERS)
  return schools.length > 0 ? { school: { in: schools } } : false
}
const nobody: Access = () => false

/**
 * Hồ sơ lưu trữ cuối năm: one archive of a school year's books and transcripts (archive.ts), its
 * progress while the job runs (done / total), then the zip to download and its manifest, whose
 * hashes later files are checked against ("Kiểm tra tệp", verify.ts).
 */
export function bookArchivesCollection(options: { uploadsDir: string }): CollectionConfig {
  const server = { readOnly: true } as const
  return {
    slug: BOOK_ARCHIVES_SLUG,
    labels: { singular: { vi: 'Hồ sơ lưu trữ cuối năm', en: 'Year-end archive' }, plural: { vi: 'Lưu trữ sổ, học bạ (PDF)', en: 'Year-end archives' } },
    admin: { group: { vi: 'Sổ điểm', en: 'Gradebook' }, defaultColumns: ['schoolYear', 'state', 'done', 'total', 'filename', 'requestedAt'], useAsTitle: 'title' },
    defaultSort: '-requestedAt',
    access: { read: readArchives, create: nobody, update: nobody, delete: nobody },
    upload: { staticDir: path.join(options.uploadsDir, BOOK_ARCHIVES_SLUG), mimeTypes: ['application/zip'], filesRequiredOnCreate: false, hideFileInputOnCreate: true },
    endpoints: [archiveRequestEndpoint, verifyFileEndpoint],
    fields: [
      { name: 'title', type: 'text', label: { vi: 'Tên', en: 'Title' }, admin: server },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, admin: server },
      {
        name: 'state',
        type: 'select',
        required: true,
        index: true,
        label: { vi: 'Trạng thái', en: 'State' },
        admin: server,
        options: [
          { value: 'queued', label: { vi: 'Đang chờ', en: 'Queued' } },
          { value: 'running', label: { vi: 'Đang in', en: 'Rendering' } },
          { value: 'done', label: { vi: 'Hoàn thành', en: 'Done' } },
          { value: 'failed', label: { vi: 'Lỗi', en: 'Failed' } },
        ],
      },
      { name: 'done', type: 'number', label: { vi: 'Đã in (tệp)', en: 'Done (files)' }, admin: server },
      { name: 'total', type: 'number', label: { vi: 'Tổng số tệp', en: 'Files' }, admin: server },
      { name: 'archiveSha256', type: 'text', index: true, label: { vi: 'SHA-256 của tệp nén', en: 'Zip SHA-256' }, admin: server },
      // Every file's path, SHA-256, size and what it is (archive.ts ArchiveManifest), as in the zip.
      { name: 'manifest', type: 'json', label: { vi: 'Danh mục tệp (manifest)', en: 'Manifest' }, admin: server },
      { name: 'requestedBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người yêu cầu', en: 'Requested by' }, admin: { ...server, position: 'sidebar' } },
      { name: 'requestedAt', type: 'date', index: true, label: { vi: 'Yêu cầu lúc', en: 'Requested at' }, admin: { ...server, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
      { name: 'finishedAt', type: 'date', label: { vi: 'Xong lúc', en: 'Finished at' }, admin: { ...server, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
      { name: 'durationMs', type: 'number', label: { vi: 'Thời gian (ms)', en: 'Duration (ms)' }, admin: server },
      { name: 'error', type: 'textarea', label: { vi: 'Lỗi', en: 'Error' }, admin: server },
    ],
  }
}
