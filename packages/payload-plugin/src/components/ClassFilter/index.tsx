'use client'
import { useConfig, useListQuery } from '@payloadcms/ui'
import type { Where } from 'payload'
import React, { useEffect, useState } from 'react'

import { useMessage } from '../../translations/useMessage.ts'

type Klass = { id: number | string; name: string; schoolYear?: string }

/** Above the students list: pick a class from a drop-down, the list shows that class only. */
export function ClassFilter() {
  const { config } = useConfig()
  const t = useMessage()
  const { query, refineListData } = useListQuery()
  const [classes, setClasses] = useState<Klass[]>([])
  const where = (query.where ?? {}) as Where
  const current = (where.currentClass as { equals?: unknown } | undefined)?.equals
  const selected = current === undefined || current === null ? '' : String(current)
  useEffect(() => {
    fetch(`${config.serverURL ?? ''}${config.routes.api}/classes?limit=500&depth=0&sort=-schoolYear,name&select[name]=true&select[schoolYear]=true`, { credentials: 'include' })
      .then((r) => (r.ok ? r.json() : { docs: [] }))
      .then((body: { docs: Klass[] }) => setClasses(body.docs))
      .catch(() => setClasses([]))
  }, [config.serverURL, config.routes.api])
  if (classes.length === 0) return null
  function choose(id: string) {
    // Other conditions of the list's filter stay; only the class condition is replaced.
    const { currentClass: _previous, ...rest } = where
    void refineListData({ where: id ? { ...rest, currentClass: { equals: id } } : rest, page: 1 })
  }
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 12 }} data-testid="class-filter">
      <label htmlFor="truongso-class-filter">{t('ui.class')}</label>
      <select id="truongso-class-filter" value={selected} onChange={(e) => choose(e.target.value)} style={{ padding: '6px 8px', minWidth: 180 }}>
        <option value="">{t('ui.all-classes')}</option>
        {classes.map((c) => (
          <option key={String(c.id)} value={String(c.id)}>
            {c.name}
            {c.schoolYear ? ` (${c.schoolYear})` : ''}
          </option>
        ))}
      </select>
    </div>
  )
}

export default ClassFilter
