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
}

export const SITE_BUILDS_SLUG = 'site-builds'
export const SITES_QUEUE = 'sites'
