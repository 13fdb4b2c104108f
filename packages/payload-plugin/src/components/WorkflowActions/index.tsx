'use client'
import {
  Button,
  Modal,
  SaveDraftButton,
  toast,
  useAuth,
  useConfig,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
  useModal,
} from '@payloadcms/ui'
import React, { useMemo, useState } from 'react'

import { currentUser } from '../../roles.ts'
import { decideTransition, isAwaitingActor, type WorkflowRoles, type WorkflowSubject } from '../../workflow/rules.ts'
import { actionLabels, stateLabels, WORKFLOW_ACTIONS, type ReviewState, type WorkflowAction, type WorkflowState } from '../../workflow/states.ts'
import { message } from '../../translations/index.ts'
import { useLanguage } from '../../translations/useMessage.ts'

const IN_REVIEW: readonly ReviewState[] = ['submitted', 'leader-approved', 'scheduled']


const overlay: React.CSSProperties = {
  position: 'fixed',
  inset: 0,
  zIndex: 1000,
  background: 'rgba(0, 0, 0, 0.35)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  padding: 12,
}
const panel: React.CSSProperties = {
  width: 'min(32rem, 100%)',
  boxSizing: 'border-box',
  display: 'flex',
  flexDirection: 'column',
  gap: 12,
  padding: 16,
  borderRadius: 6,
  background: 'var(--theme-elevation-0, #fff)',
  boxShadow: '0 8px 30px rgba(0, 0, 0, 0.25)',
}

function useWorkflowSubject() {
  const { hasPublishedDoc } = useDocumentInfo()
  const values = useFormFields(([fields]) => ({
    state: (fields.workflowState?.value as WorkflowState | undefined) ?? 'draft',
    school: fields.school?.value,
    author: fields.author?.value,
    department: fields.department?.value,
    showsStudents: fields.showsStudents?.value as boolean | undefined,
    consent: fields.consent?.value as string | undefined,
    publishAt: fields.publishAt?.value as string | undefined,
    unpublishAt: fields.unpublishAt?.value as string | undefined,
  }))
  const subject: WorkflowSubject = {
    school: values.school as WorkflowSubject['school'],
    author: values.author as WorkflowSubject['author'],
    department: (values.department as WorkflowSubject['department']) ?? null,
    state: values.state,
    isLive: Boolean(hasPublishedDoc),
    showsStudents: values.showsStudents,
    consent: values.consent,
  }
  return { values, subject }
}

/** Whether saving now would take the document back from its reviewers (the server records it). */
function useSaveWithdraws(roles: WorkflowRoles) {
  const actor = currentUser(useAuth())
  const { subject } = useWorkflowSubject()
  return actor !== null && IN_REVIEW.includes(subject.state) && !isAwaitingActor(actor, subject, roles)
}

/**
 * Saves the form as a draft exactly as Payload's "Save draft" does; resolves true when saved (or
 * nothing to save). Payload shows the field errors itself when the save is refused.
 */
function useSaveDraft() {
  const { submit } = useForm()
  const modified = useFormModified()
  const { id, collectionSlug } = useDocumentInfo()
  const { config } = useConfig()
  return {
    modified,
    save: async (): Promise<boolean> => {
      if (!modified) return true
      const result = await submit({
        action: `${config.serverURL ?? ''}${config.routes.api}/${collectionSlug}/${id}?depth=0&fallback-locale=null&draft=true`,
        method: 'PATCH',
        overrides: { _status: 'draft' },
        skipValidation: true,
      })
      return Boolean(result && result.res && result.res.status < 400)
    },
  }
}

/**
 * Replaces Payload's Publish button on workflow collections: shows the actions the signed-in user
 * may take now (the same rule function the server enforces) and calls the transition endpoint. An
 * action acts on what the user sees: unsaved edits are saved first, never lost.
 */
export function WorkflowActions({ roles }: { roles: WorkflowRoles }) {
  const { id, collectionSlug, setHasPublishedDoc, getDocPermissions } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const lang = useLanguage()
  const { dispatchFields, setModified } = useForm()
  const { values, subject } = useWorkflowSubject()
  const { modified, save } = useSaveDraft()
  const withdraws = useSaveWithdraws(roles)
  const { openModal, closeModal } = useModal()
  const returnSlug = `workflow-return-${collectionSlug}-${id ?? 'new'}`
  const setReturning = (open: boolean) => (open ? openModal(returnSlug) : closeModal(returnSlug))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [siteUrl, setSiteUrl] = useState<string | null>(null)

  const allowed = useMemo(
    () => {
      const actor = currentUser({ user })
      return actor
        ? WORKFLOW_ACTIONS.filter((action) => {
            const decision = decideTransition({ action, actor, doc: subject, reason: 'x'.repeat(3), roles })
            return decision.ok || decision.refusal === 'workflow.consent-required' || decision.refusal === 'workflow.department-required'
          })
        : []
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [user, JSON.stringify(subject)],
  )

  const api = `${config.serverURL ?? ''}${config.routes.api}/${collectionSlug}/${id}`
  const live = subject.isLive
  React.useEffect(() => {
    if (!id || !live) return setSiteUrl(null)
    let stale = false
    fetch(`${api}/site-link`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : null))
      .then((body: { url?: string | null } | null) => !stale && setSiteUrl(body?.url ?? null))
      .catch(() => undefined)
    return () => {
      stale = true
    }
  }, [api, id, live])

  if (!id) {
    return <span style={{ fontSize: 13 }}>{message({ i18n: { language: lang } }, 'ui.workflow.save-first')}</span>
  }

  async function act(action: WorkflowAction) {
    if (modified && withdraws && !window.confirm(message({ i18n: { language: lang } }, 'ui.workflow.withdraw'))) return
    setBusy(true)
    try {
      // What the user sees is what is submitted: save the edits first (a refused save stops here).
      if (!(await save())) {
        toast.error(message({ i18n: { language: lang } }, 'ui.workflow.save-failed'))
        return
      }
      const response = await fetch(`${api}/workflow`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        body: JSON.stringify({
          action,
          reason: action === 'return' ? reason : undefined,
          publishAt: action === 'publish' && values.publishAt ? values.publishAt : undefined,
          unpublishAt: action === 'publish' && values.unpublishAt ? values.unpublishAt : undefined,
        }),
      })
      const body = await response.json().catch(() => null)
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? response.statusText)
        return
      }
      const to = body.to as WorkflowState
      const next = (body.next as string[] | undefined) ?? []
      const toReviewers = to === 'submitted' || to === 'leader-approved'
      const who = next.length ? ` — ${toReviewers ? message({ i18n: { language: lang } }, 'ui.workflow.sent-to') : message({ i18n: { language: lang } }, 'ui.workflow.notified')}: ${next.join(', ')}` : ''
      toast.success(`${actionLabels[action][lang]}: ${stateLabels[to][lang]}${who}`)
      // Show the new state in place (the form is clean: nothing to lose) and refresh the permissions
      // through Payload's document info: no page reload, no "Leave site?" prompt.
      dispatchFields({ type: 'UPDATE', path: 'workflowState', value: to })
      if (to === 'returned') dispatchFields({ type: 'UPDATE', path: 'lastReturnReason', value: reason.trim() })
      if (to === 'published') setHasPublishedDoc(true)
      if (to === 'unpublished') setHasPublishedDoc(false)
      setModified(false)
      setReturning(false)
      setReason('')
      await getDocPermissions().catch(() => undefined)
    } finally {
      setBusy(false)
    }
  }

  const actions = allowed.filter((action) => action !== 'return')
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', maxWidth: '100%' }} data-testid="workflow-actions">
      {actions.map((action) => (
        <Button key={action} buttonStyle={action === 'unpublish' ? 'secondary' : 'primary'} size="medium" disabled={busy} onClick={() => act(action)}>
          {actionLabels[action][lang]}
        </Button>
      ))}
      {allowed.includes('return') ? (
        <Button buttonStyle="secondary" size="medium" disabled={busy} onClick={() => setReturning(true)}>
          {actionLabels.return[lang]}…
        </Button>
      ) : null}
      {allowed.includes('return') ? (
        // A dialog of its own in Payload's modal layer (the sticky toolbar would clip it), sized to fit a 390 px phone.
        <Modal slug={returnSlug}>
          <div style={overlay} onClick={(e) => e.target === e.currentTarget && !busy && setReturning(false)}>
            <div data-testid="return-dialog" role="dialog" aria-modal="true" aria-labelledby="workflow-return-title" style={panel}>
              <h4 id="workflow-return-title" style={{ margin: 0 }}>
                {actionLabels.return[lang]}
              </h4>
              <textarea
                aria-label={message({ i18n: { language: lang } }, 'ui.workflow.reason')}
                placeholder={message({ i18n: { language: lang } }, 'ui.workflow.reason-placeholder')}
                value={reason}
                autoFocus
                rows={3}
                onChange={(e) => setReason(e.target.value)}
                style={{ width: '100%', boxSizing: 'border-box', padding: '8px 10px', font: 'inherit', resize: 'vertical' }}
              />
              <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', flexWrap: 'wrap' }}>
                <Button buttonStyle="secondary" size="medium" margin={false} disabled={busy} onClick={() => setReturning(false)}>
                  {message({ i18n: { language: lang } }, 'ui.cancel')}
                </Button>
                <Button buttonStyle="primary" size="medium" margin={false} disabled={busy || reason.trim().length < 3} onClick={() => act('return')}>
                  {actionLabels.return[lang]}
                </Button>
              </div>
            </div>
          </div>
        </Modal>
      ) : null}
      {modified && actions.length > 0 ? (
        <span style={{ fontSize: 12, flexBasis: '100%' }} data-testid="workflow-unsaved-hint">
          {message({ i18n: { language: lang } }, 'ui.workflow.unsaved')}
        </span>
      ) : null}
      {siteUrl ? (
        <a href={siteUrl} target="_blank" rel="noopener noreferrer" data-testid="workflow-site-link" style={{ fontSize: 13 }}>
          {message({ i18n: { language: lang } }, 'ui.workflow.view-on-site')} ↗
        </a>
      ) : null}
    </div>
  )
}

/**
 * Payload's "Save draft", which asks first when the save would take content back from its
 * reviewers (the server then records a "withdrawn" step in the history).
 */
export function WorkflowSaveDraft({ roles }: { roles: WorkflowRoles }) {
  const lang = useLanguage()
  const withdraws = useSaveWithdraws(roles)
  return (
    <span
      style={{ display: 'contents' }}
      onClickCapture={(event) => {
        if (withdraws && !window.confirm(message({ i18n: { language: lang } }, 'ui.workflow.withdraw'))) {
          event.preventDefault()
          event.stopPropagation()
        }
      }}
    >
      <SaveDraftButton />
    </span>
  )
}

/** The one status of a workflow document (in place of Payload's draft/published pill). */
export function WorkflowStatus() {
  const lang = useLanguage()
  const state = useFormFields(([fields]) => (fields.workflowState?.value as WorkflowState | undefined) ?? 'draft')
  return (
    <span data-testid="workflow-state" style={{ fontSize: 13, fontWeight: 600 }}>
      {stateLabels[state][lang]}
    </span>
  )
}

/** Hides Payload's own Unpublish button: unpublishing is a workflow action of the board. */
export function NoButton() {
  return null
}

export default WorkflowActions
