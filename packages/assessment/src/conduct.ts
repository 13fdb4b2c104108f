import { parseInput } from './errors.ts'
import { conductYearInput, type ConductYearInput, type Level } from './schemas.ts'

const BEST_FIRST: readonly Level[] = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt']
const atLeast = (level: Level, floor: Level) => BEST_FIRST.indexOf(level) <= BEST_FIRST.indexOf(floor)

/** The Art. 8 table on validated levels. */
export function conductYearOf(hk1: Level, hk2: Level): Level {
  switch (hk2) {
    case 'Tốt':
      return atLeast(hk1, 'Khá') ? 'Tốt' : 'Khá'
    case 'Khá':
      return atLeast(hk1, 'Đạt') ? 'Khá' : 'Đạt'
    case 'Đạt':
      return hk1 === 'Tốt' ? 'Khá' : 'Đạt'
    case 'Chưa đạt':
      return 'Chưa đạt'
  }
}

/**
 * Year conduct (rèn luyện) from the two terms set by the homeroom teacher (Circular 22, Art. 8):
 * term II Tốt → Tốt if term I ≥ Khá, else Khá; term II Khá → Khá if term I ≥ Đạt, else Đạt;
 * term II Đạt → Khá if term I is Tốt, else Đạt; term II Chưa đạt → Chưa đạt.
 */
export function conductYear(input: ConductYearInput): Level {
  const { hk1, hk2 } = parseInput(conductYearInput, input)
  return conductYearOf(hk1, hk2)
}
