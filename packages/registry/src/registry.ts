import { LEVEL_INFO, levelFromName, type SchoolLevel, type TemplateId } from './levels.ts'
import { registryRowSchema } from './schema.ts'

/** A school of the district, as the platform uses it everywhere (CMS tenant, site build, vhost). */
export type School = {
  /** Row number in the appendix (số thứ tự). */
  stt: number
  /** Name exactly as listed, e.g. "TH Lê Độ". */
  name: string
  level: SchoolLevel
  /** Vietnamese name of the level, e.g. "Tiểu học". */
  levelName: string
  /** Website address exactly as listed in the appendix (never normalised). */
  url: string
  /** Host name of that URL, e.g. "tieuhocledo.quangnam.vnptweb.vn". */
  host: string
  /** First label of the host, e.g. "tieuhocledo": the school's id in URLs, folders and the CMS. */
  slug: string
  template: TemplateId
  /** Grades taught; empty for preschools. */
  grades: readonly number[]
}

export type Registry = {
  readonly schools: readonly School[]
  bySlug(slug: string): School | undefined
  byHost(host: string): School | undefined
}

export class RegistryError extends Error {
  override name = 'RegistryError'
}

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/

function describeRow(index: number, raw: unknown): string {
  const row = (raw ?? {}) as { stt?: unknown; name?: unknown }
  const label = typeof row.name === 'string' ? ` "${row.name}"` : ''
  const stt = typeof row.stt === 'number' ? ` (stt ${row.stt})` : ''
  return `registry row ${index + 1}${stt}${label}`
}

/** Validates the district's rows and derives what the platform needs; throws naming the bad row. */
export function loadRegistry(rows: readonly unknown[]): Registry {
  const schools: School[] = []
  const slugs = new Map<string, number>()
  const hosts = new Map<string, number>()
  const stts = new Map<number, number>()

  rows.forEach((raw, index) => {
    const where = describeRow(index, raw)
    const parsed = registryRowSchema.safeParse(raw)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'row'}: ${issue.message}`)
      throw new RegistryError(`${where}: ${issues.join('; ')}`)
    }
    const row = parsed.data
    const level = row.level ?? levelFromName(row.name)
    if (!level) {
      const prefix = row.name.split(/\s+/)[0]
      throw new RegistryError(
        `${where}: unknown level "${prefix}" (expected one of ${Object.keys(LEVEL_INFO).join(', ')})`,
      )
    }
    const host = new URL(row.url).hostname.toLowerCase()
    const slug = host.split('.')[0] ?? ''
    if (!host.includes('.') || !SLUG_PATTERN.test(slug)) {
      throw new RegistryError(`${where}: URL host "${host}" does not give a usable slug`)
    }
    for (const [map, key, what] of [
      [slugs, slug, 'slug'],
      [hosts, host, 'host'],
    ] as const) {
      const previous = map.get(key)
      if (previous !== undefined) {
        throw new RegistryError(`${where}: duplicate ${what} "${key}" (already used by registry row ${previous})`)
      }
      map.set(key, index + 1)
    }
    const previousStt = stts.get(row.stt)
    if (previousStt !== undefined) {
      throw new RegistryError(`${where}: duplicate stt ${row.stt} (already used by registry row ${previousStt})`)
    }
    stts.set(row.stt, index + 1)

    const info = LEVEL_INFO[level]
    schools.push({
      stt: row.stt,
      name: row.name,
      level,
      levelName: info.nameVi,
      url: row.url,
      host,
      slug,
      template: info.template,
      grades: info.grades,
    })
  })

  const bySlug = new Map(schools.map((school) => [school.slug, school]))
  const byHost = new Map(schools.map((school) => [school.host, school]))
  return {
    schools,
    bySlug: (slug) => bySlug.get(slug.toLowerCase()),
    byHost: (host) => byHost.get(host.toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '')),
  }
}
