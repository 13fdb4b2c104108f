import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

/**
 * The admin frame (navigation, header) around a gradebook root view: Payload renders a custom root
 * view bare, so the view wraps itself in DefaultTemplate as Payload's docs show for custom views.
 * Only views.ts reaches this module (it loads @payloadcms/next's client CSS): rsc.ts stays importable in Node.
 */
export function AdminFrame({ initPageResult, params, searchParams, children, testId, title }: AdminViewServerProps & { children: React.ReactNode; testId: string; title?: string }) {
  const req = initPageResult.req
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      req={req}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      {/* The header's breadcrumb, as Payload's own views set it. */}
      {title ? <SetStepNav nav={[{ label: title }]} /> : null}
      <Gutter>
        <div data-testid={testId} style={{ paddingBottom: 32, maxWidth: '100%', minWidth: 0 }}>
          {children}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}
