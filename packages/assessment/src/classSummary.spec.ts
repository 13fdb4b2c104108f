import { describe, expect, it } from 'vitest'

import { classSummary, thcsCatalogue, type StudentRecord } from './index.ts'

const catalogue = thcsCatalogue(8)
const scoredNames = catalogue.filter((s) => s.kind === 'scored').map((s) => s.name)
const commentNames = catalogue.filter((s) => s.kind === 'comment').map((s) => s.name)

/** A student with the same scores in every scored subject, unless overridden. */
function student(id: string, base: { tx: number[]; gk: number; ck: number }, overrides: Record<string, { tx: number[]; gk: number; ck: number }> = {}, extra: Partial<StudentRecord> = {}): StudentRecord {
  const subjects: StudentRecord['subjects'] = {}
  for (const name of scoredNames) {
    const entry = overrides[name] ?? base
    const tx = [...entry.tx]
    while (tx.length < 4) tx.push(entry.tx[0]!)
    subjects[name] = { hk1: { ...entry, tx }, hk2: { ...entry, tx } }
  }
  for (const name of commentNames) subjects[name] = { hk1: { marks: ['Đ', 'Đ'] }, hk2: { marks: ['Đ', 'Đ'] } }
  return { id, subjects, conduct: { hk1: 'Tốt', hk2: 'Tốt' }, absences: 2, ...extra }
}

describe('whole-class summary', () => {
  it('computes a small class by hand', () => {
    const summary = classSummary(catalogue, [
      // 9.0 everywhere: term (4·9 + 2·9 + 3·9)/9 = 9.0; year 9.0 → Tốt, Xuất sắc.
      student('an', { tx: [9], gk: 9, ck: 9 }),
      // 8.0 everywhere except Toán 4.0: Đạt; Art. 9.3: Toán → 10 gives Tốt (two levels up) → Khá.
      student('binh', { tx: [8], gk: 8, ck: 8 }, { Toán: { tx: [4], gk: 4, ck: 4 } }),
      // 3.0 in Tin học and Công nghệ: Chưa đạt, re-test those two; conduct Chưa đạt → summer training.
      student('chi', { tx: [6], gk: 6, ck: 6 }, { 'Tin học': { tx: [3], gk: 3, ck: 3 }, 'Công nghệ': { tx: [3], gk: 3, ck: 3 } }, { conduct: { hk1: 'Đạt', hk2: 'Chưa đạt' } }),
      // No end-of-term score in Ngữ văn, term II: incomplete, nothing decided yet.
      { ...student('dung', { tx: [7], gk: 7, ck: 7 }), subjects: { ...student('dung', { tx: [7], gk: 7, ck: 7 }).subjects, 'Ngữ văn': { hk1: { tx: [7, 7, 7, 7], gk: 7, ck: 7 }, hk2: { tx: [7, 7, 7, 7], gk: 7 } } } },
    ])
    const [an, binh, chi, dung] = summary.students
    expect(an!.subjects.Toán).toEqual({ hk1: 9, hk2: 9, year: 9 })
    expect(an!.learning.year).toEqual({ level: 'Tốt', beforeAdjustment: 'Tốt' })
    expect(an!.award).toBe('Học sinh Xuất sắc')
    expect(binh!.learning.year).toEqual({ level: 'Khá', beforeAdjustment: 'Đạt' })
    expect(binh!.award).toBeNull()
    expect(binh!.promoted).toBe(true)
    expect(chi!.learning.year?.level).toBe('Chưa đạt')
    expect(chi!.retests.sort()).toEqual(['Công nghệ', 'Tin học'])
    expect(chi!.summerConductTraining).toBe(true)
    expect(chi!.promoted).toBe(false)
    expect(dung!.missing).toEqual(['Ngữ văn hk2'])
    expect(dung!.learning.year).toBeNull()
    expect(dung!.promoted).toBeNull()
    expect(summary.counts).toEqual({ promoted: 2, retest: 1, xuatSac: 1, gioi: 0, incomplete: 1 })
  })
})
