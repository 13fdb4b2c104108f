/**
 * When the office reports upwards (seed 003 §III: the term I report before 30 December, the year's
 * before 30 June; seed 002: the yearly report before 31 May). The defaults the dashboard shows.
 */
export function reportDeadlines(schoolYear: string): { term1: string; year: string; digitalTransformation: string } {
  const [start, end] = schoolYear.split('-').map(Number) as [number, number]
  return { term1: `${start}-12-30`, year: `${end}-06-30`, digitalTransformation: `${end}-05-31` }
}
