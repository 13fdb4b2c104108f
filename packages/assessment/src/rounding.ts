/**
 * Exact score arithmetic. A score is kept as whole tenths (7.3 → 73) so every sum is an exact
 * integer; the only division rounds half up from its integer remainder. Binary floating point
 * cannot do this: (0.1 + 7 + 7.4 + 2·5.1 + 3·6.3) / 8 is exactly 5.45, but computed in doubles it
 * lands just below, and Math.round(x * 10) / 10 gives 5.4 instead of 5.5.
 */

/** Whole tenths of a score that has at most one decimal (checked by the schemas): 7.3 → 73. */
export function toTenths(score: number): number {
  // score * 10 lands within a few ulps of the intended integer; rounding recovers it exactly.
  return Math.round(score * 10)
}

/** 73 → 7.3 (the double closest to the decimal, i.e. exactly what the literal 7.3 is). */
export function fromTenths(tenths: number): number {
  return tenths / 10
}

/** True when `value` is a finite number with at most one decimal: 7, 7.5 — not 7.25, not 0.1 + 0.2. */
export function hasAtMostOneDecimal(value: number): boolean {
  return Number.isFinite(value) && fromTenths(toTenths(value)) === value
}

/**
 * `numerator / denominator` rounded half up, for a non-negative integer numerator and a positive
 * integer denominator: integer division plus a decision taken on the remainder alone.
 */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || numerator < 0) throw new RangeError(`numerator must be a non-negative integer (got ${numerator})`)
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw new RangeError(`denominator must be a positive integer (got ${denominator})`)
  const remainder = numerator % denominator
  const quotient = (numerator - remainder) / denominator
  return 2 * remainder >= denominator ? quotient + 1 : quotient
}

/**
 * Rounds a non-negative number to one decimal, half up, from the decimal digits it prints as
 * (1.45 → 1.5, 6.25 → 6.3, 7.3 → 7.3), never from its binary value (1.45 * 10 is 14.4999…).
 * For values that come from elsewhere, e.g. a spreadsheet import; the averages never need it.
 */
export function roundToTenths(value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`roundToTenths needs a finite number ≥ 0 (got ${value})`)
  const text = String(value)
  // Exponent notation only appears below 1e-6 (rounds to 0) or at 1e21 and above (no decimals).
  if (text.includes('e')) return value < 1 ? 0 : value
  const [whole = '0', fraction = ''] = text.split('.')
  const tenths = Number(whole) * 10 + Number(fraction[0] ?? '0')
  const roundsUp = (fraction[1] ?? '0') >= '5'
  return fromTenths(roundsUp ? tenths + 1 : tenths)
}
