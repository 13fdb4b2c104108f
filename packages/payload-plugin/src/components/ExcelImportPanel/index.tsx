'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import { currentSchoolYear } from '../../content/schoolYear.ts'
import { schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'

type RowError = { row: number; column: string; message: string }
type Result = { ok: true; report: { created: number; updated: number; moved?: number } } | { ok: false; message: string; errors: RowError[] }

export type ExcelImportPanelProps = {
  /** The collection whose `/import` and `/import-template` endpoints the panel calls. */
  collection: 'students' | 'staff'
  title: string
  /** What the rows are, for the report ("học sinh", "nhân sự"). */
  noun: string
  /** Students are enrolled into a school year's classes: ask for it. */
  askSchoolYear?: boolean
  /** A download of the current list (.xlsx), when there is one. */
  exportPath?: string
  testId: string
}

/**
 * Above a records list, for the school's managers: download the Excel template, import a file,
 * read the report of every wrong cell, fix and import again (nothing is written until all rows pass).
 */
export function ExcelImportPanel({ collection, title, noun, askSchoolYear = false, exportPath, testId }: ExcelImportPanelProps) {
  const { user } = useAuth()
  const { config } = useConfig()
  const [schoolYear, setSchoolYear] = useState(currentSchoolYear())
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  if (!user || schoolsWhereUserHas(user as unknown as RoleHolder, RECORD_MANAGERS).length === 0) return null
  const api = `${config.serverURL ?? ''}${config.routes.api}/${collection}`
  const headingId = `nhap-${collection}`

  async function upload() {
    if (!file) return
    setBusy(true)
    setResult(null)
    try {
      const form = new FormData()
      form.append('file', file)
      const query = askSchoolYear ? `?schoolYear=${encodeURIComponent(schoolYear)}` : ''
      const response = await fetch(`${api}/import${query}`, { method: 'POST', body: form, credentials: 'include' })
      const body = await response.json()
      setResult(response.ok ? { ok: true, report: body.report } : { ok: false, message: body.errors?.[0]?.message ?? response.statusText, errors: body.report?.errors ?? [] })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section aria-labelledby={headingId} data-testid={testId} style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }}>
      <h3 id={headingId} style={{ margin: '0 0 8px' }}>{title}</h3>
      <p style={{ margin: '0 0 8px' }}>
        <a href={`${api}/import-template`} download>Tải tệp mẫu (.xlsx)</a>
        {exportPath ? <> · <a href={`${config.serverURL ?? ''}${config.routes.api}${exportPath}`} download>Xuất danh sách (.xlsx)</a></> : null}
        {collection === 'students' ? ' · Nhận cả tệp xuất từ vnEdu.' : ''} Nếu có lỗi, chưa có dữ liệu nào được ghi.
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {askSchoolYear ? (
          <label>
            Năm học{' '}
            <input value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)} style={{ width: 110, padding: '6px 8px' }} aria-label="Năm học" />
          </label>
        ) : null}
        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label="Tệp Excel" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button buttonStyle="primary" size="medium" disabled={!file || busy} onClick={upload}>
          {busy ? 'Đang nhập…' : 'Nhập danh sách'}
        </Button>
      </div>
      {result?.ok ? (
        <p role="status" data-testid="import-result">
          Đã nhập xong: thêm {result.report.created}, cập nhật {result.report.updated} {noun}{result.report.moved ? `, chuyển lớp ${result.report.moved}` : ''}.
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

export default ExcelImportPanel
