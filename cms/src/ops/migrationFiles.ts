import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Payload writes migrations for a bundler: `import { MigrateUpArgs, … }` names types as values and
 * index.ts imports './name' without an extension. The seed and the ops commands load them with Node's
 * own TypeScript support, which needs `type` on type-only imports and the `.ts` extension. And
 * drizzle-kit's down() drops a new table CASCADE before the constraints and indexes that pointed at
 * it, then fails dropping them: those drops get IF EXISTS. Applied after each `migrate:create`;
 * running it again changes nothing.
 */
export function normaliseMigrationFiles(dir: string): string[] {
  const changed: string[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const full = path.join(dir, file)
    const before = readFileSync(full, 'utf8')
    const after =
      file === 'index.ts'
        ? before.replace(/from '\.\/([^']+?)(?<!\.ts)';/g, "from './$1.ts';")
        : before
            .replace(/^import \{ MigrateUpArgs, MigrateDownArgs, sql \}/m, 'import { type MigrateDownArgs, type MigrateUpArgs, sql }')
            .replace(/DROP (CONSTRAINT|INDEX) "/g, 'DROP $1 IF EXISTS "')
    if (after !== before) {
      writeFileSync(full, after)
      changed.push(file)
    }
  }
  return changed
}
