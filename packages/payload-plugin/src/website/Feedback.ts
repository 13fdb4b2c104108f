import type { Access, CollectionConfig, FieldAccess } from 'payload'

import { currentUser, DEFAULT_BOARD_ROLES, isDistrictUser, SCHOOL_MANAGER_ROLES, schoolsWhereUserHas, type RoleHolder, type SchoolRole } from '../roles.ts'
import { websiteGroup } from './contentFields.ts'
import { feedbackEndpoint } from './feedbackEndpoint.ts'
import { FEEDBACK_SLUG } from './feedbackRateLimit.ts'

export { FEEDBACK_SLUG } from './feedbackRateLimit.ts'

export const FEEDBACK_STATUSES = ['new', 'read', 'answered', 'archived'] as const
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number]

const statusLabels: Record<FeedbackStatus, { vi: string; en: string }> = {
  new: { vi: 'Mới', en: 'New' },
  read: { vi: 'Đã đọc', en: 'Read' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  archived: { vi: 'Lưu trữ', en: 'Archived' },
}

/** Who handles a school's feedback: its board (the workflow's, as configured) and its admin team. */
const handlers = (board: readonly SchoolRole[]): SchoolRole[] => [...new Set<SchoolRole>([...SCHOOL_MANAGER_ROLES, ...board])]

/** Does the admin's navigation show the feedback to this user? */
export const seesFeedback = (user: RoleHolder | null | undefined, board: readonly SchoolRole[] = DEFAULT_BOARD_ROLES): boolean =>
  Boolean(user) && (isDistrictUser(user) || schoolsWhereUserHas(user, handlers(board)).length > 0)

/** What the public wrote (and when, from where) stays as it arrived: nobody edits it afterwards. */
const asReceived: { create: FieldAccess; update: FieldAccess } = { create: () => false, update: () => false }

/**
 * The public's feedback to a school (Circular 37/2020 Art. 9; issue 18 item 6): written only by
 * POST /api/feedback (website/feedbackEndpoint.ts, with access off), never through Payload's own
 * create. The school's board and admin team read it and keep its status and an internal note; the
 * principal may delete; district staff read the feedback of the schools they oversee (narrowed by
 * the multi-tenant plugin's override, oversight/overseen.ts). Teachers, other schools and the
 * public read nothing. Not website content: the snapshot exporter's allow-list never includes it.
 */
export function feedbackCollection(board: readonly SchoolRole[] = DEFAULT_BOARD_ROLES): CollectionConfig {
  const readers = handlers(board)
  const read: Access = ({ req }) => {
    const actor = currentUser(req)
    if (!actor) return false
    if (isDistrictUser(actor)) return true
    const schools = schoolsWhereUserHas(actor, readers)
    return schools.length > 0 ? { school: { in: schools } } : false
  }
  const update: Access = ({ req }) => {
    const actor = currentUser(req)
    const schools = schoolsWhereUserHas(actor, readers)
    return schools.length > 0 ? { school: { in: schools } } : false
  }
  const remove: Access = ({ req }) => {
    const schools = schoolsWhereUserHas(currentUser(req), ['principal'])
    return schools.length > 0 ? { school: { in: schools } } : false
  }
  return {
    slug: FEEDBACK_SLUG,
    labels: { singular: { vi: 'Góp ý', en: 'Feedback' }, plural: { vi: 'Góp ý', en: 'Feedback' } },
    admin: {
      group: websiteGroup,
      useAsTitle: 'subject',
      defaultColumns: ['receivedAt', 'subject', 'status'],
      listSearchableFields: ['subject', 'message', 'name', 'contact'],
      hidden: ({ user }) => !seesFeedback(user as never, board),
      description: { vi: 'Góp ý của phụ huynh, người dân gửi qua trang “Góp ý” trên website của trường. Chỉ BGH và tổ quản trị của trường xem được; không đăng lên website.', en: 'Feedback sent by parents and the public through the school website’s feedback page. Only the school’s board and admin team read it; never published.' },
    },
    defaultSort: '-receivedAt',
    disableDuplicate: true,
    graphQL: { singularName: 'Feedback', pluralName: 'FeedbackList' },
    access: { create: () => false, read, update, delete: remove },
    // POST /api/feedback is this collection's create path: the public form's endpoint answers it.
    endpoints: [feedbackEndpoint],
    fields: [
      { name: 'subject', type: 'text', maxLength: 150, label: { vi: 'Tiêu đề', en: 'Subject' }, access: asReceived, admin: { readOnly: true } },
      { name: 'message', type: 'textarea', required: true, maxLength: 5000, label: { vi: 'Nội dung góp ý', en: 'Message' }, access: asReceived, admin: { readOnly: true, rows: 10 } },
      {
        type: 'row',
        fields: [
          { name: 'name', type: 'text', maxLength: 100, label: { vi: 'Người gửi', en: 'Sender' }, access: asReceived, admin: { readOnly: true, width: '50%' } },
          { name: 'contact', type: 'text', maxLength: 120, label: { vi: 'Liên hệ (email hoặc điện thoại)', en: 'Contact (e-mail or phone)' }, access: asReceived, admin: { readOnly: true, width: '50%' } },
        ],
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'new',
        index: true,
        label: { vi: 'Trạng thái', en: 'Status' },
        options: FEEDBACK_STATUSES.map((value) => ({ value, label: statusLabels[value] })),
        admin: { position: 'sidebar' },
      },
      {
        name: 'note',
        type: 'textarea',
        maxLength: 5000,
        label: { vi: 'Ghi chú nội bộ của BGH', en: 'Board’s internal note' },
        admin: { description: { vi: 'Chỉ BGH và tổ quản trị thấy; không gửi cho người góp ý.', en: 'Seen by the board and admin team only; never sent to the sender.' } },
      },
      {
        name: 'receivedAt',
        type: 'date',
        required: true,
        index: true,
        label: { vi: 'Nhận lúc', en: 'Received at' },
        access: asReceived,
        admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      },
      // The rate limit's key (website/feedbackRateLimit.ts): a salted hash, never the address; read by nobody.
      { name: 'addressHash', type: 'text', index: true, access: { ...asReceived, read: () => false }, admin: { hidden: true } },
    ],
  }
}
