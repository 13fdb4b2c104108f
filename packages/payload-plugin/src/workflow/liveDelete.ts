import type { CollectionAfterDeleteHook } from 'payload'

import { relationId } from '../roles.ts'
import type { WorkflowOptions } from './options.ts'

/**
 * afterDelete of a workflow collection: deleting what was live (the document's published version)
 * changes the school's public site like an unpublish does, so it goes to the same `onLiveChange`
 * (a site rebuild, when configured, see defaults.ts). Runs inside the delete's transaction: the
 * rebuild request is queued in it and so is dropped if the delete fails.
 */
export function announceLiveDelete(options: WorkflowOptions): CollectionAfterDeleteHook {
  return async ({ collection, doc, id, req }) => {
    if (!options.onLiveChange) return doc
    // The document row holds the live version while a newer draft is only in versions.
    if (doc?._status !== 'published') return doc
    const school = relationId(doc.school)
    if (school === null) return doc
    await options.onLiveChange(req, school, `${collection.slug} ${id}: deleted`)
    return doc
  }
}
