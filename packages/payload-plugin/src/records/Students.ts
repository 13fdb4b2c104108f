import type { CollectionConfig } from 'payload'

import { validateCccd } from './cccd.ts'
import { transferEndpoint } from './endpoints.ts'
import { studentImportEndpoint, studentTemplateEndpoint } from './excel/endpoints.ts'
import { date, recordsGroup, text } from './fields.ts'
import { logStudentProfileRead, maskCccdForReader } from './hooks.ts'
import { createRecords, derivedField, manageRecords, readClassScoped, studentCccdField, studentPersonalField } from './rights.ts'

/** Students (docs/domain.md § Students). Personal data is for the managers and the homeroom teacher only. */
export function studentsCollection(): CollectionConfig {
  const personal = { access: { read: studentPersonalField } }
  return {
    slug: 'students',
    labels: { singular: { vi: 'Học sinh', en: 'Student' }, plural: { vi: 'Học sinh', en: 'Students' } },
    admin: {
      group: recordsGroup,
      useAsTitle: 'fullName',
      defaultColumns: ['currentClass', 'fullName', 'studentCode', 'dateOfBirth', 'sex', 'status'],
      pagination: { defaultLimit: 50, limits: [25, 50, 100, 200] },
      components: {
        beforeListTable: [
          '@truongso/payload-plugin/client#ClassFilter',
          {
            path: '@truongso/payload-plugin/client#ExcelImportPanel',
            clientProps: { collection: 'students', title: 'ui.import.students-title', noun: 'ui.import.students-noun', askSchoolYear: true, testId: 'student-import' },
          },
        ],
      },
    },
    // By class, then by name, as a class list is read.
    defaultSort: ['currentClass.name', 'fullName'],
    access: { read: readClassScoped('currentClass'), create: createRecords, update: manageRecords, delete: () => false },
    hooks: { afterOperation: [logStudentProfileRead] },
    endpoints: [transferEndpoint, studentTemplateEndpoint, studentImportEndpoint],
    fields: [
      { name: 'studentCode', type: 'text', required: true, index: true, label: { vi: 'Mã học sinh', en: 'Student code' } },
      { name: 'fullName', type: 'text', required: true, label: { vi: 'Họ và tên', en: 'Full name' } },
      date('dateOfBirth', 'Ngày sinh', 'Date of birth'),
      { name: 'sex', type: 'select', label: { vi: 'Giới tính', en: 'Sex' }, options: ['Nam', 'Nữ'] },
      // Derived from enrolments by the server; editing them would rewrite history or grant the homeroom right.
      { name: 'currentClass', type: 'relationship', relationTo: 'classes', label: { vi: 'Lớp hiện tại', en: 'Current class' }, admin: { readOnly: true }, access: { create: derivedField, update: derivedField } },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'studying',
        index: true,
        label: { vi: 'Tình trạng', en: 'Status' },
        options: [
          { value: 'studying', label: { vi: 'Đang học', en: 'Studying' } },
          { value: 'transferred-out', label: { vi: 'Đã chuyển đi', en: 'Transferred out' } },
          { value: 'dropped-out', label: { vi: 'Đã nghỉ học', en: 'Dropped out' } },
          { value: 'graduated', label: { vi: 'Đã tốt nghiệp', en: 'Graduated' } },
        ],
        admin: { readOnly: true },
        access: { create: derivedField, update: derivedField },
      },
      { name: 'homeroomTeacher', type: 'relationship', relationTo: 'users', label: { vi: 'GVCN hiện tại', en: 'Current homeroom teacher' }, admin: { readOnly: true, hidden: true }, access: { create: derivedField, update: derivedField } },
      {
        name: 'cccd',
        type: 'text',
        label: { vi: 'Số CCCD / mã định danh', en: 'Citizen ID' },
        validate: validateCccd,
        access: { read: studentCccdField },
        hooks: { afterRead: [maskCccdForReader] },
      },
      text('cohort', 'Niên khóa', 'Cohort'),
      { name: 'photo', type: 'upload', relationTo: 'record-photos', label: { vi: 'Ảnh', en: 'Photo' }, ...personal },
      text('ethnicity', 'Dân tộc', 'Ethnicity', personal),
      text('religion', 'Tôn giáo', 'Religion', personal),
      text('birthplace', 'Nơi sinh', 'Place of birth', personal),
      text('currentAddress', 'Chỗ ở hiện nay', 'Current address', personal),
      text('permanentAddress', 'Nơi thường trú', 'Permanent address', personal),
      text('phone', 'Số điện thoại liên lạc', 'Contact phone', personal),
      text('policyCategory', 'Diện chính sách', 'Policy category', personal),
      text('fatherName', 'Họ tên cha', "Father's name", personal),
      text('fatherOccupation', 'Nghề nghiệp của cha', "Father's occupation", personal),
      text('motherName', 'Họ tên mẹ', "Mother's name", personal),
      text('motherOccupation', 'Nghề nghiệp của mẹ', "Mother's occupation", personal),
      {
        name: 'imageConsent',
        type: 'textarea',
        label: { vi: 'Đồng ý sử dụng hình ảnh (ai, khi nào)', en: 'Image consent (who, when)' },
        ...personal,
      },
    ],
  }
}
