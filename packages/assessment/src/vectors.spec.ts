import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import {
  award,
  commentSubjectTerm,
  conductYear,
  learningLevel,
  primaryYear,
  promotion,
  regularAssessmentCount,
  termAverage,
  yearAverage,
} from './index.ts'

// The worked examples live in shared/ beside the checkout (…/main/../shared).
const file = fileURLToPath(new URL('../../../../shared/assessment-vectors.json', import.meta.url))
if (!existsSync(file)) throw new Error(`assessment vectors not found at ${file} (shared/ must sit beside the checkout)`)
const vectors = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, any>[]>

type Runner = (v: Record<string, any>) => { actual: unknown; expected: unknown }
const runners: Record<string, Runner> = {
  termAverage: (v) => ({ actual: termAverage({ tx: v.tx, gk: v.gk, ck: v.ck }), expected: v.expect }),
  yearAverage: (v) => ({ actual: yearAverage({ hk1: v.hk1, hk2: v.hk2 }), expected: v.expect }),
  txCount: (v) => ({ actual: regularAssessmentCount(v.periodsPerYear), expected: v.expect }),
  commentTerm: (v) => ({ actual: commentSubjectTerm({ required: v.required, marks: v.marks }), expected: v.expect }),
  learningLevel: (v) => ({ actual: learningLevel({ scored: v.scored, comment: v.comment }), expected: { level: v.expect, beforeAdjustment: v.beforeAdjustment } }),
  conductYear: (v) => ({ actual: conductYear({ hk1: v.hk1, hk2: v.hk2 }), expected: v.expect }),
  award: (v) => ({ actual: award({ conduct: v.conduct, learning: v.learning, yearAverages: v.yearAverages }), expected: v.expect }),
  promotion: (v) => ({ actual: promotion({ conduct: v.conduct, learning: v.learning, absences: v.absences }), expected: v.expect }),
  primaryYear: (v) => ({
    actual: primaryYear({ subjects: v.subjects, qualities: v.qualities, competences: v.competences, endOfYearTests: v.endOfYearTests }),
    expected: v.expect,
  }),
}

describe('every worked example of shared/assessment-vectors.json', () => {
  it('has a runner for every group of the file', () => {
    expect(Object.keys(vectors).sort()).toEqual(Object.keys(runners).sort())
  })
  let tested = 0
  for (const [group, list] of Object.entries(vectors)) {
    describe(group, () => {
      list.forEach((vector, index) => {
        it(`#${index + 1} ${JSON.stringify(vector).slice(0, 90)}`, () => {
          const { actual, expected } = runners[group]!(vector)
          expect(actual).toEqual(expected)
          tested++
        })
      })
    })
  }
  it('ran them all', () => {
    // vitest runs tests in order: this one comes after every vector test.
    expect(tested).toBe(Object.values(vectors).reduce((n, list) => n + list.length, 0))
  })
})
