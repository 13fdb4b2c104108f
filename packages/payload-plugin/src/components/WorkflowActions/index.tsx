'use client'
import { Button, toast, useAuth, useConfig, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import React, { useMemo, useState } from 'react'

import type { RoleHolder } from '../../roles.ts'
import { decideTransition, type WorkflowRoles, type WorkflowSubject } from '../../workflow/rules.ts'
import { actionLabels, stateLabels, WORKFLOW_ACTIONS, type WorkflowAction, type WorkflowState } from '../../workflow/states.ts'

/**
 * Replaces Payload's Publish button on workflow collections: shows the actions the signed-in user
 * may take now (the same rule function the server enforces), and calls the transition endpoint.
 */
export function WorkflowActions({ roles }: { roles?: WorkflowRoles }) {
  const { id, collectionSlug, hasPublishedDoc } = useDocumentInfo()
  const { user } = useAuth()
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const values = useFormFields(([fields]) => ({
    state: (fields.workflowState?.value as WorkflowState | undefined) ?? 'draft',
    school: fields.school?.value,
    author: fields.author?.value,
    department: fields.department?.value as string | undefined,
    showsStudents: fields.showsStudents?.value as boolean | undefined,
    consent: fields.consent?.value as string | undefined,
    publishAt: fields.publishAt?.value as string | undefined,
    unpublishAt: fields.unpublishAt?.value as string | undefined,
  }))
  const [returning, setReturning] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const subject: WorkflowSubject = {
    school: values.school as WorkflowSubject['school'],
    author: values.author as WorkflowSubject['author'],
    department: values.department ?? null,
    state: values.state,
    isLive: Boolean(hasPublishedDoc),
    showsStudents: values.showsStudents,
    consent: values.consent,
  }
  const allowed = useMemo(
    () =>
      user
        ? WORKFLOW_ACTIONS.filter((action) => {
            const decision = decideTransition({ action, actor: user as unknown as RoleHolder, doc: subject, reason: 'x'.repeat(3), roles })
            return decision.ok || decision.refusal === 'workflow.consent-required' || decision.refusal === 'workflow.department-required'
          })
        : [],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [user, JSON.stringify(subject)],
  )

  if (!id) {
    return <span style={{ fontSize: 13 }}>{lang === 'en' ? 'Save a draft first, then submit it for review.' : 'Lưu nháp trước, sau đó gửi duyệt.'}</span>
  }

  async function act(action: WorkflowAction) {
    setBusy(true)
    try {
      const response = await fetch(`${config.serverURL ?? ''}${config.routes.api}/${collectionSlug}/${id}/workflow`, {
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
      const body = await response.json()
      if (!response.ok) {
        toast.error(body?.errors?.[0]?.message ?? response.statusText)
        return
      }
      toast.success(`${actionLabels[action][lang]}: ${stateLabels[body.to as WorkflowState][lang]}`)
      window.location.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }} data-testid="workflow-actions">
      <span style={{ fontSize: 13 }} data-testid="workflow-state">
        {stateLabels[values.state][lang]}
      </span>
      {allowed
        .filter((action) => action !== 'return')
        .map((action) => (
          <Button key={action} buttonStyle={action === 'unpublish' ? 'secondary' : 'primary'} size="medium" disabled={busy} onClick={() => act(action)}>
            {actionLabels[action][lang]}
          </Button>
        ))}
      {allowed.includes('return') ? (
        returning ? (
          <span style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
            <input
              aria-label={lang === 'en' ? 'Reason' : 'Lý do trả lại'}
              placeholder={lang === 'en' ? 'Reason (required)' : 'Lý do trả lại (bắt buộc)'}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              style={{ padding: '6px 8px', minWidth: 220 }}
            />
            <Button buttonStyle="secondary" size="medium" disabled={busy || reason.trim().length < 3} onClick={() => act('return')}>
              {actionLabels.return[lang]}
            </Button>
          </span>
        ) : (
          <Button buttonStyle="secondary" size="medium" onClick={() => setReturning(true)}>
            {actionLabels.return[lang]}…
          </Button>
        )
      ) : null}
    </div>
  )
}

/** Hides Payload's own Unpublish button: unpublishing is a workflow action of the board. */
export function NoButton() {
  return null
}

export default WorkflowActions
