import type { Payload } from 'payload'

export type SiteBuildResult = { pages?: number }

export type SiteBuildOptions = {
  /** Builds one school's static site from its published content; throws on failure. */
  build: (args: { slug: string; payload: Payload }) => Promise<SiteBuildResult>
  /** Start the build right after a publish instead of waiting for the next jobs run. Default: true. */
  runImmediately?: boolean
}

export const SITE_BUILDS_SLUG = 'site-builds'
export const SITES_QUEUE = 'sites'
