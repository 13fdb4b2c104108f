import type { CollectionConfig, Field, Where } from 'payload'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { schoolsWhereUserHas, type RoleHolder } from '../roles.ts'
import { validateCccd } from './cccd.ts'
import { logStudentProfileRead, maskCccdForReader, syncStudentFromEnrolments, syncStudentsOfClass } from './hooks.ts'
import { rollOverEndpoint, rosterEndpoint, transferEndpoint } from './endpoints.ts'
import { classExportEndpoint, staffExportEndpoint, staffImportEndpoint, staffTemplateEndpoint, studentImportEndpoint, studentTemplateEndpoint } from './excel/endpoints.ts'
import {
  createRecords,
  manageRecords,
  RECORD_MANAGERS,
  readClassScoped,
  readRecords,
  derivedField,
  staffManagerField,
  staffPersonalField,
  studentCccdField,
  studentPersonalField,
} from './rights.ts'

const group = { vi: 'Hồ sơ trường', en: 'School records' }
const text = (name: string, vi: string, en: string, extra: Partial<Field> = {}) => ({ name, type: 'text' as const, label: { vi, en }, ...extra }) as Field
const date = (name: string, vi: string, en: string, extra: Record<string, unknown> = {}) =>
  ({ name, type: 'date' as const, label: { vi, en }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } }, ...extra }) as Field
const managersOnly = { access: { read: readRecords, create: createRecords, update: manageRecords, delete: manageRecords } }

export function schoolYearsCollection(): CollectionConfig {
  return {
    slug: 'school-years',
    labels: { singular: { vi: 'Năm học', en: 'School year' }, plural: { vi: 'Năm học', en: 'School years' } },
    admin: { group, useAsTitle: 'name' },
    ...managersOnly,
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Năm học', en: 'Year' }, validate: validateSchoolYear },
      { name: 'current', type: 'checkbox', label: { vi: 'Năm học hiện tại', en: 'Current year' } },
      {
        name: 'terms',
        type: 'array',
        label: { vi: 'Học kì', en: 'Terms' },
        fields: [
          { name: 'term', type: 'select', required: true, options: [{ value: 'hk1', label: 'Học kì I' }, { value: 'hk2', label: 'Học kì II' }] },
          date('start', 'Bắt đầu', 'Start', { required: true }),
          date('end', 'Kết thúc', 'End', { required: true }),
        ],
      },
    ],
  }
}

export function departmentsCollection(): CollectionConfig {
  return {
    slug: 'departments',
    labels: { singular: { vi: 'Tổ', en: 'Department' }, plural: { vi: 'Tổ chuyên môn / văn phòng', en: 'Departments' } },
    admin: { group, useAsTitle: 'name' },
    ...managersOnly,
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Tên tổ', en: 'Name' } },
      {
        name: 'kind',
        type: 'select',
        required: true,
        defaultValue: 'chuyen-mon',
        label: { vi: 'Loại', en: 'Kind' },
        options: [
          { value: 'chuyen-mon', label: { vi: 'Tổ chuyên môn', en: 'Teaching department' } },
          { value: 'van-phong', label: { vi: 'Tổ văn phòng', en: 'Office' } },
        ],
      },
      { name: 'leader', type: 'relationship', relationTo: 'users', label: { vi: 'Tổ trưởng', en: 'Team leader' } },
    ],
  }
}

/** Staff records (seed 000 §II.1.a): a directory subset for colleagues, the rest for the person and the managers. */
export function staffCollection(): CollectionConfig {
  const personal = { access: { read: staffPersonalField, update: staffPersonalField } }
  const work = { access: { read: staffPersonalField, update: staffManagerField, create: staffManagerField } }
  return {
    slug: 'staff',
    labels: { singular: { vi: 'Hồ sơ nhân sự', en: 'Staff record' }, plural: { vi: 'Nhân sự', en: 'Staff' } },
    admin: {
      group,
      useAsTitle: 'fullName',
      defaultColumns: ['fullName', 'currentPosition', 'department'],
      components: {
        beforeListTable: [
          {
            path: '@truongso/payload-plugin/client#ExcelImportPanel',
            clientProps: { collection: 'staff', title: { vi: 'Nhập danh sách nhân sự từ Excel', en: 'Import staff from Excel' }, noun: { vi: 'nhân sự', en: 'staff records' }, exportPath: '/staff/export', testId: 'staff-import' },
          },
        ],
      },
    },
    endpoints: [staffTemplateEndpoint, staffImportEndpoint, staffExportEndpoint],
    access: {
      read: readRecords,
      create: createRecords,
      update: ({ req }) => {
        const actor = req.user as RoleHolder | null
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

export function classesCollection(): CollectionConfig {
  return {
    slug: 'classes',
    labels: { singular: { vi: 'Lớp', en: 'Class' }, plural: { vi: 'Lớp học', en: 'Classes' } },
    admin: { group, useAsTitle: 'name', defaultColumns: ['name', 'grade', 'schoolYear', 'homeroomTeacher', 'size'], pagination: { defaultLimit: 50 } },
    defaultSort: ['-schoolYear', 'name'],
    ...managersOnly,
    hooks: { afterChange: [syncStudentsOfClass] },
    endpoints: [rosterEndpoint, classExportEndpoint, rollOverEndpoint],
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Tên lớp', en: 'Name' } },
      { name: 'grade', type: 'number', required: true, min: 1, max: 12, label: { vi: 'Khối', en: 'Grade' } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
      { name: 'homeroomTeacher', type: 'relationship', relationTo: 'users', label: { vi: 'Giáo viên chủ nhiệm', en: 'Homeroom teacher' } },
      // The class page: its roster (GET /:id/roster), the export and class changes.
      { name: 'roster', type: 'ui', label: { vi: 'Danh sách lớp', en: 'Class list' }, admin: { components: { Field: '@truongso/payload-plugin/client#ClassRoster' } } },
      {
        name: 'size',
        type: 'number',
        virtual: true,
        label: { vi: 'Sĩ số', en: 'Size' },
        admin: { readOnly: true, description: { vi: 'Tính từ danh sách học sinh đang học', en: 'Counted from current enrolments' } },
        hooks: {
          afterRead: [
            async ({ data, req }) =>
              data?.id === undefined
                ? 0
                : (await req.payload.count({ collection: 'enrolments', where: { and: [{ class: { equals: data.id } }, { endDate: { exists: false } }] }, overrideAccess: true, req })).totalDocs,
          ],
        },
      },
    ],
  }
}

/** Students (seed 000 §II.1.b). Personal data is for the managers and the homeroom teacher only. */
export function studentsCollection(): CollectionConfig {
  const personal = { access: { read: studentPersonalField } }
  return {
    slug: 'students',
    labels: { singular: { vi: 'Học sinh', en: 'Student' }, plural: { vi: 'Học sinh', en: 'Students' } },
    admin: {
      group,
      useAsTitle: 'fullName',
      defaultColumns: ['currentClass', 'fullName', 'studentCode', 'dateOfBirth', 'sex', 'status'],
      pagination: { defaultLimit: 50, limits: [25, 50, 100, 200] },
      components: {
        beforeListTable: [
          '@truongso/payload-plugin/client#ClassFilter',
          {
            path: '@truongso/payload-plugin/client#ExcelImportPanel',
            clientProps: { collection: 'students', title: { vi: 'Nhập danh sách học sinh từ Excel', en: 'Import students from Excel' }, noun: { vi: 'học sinh', en: 'students' }, askSchoolYear: true, testId: 'student-import' },
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

/** Which class a student was in, from when to when: never deleted, so any past class list can be rebuilt. */
export function enrolmentsCollection(): CollectionConfig {
  return {
    slug: 'enrolments',
    labels: { singular: { vi: 'Quá trình học', en: 'Enrolment' }, plural: { vi: 'Quá trình học (chuyển lớp, chuyển trường)', en: 'Enrolments' } },
    admin: { group, defaultColumns: ['student', 'class', 'startDate', 'endDate', 'endKind'] },
    access: { read: readClassScoped('class'), create: createRecords, update: manageRecords, delete: () => false },
    hooks: { afterChange: [syncStudentFromEnrolments] },
    fields: [
      // Who joined which class when is history: fixed once written (corrections go through a transfer).
      { name: 'student', type: 'relationship', relationTo: 'students', required: true, index: true, label: { vi: 'Học sinh', en: 'Student' }, access: { update: derivedField } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' }, access: { update: derivedField } },
      { name: 'schoolYear', type: 'text', required: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear, access: { update: derivedField } },
      date('startDate', 'Từ ngày', 'From', { required: true, index: true, access: { update: derivedField } }),
      date('endDate', 'Đến ngày', 'Until', { index: true }),
      {
        name: 'startKind',
        type: 'select',
        defaultValue: 'enrolled',
        label: { vi: 'Vào lớp do', en: 'Joined by' },
        options: [
          { value: 'enrolled', label: { vi: 'Nhập học', en: 'Enrolled' } },
          { value: 'promoted', label: { vi: 'Lên lớp', en: 'Promoted' } },
          { value: 'transfer-in', label: { vi: 'Chuyển đến', en: 'Transferred in' } },
          { value: 'class-change', label: { vi: 'Chuyển lớp', en: 'Class change' } },
        ],
      },
      {
        name: 'endKind',
        type: 'select',
        label: { vi: 'Rời lớp do', en: 'Left by' },
        options: [
          { value: 'class-change', label: { vi: 'Chuyển lớp', en: 'Class change' } },
          { value: 'transfer-out', label: { vi: 'Chuyển đi', en: 'Transferred out' } },
          { value: 'drop-out', label: { vi: 'Nghỉ học', en: 'Dropped out' } },
          { value: 'year-end', label: { vi: 'Kết thúc năm học', en: 'End of year' } },
        ],
      },
      { name: 'reason', type: 'textarea', label: { vi: 'Lý do', en: 'Reason' } },
    ],
  }
}

export function teachingAssignmentsCollection(): CollectionConfig {
  return {
    slug: 'teaching-assignments',
    labels: { singular: { vi: 'Phân công giảng dạy', en: 'Teaching assignment' }, plural: { vi: 'Phân công giảng dạy', en: 'Teaching assignments' } },
    admin: { group, defaultColumns: ['teacher', 'class', 'subject', 'term'] },
    ...managersOnly,
    fields: [
      { name: 'teacher', type: 'relationship', relationTo: 'users', required: true, index: true, label: { vi: 'Giáo viên', en: 'Teacher' } },
      { name: 'class', type: 'relationship', relationTo: 'classes', required: true, index: true, label: { vi: 'Lớp', en: 'Class' } },
      { name: 'subject', type: 'text', required: true, label: { vi: 'Môn học', en: 'Subject' } },
      {
        name: 'term',
        type: 'select',
        required: true,
        defaultValue: 'year',
        label: { vi: 'Học kì', en: 'Term' },
        options: [
          { value: 'hk1', label: 'Học kì I' },
          { value: 'hk2', label: 'Học kì II' },
          { value: 'year', label: { vi: 'Cả năm', en: 'Whole year' } },
        ],
      },
      { name: 'schoolYear', type: 'text', required: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
    ],
  }
}

/** Who opened which student's full profile, when (personal data law: reads of sensitive data are traceable). */
export function recordAccessLogsCollection(): CollectionConfig {
  return {
    slug: 'record-access-logs',
    labels: { singular: { vi: 'Nhật ký xem hồ sơ', en: 'Record access' }, plural: { vi: 'Nhật ký xem hồ sơ', en: 'Record access log' } },
    admin: { group, defaultColumns: ['createdAt', 'reader', 'kind', 'student', 'students'] },
    access: { read: manageRecords, create: () => false, update: () => false, delete: () => false },
    fields: [
      { name: 'reader', type: 'relationship', relationTo: 'users', label: { vi: 'Người xem', en: 'Reader' } },
      {
        name: 'kind',
        type: 'select',
        defaultValue: 'profile',
        label: { vi: 'Cách xem', en: 'How' },
        options: [
          { value: 'profile', label: { vi: 'Mở hồ sơ', en: 'Profile' } },
          { value: 'list', label: { vi: 'Xem danh sách', en: 'List' } },
          { value: 'export', label: { vi: 'Xuất Excel', en: 'Export' } },
        ],
      },
      { name: 'student', type: 'relationship', relationTo: 'students', label: { vi: 'Học sinh', en: 'Student' } },
      { name: 'students', type: 'relationship', relationTo: 'students', hasMany: true, label: { vi: 'Các học sinh (danh sách, tệp xuất)', en: 'Students (list, export)' } },
    ],
  }
}

export { subjectsCollection } from './subjects.ts'

export { recordPhotosCollection } from './photos.ts'

export const RECORD_COLLECTIONS = ['school-years', 'subjects', 'departments', 'staff', 'classes', 'students', 'enrolments', 'teaching-assignments', 'record-access-logs', 'record-photos'] as const
