import rows from '../data/schools.json' with { type: 'json' }

import { loadRegistry, type Registry, type School } from './registry.ts'

export * from './levels.ts'
export { loadRegistry, RegistryError, type Registry, type School } from './registry.ts'
export { registryRowSchema, type RegistryRow } from './schema.ts'

/** The district's registry, loaded (and validated) once from data/schools.json. */
export const registry: Registry = loadRegistry(rows)

export const schools: readonly School[] = registry.schools

export function getSchoolBySlug(slug: string): School | undefined {
  return registry.bySlug(slug)
}

export function getSchoolByHost(host: string): School | undefined {
  return registry.byHost(host)
}
