import type { CollectionConfig, Where } from 'payload'

import { currentUser, schoolsWhereUserHas } from '../roles.ts'
import { validateCccd } from './cccd.ts'
import { staffExportEndpoint, staffImportEndpoint, staffTemplateEndpoint } from './excel/endpoints.ts'
import { date, recordsGroup, text } from './fields.ts'
import { createRecords, manageRecords, RECORD_MANAGERS, readRecords, staffManagerField, staffPersonalField } from './rights.ts'

/** Staff records (docs/domain.md § Staff): a directory subset for colleagues, the rest for the person and the managers. */
export function staffCollection(): CollectionConfig {
  const personal = { access: { read: staffPersonalField, update: staffPersonalField } }
  const work = { access: { read: staffPersonalField, update: staffManagerField, create: staffManagerField } }
  return {
    slug: 'staff',
    labels: { singular: { vi: 'Hồ sơ nhân sự', en: 'Staff record' }, plural: { vi: 'Nhân sự', en: 'Staff' } },
    admin: {
      group: recordsGroup,
      useAsTitle: 'fullName',
      defaultColumns: ['fullName', 'currentPosition', 'department'],
      components: {
        beforeListTable: [
          {
            path: '@truongso/payload-plugin/client#ExcelImportPanel',
            clientProps: { collection: 'staff', title: 'ui.import.staff-title', noun: 'ui.import.staff-noun', exportPath: '/staff/export', testId: 'staff-import' },
          },
        ],
      },
    },
    endpoints: [staffTemplateEndpoint, staffImportEndpoint, staffExportEndpoint],
    access: {
      read: readRecords,
      create: createRecords,
      update: ({ req }) => {
        const actor = currentUser(req)
        if (!actor) return false
        const schools = schoolsWhereUserHas(actor, RECORD_MANAGERS)
        const or: Where[] = [{ user: { equals: actor.id } }]
        if (schools.length) or.push({ school: { in: schools } })
        return { or }
      },
      delete: manageRecords,
    },
    fields: [
      { name: 'fullName', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Full name' } },
      { name: 'currentPosition', type: 'text', label: { vi: 'Chức vụ hiện tại', en: 'Position' }, access: { update: staffManagerField } },
      { name: 'department', type: 'relationship', relationTo: 'departments', label: { vi: 'Tổ bộ môn', en: 'Department' }, access: { update: staffManagerField } },
      { name: 'user', type: 'relationship', relationTo: 'users', label: { vi: 'Tài khoản đăng nhập', en: 'Login account' }, access: { update: staffManagerField } },
      {
        type: 'tabs',
        tabs: [
          {
            label: { vi: 'Thông tin cá nhân', en: 'Personal' },
            fields: [
              { name: 'photo', type: 'upload', relationTo: 'record-photos', label: { vi: 'Ảnh', en: 'Photo' }, ...personal },
              { name: 'cccd', type: 'text', label: { vi: 'Số CCCD', en: 'Citizen ID' }, validate: validateCccd, ...personal },
              date('dateOfBirth', 'Ngày sinh', 'Date of birth', personal),
              text('birthplace', 'Nơi sinh', 'Place of birth', personal),
              { name: 'sex', type: 'select', label: { vi: 'Giới tính', en: 'Sex' }, options: ['Nam', 'Nữ'], ...personal },
              text('ethnicity', 'Dân tộc', 'Ethnicity', personal),
              text('religion', 'Tôn giáo', 'Religion', personal),
              text('nationality', 'Quốc tịch', 'Nationality', { ...personal, defaultValue: 'Việt Nam' }),
              text('homeTown', 'Quê quán', 'Home town', personal),
              text('permanentAddress', 'Địa chỉ thường trú', 'Permanent address', personal),
              text('currentAddress', 'Nơi ở hiện nay', 'Current address', personal),
              text('mobile', 'Điện thoại di động', 'Mobile', personal),
              { name: 'email', type: 'email', label: { vi: 'Email', en: 'E-mail' }, ...personal },
              text('maritalStatus', 'Tình trạng hôn nhân', 'Marital status', personal),
              text('familyPriority', 'Diện ưu tiên gia đình', 'Family priority category', personal),
              text('personalPriority', 'Diện ưu tiên bản thân', 'Personal priority category', personal),
            ],
          },
          {
            label: { vi: 'Tuyển dụng, công việc', en: 'Recruitment and work' },
            fields: [
              date('contractDate', 'Ngày hợp đồng', 'Contract date', work),
              date('recruitmentDate', 'Ngày tuyển dụng', 'Recruitment date', work),
              text('contractType', 'Hình thức hợp đồng', 'Contract type', work),
              text('assignedWork', 'Công việc được giao', 'Assigned work', work),
              text('workGroup', 'Nhóm công việc hiện nay', 'Work group', work),
              text('currentWork', 'Công việc hiện nay', 'Current work', work),
              text('concurrentPositions', 'Chức vụ kiêm nhiệm', 'Concurrent positions', work),
            ],
          },
          {
            label: { vi: 'Trình độ chuyên môn', en: 'Qualifications' },
            fields: [
              text('qualificationGroup', 'Nhóm trình độ chuyên môn', 'Qualification group', work),
              text('trainingField', 'Ngành đào tạo', 'Field of training', work),
              text('trainingMajor', 'Chuyên ngành đào tạo', 'Major', work),
              text('institution', 'Nơi đào tạo', 'Institution', work),
              text('trainingMode', 'Hình thức đào tạo', 'Mode of training', work),
              { name: 'graduationYear', type: 'number', label: { vi: 'Năm tốt nghiệp', en: 'Graduation year' }, ...work },
              text('standardLevel', 'Trình độ chuẩn', 'Standard level', work),
              text('politicalTheory', 'Trình độ lý luận chính trị', 'Political theory', work),
              text('stateManagement', 'Trình độ quản lý nhà nước', 'State management', work),
              text('educationManagement', 'Trình độ quản lý giáo dục', 'Education management', work),
              text('foreignLanguage', 'Ngoại ngữ chính', 'Main foreign language', work),
              text('foreignLanguageLevel', 'Trình độ ngoại ngữ', 'Foreign language level', work),
              text('itLevel', 'Trình độ tin học', 'IT level', work),
              text('teacherRank', 'Hạng giáo viên', 'Teacher rank', work),
              text('mainSubject', 'Nhiệm vụ (môn dạy)', 'Main subject', work),
              text('secondarySubject', 'Môn dạy phụ', 'Secondary subject', work),
            ],
          },
        ],
      },
    ],
  }
}
