import type { Payload } from 'payload'
import React from 'react'

import { displayDay, vietnamDay } from '../../calendar/days.ts'
import { REMINDERS_SLUG } from '../../oversight/reminders.ts'
import { relationId, SCHOOL_MANAGER_ROLES, schoolsWhereUserHas, type RoleHolder } from '../../roles.ts'
import { message, type MessageKey } from '../../translations/index.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '2px solid var(--theme-warning-500, #c77700)', borderRadius: 4, padding: '12px 16px', marginBottom: 16, background: 'var(--theme-warning-50, #fff8e6)' }

/**
 * The board's banner for the reminders the oversight body sent (oversight/reminders.ts) and nobody
 * of the board has marked seen yet: who sent it, when, why, and a "Đã xem" button (a plain form).
 */
export async function OversightReminderBanner({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const schools = schoolsWhereUserHas(user, SCHOOL_MANAGER_ROLES)
  if (schools.length === 0) return null
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const found = await payload.find({ collection: REMINDERS_SLUG, where: { and: [{ school: { in: schools } }, { seenAt: { exists: false } }] }, depth: 1, limit: 5, sort: '-sentAt', overrideAccess: true })
  if (found.docs.length === 0) return null
  const api = payload.config.routes.api ?? '/api'
  return (
    <div style={box} role="status" data-testid="oversight-reminders">
      {found.docs.map((doc) => {
        const d = doc as { id: number | string; tier?: { name?: string } | null; school?: { name?: string } | null; sentAt?: string; reasons?: string[]; note?: string | null }
        return (
          <form key={String(d.id)} method="post" action={`${api}/${REMINDERS_SLUG}/${d.id}/seen`} style={{ margin: '0 0 8px' }} data-reminder={String(relationId(d.id))}>
            <strong>{t('reminders.banner', { tier: d.tier?.name ?? '', date: d.sentAt ? displayDay(vietnamDay(d.sentAt)) : '' })}</strong>
            {schools.length > 1 ? ` (${d.school?.name ?? ''})` : ''}: {(d.reasons ?? []).map((r) => t(`ui.oversight.reason.${r}` as MessageKey)).join('; ')}.
            {d.note ? <span> {t('reminders.mail-note', { note: d.note })}</span> : null}{' '}
            <button type="submit">{t('reminders.seen')}</button>
          </form>
        )
      })}
    </div>
  )
}
