'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { stateLabels, type ReviewState } from '../../workflow/states.ts'
import { useLanguage, useMessage } from '../../translations/useMessage.ts'
import { mayFileInto, sameId } from '../../educationRecords/filers.ts'
import { DEFAULT_BOARD_ROLES, type RoleHolder } from '../../roles.ts'
import { postJson, uploadVersion } from './recordApi.ts'
import { ReviewControls } from './ReviewControls.tsx'

type ID = number | string
type Folder = { id: ID; name: string; path: string; parent: ID | null; order: number; department: ID | null; owner: ID | null; school: ID; acceptsFiles: boolean; filers: string[]; extraFilers?: ID[]; approval: 'none' | 'board' | 'leader-then-board'; requiresSignature: boolean; closed: boolean }
type Signature = { signerName?: string | null; modifiedAfterSigning?: boolean | null; signatureValid?: boolean | null }
type FileVersion = { id: ID; version: number; sha256: string; approved: boolean; signatures?: Signature[]; url?: string; filename?: string; document: ID }
type RecordDoc = { id: ID; title: string; folder: ID; author: ID; workflowState: ReviewState; versionCount: number; lastReturnReason?: string | null; currentFile?: ID | null; approvedFile?: ID | null }

const list = async <T,>(url: string): Promise<T[]> => {
  const response = await fetch(url, { credentials: 'include' })
  return response.ok ? ((await response.json()) as { docs: T[] }).docs : []
}

/**
 * /admin/education-records (issue 15 items 1–4): the school's document tree of a school year, each
 * folder with its documents, their versions (SHA-256, the approved one, the signatures read from a
 * PDF) and what the reader may do: file a new document where the folder lets them, upload a new
 * version, hand it in, approve or return it with a note. Earlier years are read-only.
 */
export function RecordsTree({ school, schoolYear }: { school: ID; schoolYear: string }) {
  const { config } = useConfig()
  const { user } = useAuth()
  const t = useMessage()
  const lang = useLanguage()
  const api = `${config.serverURL ?? ''}${config.routes.api}`
  const [data, setData] = useState<{ folders: Folder[]; docs: RecordDoc[]; files: FileVersion[] } | null>(null)
  const [version, setVersion] = useState(0)
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const reload = useCallback(() => setVersion((v) => v + 1), [])

  useEffect(() => {
    let live = true
    const inYear = `where[school][equals]=${school}&where[schoolYear][equals]=${encodeURIComponent(schoolYear)}&depth=0&pagination=false&limit=0`
    Promise.all([list<Folder>(`${api}/document-folders?${inYear}&sort=order`), list<RecordDoc>(`${api}/education-documents?${inYear}&sort=title`)])
      .then(async ([folders, docs]) => {
        const ids = docs.map((d) => d.id).join(',')
        const files = ids ? await list<FileVersion>(`${api}/education-files?where[document][in]=${ids}&depth=0&pagination=false&limit=0&sort=version`) : []
        if (live) setData({ folders, docs, files })
      })
      .catch(() => live && setStatus({ error: true, text: t('ui.attendance.offline') }))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, school, schoolYear, version])

  if (!data || !user) return status ? <p role="alert">{status.text}</p> : null
  const actor = user as unknown as RoleHolder
  const memberships = (actor.memberships ?? []).filter((m) => sameId(m.school, school))
  const board = memberships.some((m) => (m.roles ?? []).some((r) => (DEFAULT_BOARD_ROLES as readonly string[]).includes(r)))
  const manager = board || memberships.some((m) => (m.roles ?? []).includes('school-admin'))
  const leads = (department: ID | null) => department !== null && memberships.some((m) => (m.roles ?? []).includes('team-leader') && sameId(m.department, department))

  if (data.folders.length === 0) {
    return (
      <div>
        <p>{t('ui.records.no-tree')}</p>
        {manager ? (
          <button
            type="button"
            className="btn btn--style-primary"
            data-testid="make-tree"
            onClick={async () => {
              const outcome = await postJson(`${api}/document-folders/tree`, { school, schoolYear })
              setStatus(outcome.ok ? { error: false, text: t('ui.records.tree-made', { created: Number(outcome.body.created), existing: Number(outcome.body.existing) }) } : { error: true, text: outcome.text })
              reload()
            }}
          >
            {t('ui.records.make-tree')}
          </button>
        ) : null}
        {status ? <p role="status">{status.text}</p> : null}
      </div>
    )
  }

  const children = (parent: ID | null) => data.folders.filter((f) => (parent === null ? f.parent === null || f.parent === undefined : sameId(f.parent, parent)))
  // Open where there is something to read or to do: documents, or a folder the reader files into.
  const relevant = (folder: Folder): boolean =>
    data.docs.some((d) => sameId(d.folder, folder.id)) || (!folder.closed && folder.acceptsFiles && mayFileInto(actor, folder)) || children(folder.id).some(relevant)
  const render = (folder: Folder, depth: number): React.ReactNode => {
    const docs = data.docs.filter((d) => sameId(d.folder, folder.id))
    const sub = children(folder.id)
    const mayFile = !folder.closed && folder.acceptsFiles && mayFileInto(actor, folder)
    const waiting = docs.filter((d) => d.workflowState === 'submitted' || d.workflowState === 'leader-approved').length
    return (
      <details key={String(folder.id)} open={depth === 0 || relevant(folder)} data-testid="records-folder" data-path={folder.path} style={{ marginLeft: depth === 0 ? 0 : 14, padding: '2px 0' }}>
        <summary style={{ cursor: 'pointer', padding: '4px 0', fontWeight: depth === 0 ? 600 : 400 }}>
          {folder.name}
          {folder.closed ? ` (${t('ui.records.closed')})` : ''}
          {folder.acceptsFiles ? ` · ${docs.length}` : ''}
          {waiting > 0 ? <span style={{ color: '#8a5300' }}> · {t('ui.records.waiting-me', { count: waiting })}</span> : null}
        </summary>
        {folder.acceptsFiles ? (
          <div style={{ marginLeft: 14 }}>
            {docs.length === 0 ? <p style={{ margin: '4px 0', color: 'var(--theme-elevation-600, #555)' }}>{t('ui.records.empty-folder')}</p> : null}
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {docs.map((doc) => {
                const versions = data.files.filter((f) => sameId(f.document, doc.id))
                const current = versions.find((f) => sameId(f.id, doc.currentFile))
                const approved = versions.find((f) => f.approved)
                const signers = (current?.signatures ?? []).filter((s) => s.signerName)
                return (
                  <li key={String(doc.id)} data-testid="records-document" data-title={doc.title} style={{ padding: '6px 0', borderBottom: '1px solid var(--theme-elevation-100, #e5e5e5)' }}>
                    <div>
                      <strong>{doc.title}</strong> · <span data-testid="records-document-state">{stateLabels[doc.workflowState]?.[lang] ?? doc.workflowState}</span> · {t('ui.records.versions', { count: doc.versionCount })}
                      {approved ? ` · ${t('ui.records.approved-version', { version: approved.version })}` : ''}
                    </div>
                    {current ? (
                      <div style={{ fontSize: 13, overflowWrap: 'anywhere' }}>
                        {current.url ? <a href={current.url}>{current.filename}</a> : current.filename} · SHA-256 <code>{current.sha256}</code>
                        {signers.length > 0 ? ` · ${t('ui.records.signed-by', { names: signers.map((s) => s.signerName).join(', ') })}` : ''}
                        {signers.some((s) => s.modifiedAfterSigning) ? <span style={{ color: '#b71c1c' }}> · {t('ui.records.modified-after-signing')}</span> : null}
                      </div>
                    ) : null}
                    {doc.workflowState === 'returned' && doc.lastReturnReason ? <div style={{ color: '#8c1d18' }}>{t('ui.records.returned-note', { note: doc.lastReturnReason })}</div> : null}
                    {folder.closed || folder.approval === 'none' ? null : (
                      <ReviewControls
                        api={api}
                        collection="education-documents"
                        item={{ id: doc.id, state: doc.workflowState, versionCount: doc.versionCount, lastReturnReason: doc.lastReturnReason }}
                        rights={{ submitter: sameId(doc.author, user.id), leader: leads(folder.department) && !sameId(doc.author, user.id), board, leaderStep: folder.approval === 'leader-then-board' }}
                        onChange={reload}
                        testId={`records-document-${doc.id}`}
                      />
                    )}
                  </li>
                )
              })}
            </ul>
            {mayFile ? (
              // Folded away where the folder already has documents: the tree stays readable for the board, who may file almost everywhere.
              <details open={docs.length === 0 && !folder.filers.includes('board')} style={{ margin: '4px 0' }}>
                <summary style={{ cursor: 'pointer', color: 'var(--theme-success-750, #1b5e20)' }}>{t('ui.records.file-new')}</summary>
                <FileNewDocument api={api} folder={folder} onFiled={reload} />
              </details>
            ) : null}
          </div>
        ) : null}
        {sub.map((f) => render(f, depth + 1))}
      </details>
    )
  }
  return <div data-testid="records-tree">{children(null).map((f) => render(f, 0))}</div>
}

function FileNewDocument({ api, folder, onFiled }: { api: string; folder: Folder; onFiled: () => void }) {
  const t = useMessage()
  const [title, setTitle] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null)
  const file_ = async () => {
    if (!file || !title.trim()) return
    setBusy(true)
    setStatus(null)
    const created = await postJson(`${api}/education-documents?depth=0`, { title: title.trim(), folder: folder.id })
    if (!created.ok) {
      setBusy(false)
      return setStatus({ error: true, text: created.text })
    }
    const doc = created.body.doc as { id: ID; title: string }
    const uploaded = await uploadVersion(api, { document: doc.id }, file)
    setBusy(false)
    setStatus(uploaded.ok ? { error: false, text: t('ui.records.filed', { title: doc.title }) } : { error: true, text: uploaded.text })
    setTitle('')
    setFile(null)
    onFiled()
  }
  return (
    <div data-testid="records-file-new" style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center', margin: '8px 0' }}>
      <input aria-label={t('ui.records.doc-title')} placeholder={t('ui.records.doc-title')} value={title} maxLength={300} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '1 1 220px', minHeight: 36, padding: '4px 8px' }} />
      <input type="file" aria-label={t('ui.records.choose-file')} accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
      <button type="button" className="btn btn--style-primary" style={{ margin: 0, minHeight: 40, padding: '6px 14px' }} disabled={busy || !file || !title.trim()} onClick={file_}>
        {t('ui.records.file-new')}
      </button>
      {status ? (
        <span role="status" style={{ color: status.error ? '#b71c1c' : '#1b5e20' }}>
          {status.text}
        </span>
      ) : null}
    </div>
  )
}
