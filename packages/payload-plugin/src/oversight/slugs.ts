/** The oversight bodies above the schools (docs/domain.md § Oversight). */
export const TIERS_SLUG = 'tiers'

/**
 * Kinds of body that oversee schools. Until mid-2025 a district office (Phòng GDĐT); since then a
 * ward's or commune's People's Committee for preschools, primary and lower-secondary schools, with the
 * provincial department (Sở GDĐT) above.
 */
export const TIER_KINDS = ['phong-gddt', 'ubnd-xa', 'so-gddt'] as const
export type TierKind = (typeof TIER_KINDS)[number]
