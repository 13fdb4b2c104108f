/**
 * Whole-school year summary: 1,500 students × 12 subjects (8 scored, 4 comment), in classes of 40,
 * generated from a seeded PRNG. `node packages/assessment/bench/classSummary.bench.ts`
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { classSummary, thcsCatalogue, type StudentRecord } from '../src/index.ts'

function prng(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
}

function makeSchool(students: number, perClass: number) {
  const random = prng(20261124)
  const catalogue = thcsCatalogue(8)
  const score = () => Math.round((3 + random() * 7) * 10) / 10
  const classes: StudentRecord[][] = []
  for (let i = 0; i < students; i++) {
    const subjects: StudentRecord['subjects'] = {}
    for (const subject of catalogue) {
      subjects[subject.name] =
        subject.kind === 'comment'
          ? { hk1: { marks: ['Đ', random() < 0.03 ? 'CĐ' : 'Đ'] }, hk2: { marks: ['Đ', random() < 0.03 ? 'CĐ' : 'Đ'] } }
          : {
              hk1: { tx: [score(), score(), score(), score()], gk: score(), ck: score() },
              hk2: { tx: [score(), score(), score(), score()], gk: score(), ck: score() },
            }
    }
    const conduct = random() < 0.05 ? 'Đạt' : 'Tốt'
    if (i % perClass === 0) classes.push([])
    classes.at(-1)!.push({ id: `hs${i}`, subjects, conduct: { hk1: conduct, hk2: conduct }, absences: Math.floor(random() * 50) })
  }
  return { catalogue, classes }
}

export async function runAssessmentBench(runs = 7) {
  const { catalogue, classes } = makeSchool(1500, 40)
  const times: number[] = []
  let promoted = 0
  const heapBefore = process.memoryUsage().heapUsed
  let peakHeap = heapBefore
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now()
    promoted = 0
    for (const students of classes) promoted += classSummary(catalogue, students).counts.promoted
    times.push(performance.now() - t0)
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
  }
  const sorted = [...times].sort((a, b) => a - b)
  return {
    name: 'whole-school year summary, 1,500 students × 12 subjects',
    medianMs: Number(sorted[Math.floor(sorted.length / 2)]!.toFixed(1)),
    minMs: Number(sorted[0]!.toFixed(1)),
    maxMs: Number(sorted.at(-1)!.toFixed(1)),
    runs,
    promoted,
    heapGrowthMiB: Number(((peakHeap - heapBefore) / 1048576).toFixed(1)),
    rssMiB: Number((process.memoryUsage().rss / 1048576).toFixed(1)),
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) console.table(await runAssessmentBench())
