import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

/**
 * The promise that business code runs on every database adapter (SQLite, PostgreSQL, MongoDB — the
 * last cannot run on these machines), made checkable: code under packages/ and cms/src talks to
 * Payload's Local API (or the adapter's generic interface, `payload.db.find` and friends), never past
 * it. Only the database selection itself may name an adapter or its driver.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const ADAPTER_LAYER = new Set(['cms/src/lib/database.ts', 'cms/src/ops/backup.ts', 'cms/src/lib/sqliteWrites.ts', 'cms/src/lib/sqliteWrites.spec.ts', 'cms/src/lib/database.spec.ts'])

const RULES: { name: string; pattern: RegExp }[] = [
  { name: 'drizzle (the SQL adapters’ query builder)', pattern: /\.drizzle\b|from ['"]drizzle-orm/ },
  { name: 'raw SQL template', pattern: /\bsql`/ },
  { name: 'raw SQL statement in a string', pattern: /['"`]\s*(SELECT\s+[\w*]+.*\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s)/i },
  { name: 'a database driver', pattern: /from ['"](@libsql\/client|better-sqlite3|pg|mongodb|mongoose)['"]/ },
  { name: 'an adapter package', pattern: /from ['"]@payloadcms\/db-(sqlite|postgres|mongodb)['"]/ },
  { name: 'MongoDB query operators', pattern: /['"]?\$(ne|in|nin|gt|gte|lt|lte|regex|exists|or|and|elemMatch)['"]?\s*:/ },
  { name: 'the adapter’s own connection', pattern: /payload\.db\.(client|pool|connection|sessions|tables|relations|collections)\b/ },
]

function sources(dir: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue
    const full = path.join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...sources(full))
    else if (/\.(ts|tsx|js|mjs)$/.test(entry) && !/importMap\.js$|payload-types\.ts$/.test(entry)) out.push(full)
  }
  return out
}

describe('business code stays on the Local API (every adapter)', () => {
  const files = [...sources(path.join(root, 'packages')), ...sources(path.join(root, 'cms/src'))]

  it('scans the code it is meant to', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(files.some((f) => f.endsWith('workflow/transition.ts'))).toBe(true)
  })

  it('no raw SQL, driver, adapter or MongoDB operator outside the database selection', () => {
    const findings: string[] = []
    for (const file of files) {
      const relative = path.relative(root, file)
      if (ADAPTER_LAYER.has(relative)) continue
      const lines = readFileSync(file, 'utf8').split('\n')
      lines.forEach((line, index) => {
        const code = line.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '')
        for (const rule of RULES) if (rule.pattern.test(code)) findings.push(`${relative}:${index + 1} ${rule.name}: ${line.trim()}`)
      })
    }
    expect(findings).toEqual([])
  })

  it('the check itself catches what it forbids', () => {
    const bad = ['await payload.db.drizzle.execute(x)', "db.run(sql`DELETE FROM posts`)", "where: { kind: { $ne: null } }", "import pg from 'pg'"]
    for (const line of bad) expect(RULES.some((rule) => rule.pattern.test(line)), line).toBe(true)
    expect(RULES.some((rule) => rule.pattern.test("await payload.find({ collection: 'posts', where: { kind: { not_equals: null } } })"))).toBe(false)
  })
})
