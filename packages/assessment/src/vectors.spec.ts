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

/**
 * The worked examples sit in shared/ beside the checkout (<dir>/main/packages/assessment/src →
 * <dir>/shared). ASSESSMENT_VECTORS may point elsewhere; a copy at <repo>/shared is also accepted.
 */
function locateVectors(): string {
  const candidates = [
    process.env.ASSESSMENT_VECTORS,
    fileURLToPath(new URL('../../../../shared/assessment-vectors.json', import.meta.url)),
    fileURLToPath(new URL('../../../shared/assessment-vectors.json', import.meta.url)),
  ].filter((candidate): candidate is string => Boolean(candidate))
  const found = candidates.find((candidate) => existsSync(candidate))
  if (!found) throw new Error(`assessment-vectors.json not found; looked in:\n  ${candidates.join('\n  ')}\n(shared/ must sit beside the checkout, or set ASSESSMENT_VECTORS)`)
  return found
}

type Vector = Record<string, unknown> & { expect: unknown }
const vectors = JSON.parse(readFileSync(locateVectors(), 'utf8')) as Record<string, Vector[]>

// Each group of the file → the function it exercises, called with the vector's own input shape.
const groups: Record<string, { call: (v: any) => unknown; expected: (v: any) => unknown }> = {
  termAverage: { call: (v) => termAverage({ tx: v.tx, gk: v.gk, ck: v.ck }), expected: (v) => v.expect },
  yearAverage: { call: (v) => yearAverage({ hk1: v.hk1, hk2: v.hk2 }), expected: (v) => v.expect },
  txCount: { call: (v) => regularAssessmentCount(v.periodsPerYear), expected: (v) => v.expect },
  commentTerm: { call: (v) => commentSubjectTerm({ required: v.required, marks: v.marks }), expected: (v) => v.expect },
  learningLevel: {
    call: (v) => learningLevel({ scored: v.scored, comment: v.comment }),
    expected: (v) => ({ level: v.expect, beforeAdjustment: v.beforeAdjustment }),
  },
  conductYear: { call: (v) => conductYear({ hk1: v.hk1, hk2: v.hk2 }), expected: (v) => v.expect },
  award: { call: (v) => award({ conduct: v.conduct, learning: v.learning, yearAverages: v.yearAverages }), expected: (v) => v.expect },
  promotion: { call: (v) => promotion({ conduct: v.conduct, learning: v.learning, absences: v.absences }), expected: (v) => v.expect },
  primaryYear: {
    call: (v) => primaryYear({ subjects: v.subjects, qualities: v.qualities, competences: v.competences, endOfYearTests: v.endOfYearTests }),
    expected: (v) => v.expect,
  },
}

/** A short readable name: the vector's id or description when it has one, else its input. */
function describeVector(vector: Vector): string {
  if (typeof vector.id === 'string') return vector.id
  if (typeof vector.description === 'string') return vector.description
  const { expect: _expected, beforeAdjustment: _before, ...input } = vector
  const text = JSON.stringify(input)
  return text.length > 100 ? `${text.slice(0, 97)}…` : text
}

const inFile = Object.values(vectors).reduce((total, list) => total + list.length, 0)
let registered = 0
let passed = 0

describe('shared/assessment-vectors.json', () => {
  it('has a function for every group of the file', () => {
    expect(Object.keys(vectors).sort()).toEqual(Object.keys(groups).sort())
    expect(inFile).toBeGreaterThan(0)
  })

  for (const [group, list] of Object.entries(vectors)) {
    describe(group, () => {
      list.forEach((vector, index) => {
        registered++
        it(`${group} #${index + 1}: ${describeVector(vector)} → ${JSON.stringify(vector.expect)}`, () => {
          const runner = groups[group]
          if (!runner) throw new Error(`no function for vector group "${group}"`)
          expect(runner.call(vector)).toEqual(runner.expected(vector))
          passed++
        })
      })
    })
  }

  it('registers one test per vector of the file', () => {
    expect(registered).toBe(inFile)
  })

  it('ran and passed every vector of the file', () => {
    // Tests of a file run in order, so this one comes after every vector test.
    expect(passed).toBe(inFile)
  })
})
