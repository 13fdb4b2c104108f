import { z } from 'zod'

import { parseInput } from './errors.ts'
import { level, type Level } from './schemas.ts'

const conductSchema = z.object({ hk1: level, hk2: level })

/** Year conduct from the two terms (Circular 22, Art. 8). */
export function conductYear(input: { hk1: Level; hk2: Level }): Level {
  const { hk1, hk2 } = parseInput(conductSchema, input)
  const atLeast = (value: Level, floor: Level) => ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'].indexOf(value) <= ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'].indexOf(floor)
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
