import type { Payload } from 'payload'
import React from 'react'

import { myDashboard } from '../../admin/dashboard.ts'
import type { RoleHolder } from '../../roles.ts'
import { languageOf, message, type MessageKey } from '../../translations/index.ts'
import { stateLabels } from '../../workflow/states.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }
const row: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }

/** Dashboard of a staff member: "write a new post", their posts under review, their homeroom classes. */
export async function MyWork({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const lang = languageOf({ i18n })
  const t = (key: MessageKey, vars?: Record<string, string | number>) => message({ i18n }, key, vars)
  const { inReview, homeroom, canWritePosts } = await myDashboard(payload, user)
  if (!canWritePosts && inReview.length === 0 && homeroom.length === 0) return null
  const admin = payload.config.routes?.admin ?? '/admin'
  return (
    <div data-testid="my-work">
      {canWritePosts || inReview.length > 0 ? (
        <div style={box} data-testid="my-posts">
          <div style={row}>
            <h3 style={{ margin: 0 }}>{t('ui.my-work.in-review', { count: inReview.length })}</h3>
            {canWritePosts ? (
              <a className="btn btn--style-primary btn--size-medium" style={{ margin: 0 }} href={`${admin}/collections/posts/create`} data-testid="new-post">
                {t('ui.my-work.new-post')}
              </a>
            ) : null}
          </div>
          {inReview.length > 0 ? (
            <ul style={{ margin: '8px 0 0' }}>
              {inReview.map((item) => (
                <li key={`${item.collection}-${item.id}`}>
                  <a href={`${admin}/collections/${item.collection}/${item.id}`}>{item.title}</a> — {stateLabels[item.state]?.[lang] ?? item.state}
                </li>
              ))}
            </ul>
          ) : (
            <p style={{ margin: '8px 0 0', color: 'var(--theme-elevation-500)' }}>{t('ui.my-work.nothing-in-review')}</p>
          )}
        </div>
      ) : null}
      {homeroom.length > 0 ? (
        <div style={box} data-testid="my-homeroom">
          <h3 style={{ margin: '0 0 8px' }}>{t('ui.my-work.homeroom')}</h3>
          <ul style={{ margin: 0 }}>
            {homeroom.map((c) => (
              <li key={String(c.id)}>
                <a href={`${admin}/collections/classes/${c.id}`}>{t('ui.my-work.class', { name: c.name })}</a> · {c.schoolYear} · {t('ui.my-work.size', { size: c.size })}
                {' · '}
                <a href={`/api/classes/${c.id}/export`}>{t('ui.roster.export')}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}

export default MyWork
