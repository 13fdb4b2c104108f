/**
 * Every user-facing word of the package: field labels and validation messages, Vietnamese first
 * with the English in brackets, so a teacher and a developer both read the same error.
 */

export type FieldLabel = { vi: string; en: string }

export const FIELDS = {
  tx: { vi: 'điểm đánh giá thường xuyên', en: 'regular assessment score' },
  gk: { vi: 'điểm giữa kì', en: 'mid-term score' },
  ck: { vi: 'điểm cuối kì', en: 'end-of-term score' },
  hk1: { vi: 'điểm trung bình môn học kì I', en: 'term I subject average' },
  hk2: { vi: 'điểm trung bình môn học kì II', en: 'term II subject average' },
  subjectAverage: { vi: 'điểm trung bình môn', en: 'subject average' },
  yearAverage: { vi: 'điểm trung bình môn cả năm', en: 'year subject average' },
  periodicTest: { vi: 'điểm kiểm tra định kì', en: 'periodic test score' },
  periodsPerYear: { vi: 'số tiết một năm học', en: 'periods per school year' },
  required: { vi: 'số lần đánh giá bắt buộc', en: 'required assessment count' },
  commentMark: { vi: 'kết quả đánh giá bằng nhận xét', en: 'comment mark' },
  learning: { vi: 'mức kết quả học tập', en: 'learning level' },
  conduct: { vi: 'mức kết quả rèn luyện', en: 'conduct level' },
  absences: { vi: 'số buổi nghỉ học', en: 'number of sessions absent' },
  primarySubject: { vi: 'mức đạt được của môn học', en: 'primary subject result' },
  quality: { vi: 'mức phẩm chất', en: 'quality level' },
  competence: { vi: 'mức năng lực', en: 'competence level' },
  schoolLevel: { vi: 'cấp học', en: 'school level' },
  grade: { vi: 'khối lớp', en: 'grade' },
  subjectKind: { vi: 'cách đánh giá môn học', en: 'subject kind' },
  subjectName: { vi: 'tên môn học', en: 'subject name' },
  studentId: { vi: 'mã học sinh', en: 'student id' },
  studentName: { vi: 'họ tên học sinh', en: 'student name' },
  input: { vi: 'dữ liệu đầu vào', en: 'input' },
  list: { vi: 'danh sách', en: 'list' },
} as const satisfies Record<string, FieldLabel>

/** How a rejected value is quoted back: numbers as typed, strings in quotes. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === undefined) return 'nothing'
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value)
  if (Array.isArray(value)) return 'a list'
  return typeof value
}

export const MESSAGES = {
  missing: (f: FieldLabel) => `thiếu ${f.vi} (missing ${f.en})`,
  notANumber: (f: FieldLabel, got: unknown) => `${f.vi} phải là một số (${f.en} must be a number; got ${describeValue(got)})`,
  scoreRange: (f: FieldLabel, got: unknown) => `${f.vi} phải từ 0 đến 10 (${f.en} must be between 0 and 10; got ${describeValue(got)})`,
  oneDecimal: (f: FieldLabel, got: unknown) =>
    `${f.vi} chỉ được có một chữ số thập phân (${f.en} must have at most one decimal; got ${describeValue(got)})`,
  wholeNumber: (f: FieldLabel, got: unknown) => `${f.vi} phải là số nguyên (${f.en} must be a whole number; got ${describeValue(got)})`,
  positiveWhole: (f: FieldLabel, got: unknown) =>
    `${f.vi} phải là số nguyên dương (${f.en} must be a positive whole number; got ${describeValue(got)})`,
  nonNegativeWhole: (f: FieldLabel, got: unknown) =>
    `${f.vi} phải là số nguyên không âm (${f.en} must be a whole number ≥ 0; got ${describeValue(got)})`,
  oneOf: (f: FieldLabel, allowed: readonly (string | number)[], got: unknown) =>
    `${f.vi} phải là một trong: ${allowed.join(', ')} (unknown ${f.en}; got ${describeValue(got)})`,
  notAList: (f: FieldLabel, got: unknown) => `${f.vi} phải là một danh sách (${f.en} must be a list; got ${describeValue(got)})`,
  notAnObject: (f: FieldLabel, got: unknown) => `${f.vi} không hợp lệ (${f.en} must be an object; got ${describeValue(got)})`,
  notText: (f: FieldLabel, got: unknown) => `${f.vi} phải là chữ, không rỗng (${f.en} must be non-empty text; got ${describeValue(got)})`,
  atLeastOneRegular: () => 'cần ít nhất một điểm đánh giá thường xuyên (at least one regular assessment score is needed)',
  unknownSubject: (names: readonly string[]) =>
    `môn học không có trong danh mục: ${names.join(', ')} (unknown subject${names.length > 1 ? 's' : ''})`,
  unknownSubjectOverride: (names: readonly string[]) =>
    `không thể đổi số tiết của môn không có trong danh mục: ${names.join(', ')} (unknown subject in period overrides)`,
  noSubjects: () => 'danh sách môn học trống (the subject list is empty)',
  duplicateSubject: (name: string) => `môn học bị lặp: ${name} (duplicate subject)`,
  duplicateStudent: (id: string) => `mã học sinh bị lặp: ${id} (duplicate student id)`,
  gradeForLevel: (level: string, grades: readonly number[], got: unknown) =>
    `khối lớp của cấp ${level} phải là một trong: ${grades.join(', ')} (grade not taught at ${level}; got ${describeValue(got)})`,
}
