/**
 * Every user-facing string of the plugin, Vietnamese first. Labels are `{ vi, en }` records that
 * Payload's admin picks by language; messages are looked up with `message(req, key)`.
 */
import type { PayloadRequest } from 'payload'

import type { Role } from '../roles.ts'

export type Label = { vi: string; en: string }

export const roleLabels: Record<Role, Label> = {
  'district-officer': { vi: 'Chuyên viên Phòng GDĐT', en: 'District officer' },
  'district-admin': { vi: 'Quản trị Phòng GDĐT', en: 'District admin' },
  'school-admin': { vi: 'Quản trị hồ sơ trường', en: 'School admin' },
  principal: { vi: 'Hiệu trưởng', en: 'Principal' },
  'vice-principal': { vi: 'Phó hiệu trưởng', en: 'Vice-principal' },
  'team-leader': { vi: 'Tổ trưởng chuyên môn', en: 'Team leader' },
  teacher: { vi: 'Giáo viên bộ môn', en: 'Teacher' },
  'homeroom-teacher': { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' },
  staff: { vi: 'Nhân viên', en: 'Staff' },
}

export const labels = {
  schools: { singular: { vi: 'Trường', en: 'School' }, plural: { vi: 'Trường học', en: 'Schools' } },
  users: { singular: { vi: 'Tài khoản', en: 'Account' }, plural: { vi: 'Tài khoản', en: 'Accounts' } },
  groups: { administration: { vi: 'Quản trị', en: 'Administration' } },
  fields: {
    name: { vi: 'Tên trường', en: 'School name' },
    stt: { vi: 'Số thứ tự', en: 'No.' },
    slug: { vi: 'Mã trường (slug)', en: 'Slug' },
    host: { vi: 'Tên miền', en: 'Host' },
    url: { vi: 'Địa chỉ website', en: 'Website' },
    level: { vi: 'Cấp học', en: 'Level' },
    levelName: { vi: 'Tên cấp học', en: 'Level name' },
    template: { vi: 'Mẫu website', en: 'Site template' },
    fullName: { vi: 'Họ và tên', en: 'Full name' },
    districtRoles: { vi: 'Vai trò cấp Phòng', en: 'District roles' },
    memberships: { vi: 'Trường và vai trò', en: 'Schools and roles' },
    membershipSchool: { vi: 'Trường', en: 'School' },
    roles: { vi: 'Vai trò', en: 'Roles' },
    department: { vi: 'Tổ chuyên môn', en: 'Department' },
    passwordChangedAt: { vi: 'Đổi mật khẩu lần cuối', en: 'Password last changed' },
    passwordSetByAdmin: { vi: 'Mật khẩu do quản trị đặt (chưa đổi)', en: 'Password set by an admin (not changed yet)' },
    passwordReminder: { vi: 'Nhắc đổi mật khẩu', en: 'Password reminder' },
  },
  reminderReasons: {
    'set-by-admin': { vi: 'Mật khẩu do quản trị viên đặt, chưa được đổi', en: 'Set by an admin and never changed' },
    expired: { vi: 'Mật khẩu đã quá hạn, cần đổi', en: 'Older than the allowed age' },
  },
} as const

const messages = {
  'password.too-short': {
    vi: 'Mật khẩu phải có ít nhất {{min}} ký tự.',
    en: 'The password must have at least {{min}} characters.',
  },
  'password.contains-email-name': {
    vi: 'Mật khẩu không được chứa phần tên trong địa chỉ email của bạn.',
    en: 'The password must not contain the name part of your e-mail address.',
  },
  'password.too-common': {
    vi: 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
    en: 'This password is too common and easy to guess. Choose another one.',
  },
  'roles.forbidden-school': {
    vi: 'Bạn không có quyền cấp hoặc thu hồi vai trò tại trường "{{school}}".',
    en: 'You may not grant or withdraw roles at school "{{school}}".',
  },
  'roles.forbidden-district': {
    vi: 'Chỉ Quản trị Phòng GDĐT được cấp vai trò cấp Phòng.',
    en: 'Only a district admin may grant district roles.',
  },
  'roles.department-required': {
    vi: 'Tổ trưởng chuyên môn phải có tên tổ.',
    en: 'A team leader needs a department.',
  },
  'schools.not-in-registry': {
    vi: 'Trường "{{slug}}" không có trong danh mục trường của Phòng (packages/registry).',
    en: 'School "{{slug}}" is not in the district registry (packages/registry).',
  },
  'reminders.forbidden': {
    vi: 'Chỉ quản trị trường, Hiệu trưởng hoặc Phòng GDĐT xem được danh sách này.',
    en: 'Only school admins, principals or the district office can see this list.',
  },
  'workflow.not-in-school': {
    vi: 'Bạn không thuộc trường của nội dung này.',
    en: 'You are not a member of this content’s school.',
  },
  'workflow.not-author': { vi: 'Chỉ tác giả được gửi duyệt nội dung này.', en: 'Only the author may submit this.' },
  'workflow.wrong-state': {
    vi: 'Không thể "{{action}}" khi nội dung đang ở trạng thái "{{state}}".',
    en: 'Cannot "{{action}}" while the content is "{{state}}".',
  },
  'workflow.not-leader': {
    vi: 'Chỉ tổ trưởng chuyên môn được duyệt ở bước này.',
    en: 'Only a team leader may review at this step.',
  },
  'workflow.other-department': {
    vi: 'Nội dung thuộc "{{department}}"; bạn không phải tổ trưởng của tổ này.',
    en: 'This belongs to "{{department}}"; you do not lead that department.',
  },
  'workflow.not-board': {
    vi: 'Chỉ Ban giám hiệu (BGH) được thực hiện thao tác này.',
    en: 'Only the school board may do this.',
  },
  'workflow.reason-required': {
    vi: 'Phải ghi lý do (ít nhất 3 ký tự) khi trả lại.',
    en: 'A reason (at least 3 characters) is required to return content.',
  },
  'workflow.department-required': {
    vi: 'Chọn tổ chuyên môn trước khi gửi duyệt, để tổ trưởng nhận được bài.',
    en: 'Choose a department before submitting, so its team leader receives it.',
  },
  'workflow.consent-required': {
    vi: 'Nội dung có hình ảnh học sinh: phải ghi rõ sự đồng ý của ai (cha mẹ, học sinh) trước khi đăng.',
    en: 'This shows students: record whose consent covers it before publishing.',
  },
  'content.not-own-department': {
    vi: 'Bạn chỉ gửi bài cho tổ của mình duyệt (không thuộc "{{department}}").',
    en: 'You can only send content to your own department for review (not "{{department}}").',
  },
  'workflow.restore-as-draft': {
    vi: 'Chỉ được khôi phục phiên bản cũ thành bản nháp; bản nháp đó phải được duyệt lại trước khi đăng.',
    en: 'An earlier version can only be restored as a draft, which must be approved again before it goes live.',
  },
  'workflow.direct-publish': {
    vi: 'Không thể đăng trực tiếp: nội dung phải được tổ trưởng và BGH duyệt (dùng các nút duyệt).',
    en: 'Content cannot be published directly: it must be approved by the team leader and the board.',
  },
  'workflow.state-readonly': {
    vi: 'Trạng thái duyệt chỉ thay đổi qua các nút Gửi duyệt / Duyệt / Trả lại / Gỡ bài.',
    en: 'The review state changes only through the workflow actions.',
  },
  'workflow.not-found': { vi: 'Không tìm thấy nội dung.', en: 'Content not found.' },
  'workflow.bad-request': { vi: 'Yêu cầu không hợp lệ: {{details}}', en: 'Invalid request: {{details}}' },
  'content.not-member': {
    vi: 'Bạn không thể tạo hoặc sửa nội dung của trường này.',
    en: 'You cannot create or edit content of this school.',
  },
  'content.school-required': {
    vi: 'Chọn trường cho nội dung này.',
    en: 'Choose the school this content belongs to.',
  },
} satisfies Record<string, Label>

export type MessageKey = keyof typeof messages

export function languageOf(req?: Pick<PayloadRequest, 'i18n'> | null): 'vi' | 'en' {
  return req?.i18n?.language === 'en' ? 'en' : 'vi'
}

export function message(
  req: Pick<PayloadRequest, 'i18n'> | null | undefined,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const template = messages[key][languageOf(req)]
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''))
}

/** English text of a message, for logs. */
export function messageEn(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return message({ i18n: { language: 'en' } } as Pick<PayloadRequest, 'i18n'>, key, vars)
}
