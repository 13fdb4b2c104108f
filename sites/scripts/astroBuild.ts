/**
 * One `astro build` in a child process of its own, for scripts/buildBatch.ts (runAstroProcess): the
 * build of a batch, run from the working folder it is started in, its pages and output named by the
 * SITE_* variables. It is Astro's programmatic build() at log level "warn" rather than the CLI, which
 * logs two lines per page: at thousands of pages, formatting those lines and sending them through a
 * pipe cost about a tenth of a full build on two cores. Warnings and errors still go to stderr; a
 * failure prints the gist of Astro's error (describeAstroError) and exits 1.
 *   node sites/scripts/astroBuild.ts
 */
import { enableCompileCache } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Astro's error as its CLI would show the gist of it: message, hint, file and line. */
export function describeAstroError(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const e = error as Error & { hint?: string; loc?: { file?: string; line?: number } }
  return [e.message, e.hint && `Hint: ${e.hint}`, e.loc?.file && `at ${e.loc.file}${e.loc.line ? `:${e.loc.line}` : ''}`].filter(Boolean).join('\n')
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // Node's compile cache (in the temp folder, keyed by each file's content): the next build does not
  // parse and compile Astro, Vite and Rolldown again (~0.15 s of the ~1.5 s a build spends before
  // its first page).
  enableCompileCache()
  const { build } = await import('astro')
  try {
    await build({ root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), logLevel: 'warn' })
  } catch (error) {
    console.error(describeAstroError(error))
    process.exit(1)
  }
}
