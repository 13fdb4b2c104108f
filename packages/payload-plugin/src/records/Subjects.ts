import type { CollectionConfig } from 'payload'

import { regularAssessmentCount } from '@truongso/assessment'

import { validateSchoolYear } from '../website/schoolYear.ts'
import { managersOnly, recordsGroup } from './fields.ts'

/**
 * Subjects a school offers per grade and school year, seeded from the level's catalogue
 * (@truongso/assessment); the school edits the periods per year, and the number of regular
 * assessments per term follows from them (Circular 22: ≤35 → 2, ≤70 → 3, more → 4; comment subjects 2).
 */
export function subjectsCollection(): CollectionConfig {
  return {
    slug: 'subjects',
    labels: { singular: { vi: 'Môn học', en: 'Subject' }, plural: { vi: 'Môn học theo khối', en: 'Subjects by grade' } },
    admin: { group: recordsGroup, useAsTitle: 'name', defaultColumns: ['grade', 'name', 'kind', 'periodsPerYear', 'regularAssessments'] },
    ...managersOnly,
    defaultSort: 'grade',
    fields: [
      { name: 'name', type: 'text', required: true, label: { vi: 'Môn học / hoạt động', en: 'Subject' } },
      { name: 'grade', type: 'number', required: true, min: 1, max: 12, index: true, label: { vi: 'Khối', en: 'Grade' } },
      { name: 'schoolYear', type: 'text', required: true, index: true, label: { vi: 'Năm học', en: 'School year' }, validate: validateSchoolYear },
      {
        name: 'kind',
        type: 'select',
        required: true,
        label: { vi: 'Hình thức đánh giá', en: 'Assessment' },
        options: [
          { value: 'scored', label: { vi: 'Nhận xét và điểm số', en: 'Comment and score' } },
          { value: 'comment', label: { vi: 'Chỉ nhận xét (Đ/CĐ)', en: 'Comment only' } },
          { value: 'primary', label: { vi: 'Tiểu học: nhận xét và mức (HTT/HT/CHT)', en: 'Primary: comment and level' } },
        ],
      },
      { name: 'periodsPerYear', type: 'number', min: 1, label: { vi: 'Số tiết/năm', en: 'Periods per year' } },
      {
        name: 'regularAssessments',
        type: 'number',
        virtual: true,
        label: { vi: 'Số lần ĐGTX mỗi học kì', en: 'Regular assessments per term' },
        admin: { readOnly: true },
        hooks: {
          afterRead: [({ siblingData }) => (siblingData.kind === 'comment' ? 2 : siblingData.kind === 'scored' && siblingData.periodsPerYear ? regularAssessmentCount(siblingData.periodsPerYear) : null)],
        },
      },
    ],
  }
}
