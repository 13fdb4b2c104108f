import type { CollectionConfig, Field } from 'payload'

import { nobody } from '../../gradebook/access.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'
import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { teachingDayGroup } from '../attendance/AttendanceSessions.ts'
import { MESSAGE_MAX, NOTICE_STATUSES, onlyThroughNoticeEndpoint, readTimetableNotices, TIMETABLE_NOTICES_SLUG, timetableNoticeEndpoint } from './notices.ts'

type Label = { vi: string; en: string }
const shown = { readOnly: true }
/** In the navigation only for those who may read some: the board, the school admin, homeroom teachers (district staff read none). */
const hidden = ({ user }: { user: unknown }): boolean => schoolsWhereUserHas(currentUser({ user }), [...RECORD_MANAGERS, 'homeroom-teacher']).length === 0
const count = (name: string, label: Label, description: Label): Field => ({ name, type: 'number', min: 0, label, admin: { ...shown, description } })

/**
 * The week's timetable kept for a class's families (notices.ts): one per class × week, written only
 * by POST /api/timetable-notices/week. Holds the frozen week and counts, no personal data.
 */
export function timetableNoticesCollection(): CollectionConfig {
  return {
    slug: TIMETABLE_NOTICES_SLUG,
    labels: { singular: { vi: 'Thời khóa biểu gửi phụ huynh', en: 'Timetable notice' }, plural: { vi: 'Thời khóa biểu gửi phụ huynh', en: 'Timetable notices' } },
    admin: { group: teachingDayGroup, hidden, useAsTitle: 'key', defaultColumns: ['weekStart', 'class', 'families', 'status', 'createdBy', 'updatedAt'] },
    defaultSort: '-weekStart',
    access: { read: readTimetableNotices, create: nobody, update: nobody, delete: nobody },
    hooks: { beforeChange: [onlyThroughNoticeEndpoint] },
    endpoints: [timetableNoticeEndpoint],
    fields: [
      { name: 'key', type: 'text', unique: true, index: true, label: { vi: 'Khoá', en: 'Key' }, admin: { hidden: true, readOnly: true } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' }, admin: shown },
      { name: 'weekStart', type: 'text', required: true, index: true, label: { vi: 'Tuần từ thứ Hai (YYYY-MM-DD)', en: 'Week from Monday (YYYY-MM-DD)' }, admin: shown },
      { name: 'weekEnd', type: 'text', label: { vi: 'Đến thứ Bảy (YYYY-MM-DD)', en: 'To Saturday (YYYY-MM-DD)' }, admin: shown },
      { name: 'schoolYear', type: 'text', index: true, label: { vi: 'Năm học', en: 'School year' }, admin: shown },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'queued',
        index: true,
        label: { vi: 'Tình trạng', en: 'Status' },
        options: NOTICE_STATUSES.map((value) => ({ value, label: value === 'queued' ? { vi: 'Chờ gửi', en: 'Queued' } : { vi: 'Đã gửi', en: 'Sent' } })),
        admin: {
          ...shown,
          description: {
            vi: 'Chưa có gì được gửi đi: tính năng gửi tin cho phụ huynh sẽ có sau, đến lúc đó thông báo nằm ở trạng thái chờ gửi.',
            en: 'Nothing is sent yet: sending to families comes later; until then every notice stays queued.',
          },
        },
      },
      {
        name: 'snapshot',
        type: 'json',
        required: true,
        label: { vi: 'Thời khóa biểu tuần (bản chụp)', en: 'The week’s timetable (snapshot)' },
        admin: {
          ...shown,
          description: {
            vi: 'Các tiết của lớp trong tuần, đúng như lúc lưu: ngày, buổi, tiết, môn, giáo viên, phòng.',
            en: 'The class’s lessons of the week as they were when saved: date, session, period, subject, teacher, room.',
          },
        },
      },
      count('lessons', { vi: 'Số tiết', en: 'Lessons' }, { vi: 'Số tiết trong bản chụp', en: 'Lessons in the snapshot' }),
      count('students', { vi: 'Sĩ số', en: 'Students' }, { vi: 'Học sinh của lớp vào thứ Hai của tuần', en: 'Students enrolled on the Monday' }),
      count('families', { vi: 'Số gia đình nhận', en: 'Families' }, { vi: 'Số điện thoại liên lạc khác nhau của học sinh trong lớp', en: 'Distinct contact phones of the class’s students' }),
      count('withoutContact', { vi: 'Học sinh chưa có số liên lạc', en: 'Students without a contact' }, { vi: 'Chưa gửi được cho gia đình các em này', en: 'Their families cannot be reached yet' }),
      { name: 'message', type: 'textarea', maxLength: MESSAGE_MAX, label: { vi: 'Lời nhắn của giáo viên chủ nhiệm', en: 'Homeroom teacher’s message' }, admin: shown },
      { name: 'createdBy', type: 'relationship', relationTo: 'users', label: { vi: 'Người lưu', en: 'Saved by' }, admin: shown },
    ],
  }
}
