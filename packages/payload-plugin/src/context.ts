/**
 * Flags in a request's `context` (Payload's per-operation bag, passed down to every hook), set only
 * by trusted server code; a client's request body or query never reaches `context`.
 */

/**
 * A trusted write: the workflow's own transitions, the seed, benchmarks. It passes the workflow's
 * guard (which otherwise keeps `workflowState`, `_status` and the author out of users' hands).
 */
export const TRUSTED_WRITE = 'truongsoWorkflowTransition'

/** The write does not ask for a site rebuild: the caller builds every site afterwards (the seed, bulk writes). */
export const SKIP_SITE_REBUILD = 'truongsoSkipSiteRebuild'

/** Bulk writes by server code that builds the sites itself afterwards: trusted, no rebuild per document. */
export const BULK_WRITE_CONTEXT = { [TRUSTED_WRITE]: true, [SKIP_SITE_REBUILD]: true } as const
