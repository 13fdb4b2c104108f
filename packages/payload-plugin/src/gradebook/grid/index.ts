import type { CollectionConfig } from 'payload'

import { cellEndpoint } from './cellEndpoint.ts'
import { sheetEndpoint } from './sheetEndpoint.ts'

/** The grid's endpoints on the marks collection: PUT /api/marks/cell and GET /api/marks/grid. */
export function withGridEndpoints(marks: CollectionConfig): CollectionConfig {
  return { ...marks, endpoints: [...(marks.endpoints || []), cellEndpoint, sheetEndpoint] }
}

export { GRADEBOOK_VIEW_PATH } from './path.ts'
