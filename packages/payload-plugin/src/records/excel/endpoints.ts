import { addDataAndFileToRequest, type Endpoint } from 'payload'
import { z } from 'zod'

import { schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { isSchoolYear } from '../../website/schoolYear.ts'
import { RECORD_MANAGERS } from '../rights.ts'
import { importStaff, staffListWorkbook, staffTemplate } from './staffSheets.ts'
import { ClassListForbidden, classListWorkbook, importStudents, studentTemplate } from './studentSheets.ts'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const fail = (status: number, message: string, extra: Record<string, unknown> = {}) => Response.json({ errors: [{ message }], ...extra }, { status })
const download = (buffer: Buffer, name: string) =>
  new Response(new Uint8Array(buffer), { headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}` } })

/** GET /api/students/import-template → the .xlsx template with Vietnamese headers. */
export const studentTemplateEndpoint: Endpoint = {
  path: '/import-template',
  method: 'get',
  handler: async (req) => (req.user ? download(await studentTemplate(), 'mau-nhap-hoc-sinh.xlsx') : fail(401, 'Cần đăng nhập.')),
}

const importQuery = z.object({ schoolYear: z.string().refine(isSchoolYear, { error: 'năm học phải có dạng 2026-2027' }), school: z.string().optional() })

/** POST /api/students/import?schoolYear=2026-2027 (multipart field "file"): all rows or none. */
export const studentImportEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const actor = req.user as unknown as RoleHolder | null
    if (!actor) return fail(401, 'Cần đăng nhập.')
    const url = new URL(req.url ?? 'http://x')
    const query = importQuery.safeParse(Object.fromEntries(url.searchParams))
    if (!query.success) return fail(400, `Yêu cầu không hợp lệ: ${query.error.issues.map((i) => i.message).join('; ')}`)
    const schools = schoolsWhereUserHas(actor, RECORD_MANAGERS)
    const school = query.data.school ?? (schools.length === 1 ? String(schools[0]) : undefined)
    if (!school || !schools.some((s) => String(s) === school)) return fail(403, 'Chỉ quản trị trường và BGH được nhập danh sách học sinh của trường mình.')
    await addDataAndFileToRequest(req)
    const file = req.file
    if (!file?.data?.length) return fail(400, 'Chưa chọn tệp Excel (.xlsx).')
    let report
    try {
      report = await importStudents(req, { school, schoolYear: query.data.schoolYear, buffer: file.data })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'student import failed' })
      return fail(400, 'Không đọc được tệp: hãy dùng tệp .xlsx theo mẫu. Không có dữ liệu nào được ghi.')
    }
    if (!report.ok) return fail(400, `Có ${report.errors.length} lỗi; chưa ghi dữ liệu nào. Sửa các dòng được liệt kê rồi nhập lại.`, { report })
    return Response.json({ ok: true, report })
  },
}

/** GET /api/classes/:id/export → the class list as .xlsx, masked for readers without the right. */
export const classExportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return fail(401, 'Cần đăng nhập.')
    try {
      const { name, buffer } = await classListWorkbook(req, String(req.routeParams?.id))
      return download(buffer, name)
    } catch (error) {
      if (error instanceof ClassListForbidden) return fail(403, 'Chỉ giáo viên dạy hoặc chủ nhiệm lớp này và BGH được tải danh sách lớp.')
      return fail(404, 'Không tìm thấy lớp.')
    }
  },
}

function singleManagedSchool(actor: RoleHolder, requested: string | null): string | null {
  const schools = schoolsWhereUserHas(actor, RECORD_MANAGERS).map(String)
  const school = requested ?? (schools.length === 1 ? schools[0]! : null)
  return school && schools.includes(school) ? school : null
}

/** GET /api/staff/import-template: the staff sheet with its Vietnamese headers and an example row. */
export const staffTemplateEndpoint: Endpoint = {
  path: '/import-template',
  method: 'get',
  handler: async (req) => (req.user ? download(await staffTemplate(), 'mau-nhap-nhan-su.xlsx') : fail(401, 'Cần đăng nhập.')),
}

/** POST /api/staff/import (multipart "file"): all rows or none, with a row/column report. */
export const staffImportEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    const actor = req.user as unknown as RoleHolder | null
    if (!actor) return fail(401, 'Cần đăng nhập.')
    const school = singleManagedSchool(actor, new URL(req.url ?? 'http://x').searchParams.get('school'))
    if (!school) return fail(403, 'Chỉ quản trị trường và BGH được nhập danh sách nhân sự của trường mình.')
    await addDataAndFileToRequest(req)
    if (!req.file?.data?.length) return fail(400, 'Chưa chọn tệp Excel (.xlsx).')
    try {
      const report = await importStaff(req, { school, buffer: req.file.data })
      return report.ok ? Response.json({ ok: true, report }) : fail(400, `Có ${report.errors.length} lỗi; chưa ghi dữ liệu nào.`, { report })
    } catch (error) {
      req.payload.logger.error({ err: error, msg: 'staff import failed' })
      return fail(400, 'Không đọc được tệp: hãy dùng tệp .xlsx. Không có dữ liệu nào được ghi.')
    }
  },
}

/** GET /api/staff/export?school=…: the staff list, full for managers, the directory subset for others. */
export const staffExportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const actor = req.user as unknown as RoleHolder | null
    if (!actor) return fail(401, 'Cần đăng nhập.')
    const requested = new URL(req.url ?? 'http://x').searchParams.get('school')
    const member = schoolsWhereUserHas(actor).map(String)
    const school = requested ?? (member.length === 1 ? member[0]! : null)
    if (!school || !member.includes(school)) return fail(403, 'Bạn không thuộc trường này.')
    return download(await staffListWorkbook(req, school), 'danh-sach-nhan-su.xlsx')
  },
}
