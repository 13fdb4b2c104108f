'use client'
import { Button, useAuth, useConfig } from '@payloadcms/ui'
import React, { useState } from 'react'

import { currentSchoolYear } from '../../website/schoolYear.ts'
import { currentUser, schoolsWhereUserHas } from '../../roles.ts'
import { RECORD_MANAGERS } from '../../records/rights.ts'
import type { MessageKey } from '../../translations/index.ts'
import { useMessage } from '../../translations/useMessage.ts'

type RowError = { row: number; column: string; message: string }
type Result = { ok: true; report: { created: number; updated: number; moved?: number } } | { ok: false; message: string; errors: RowError[] }

export type ExcelImportPanelProps = {
  /** The collection whose `/import` and `/import-template` endpoints the panel calls. */
  collection: 'students' | 'staff'
  /** Catalogue keys (translations/index.ts): the panel follows the admin's language. */
  title: MessageKey
  /** What the rows are, for the report (e.g. `ui.import.students-noun`). */
  noun: MessageKey
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
  const t = useMessage()
  const [schoolYear, setSchoolYear] = useState(currentSchoolYear())
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  if (!user || schoolsWhereUserHas(currentUser({ user }), RECORD_MANAGERS).length === 0) return null
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
      <h3 id={headingId} style={{ margin: '0 0 8px' }}>{t(title)}</h3>
      <p style={{ margin: '0 0 8px' }}>
        <a href={`${api}/import-template`} download>{t('ui.import.template')}</a>
        {exportPath ? <> · <a href={`${config.serverURL ?? ''}${config.routes.api}${exportPath}`} download>{t('ui.import.export')}</a></> : null}
        {collection === 'students' ? t('ui.import.vnedu') : ''}{' '}
        {t('ui.import.all-or-nothing')}
      </p>
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
        {askSchoolYear ? (
          <label>
            {t('ui.import.school-year')}{' '}
            <input value={schoolYear} onChange={(e) => setSchoolYear(e.target.value)} style={{ width: 110, padding: '6px 8px' }} aria-label={t('ui.import.school-year')} />
          </label>
        ) : null}
        <input type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-label={t('ui.import.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <Button buttonStyle="primary" size="medium" disabled={!file || busy} onClick={upload}>
          {busy ? t('ui.import.busy') : t('ui.import.submit')}
        </Button>
      </div>
      {result?.ok ? (
        <p role="status" data-testid="import-result">
          {t('ui.import.done', {
            created: result.report.created,
            updated: result.report.updated,
            noun: t(noun),
            moved: result.report.moved ? t('ui.import.done-moved', { moved: result.report.moved }) : '',
          })}
        </p>
      ) : null}
      {result && !result.ok ? (
        <div role="alert" data-testid="import-errors">
          <p>{result.message}</p>
          {result.errors.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('ui.import.row')}</th>
                  <th scope="col">{t('ui.import.column')}</th>
                  <th scope="col">{t('ui.import.error')}</th>
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
