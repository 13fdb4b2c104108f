import type { CollectionConfig } from 'payload'

import { signedIn } from '../workflow/access.ts'
import { SITE_BUILDS_SLUG } from './options.ts'

/**
 * Every rebuild of a school's website and how it ended; a failed build keeps the previous site
 * online and shows its error here for the school admin. Written only by the system.
 */
export function siteBuildsCollection(): CollectionConfig {
  return {
    slug: SITE_BUILDS_SLUG,
    labels: { singular: { vi: 'Lần xây dựng website', en: 'Site build' }, plural: { vi: 'Xây dựng website', en: 'Site builds' } },
    admin: { group: { vi: 'Website', en: 'Website' }, defaultColumns: ['requestedAt', 'summary', 'cause', 'status', 'error', 'school'], useAsTitle: 'summary' },
    defaultSort: '-requestedAt',
    access: { read: signedIn, create: () => false, update: () => false, delete: () => false },
    fields: [
      {
        name: 'status',
        type: 'select',
        required: true,
        index: true,
        label: { vi: 'Trạng thái', en: 'Status' },
        options: [
          { value: 'queued', label: { vi: 'Đang chờ', en: 'Queued' } },
          { value: 'running', label: { vi: 'Đang xây dựng', en: 'Running' } },
          { value: 'succeeded', label: { vi: 'Thành công', en: 'Succeeded' } },
          { value: 'failed', label: { vi: 'Lỗi (website cũ vẫn hoạt động)', en: 'Failed (previous site kept)' } },
        ],
      },
      { name: 'summary', type: 'text', label: { vi: 'Kết quả', en: 'Outcome' } },
      { name: 'cause', type: 'text', label: { vi: 'Lý do', en: 'Cause' } },
      // Machine-readable ("posts 480: published"), for the code and the tests; `cause` says it in words.
      { name: 'trigger', type: 'text', label: { vi: 'Mã yêu cầu', en: 'Trigger' }, admin: { hidden: true } },
      { name: 'requestedAt', type: 'date', index: true, label: { vi: 'Yêu cầu lúc', en: 'Requested at' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'startedAt', type: 'date', label: { vi: 'Bắt đầu', en: 'Started' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'finishedAt', type: 'date', label: { vi: 'Kết thúc', en: 'Finished' }, admin: { date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'durationMs', type: 'number', label: { vi: 'Thời gian (ms)', en: 'Duration (ms)' } },
      { name: 'pages', type: 'number', label: { vi: 'Số trang', en: 'Pages' } },
      { name: 'error', type: 'textarea', label: { vi: 'Lỗi', en: 'Error' } },
    ],
  }
}
