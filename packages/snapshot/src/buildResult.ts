/**
 * The way back across the boundary: `node sites/scripts/buildSchool.ts <slug>` ends by printing one
 * JSON line on stdout, the build's result, and the CMS reads that line (its site-build record shows
 * the pages and, on failure, the error). Everything else the build says goes to stderr. The CMS's
 * long-lived build worker (sites/scripts/buildWorker.ts) answers with the same results, over Node's
 * IPC channel (BuildWorkerRequest / BuildWorkerMessage).
 */
import { z } from 'zod'

export const siteBuildResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), slug: z.string(), pages: z.number().int().nonnegative(), ms: z.number().nonnegative() }),
  z.object({ ok: z.literal(false), slug: z.string(), error: z.string() }),
])

export type SiteBuildResultLine = z.infer<typeof siteBuildResultSchema>

/** The result line as the build prints it (no newline). */
export function formatBuildResult(result: SiteBuildResultLine): string {
  return JSON.stringify(result)
}

/** The result in a build's stdout (its last non-empty line); null when there is none or it is not one. */
export function readBuildResult(stdout: string): SiteBuildResultLine | null {
  const last = stdout.trim().split('\n').at(-1)
  if (!last) return null
  try {
    const parsed = siteBuildResultSchema.safeParse(JSON.parse(last))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * What the CMS (cms/src/sites/buildSite.ts) sends the build worker it forked
 * (sites/scripts/buildWorker.ts): a build of these schools' sites from `snapshotsDir` into
 * `distRoot`, or `stop` (exit once the builds sent before are done).
 */
export type BuildWorkerRequest = { type: 'build'; id: number; slugs: string[]; snapshotsDir: string; distRoot: string } | { type: 'stop' }

/**
 * What the build worker answers: `ready` once warmed up, then one `result` per build, in order, a
 * result per school; `retiring` asks the CMS to send the next builds to a fresh worker.
 */
export type BuildWorkerMessage = { type: 'ready'; warmUpMs: number } | { type: 'result'; id: number; results: SiteBuildResultLine[]; retiring?: true }
