import type { Registry } from '@truongso/registry'

import type { BookOptions } from './books/school.ts'
import type { SiteBuildOptions } from './sites/options.ts'
import type { WorkflowRoles } from './workflow/rules.ts'

export type TruongsoPluginOptions = {
  /** The district's schools; the Schools collection can hold only these. Default: `@truongso/registry`. */
  registry?: Registry
  /** Failed logins before an account is locked. Default: 5. */
  maxLoginAttempts?: number
  /** How long a locked account stays locked, in minutes. Default: 15. */
  lockMinutes?: number
  /** Passwords older than this many days are listed for a reminder. Default: 180. */
  maxPasswordAgeDays?: number
  /** Login session length in hours. Default: 8 (a school day). */
  sessionHours?: number
  /** Folder for uploaded images and documents. Default: `./uploads` under the working directory. */
  uploadsDir?: string
  /** Largest JSON request body accepted (413 above it), in megabytes; uploads have their own limit. Default: 2. */
  maxJsonMegabytes?: number
  /** Largest attachment accepted, in megabytes. Default: 20. */
  maxDocumentMegabytes?: number
  /** The approval workflow. */
  workflow?: {
    /** Collections under the workflow. Default: ['posts', 'disclosures']. */
    collections?: string[]
    /** Who acts at each step. Default: authors = every school role, leaders = team-leader, board = principal + vice-principal. */
    roles?: Partial<WorkflowRoles>
    /** E-mail the next reviewers / the author on each transition. Default: true. */
    notify?: boolean
  }
  /** Static site rebuilds on publish (a `site-builds` log and a jobs task). Off when not given. */
  sites?: SiteBuildOptions
  /** Printed books: the managing body's line and the place of the date line (Decree 30 heading). Default: the Hội An office, Hội An. */
  books?: BookOptions
  /** Set to false to leave the config untouched. Default: true. */
  enabled?: boolean
}
