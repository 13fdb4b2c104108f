/**
 * Whole-school year summary: 1,500 students × 12 subjects (8 scored, 4 comment) in 38 classes of
 * ~40 across grades 6–9, generated from a seeded PRNG; every class summarised, 7 runs.
 *
 *   node packages/assessment/bench/classSummary.bench.ts
 *
 * scripts/bench.ts imports runAssessmentBench(). Timings are reported, never asserted.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { classSummary, subjectCatalogue, type Level, type StudentYearRecord, type TermEntry, type ThcsCatalogueSubject } from '../src/index.ts'

const STUDENTS = 1500
const CLASS_SIZE = 40
const RUNS = 7

/** mulberry32: small, fast, deterministic. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type SchoolClass = { name: string; subjects: ThcsCatalogueSubject[]; students: StudentYearRecord[] }

/** A deterministic school: each student has an ability around which their scores vary. */
export function generateSchool(seed = 20_262_027): SchoolClass[] {
  const random = seededRandom(seed)
  const classCount = Math.ceil(STUDENTS / CLASS_SIZE)
  const catalogues = new Map([6, 7, 8, 9].map((grade) => [grade, subjectCatalogue({ level: 'THCS', grade })]))
  const classes: SchoolClass[] = []
  let next = 0
  for (let c = 0; c < classCount; c++) {
    const grade = 6 + (c % 4)
    const subjects = catalogues.get(grade)!
    // Spread 1,500 students as evenly as possible: 39 or 40 a class.
    const size = Math.floor(((c + 1) * STUDENTS) / classCount) - Math.floor((c * STUDENTS) / classCount)
    const students: StudentYearRecord[] = []
    for (let s = 0; s < size; s++, next++) {
      const ability = 3 + random() * 6.5
      const score = () => Math.max(0, Math.min(100, Math.round((ability + (random() - 0.5) * 4) * 10))) / 10
      const mark = () => (random() < 0.02 ? 'CĐ' : 'Đ') as 'Đ' | 'CĐ'
      const term = (subject: ThcsCatalogueSubject): TermEntry => {
        const regular = subject.regularAssessmentsPerTerm
        return subject.kind === 'scored'
          ? { tx: Array.from({ length: regular }, score), gk: score(), ck: score() }
          : { tx: Array.from({ length: regular }, mark), gk: mark(), ck: mark() }
      }
      const conduct = (): Level => {
        const r = random()
        return r < 0.7 ? 'Tốt' : r < 0.9 ? 'Khá' : r < 0.98 ? 'Đạt' : 'Chưa đạt'
      }
      students.push({
        id: `hs-${String(next).padStart(4, '0')}`,
        subjects: Object.fromEntries(subjects.map((subject) => [subject.name, { hk1: term(subject), hk2: term(subject) }])),
        conduct: { hk1: conduct(), hk2: conduct() },
        absences: Math.floor(random() * random() * 60),
      })
    }
    classes.push({ name: `${grade}A${Math.floor(c / 4) + 1}`, subjects, students })
  }
  return classes
}

const mib = (bytes: number) => Number((bytes / 1_048_576).toFixed(1))
const ms = (value: number) => Number(value.toFixed(1))

export type AssessmentBenchResult = {
  name: string
  students: number
  subjects: number
  classes: number
  runs: number
  medianMs: number
  minMs: number
  maxMs: number
  /** Per student, median run. */
  perStudentUs: number
  heapUsedMiB: number
  peakHeapUsedMiB: number
  rssMiB: number
  /** A checksum of the results, so a change of outcome shows up next to a change of speed. */
  promoted: number
  awards: number
  reassessment: number
}

export async function runAssessmentBench(runs = RUNS): Promise<AssessmentBenchResult> {
  const classes = generateSchool()
  const students = classes.reduce((n, c) => n + c.students.length, 0)
  const times: number[] = []
  let peakHeap = 0
  let totals = { promoted: 0, awards: 0, reassessment: 0 }
  for (let run = 0; run < runs; run++) {
    const started = performance.now()
    const summaries = classes.map((schoolClass) => classSummary({ subjects: schoolClass.subjects, students: schoolClass.students }))
    times.push(performance.now() - started)
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)
    totals = { promoted: 0, awards: 0, reassessment: 0 }
    for (const { counts } of summaries) {
      totals.promoted += counts.promoted
      totals.awards += counts.awards['Học sinh Xuất sắc'] + counts.awards['Học sinh Giỏi']
      totals.reassessment += counts.reassessment
    }
  }
  const sorted = [...times].sort((x, y) => x - y)
  const median = sorted[Math.floor(sorted.length / 2)]!
  const memory = process.memoryUsage()
  peakHeap = Math.max(peakHeap, memory.heapUsed)
  return {
    name: `assessment: whole-school year summary (${students} students × ${classes[0]!.subjects.length} subjects, ${classes.length} classes)`,
    students,
    subjects: classes[0]!.subjects.length,
    classes: classes.length,
    runs,
    medianMs: ms(median),
    minMs: ms(sorted[0]!),
    maxMs: ms(sorted.at(-1)!),
    perStudentUs: Number(((median * 1000) / students).toFixed(1)),
    heapUsedMiB: mib(memory.heapUsed),
    peakHeapUsedMiB: mib(peakHeap),
    rssMiB: mib(memory.rss),
    ...totals,
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await runAssessmentBench()
  console.log(result.name)
  console.table({
    'median (ms)': result.medianMs,
    'min (ms)': result.minMs,
    'max (ms)': result.maxMs,
    'per student (µs)': result.perStudentUs,
    'heap used (MiB)': result.heapUsedMiB,
    'peak heap used (MiB)': result.peakHeapUsedMiB,
    'RSS (MiB)': result.rssMiB,
  })
  console.log(`runs ${result.runs}; promoted ${result.promoted}, awards ${result.awards}, re-assessment ${result.reassessment} of ${result.students}`)
}
