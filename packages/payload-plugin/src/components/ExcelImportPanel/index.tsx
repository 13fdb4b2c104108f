'use client'
import { Button, useAuth, useConfig, useTranslation } from '@payloadcms/ui'
import React, { useState } from 'react'

import { currentSchoolYear } from '../../website/schoolYear.ts'
import { schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'

/** A Vietnamese text, or both languages (the panel follows the admin's language). */
type Text = string | { vi: string; en: string }

type RowError = { row: number; column: string; message: string }
type Result = { ok: true; report: { created: number; updated: number; moved?: number } } | { ok: false; message: string; errors: RowError[] }

export type ExcelImportPanelProps = {
  /** The collection whose `/import` and `/import-template` endpoints the panel calls. */
  collection: 'students' | 'staff'
  title: Text
  /** What the rows are, for the report ("học sinh", "nhân sự"). */
  noun: Text
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
  const { i18n } = useTranslation()
  const en = i18n.language === 'en'
  const t = (vi: string, english: string) => (en ? english : vi)
  const say = (text: Text) => (typeof text === 'string' ? text : en ? text.en : text.vi)
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
      <h3 id={headingId} style={{ margin: '0 0 8px' }}>{say(title)}</h3>
      <p style={{ margin: '0 0 8px' }}>
        <a href={`${api}/import-template`} download>{t('Tải tệp mẫu (.xlsx)', 'Download the template (.xlsx)')}</a>
        {exportPath ? <> · <a href={`${config.serverURL ?? ''}${config.routes.api}${exportPath}`} download>{t('Xuất danh sách (.xlsx)', 'Export the list (.xlsx)')}</a></> : null}
        {collection === 'students' ? t(' · Nhận cả tệp xuất từ vnEdu.', ' · vnEdu exports are accepted too.') : ''}{' '}
        {t('Nếu có lỗi, chưa có dữ liệu nào được ghi.', 'If any row has an error, nothing is written.')}
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {askSchoolYear ? (
          <label>
            {t('Năm học', 'School year')}{' '}
            <input value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)} style={{ width: 110, padding: '6px 8px' }} aria-label={t('Năm học', 'School year')} />
          </label>
        ) : null}
        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t('Tệp Excel', 'Excel file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button buttonStyle="primary" size="medium" disabled={!file || busy} onClick={upload}>
          {busy ? t('Đang nhập…', 'Importing…') : t('Nhập danh sách', 'Import the list')}
        </Button>
      </div>
      {result?.ok ? (
        <p role="status" data-testid="import-result">
          {en
            ? `Imported: ${result.report.created} added, ${result.report.updated} ${say(noun)} updated${result.report.moved ? `, ${result.report.moved} moved to another class` : ''}.`
            : `Đã nhập xong: thêm ${result.report.created}, cập nhật ${result.report.updated} ${say(noun)}${result.report.moved ? `, chuyển lớp ${result.report.moved}` : ''}.`}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" data-testid="import-errors">
          <p>{result.message}</p>
          {result.errors.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('Dòng', 'Row')}</th>
                  <th scope="col">{t('Cột', 'Column')}</th>
                  <th scope="col">{t('Lỗi', 'Error')}</th>
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
