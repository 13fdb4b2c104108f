import type { Payload } from 'payload'
import React from 'react'

import type { RoleHolder } from '../../roles.ts'
import { reviewQueue, type QueueItem } from '../../workflow/endpoints.ts'
import type { WorkflowOptions } from '../../workflow/options.ts'
import { stateLabels } from '../../workflow/states.ts'
import { languageOf, message } from '../../translations/index.ts'

type Props = { user?: RoleHolder | null; payload?: Payload; i18n?: { language?: string } }

const box: React.CSSProperties = { border: '1px solid var(--theme-elevation-150, #ddd)', borderRadius: 4, padding: '12px 16px', marginBottom: 16 }

/** Dashboard: "awaiting my review" for reviewers, "returned to me" (with the reason) for authors. */
export async function ReviewQueue({ user, payload, i18n }: Props) {
  if (!user || !payload) return null
  const options = payload.config.custom?.truongsoWorkflow as WorkflowOptions | undefined
  if (!options) return null
  const lang = languageOf({ i18n })
  const lists = await Promise.all(
    options.collections.map(async (collection) => ({ collection, ...(await reviewQueue(payload, user, collection, options)) })),
  )
  const awaiting = lists.flatMap((l) => l.awaitingMyReview.map((item) => ({ ...item, collection: l.collection })))
  const returned = lists.flatMap((l) => l.returnedToMe.map((item) => ({ ...item, collection: l.collection })))
  if (awaiting.length === 0 && returned.length === 0) return null
  const link = (item: QueueItem & { collection: string }) => `/admin/collections/${item.collection}/${item.id}`
  return (
    <div style={box} data-testid="review-queue">
      {awaiting.length > 0 ? (
        <>
          <h3 style={{ margin: '0 0 8px' }}>{message({ i18n }, 'ui.queue.awaiting', { count: awaiting.length })}</h3>
          <ul style={{ margin: 0 }}>
            {awaiting.map((item) => (
              <li key={`${item.collection}-${item.id}`}>
                <a href={link(item)}>{item.title}</a> — {stateLabels[item.state][lang]}
                {item.department ? ` · ${item.department}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {returned.length > 0 ? (
        <>
          <h3 style={{ margin: awaiting.length ? '12px 0 8px' : '0 0 8px' }}>{message({ i18n }, 'ui.queue.returned', { count: returned.length })}</h3>
          <ul style={{ margin: 0 }}>
            {returned.map((item) => (
              <li key={`${item.collection}-${item.id}`}>
                <a href={link(item)}>{item.title}</a>
                {item.reason ? ` — ${message({ i18n }, 'ui.queue.reason')}: ${item.reason}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  )
}

export default ReviewQueue
