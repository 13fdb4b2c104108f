import type { CollectionAfterDeleteHook } from 'payload'

import { relationId } from '../roles.ts'
import type { WorkflowOptions } from '../workflow/options.ts'

/**
 * afterDelete for website content: deleting what was live (the document's published version)
 * changes the school's public site, so it asks for a rebuild of that school, like a publish does.
 * Uses the plugin's `onLiveChange` (set when site builds are configured; kept in the config's
 * `custom.truongsoWorkflow`), so the collection needs no options of its own. Runs inside the
 * delete's transaction: the rebuild request is queued in it and so is dropped if the delete fails.
 */
export function rebuildSiteAfterDelete(collection: string): CollectionAfterDeleteHook {
  return async ({ doc, id, req }) => {
    if (req.context?.truongsoSkipSiteRebuild) return doc
    // The document row holds the live version while a newer draft is only in versions.
    if (doc?._status !== 'published') return doc
    const school = relationId(doc.school as never)
    const workflow = req.payload.config.custom?.truongsoWorkflow as WorkflowOptions | undefined
    if (school === null || !workflow?.onLiveChange) return doc
    await workflow.onLiveChange(req, school, `${collection} ${id}: deleted`)
    return doc
  }
}
