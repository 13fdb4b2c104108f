import type { Payload } from 'payload'

export type SiteBuildResult = { pages?: number }

export type SiteBuildOptions = {
  /**
   * Builds one school's static site from its published content; throws on failure. Never called
   * twice at once for the same school; `buildId` (the site-builds record) is unique per build, e.g.
   * to name the build's own snapshot folder.
   */
  build: (args: { slug: string; payload: Payload; buildId: number | string }) => Promise<SiteBuildResult>
  /** Start the build right after a publish instead of waiting for the next jobs run. Default: true. */
  runImmediately?: boolean
  /**
   * How long a build lock (in the database) outlives its holder's last heartbeat: a process that
   * dies mid-build leaves the school's builds blocked this long at most. Default: 2 minutes.
   */
  lockTtlMs?: number
}

export const DEFAULT_LOCK_TTL_MS = 120_000
/** The lock around a request's find-or-create is held for milliseconds: expire it sooner. */
export const requestLockTtlMs = (options: SiteBuildOptions) => Math.min(options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS, 15_000)

export const SITE_BUILDS_SLUG = 'site-builds'
export const SITES_QUEUE = 'sites'
