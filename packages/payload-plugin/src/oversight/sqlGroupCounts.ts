import type { Payload } from 'payload'

import { fillCounts, type CountSpec, type Filter, type Group } from './groupCounts.ts'

/**
 * The adapter layer of the oversight figures: a CountSpec as one SQL GROUP BY on the SQLite and
 * PostgreSQL adapters (Payload's drizzle tables name the columns), so 700 schools cost one query per
 * figure instead of reading every record. Only validated literals reach the statement (numbers,
 * booleans, strings quoted by `literal`); the Local API engine (groupCounts.ts) gives the same groups
 * and is what MongoDB uses.
 */
type DrizzleAdapter = {
  name: string
  drizzle: unknown
  tables: Record<string, Record<string, unknown>>
  tableNameMap: Map<string, string>
  execute: (args: { drizzle: unknown; raw: string }) => Promise<{ rows?: Record<string, unknown>[] } | Record<string, unknown>[]>
}

export function supportsSqlGroupCounts(payload: Payload): boolean {
  const db = payload.db as unknown as Partial<DrizzleAdapter>
  return (db.name === 'sqlite' || db.name === 'postgres') && typeof db.execute === 'function' && Boolean(db.tables) && Boolean(db.tableNameMap)
}

const snake = (slug: string) => slug.replace(/-/g, '_')

function literal(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`
  throw new Error(`oversight: unsupported SQL literal ${JSON.stringify(value)}`)
}

function columnOf(table: Record<string, unknown> | undefined, tableName: string, key: string): string {
  const column = table?.[key] as { name?: unknown } | undefined
  if (!column || typeof column.name !== 'string') throw new Error(`oversight: no column for "${key}" in table ${tableName}`)
  return `"${column.name}"`
}

function condition(column: string, filter: Filter): string {
  switch (filter.op) {
    case 'equals': return `${column} = ${literal(filter.value)}`
    case 'not_equals': return `(${column} IS NULL OR ${column} <> ${literal(filter.value)})`
    case 'gte': return `${column} >= ${literal(filter.value)}`
    case 'gt': return `${column} > ${literal(filter.value)}`
    case 'lt': return `${column} < ${literal(filter.value)}`
    case 'lte': return `${column} <= ${literal(filter.value)}`
    case 'in': return filter.value.length === 0 ? '1 = 0' : `${column} IN (${filter.value.map(literal).join(', ')})`
    case 'exists': return `${column} IS ${filter.value ? 'NOT ' : ''}NULL`
  }
}

export async function sqlGroupCounts(payload: Payload, spec: CountSpec): Promise<Group[]> {
  const db = payload.db as unknown as DrizzleAdapter
  const base = db.tableNameMap.get(snake(spec.collection)) ?? snake(spec.collection)
  const tableName = spec.latestVersions ? (db.tableNameMap.get(`_${snake(spec.collection)}_v`) ?? `_${base}_v`) : base
  const table = db.tables[tableName]
  const fieldKey = (field: string) => (spec.latestVersions ? `version_${field}` : field)
  const parent = (field: string) => `p.${columnOf(table, tableName, fieldKey(field))}`
  const rowTable = spec.array ? db.tables[spec.array.table] : table
  const row = (field: string) => (spec.array ? `r.${columnOf(rowTable, spec.array.table, field)}` : parent(field))

  const groupColumns = spec.groupBy.map(spec.groupByArrayRow ? row : parent)
  const selects = [
    ...groupColumns.map((column, i) => `${column} AS g${i}`),
    'count(*) AS n',
    ...(spec.notNull ?? []).map((f, i) => `count(${row(f)}) AS nn${i}`),
    ...(spec.isTrue ?? []).map((f, i) => `sum(CASE WHEN ${row(f)} = true THEN 1 ELSE 0 END) AS t${i}`),
    ...(spec.max ?? []).map((f, i) => `max(${row(f)}) AS m${i}`),
  ]
  const where = spec.where.map((filter) => condition(parent(filter.field), filter))
  if (spec.latestVersions) where.push(`p."latest" = true`)
  const from = spec.array ? `"${tableName}" p JOIN "${spec.array.table}" r ON r."_parent_id" = p."id"` : `"${tableName}" p`
  const statement = `SELECT ${selects.join(', ')} FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY ${groupColumns.join(', ')}`
  const result = await db.execute({ drizzle: db.drizzle, raw: statement })
  const rows = (Array.isArray(result) ? result : (result.rows ?? [])) as Record<string, unknown>[]
  return rows.map((r) =>
    fillCounts(
      {
        key: spec.groupBy.map((_, i) => (r[`g${i}`] === null || r[`g${i}`] === undefined ? '' : String(r[`g${i}`]))),
        count: Number(r.n ?? 0),
        notNull: Object.fromEntries((spec.notNull ?? []).map((f, i) => [f, Number(r[`nn${i}`] ?? 0)])),
        isTrue: Object.fromEntries((spec.isTrue ?? []).map((f, i) => [f, Number(r[`t${i}`] ?? 0)])),
        max: Object.fromEntries((spec.max ?? []).map((f, i) => [f, r[`m${i}`] === null || r[`m${i}`] === undefined ? null : new Date(r[`m${i}`] as string).toISOString()])),
      },
      spec,
    ),
  )
}
