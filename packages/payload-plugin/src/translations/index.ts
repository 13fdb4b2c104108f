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
  'content.unknown-department': {
    vi: 'Không có tổ "{{department}}" trong trường. Chọn một tổ trong danh sách tổ của trường.',
    en: 'There is no department "{{department}}" in the school. Choose one of the school’s departments.',
  },
  'content.department-other-school': {
    vi: 'Tổ đã chọn không thuộc trường của nội dung này.',
    en: 'The chosen department does not belong to this content’s school.',
  },
  'workflow.withdrawn': {
    vi: 'Bài đang chờ duyệt đã được rút về bản nháp để sửa; hãy gửi duyệt lại khi sửa xong.',
    en: 'The content under review was withdrawn to a draft; submit it again when done.',
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
  'input.not-found': { vi: 'Không tìm thấy.', en: 'Not found.' },
  'input.required': { vi: 'Trường này là bắt buộc.', en: 'This field is required.' },
  'input.not-text': { vi: 'Phải là văn bản.', en: 'Must be text.' },
  'input.control-characters': { vi: 'Không được chứa ký tự điều khiển (chỉ cho phép xuống dòng và tab).', en: 'Must not contain control characters (only line breaks and tabs).' },
  'input.too-long': { vi: 'Tối đa {{max}} ký tự (hiện có {{length}}).', en: 'At most {{max}} characters (this has {{length}}).' },
  'input.too-short': { vi: 'Cần ít nhất {{min}} ký tự.', en: 'At least {{min}} characters are needed.' },
  'input.not-option': { vi: 'Giá trị "{{value}}" không có trong danh sách lựa chọn.', en: '"{{value}}" is not one of the options.' },
  'input.not-number': { vi: 'Phải là một số.', en: 'Must be a number.' },
  'input.not-integer': { vi: 'Phải là số nguyên.', en: 'Must be a whole number.' },
  'input.too-large-number': { vi: 'Số quá lớn.', en: 'The number is too large.' },
  'input.below-min': { vi: 'Không được nhỏ hơn {{min}}.', en: 'Must not be less than {{min}}.' },
  'input.above-max': { vi: 'Không được lớn hơn {{max}}.', en: 'Must not be more than {{max}}.' },
  'input.not-date': { vi: 'Không phải là ngày hợp lệ.', en: 'Not a valid date.' },
  'input.not-boolean': { vi: 'Chỉ có thể là đúng hoặc sai.', en: 'Must be true or false.' },
  'input.not-email': { vi: 'Địa chỉ email không hợp lệ.', en: 'Not a valid e-mail address.' },
  'input.not-list': { vi: 'Phải là một danh sách.', en: 'Must be a list.' },
  'input.empty-item': { vi: 'Danh sách có mục trống.', en: 'The list has an empty item.' },
  'input.not-group': { vi: 'Dữ liệu của nhóm này không hợp lệ.', en: 'The data of this group is not valid.' },
  'input.not-rich-text': { vi: 'Nội dung phải là văn bản soạn thảo (rich text), không phải chữ thuần hay danh sách.', en: 'Must be rich text (a Lexical document), not plain text or a list.' },
  'input.not-id': { vi: 'Mã liên kết không hợp lệ: {{value}}.', en: 'Not a valid id: {{value}}.' },
  'input.missing-relation': { vi: 'Không tìm thấy mục được liên kết (mã {{ids}}).', en: 'The linked item was not found (id {{ids}}).' },
  'input.invalid-fields': { vi: 'Dữ liệu không hợp lệ: {{fields}}', en: 'Invalid data: {{fields}}' },
  'input.body-too-large': { vi: 'Dữ liệu gửi lên quá lớn (tối đa {{max}} MB).', en: 'The request body is too large (at most {{max}} MB).' },
  'input.bad-query': { vi: 'Điều kiện lọc không hợp lệ ở "{{path}}": {{value}}.', en: 'Invalid filter at "{{path}}": {{value}}.' },
  'input.path-not-queryable': { vi: 'Không thể lọc theo trường: {{paths}}', en: 'The following path cannot be queried: {{paths}}' },
  'input.invalid-json': { vi: 'Dữ liệu JSON không hợp lệ.', en: 'Invalid JSON.' },
  'input.bad-upload': { vi: 'Không đọc được dữ liệu tải lên (biểu mẫu multipart bị hỏng hoặc thiếu tệp).', en: 'The upload could not be read (broken multipart form or no file).' },
  'input.database-refused': { vi: 'Dữ liệu không hợp lệ hoặc liên kết tới mục không tồn tại; không có gì được lưu.', en: 'Invalid data or a link to an item that does not exist; nothing was saved.' },
  'input.something-went-wrong': { vi: 'Đã xảy ra lỗi, vui lòng thử lại.', en: 'Something went wrong.' },
  'input.graphql-too-complex': { vi: 'Truy vấn GraphQL có vòng lặp fragment hoặc lồng quá sâu.', en: 'The GraphQL query has a fragment cycle or is nested too deeply.' },
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
