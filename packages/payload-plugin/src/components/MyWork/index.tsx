import type { Payload } from 'payload'
import React from 'react'

import { myDashboard } from '../../admin/dashboard.ts'
import type { RoleHolder } from '../../roles.ts'
import { stateLabels } from '../../workflow/states.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }
const row: React.CSSProperties = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center', justifyContent: 'space-between' }

/** Dashboard of a staff member: "write a new post", their posts under review, their homeroom classes. */
export async function MyWork({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const en = i18n?.language === 'en'
  const { inReview, homeroom, canWritePosts } = await myDashboard(payload, user)
  if (!canWritePosts && inReview.length === 0 && homeroom.length === 0) return null
  const admin = payload.config.routes?.admin ?? '/admin'
  return (
    <div data-testid="my-work">
      {canWritePosts || inReview.length > 0 ? (
        <div style={box} data-testid="my-posts">
          <div style={row}>
            <h3 style={{ margin: 0 }}>{en ? `My posts awaiting review (${inReview.length})` : `Bài của tôi đang chờ duyệt (${inReview.length})`}</h3>
            {canWritePosts ? (
              <a className="btn btn--style-primary btn--size-medium" style={{ margin: 0 }} href={`${admin}/collections/posts/create`} data-testid="new-post">
                {en ? 'Write a new post' : 'Viết bài mới'}
              </a>
            ) : null}
          </div>
          {inReview.length > 0 ? (
            <ul style={{ margin: '8px 0 0' }}>
              {inReview.map((item) => (
                <li key={`${item.collection}-${item.id}`}>
                  <a href={`${admin}/collections/${item.collection}/${item.id}`}>{item.title}</a> — {stateLabels[item.state]?.[en ? 'en' : 'vi'] ?? item.state}
                </li>
              ))}
            </ul>
          ) : (
            <p style={{ margin: '8px 0 0', color: 'var(--theme-elevation-500)' }}>{en ? 'Nothing of yours is waiting for review.' : 'Không có bài nào của bạn đang chờ duyệt.'}</p>
          )}
        </div>
      ) : null}
      {homeroom.length > 0 ? (
        <div style={box} data-testid="my-homeroom">
          <h3 style={{ margin: '0 0 8px' }}>{en ? 'My homeroom class' : 'Lớp chủ nhiệm của tôi'}</h3>
          <ul style={{ margin: 0 }}>
            {homeroom.map((c) => (
              <li key={String(c.id)}>
                <a href={`${admin}/collections/classes/${c.id}`}>{en ? `Class ${c.name}` : `Lớp ${c.name}`}</a> · {c.schoolYear} · {en ? `${c.size} students` : `sĩ số ${c.size}`}
                {' · '}
                <a href={`/api/classes/${c.id}/export`}>{en ? 'Export class list' : 'Xuất danh sách lớp'}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  )
}

export default MyWork
