import type { Payload, Where } from 'payload'
import React from 'react'

import { CORRECTION_DECIDERS, MARK_CORRECTIONS_SLUG } from '../../gradebook/corrections.ts'
import { schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { message } from '../../translations/index.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', marginBottom: 16, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }
const badge: React.CSSProperties = { display: 'inline-block', minWidth: 24, padding: '0 8px', borderRadius: 12, background: 'var(--theme-warning-500, #f9a825)', color: '#000', textAlign: 'center', fontWeight: 700, marginLeft: 8 }

/**
 * Dashboard, like ReviewQueue: the correction requests waiting for this user — for the board the
 * school's pending requests it may decide (not its own), for a teacher their own still pending —
 * with a count badge and a link to /admin/gradebook/corrections. Nothing when both are zero.
 */
export async function CorrectionsBadge({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const board = schoolsWhereUserHas(user, CORRECTION_DECIDERS)
  const count = (where: Where) => payload.count({ collection: MARK_CORRECTIONS_SLUG as never, where, overrideAccess: true }).then((r) => r.totalDocs)
  const [toDecide, own] = await Promise.all([
    board.length > 0 ? count({ and: [{ state: { equals: 'pending' } }, { school: { in: board } }, { requestedBy: { not_equals: user.id } }] }) : Promise.resolve(0),
    count({ and: [{ state: { equals: 'pending' } }, { requestedBy: { equals: user.id } }] }),
  ])
  if (toDecide === 0 && own === 0) return null
  const admin = payload.config.routes?.admin ?? '/admin'
  const line = (key: 'ui.corrections.queue-board' | 'ui.corrections.queue-teacher', n: number, testId: string) => {
    return (
      <h3 style={{ margin: 0 }} data-testid={testId}>
        {message({ i18n }, key)}
        <span style={badge} data-testid={`${testId}-count`}>
          {n}
        </span>
      </h3>
    )
  }
  return (
    <div style={box} data-testid="corrections-badge">
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
        {toDecide > 0 ? line('ui.corrections.queue-board', toDecide, 'corrections-to-decide') : null}
        {own > 0 ? line('ui.corrections.queue-teacher', own, 'corrections-own-pending') : null}
      </div>
      <a className="btn btn--style-primary btn--size-medium" style={{ margin: 0 }} href={`${admin}/gradebook/corrections`} data-testid="open-corrections">
        {message({ i18n }, 'ui.corrections.open')}
      </a>
    </div>
  )
}

export default CorrectionsBadge
