'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import { currentSchoolYear } from '../../content/schoolYear.ts'
import { schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'

type RowError = { row: number; column: string; message: string }
type Result = { ok: true; report: { created: number; updated: number; moved: number } } | { ok: false; message: string; errors: RowError[] }

/**
 * Above the students list, for the school's managers: download the Excel template, import a file,
 * read the report of every wrong cell, fix and import again (nothing is written until all rows pass).
 */
export function StudentImportPanel() {
  const { user } = useAuth()
  const { config } = useConfig()
  const [schoolYear, setSchoolYear] = useState(currentSchoolYear())
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  if (!user || schoolsWhereUserHas(user as unknown as RoleHolder, RECORD_MANAGERS).length === 0) return null
  const api = `${config.serverURL ?? ''}${config.routes.api}/students`

  async function upload() {
    if (!file) return
    setBusy(true)
    setResult(null)
    try {
      const form = new FormData()
      form.append('file', file)
      const response = await fetch(`${api}/import?schoolYear=${encodeURIComponent(schoolYear)}`, { method: 'POST', body: form, credentials: 'include' })
      const body = await response.json()
      setResult(response.ok ? { ok: true, report: body.report } : { ok: false, message: body.errors?.[0]?.message ?? response.statusText, errors: body.report?.errors ?? [] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby="nhap-hoc-sinh" data-testid="student-import" style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }}>
      <h3 id="nhap-hoc-sinh" style={{ margin: '0 0 8px' }}>Nhập danh sách học sinh từ Excel</h3>
      <p style={{ margin: '0 0 8px' }}>
        <a href={`${api}/import-template`} download>Tải tệp mẫu (.xlsx)</a> · Nhận cả tệp xuất từ vnEdu. Nếu có lỗi, chưa có dữ liệu nào được ghi.
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        <label>
          Năm học{' '}
          <input value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)} style={{ width: 110, padding: '6px 8px' }} aria-label="Năm học" />
        </label>
        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="Tệp Excel" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button buttonStyle="primary" size="medium" disabled={!file || busy} onClick={upload}>
          {busy ? 'Đang nhập…' : 'Nhập danh sách'}
        </Button>
      </div>
      {result?.ok ? (
        <p role="status" data-testid="import-result">
          Đã nhập xong: thêm {result.report.created}, cập nhật {result.report.updated} học sinh{result.report.moved ? `, chuyển lớp ${result.report.moved}` : ''}.
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" data-testid="import-errors">
          <p>{result.message}</p>
          {result.errors.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">Dòng</th>
                  <th scope="col">Cột</th>
                  <th scope="col">Lỗi</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.slice(0, 200).map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.column}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}

export default StudentImportPanel
