import { slugify } from '@truongso/snapshot'

/**
 * Columns of the student sheet: our template's Vietnamese headers, and the other names the same
 * column carries in a vnEdu export. Headers are matched without diacritics, case or spacing.
 */
export type SheetColumn = {
  key: string
  header: string
  aliases: string[]
  /** Personal data: exported only to readers with the right (docs/domain.md § Who sees personal data). */
  personal?: boolean
}

export type StudentColumn = SheetColumn

export const STUDENT_COLUMNS: StudentColumn[] = [
  { key: 'studentCode', header: 'Mã học sinh', aliases: ['Mã HS', 'Ma hoc sinh', 'Mã định danh học sinh'] },
  { key: 'fullName', header: 'Họ và tên', aliases: ['Họ tên', 'Họ tên học sinh', 'Tên học sinh'] },
  { key: 'dateOfBirth', header: 'Ngày sinh', aliases: ['Ngày tháng năm sinh', 'NS'] },
  { key: 'sex', header: 'Giới tính', aliases: ['GT', 'Phái'] },
  { key: 'className', header: 'Lớp', aliases: ['Tên lớp', 'Lớp học'] },
  { key: 'cccd', header: 'Số CCCD', aliases: ['CCCD', 'Mã định danh', 'Số định danh cá nhân', 'Mã định danh cá nhân'] },
  { key: 'cohort', header: 'Niên khóa', aliases: ['Khóa'] },
  { key: 'ethnicity', header: 'Dân tộc', aliases: [], personal: true },
  { key: 'religion', header: 'Tôn giáo', aliases: [], personal: true },
  { key: 'birthplace', header: 'Nơi sinh', aliases: [], personal: true },
  { key: 'currentAddress', header: 'Chỗ ở hiện nay', aliases: ['Địa chỉ hiện nay', 'Nơi ở hiện nay'], personal: true },
  { key: 'permanentAddress', header: 'Nơi thường trú', aliases: ['Địa chỉ thường trú', 'Hộ khẩu thường trú'], personal: true },
  { key: 'phone', header: 'Số điện thoại liên lạc', aliases: ['Điện thoại', 'SĐT', 'Số điện thoại'], personal: true },
  { key: 'policyCategory', header: 'Diện chính sách', aliases: ['Đối tượng chính sách'], personal: true },
  { key: 'fatherName', header: 'Họ tên cha', aliases: ['Họ và tên cha', 'Tên cha'], personal: true },
  { key: 'fatherOccupation', header: 'Nghề nghiệp cha', aliases: ['Nghề nghiệp của cha'], personal: true },
  { key: 'motherName', header: 'Họ tên mẹ', aliases: ['Họ và tên mẹ', 'Tên mẹ'], personal: true },
  { key: 'motherOccupation', header: 'Nghề nghiệp mẹ', aliases: ['Nghề nghiệp của mẹ'], personal: true },
]

export const REQUIRED_COLUMNS = ['studentCode', 'fullName', 'dateOfBirth', 'sex', 'className']

export function normaliseHeader(text: string): string {
  return slugify(text, 200).replace(/-/g, ' ')
}

/** Maps a sheet's header cells to column keys (by header or alias); unknown headers are ignored. */
export function matchColumns(columns: SheetColumn[], headers: string[]): Map<number, string> {
  const lookup = new Map<string, string>()
  for (const column of columns) for (const name of [column.header, ...column.aliases]) lookup.set(normaliseHeader(name), column.key)
  const found = new Map<number, string>()
  headers.forEach((header, index) => {
    const key = lookup.get(normaliseHeader(header))
    if (key && ![...found.values()].includes(key)) found.set(index, key)
  })
  return found
}

export const matchHeaders = (headers: string[]) => matchColumns(STUDENT_COLUMNS, headers)
