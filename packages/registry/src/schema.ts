import { z } from 'zod'

import { SCHOOL_LEVELS } from './levels.ts'

/**
 * One row of the registry data file (data/schools.json), as the district edits it.
 * `level` may be omitted: it is then read from the start of the name, as in the appendix.
 */
export const registryRowSchema = z.object({
  stt: z.number().int().positive(),
  name: z.string().trim().min(3, 'name is too short'),
  url: z
    .string()
    .url('not a valid URL')
    .refine((value) => /^https?:\/\//.test(value), 'URL must start with http:// or https://'),
  level: z.enum(SCHOOL_LEVELS).optional(),
})

export type RegistryRow = z.infer<typeof registryRowSchema>
