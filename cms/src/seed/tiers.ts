import { schools } from '@truongso/registry'
import type { PayloadRequest } from 'payload'

type ID = number | string

/** The body the appendix comes from: it oversees the whole district (every tier below it). */
export const DISTRICT_TIER = 'hoian'

/**
 * Since mid-2025 Hội An is three wards and a commune, each overseeing its preschools, primary and
 * lower-secondary schools. A school named after its ward's former commune goes there; the others are
 * spread over the three wards for the demo (the real list is each ward's decision, entered by the
 * district admin by moving schools).
 */
export const WARD_TIERS = [
  { code: 'hoian', name: 'Phòng Văn hóa – Xã hội phường Hội An', superior: 'UBND PHƯỜNG HỘI AN', places: ['Cẩm Phô', 'Sơn Phong', 'Tân An', 'Minh An', 'Sơn Ca', 'Măng Non'] },
  { code: 'hoiandong', name: 'Phòng Văn hóa – Xã hội phường Hội An Đông', superior: 'UBND PHƯỜNG HỘI AN ĐÔNG', places: ['Cẩm An', 'Cẩm Châu', 'Cửa Đại', 'Cẩm Thanh'] },
  { code: 'hoiantay', name: 'Phòng Văn hóa – Xã hội phường Hội An Tây', superior: 'UBND PHƯỜNG HỘI AN TÂY', places: ['Cẩm Hà', 'Cẩm Kim', 'Cẩm Nam', 'Thanh Hà'] },
  { code: 'tanhiep', name: 'Phòng Văn hóa – Xã hội xã Tân Hiệp', superior: 'UBND XÃ TÂN HIỆP', places: ['Tân Hiệp'] },
] as const

/** The ward code of a school of the appendix (by its name, else round-robin over the three wards). */
export function wardOf(name: string, stt: number): string {
  for (const ward of WARD_TIERS) if (ward.places.some((place) => name.endsWith(place))) return `ward-${ward.code}`
  return `ward-${WARD_TIERS[stt % 3]!.code}`
}

/** Creates the district office and the four wards below it (missing ones only). Returns code → id. */
export async function seedTiers(req: PayloadRequest): Promise<Map<string, ID>> {
  const { payload } = req
  const existing = await payload.find({ collection: 'tiers', pagination: false, depth: 0, overrideAccess: true, req })
  const ids = new Map<string, ID>(existing.docs.filter((t) => t.code).map((t) => [String(t.code), t.id]))
  const ensure = async (code: string, data: Record<string, unknown>) => {
    if (!ids.has(code)) ids.set(code, (await payload.create({ collection: 'tiers', data: { code, ...data } as never, overrideAccess: true, req })).id)
    return ids.get(code) as ID
  }
  const district = await ensure(DISTRICT_TIER, {
    name: 'Phòng Giáo dục và Đào tạo thành phố Hội An',
    kind: 'phong-gddt',
    superior: 'UBND THÀNH PHỐ HỘI AN',
    place: 'Hội An',
    isDefault: true,
  })
  for (const ward of WARD_TIERS) {
    await ensure(`ward-${ward.code}`, { name: ward.name, kind: 'ubnd-xa', superior: ward.superior, place: 'Hội An', parent: district })
  }
  return ids
}

/** The tier each school of the appendix starts in. */
export function seedTierOfSchool(slug: string, tiers: ReadonlyMap<string, ID>): ID | undefined {
  const school = schools.find((s) => s.slug === slug)
  return school ? tiers.get(wardOf(school.name, school.stt)) : undefined
}
