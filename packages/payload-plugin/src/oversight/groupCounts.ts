import type { Payload, PayloadRequest, Where } from 'payload'

import { relationId } from '../roles.ts'
import { sqlGroupCounts, supportsSqlGroupCounts } from './sqlGroupCounts.ts'

type Scalar = string | number | boolean
/** One condition on a field of the counted collection (or, with `array`, of its parent document). */
export type Filter =
  | { field: string; op: 'equals' | 'not_equals' | 'gte' | 'gt' | 'lt' | 'lte'; value: Scalar }
  | { field: string; op: 'in'; value: readonly Scalar[] }
  | { field: string; op: 'exists'; value: boolean }

/**
 * A count of documents grouped by some of their fields (always the school first): the question every
 * figure of the oversight dashboard asks. Stated once, answered by the database where it can
 * (sqlGroupCounts: one GROUP BY) and by the Local API elsewhere (MongoDB), the two checked equal by
 * cms/test/oversight.spec.ts.
 */
export type CountSpec = {
  collection: string
  where: readonly Filter[]
  /** Fields of the document to group by; relationships give their id. */
  groupBy: readonly string[]
  /** Count the rows of this array field of each matching document instead (e.g. a class log's periods). */
  array?: { field: string; table: string }
  /** With `array`: the groupBy fields are the array row's (e.g. an account's membership school). */
  groupByArrayRow?: boolean
  /** Also count, per group, the rows where each of these fields (of the row, or of the array row) is set. */
  notNull?: readonly string[]
  /** Also count the rows where each of these boolean fields is true. */
  isTrue?: readonly string[]
  /** The latest value of these date fields per group. */
  max?: readonly string[]
  /** Count the latest version of each document (drafts included) instead of the published one. */
  latestVersions?: boolean
}

export type Group = { key: string[]; count: number; notNull: Record<string, number>; isTrue: Record<string, number>; max: Record<string, string | null> }

export async function groupCounts(payload: Payload, spec: CountSpec, options: { req?: PayloadRequest; engine?: 'auto' | 'local-api' } = {}): Promise<Group[]> {
  // TRUONGSO_OVERSIGHT_ENGINE=local-api forces MongoDB's path on SQL too (pnpm bench oversight compares them).
  const localOnly = options.engine === 'local-api' || process.env.TRUONGSO_OVERSIGHT_ENGINE === 'local-api'
  if (!localOnly && supportsSqlGroupCounts(payload)) return sqlGroupCounts(payload, spec)
  return localApiGroupCounts(payload, spec, options.req)
}

/** Payload's names of the comparison operators. */
const PAYLOAD_OPERATOR: Record<Filter['op'], string> = { equals: 'equals', not_equals: 'not_equals', gte: 'greater_than_equal', gt: 'greater_than', lt: 'less_than', lte: 'less_than_equal', in: 'in', exists: 'exists' }

function toWhere(filters: readonly Filter[]): Where {
  return { and: filters.map((f) => ({ [f.field]: { [PAYLOAD_OPERATOR[f.op]]: f.value } }) as Where) }
}

const isSet = (value: unknown) => value !== null && value !== undefined && value !== ''
const keyPart = (value: unknown) => {
  const id = relationId(value)
  return id === null ? (value === null || value === undefined ? '' : String(value)) : String(id)
}
const isoOf = (value: unknown): string | null => (isSet(value) ? new Date(String(value)).toISOString() : null)

/** The same answer through Payload's Local API: reads only the grouped and counted fields. */
export async function localApiGroupCounts(payload: Payload, spec: CountSpec, req?: PayloadRequest): Promise<Group[]> {
  const counted = [...(spec.notNull ?? []), ...(spec.isTrue ?? []), ...(spec.max ?? [])]
  const select: Record<string, unknown> = spec.groupByArrayRow ? {} : Object.fromEntries(spec.groupBy.map((f) => [f, true]))
  if (spec.array) select[spec.array.field] = true
  else for (const f of counted) select[f] = true
  const found = await payload.find({ collection: spec.collection as never, where: toWhere(spec.where), select: select as never, depth: 0, pagination: false, overrideAccess: true, draft: spec.latestVersions, req })
  const groups = new Map<string, Group>()
  for (const doc of found.docs as Record<string, unknown>[]) {
    const rows = spec.array ? ((doc[spec.array.field] as Record<string, unknown>[] | undefined) ?? []) : [doc]
    for (const row of rows) {
      const keyed = spec.groupByArrayRow ? row : doc
      const key = spec.groupBy.map((f) => keyPart(keyed[f]))
      const id = key.join('\u0000')
      const group = groups.get(id) ?? { key, count: 0, notNull: {}, isTrue: {}, max: {} }
      groups.set(id, group)
      group.count += 1
      for (const f of spec.notNull ?? []) group.notNull[f] = (group.notNull[f] ?? 0) + (isSet(row[f]) ? 1 : 0)
      for (const f of spec.isTrue ?? []) group.isTrue[f] = (group.isTrue[f] ?? 0) + (row[f] === true ? 1 : 0)
      for (const f of spec.max ?? []) {
        const value = isoOf(row[f])
        const previous = group.max[f] ?? null
        group.max[f] = value !== null && (previous === null || value > previous) ? value : previous
      }
    }
  }
  // An array-counting spec has no group for a document without rows, as in SQL's inner join.
  return [...groups.values()].filter((g) => g.count > 0).map((g) => fillCounts(g, spec))
}

/** Every named counter present (0 / null), so both engines give the same shape. */
export function fillCounts(group: Group, spec: CountSpec): Group {
  for (const f of spec.notNull ?? []) group.notNull[f] ??= 0
  for (const f of spec.isTrue ?? []) group.isTrue[f] ??= 0
  for (const f of spec.max ?? []) group.max[f] ??= null
  return group
}
