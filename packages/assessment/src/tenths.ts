/**
 * Scores are kept as whole tenths (7.5 → 75) so sums and averages are exact; the only division
 * rounds half up explicitly. Binary floating point would turn 6.25 into 6.2 (e.g. 6.25 is stored
 * as 6.2499999…).
 */
export function toTenths(score: number): number {
  return Math.round(score * 10)
}

export function fromTenths(tenths: number): number {
  return tenths / 10
}

/** numerator / denominator rounded half up, for non-negative integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}

/** True when a number has at most one decimal (7, 7.5 — not 7.25). */
export function hasAtMostOneDecimal(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9
}
