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

export const messages = {
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
  'accounts.unlock-forbidden': {
    vi: 'Chỉ Quản trị hồ sơ trường, Hiệu trưởng của trường hoặc Quản trị Phòng GDĐT được mở khoá tài khoản này.',
    en: 'Only the school admin or principal of the school, or the district admin, may unlock this account.',
  },
  'schools.foreign-relation': {
    vi: '“{{field}}” chọn một mục không thuộc trường của tài liệu này. Chỉ được dùng ảnh, tệp và dữ liệu của chính trường.',
    en: '“{{field}}” refers to an item of another school. Only the school’s own images, files and records may be used.',
  },
  'website.introduction-school-required': { vi: 'Trang giới thiệu phải thuộc một trường.', en: 'An introduction must belong to a school.' },
  'website.introduction-exists': { vi: 'Trường này đã có trang giới thiệu; hãy sửa trang đó.', en: 'This school already has an introduction; edit that one.' },
  'website.document-too-large': { vi: 'Tệp quá lớn ({{size}} MB); tối đa {{max}} MB.', en: 'The file is too large ({{size}} MB); at most {{max}} MB.' },
  'website.bad-school-year': { vi: 'Năm học phải có dạng 2025-2026 (năm sau = năm trước + 1).', en: 'A school year looks like 2025-2026 (the second year follows the first).' },
  'records.bad-cccd': { vi: 'Số CCCD phải gồm đúng 12 chữ số, 3 số đầu là mã tỉnh (001–096).', en: 'A citizen ID (CCCD) has exactly 12 digits, the first 3 a province code (001–096).' },
  'records.login-required': { vi: 'Cần đăng nhập.', en: 'You need to log in.' },
  'records.bad-request': { vi: 'Yêu cầu không hợp lệ: {{details}}', en: 'Invalid request: {{details}}' },
  'records.bad-date': { vi: 'ngày phải có dạng YYYY-MM-DD', en: 'the date must look like YYYY-MM-DD' },
  'records.bad-roster-date': { vi: 'Ngày không hợp lệ (YYYY-MM-DD).', en: 'Invalid date (YYYY-MM-DD).' },
  'records.class-not-found': { vi: 'Không tìm thấy lớp.', en: 'Class not found.' },
  'records.class-list-forbidden': {
    vi: 'Chỉ giáo viên dạy hoặc chủ nhiệm lớp này và BGH được xem danh sách lớp.',
    en: 'Only the teachers and the homeroom teacher of this class and the school board may see the class list.',
  },
  'records.class-export-forbidden': {
    vi: 'Chỉ giáo viên dạy hoặc chủ nhiệm lớp này và BGH được tải danh sách lớp.',
    en: 'Only the teachers and the homeroom teacher of this class and the school board may download the class list.',
  },
  'records.bad-transfer-kind': {
    vi: 'loại phải là class-change, transfer-in, transfer-out hoặc drop-out',
    en: 'kind must be class-change, transfer-in, transfer-out or drop-out',
  },
  'records.reason-required': { vi: 'phải ghi lý do', en: 'a reason is required' },
  'records.student-not-found': { vi: 'Không tìm thấy học sinh.', en: 'Student not found.' },
  'records.transfer-forbidden': { vi: 'Chỉ quản trị trường và BGH được chuyển lớp, chuyển trường.', en: 'Only the school admin and the board may move students between classes or schools.' },
  'records.target-class-required': { vi: 'Cần chọn lớp mới (toClass).', en: 'Choose the new class (toClass).' },
  'records.already-enrolled': { vi: 'Học sinh đang học ở một lớp của trường: dùng chuyển lớp.', en: 'The student is in a class of this school: use a class change.' },
  'records.no-current-class': { vi: 'Học sinh không có lớp hiện tại.', en: 'The student has no current class.' },
  'records.transfer-before-start': { vi: 'Ngày chuyển phải sau ngày vào lớp hiện tại.', en: 'The move must be after the day the student joined the current class.' },
  'records.class-other-school': { vi: 'Lớp mới không thuộc trường này.', en: 'The new class is not of this school.' },
  'records.bad-from-year': { vi: 'năm học phải có dạng 2026-2027', en: 'the school year must look like 2026-2027' },
  'records.bad-to-year': { vi: 'năm học phải có dạng 2027-2028', en: 'the school year must look like 2027-2028' },
  'records.years-not-consecutive': { vi: 'Năm học mới phải liền sau năm học cũ.', en: 'The new school year must follow the old one.' },
  'records.roll-over-forbidden': { vi: 'Chỉ quản trị trường và BGH được chuyển năm học.', en: 'Only the school admin and the board may roll over the school year.' },
  'records.subject-grade-mismatch': {
    vi: 'Môn {{subject}} là môn của khối {{subjectGrade}} năm học {{subjectYear}}, không dùng được cho lớp {{class}} (khối {{classGrade}}) năm học {{year}}.',
    en: '{{subject}} is a subject of grade {{subjectGrade}} in {{subjectYear}}: it cannot be assigned to class {{class}} (grade {{classGrade}}) in {{year}}.',
  },
  'gradebook.bad-score': { vi: '{{column}}: điểm phải từ 0 đến 10, tối đa một chữ số thập phân.', en: '{{column}}: a score is a number from 0 to 10 with at most one decimal.' },
  'gradebook.bad-comment-mark': { vi: '{{column}}: môn đánh giá bằng nhận xét chỉ nhận Đ hoặc CĐ.', en: '{{column}}: a comment-only subject takes Đ or CĐ.' },
  'gradebook.bad-test-score': { vi: '{{column}}: điểm kiểm tra định kì là số nguyên từ 0 đến 10.', en: '{{column}}: a periodic test score is a whole number from 0 to 10.' },
  'gradebook.bad-date': { vi: '{{column}}: ngày đánh giá không hợp lệ (YYYY-MM-DD).', en: '{{column}}: not a valid assessment date (YYYY-MM-DD).' },
  'gradebook.bad-cell': { vi: '{{column}}: phải có dạng {"value": …, "date": "YYYY-MM-DD"}.', en: '{{column}}: must look like {"value": …, "date": "YYYY-MM-DD"}.' },
  'gradebook.too-many-regular': { vi: 'Môn {{subject}} có {{count}} lần đánh giá thường xuyên mỗi học kì (TX1…TX{{count}}).', en: '{{subject}} has {{count}} regular assessments per term (TX1…TX{{count}}).' },
  'gradebook.not-for-subject': { vi: '{{column}}: không dùng cho môn {{subject}} ({{kind}}).', en: '{{column}}: not used for {{subject}} ({{kind}}).' },
  'gradebook.no-periodic-test': { vi: '{{column}}: môn {{subject}} khối {{grade}} không có bài kiểm tra định kì này.', en: '{{column}}: {{subject}} in grade {{grade}} has no such periodic test.' },
  'gradebook.subject-of-other-grade': { vi: 'Môn {{subject}} không phải môn của lớp {{class}} năm học {{year}}.', en: '{{subject}} is not a subject of class {{class}} in {{year}}.' },
  'gradebook.student-not-in-class': { vi: 'Học sinh không thuộc lớp {{class}} năm học {{year}}.', en: 'The student is not in class {{class}} in {{year}}.' },
  'gradebook.not-assigned': { vi: 'Bạn không được phân công dạy môn {{subject}} ở lớp {{class}} trong học kì này: không được ghi điểm.', en: 'You are not assigned to teach {{subject}} in class {{class}} this term: you may not enter its marks.' },
  'gradebook.not-homeroom': { vi: 'Chỉ giáo viên chủ nhiệm lớp {{class}} được ghi rèn luyện, phẩm chất, năng lực và số buổi nghỉ.', en: 'Only the homeroom teacher of class {{class}} records conduct, qualities, competences and absences.' },
  'gradebook.conduct-secondary-only': { vi: 'Kết quả rèn luyện chỉ dùng cho THCS (khối 6–9).', en: 'Conduct is recorded for lower secondary only (grades 6–9).' },
  'gradebook.traits-primary-only': { vi: 'Phẩm chất và năng lực chỉ dùng cho tiểu học (khối 1–5).', en: 'Qualities and competences are recorded for primary only (grades 1–5).' },
  'records.stayed-back': { vi: 'Ở lại lớp', en: 'Kept back a year' },
  'excel.student-import-forbidden': {
    vi: 'Chỉ quản trị trường và BGH được nhập danh sách học sinh của trường mình.',
    en: 'Only the school admin and the board may import their school’s students.',
  },
  'excel.staff-import-forbidden': {
    vi: 'Chỉ quản trị trường và BGH được nhập danh sách nhân sự của trường mình.',
    en: 'Only the school admin and the board may import their school’s staff.',
  },
  'excel.no-file': { vi: 'Chưa chọn tệp Excel (.xlsx).', en: 'No Excel file (.xlsx) was chosen.' },
  'excel.student-unreadable': {
    vi: 'Không đọc được tệp: hãy dùng tệp .xlsx theo mẫu. Không có dữ liệu nào được ghi.',
    en: 'The file could not be read: use an .xlsx file following the template. Nothing was saved.',
  },
  'excel.staff-unreadable': { vi: 'Không đọc được tệp: hãy dùng tệp .xlsx. Không có dữ liệu nào được ghi.', en: 'The file could not be read: use an .xlsx file. Nothing was saved.' },
  'excel.student-errors': {
    vi: 'Có {{count}} lỗi; chưa ghi dữ liệu nào. Sửa các dòng được liệt kê rồi nhập lại.',
    en: '{{count}} errors; nothing was saved. Fix the rows listed and import again.',
  },
  'excel.staff-errors': { vi: 'Có {{count}} lỗi; chưa ghi dữ liệu nào.', en: '{{count}} errors; nothing was saved.' },
  'excel.not-member': { vi: 'Bạn không thuộc trường này.', en: 'You are not a member of this school.' },
  'excel.no-sheet': { vi: 'Tệp không có trang tính', en: 'The file has no worksheet' },
  'excel.missing-column': { vi: 'Thiếu cột bắt buộc', en: 'A required column is missing' },
  'excel.missing-student-code': { vi: 'Thiếu mã học sinh', en: 'The student code is missing' },
  'excel.student-code-too-long': { vi: 'Mã học sinh quá dài', en: 'The student code is too long' },
  'excel.missing-name': { vi: 'Thiếu họ và tên', en: 'The full name is missing' },
  'excel.name-too-long': { vi: 'Họ và tên quá dài', en: 'The full name is too long' },
  'excel.bad-birth-date': { vi: 'Ngày sinh không hợp lệ (dd/mm/yyyy)', en: 'Invalid date of birth (dd/mm/yyyy)' },
  'excel.bad-date': { vi: '{{column}} không hợp lệ (dd/mm/yyyy)', en: '{{column}}: invalid date (dd/mm/yyyy)' },
  'excel.bad-sex': { vi: 'Giới tính phải là Nam hoặc Nữ', en: 'Sex must be Nam (male) or Nữ (female)' },
  'excel.missing-class': { vi: 'Thiếu lớp', en: 'The class is missing' },
  'excel.bad-cccd': { vi: 'Số CCCD phải gồm đúng 12 chữ số, 3 số đầu là mã tỉnh', en: 'A citizen ID (CCCD) has exactly 12 digits, the first 3 a province code' },
  'excel.unknown-class': { vi: 'Lớp "{{name}}" chưa có trong năm học này', en: 'There is no class "{{name}}" in this school year' },
  'excel.duplicate-student-code': { vi: 'Mã học sinh trùng với dòng {{row}}', en: 'The student code repeats row {{row}}' },
  'excel.bad-graduation-year': { vi: 'Năm tốt nghiệp phải là năm có 4 chữ số', en: 'The graduation year must be a 4-digit year' },
  'excel.bad-email': { vi: 'Email không hợp lệ', en: 'Invalid e-mail' },
  'excel.unknown-department': { vi: 'Chưa có tổ "{{name}}" trong trường', en: 'There is no department "{{name}}" in the school' },
  'excel.imported-reason': { vi: 'Nhập từ tệp Excel', en: 'Imported from an Excel file' },
  'workflow.mail-body': { vi: 'Nội dung "{{title}}" chuyển sang trạng thái: {{state}}.', en: '"{{title}}" is now: {{state}}.' },
  'workflow.mail-reason': { vi: 'Lý do: {{reason}}', en: 'Reason: {{reason}}' },
  'workflow.mail-link': { vi: 'Xem tại: {{link}}', en: 'See: {{link}}' },
  'workflow.mail-signature': { vi: '— Trường Số', en: '— Trường Số' },
  'workflow.mail-subject': { vi: '[Trường Số] {{state}}: {{title}}', en: '[Trường Số] {{state}}: {{title}}' },
  // Job labels and the site-build log are stored text, read by the school in Vietnamese.
  'jobs.scheduled-publish': { vi: 'Đăng theo lịch', en: 'Scheduled publish' },
  'jobs.scheduled-unpublish': { vi: 'Gỡ bài theo lịch', en: 'Scheduled unpublish' },
  'jobs.rebuild-site': { vi: 'Xây dựng lại website trường', en: 'Rebuild the school website' },
  'jobs.send-email': { vi: 'Gửi email thông báo', en: 'Send a notification e-mail' },
  'jobs.nightly-backup': { vi: 'Sao lưu hằng đêm', en: 'Nightly backup' },
  'sites.build-interrupted': { vi: 'Tiến trình xây dựng đã dừng giữa chừng.', en: 'The process running this build stopped.' },
  'sites.noun-posts': { vi: 'bài', en: 'post' },
  'sites.noun-disclosures': { vi: 'mục công khai', en: 'disclosure' },
  'sites.noun-introductions': { vi: 'trang giới thiệu', en: 'introduction' },
  'sites.verb-published': { vi: 'Đã đăng', en: 'Published' },
  'sites.verb-unpublished': { vi: 'Đã gỡ', en: 'Unpublished' },
  'sites.verb-deleted': { vi: 'Đã xoá', en: 'Deleted' },
  'sites.verb-scheduled': { vi: 'Đã hẹn giờ đăng', en: 'Scheduled' },
  'sites.build-queued': { vi: 'Đang chờ xây lại website', en: 'Waiting to rebuild the website' },
  'sites.build-running': { vi: 'Đang xây lại website', en: 'Rebuilding the website' },
  'sites.build-succeeded': { vi: 'Xây lại website: {{pages}} trang trong {{duration}}', en: 'Website rebuilt: {{pages}} pages in {{duration}}' },
  'sites.build-failed': { vi: 'Xây lại website không thành công sau {{duration}} (website cũ vẫn hoạt động)', en: 'The website rebuild failed after {{duration}} (the old website is still up)' },
  // Admin components (components/**).
  'ui.brand-name': { vi: 'Trường Số', en: 'Trường Số' },
  'ui.brand-tagline': { vi: 'Hồ sơ điện tử và website trường học · Phòng GDĐT Hội An', en: 'School records and websites · Hội An district education office' },
  'ui.brand-description': { vi: 'Hồ sơ điện tử và website trường học – Phòng GDĐT Hội An', en: 'School records and websites – Hội An district education office' },
  'ui.class': { vi: 'Lớp', en: 'Class' },
  'ui.all-classes': { vi: 'Tất cả các lớp', en: 'All classes' },
  'ui.roster.moved': { vi: 'Đã chuyển {{name}} sang lớp {{class}}.', en: '{{name}} moved to class {{class}}.' },
  'ui.roster.title': { vi: 'Danh sách lớp', en: 'Class list' },
  'ui.roster.export': { vi: 'Xuất danh sách lớp', en: 'Export class list' },
  'ui.roster.empty': { vi: 'Lớp chưa có học sinh.', en: 'No students in this class yet.' },
  'ui.roster.number': { vi: 'STT', en: 'No.' },
  'ui.roster.code': { vi: 'Mã HS', en: 'Code' },
  'ui.roster.name': { vi: 'Họ và tên', en: 'Full name' },
  'ui.roster.born': { vi: 'Ngày sinh', en: 'Born' },
  'ui.roster.sex': { vi: 'Giới tính', en: 'Sex' },
  'ui.roster.change-class': { vi: 'Chuyển lớp', en: 'Change class' },
  'ui.roster.change-class-of': { vi: 'Chuyển lớp cho {{name}}', en: 'Move {{name}} to another class' },
  'ui.roster.new-class': { vi: 'Lớp mới', en: 'New class' },
  'ui.roster.from': { vi: 'Từ ngày', en: 'From' },
  'ui.roster.reason': { vi: 'Lý do', en: 'Reason' },
  'ui.cancel': { vi: 'Huỷ', en: 'Cancel' },
  'ui.disclosures.due': { vi: 'Công khai cần đăng (năm học {{year}})', en: 'Public disclosures due ({{year}})' },
  'ui.disclosures.overdue': { vi: 'quá hạn từ {{date}}', en: 'overdue since {{date}}' },
  'ui.disclosures.deadline': { vi: 'hạn {{date}}', en: 'due {{date}}' },
  'ui.disclosures.add': { vi: 'Thêm nội dung công khai', en: 'Add a disclosure' },
  'ui.import.template': { vi: 'Tải tệp mẫu (.xlsx)', en: 'Download the template (.xlsx)' },
  'ui.import.export': { vi: 'Xuất danh sách (.xlsx)', en: 'Export the list (.xlsx)' },
  'ui.import.vnedu': { vi: ' · Nhận cả tệp xuất từ vnEdu.', en: ' · vnEdu exports are accepted too.' },
  'ui.import.all-or-nothing': { vi: 'Nếu có lỗi, chưa có dữ liệu nào được ghi.', en: 'If any row has an error, nothing is written.' },
  'ui.import.school-year': { vi: 'Năm học', en: 'School year' },
  'ui.import.file': { vi: 'Tệp Excel', en: 'Excel file' },
  'ui.import.busy': { vi: 'Đang nhập…', en: 'Importing…' },
  'ui.import.submit': { vi: 'Nhập danh sách', en: 'Import the list' },
  'ui.import.done': { vi: 'Đã nhập xong: thêm {{created}}, cập nhật {{updated}} {{noun}}{{moved}}.', en: 'Imported: {{created}} added, {{updated}} {{noun}} updated{{moved}}.' },
  'ui.import.done-moved': { vi: ', chuyển lớp {{moved}}', en: ', {{moved}} moved to another class' },
  'ui.import.row': { vi: 'Dòng', en: 'Row' },
  'ui.import.column': { vi: 'Cột', en: 'Column' },
  'ui.import.error': { vi: 'Lỗi', en: 'Error' },
  'ui.import.students-title': { vi: 'Nhập danh sách học sinh từ Excel', en: 'Import students from Excel' },
  'ui.import.students-noun': { vi: 'học sinh', en: 'students' },
  'ui.import.staff-title': { vi: 'Nhập danh sách nhân sự từ Excel', en: 'Import staff from Excel' },
  'ui.import.staff-noun': { vi: 'nhân sự', en: 'staff records' },
  'ui.my-work.in-review': { vi: 'Bài của tôi đang chờ duyệt ({{count}})', en: 'My posts awaiting review ({{count}})' },
  'ui.my-work.new-post': { vi: 'Viết bài mới', en: 'Write a new post' },
  'ui.my-work.nothing-in-review': { vi: 'Không có bài nào của bạn đang chờ duyệt.', en: 'Nothing of yours is waiting for review.' },
  'ui.my-work.homeroom': { vi: 'Lớp chủ nhiệm của tôi', en: 'My homeroom class' },
  'ui.my-work.class': { vi: 'Lớp {{name}}', en: 'Class {{name}}' },
  'ui.my-work.size': { vi: 'sĩ số {{size}}', en: '{{size}} students' },
  'ui.reminder.change': { vi: 'Vui lòng đổi mật khẩu. ', en: 'Please change your password. ' },
  'ui.reminder.where': { vi: 'Đổi tại trang Tài khoản của bạn', en: 'Change it on your account page' },
  'ui.reminder.pending': {
    vi: '{{count}} tài khoản của trường cần đổi mật khẩu (do quản trị đặt hoặc quá {{days}} ngày). ',
    en: '{{count}} account(s) of your school(s) must change their password (set by an admin or older than {{days}} days). ',
  },
  'ui.reminder.list': { vi: 'Xem danh sách', en: 'See the list' },
  'ui.queue.awaiting': { vi: 'Chờ tôi duyệt ({{count}})', en: 'Awaiting my review ({{count}})' },
  'ui.queue.returned': { vi: 'Bài bị trả lại ({{count}})', en: 'Returned to me ({{count}})' },
  'ui.queue.reason': { vi: 'lý do', en: 'reason' },
  'ui.workflow.save-first': { vi: 'Lưu nháp trước, sau đó gửi duyệt.', en: 'Save a draft first, then submit it for review.' },
  'ui.workflow.unsaved': { vi: 'Có thay đổi chưa lưu: bấm nút sẽ lưu rồi mới thực hiện.', en: 'Unsaved changes: they are saved before the action.' },
  'ui.workflow.save-failed': { vi: 'Chưa lưu được thay đổi nên chưa thực hiện thao tác.', en: 'The changes could not be saved, so nothing was done.' },
  'ui.workflow.withdraw': {
    vi: 'Bài đang chờ duyệt. Lưu thay đổi sẽ rút bài về bản nháp (ghi vào lịch sử duyệt); sau đó phải gửi duyệt lại. Tiếp tục?',
    en: 'This is under review. Saving withdraws it to a draft (recorded in the review history); it must then be submitted again. Continue?',
  },
  'ui.workflow.sent-to': { vi: 'Đã chuyển đến', en: 'Sent to' },
  'ui.workflow.notified': { vi: 'Đã báo cho', en: 'Notified' },
  'ui.workflow.reason': { vi: 'Lý do trả lại', en: 'Reason' },
  'ui.workflow.reason-placeholder': { vi: 'Lý do trả lại (bắt buộc)', en: 'Reason (required)' },
  'ui.workflow.view-on-site': { vi: 'Xem trên website', en: 'View on the website' },
  'history.content-changed': { vi: 'Nội dung mục #{{sequence}} đã bị thay đổi (mã băm không khớp).', en: 'Entry #{{sequence}} was altered (its hash does not match).' },
  'history.chain-broken': { vi: 'Mục #{{sequence}} không nối với mục trước (mã băm mục trước không khớp).', en: 'Entry #{{sequence}} does not follow the previous one (previous hash does not match).' },
  'history.gap': { vi: 'Thiếu mục #{{expected}} (mục kế tiếp còn lại là #{{sequence}}).', en: 'Entry #{{expected}} is missing (the next remaining one is #{{sequence}}).' },
  'history.tail-missing': { vi: 'Thiếu các mục từ #{{expected}} đến #{{head}} ở cuối chuỗi.', en: 'Entries #{{expected}} to #{{head}} are missing at the end of the chain.' },
  'history.verify-ok': { vi: '{{school}}: đúng, {{entries}} mục', en: '{{school}}: ok, {{entries}} entries' },
  'history.verify-broken': { vi: '{{school}}: SAI ở mục #{{sequence}} (mã {{id}}): {{reason}}', en: '{{school}}: BROKEN at entry #{{sequence}} (id {{id}}): {{reason}}' },
  'history.verify-usage': { vi: 'Cách dùng: pnpm gradebook:verify <mã trường>|--all', en: 'Usage: pnpm gradebook:verify <school slug>|--all' },
  'history.school-not-found': { vi: 'Không tìm thấy trường "{{school}}".', en: 'No school "{{school}}".' },
  'system.busy': { vi: 'Hệ thống đang bận, vui lòng thử lại sau ít giây.', en: 'The system is busy, please try again in a few seconds.' },
} satisfies Record<string, Label>

export type MessageKey = keyof typeof messages

/** Whether a string is a catalogue key (e.g. a zod issue message set to a key). */
export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === 'string' && Object.hasOwn(messages, value)
}

/** What carries the language: a request, or the `i18n` prop Payload gives server components. */
export type HasLanguage = { i18n?: { language?: string } | null }

export function languageOf(req?: HasLanguage | Pick<PayloadRequest, 'i18n'> | null): 'vi' | 'en' {
  return req?.i18n?.language === 'en' ? 'en' : 'vi'
}

export function message(
  req: HasLanguage | Pick<PayloadRequest, 'i18n'> | null | undefined,
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
