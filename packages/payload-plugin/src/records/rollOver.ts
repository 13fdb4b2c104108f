import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { relationId } from '../roles.ts'
import { message } from '../translations/index.ts'

export type RollOverPlan = {
  fromYear: string
  toYear: string
  classes: { from: string; to: string | null; students: number; graduating: boolean }[]
  promoted: number
  retained: number
  graduating: number
  classesToCreate: string[]
}

/** "6/1" in grade 6 → "7/1": the grade number at the start of the name moves up with the class. */
export function nextClassName(name: string, grade: number): string {
  return name.startsWith(String(grade)) ? `${grade + 1}${name.slice(String(grade).length)}` : `${grade + 1} ${name}`
}

/**
 * Next school year's classes from this year's (grade + 1; the school's last grade leaves), carrying
 * every studying student except those kept back, who stay in the same grade. Dry-run by default:
 * the plan is returned and nothing is written; `apply` writes it in one transaction.
 */
export async function rollOver(
  req: PayloadRequest,
  args: { school: number | string; fromYear: string; toYear: string; lastGrade: number; retain?: (number | string)[]; apply?: boolean },
): Promise<RollOverPlan> {
  const { payload } = req
  const retain = new Set((args.retain ?? []).map(String))
  const classes = await payload.find({ collection: 'classes', where: { and: [{ school: { equals: args.school } }, { schoolYear: { equals: args.fromYear } }] }, pagination: false, depth: 0, sort: 'name', overrideAccess: true, req })
  const existingNext = await payload.find({ collection: 'classes', where: { and: [{ school: { equals: args.school } }, { schoolYear: { equals: args.toYear } }] }, pagination: false, depth: 0, overrideAccess: true, req })
  const nextByName = new Map(existingNext.docs.map((c) => [String(c.name), c]))
  const plan: RollOverPlan = { fromYear: args.fromYear, toYear: args.toYear, classes: [], promoted: 0, retained: 0, graduating: 0, classesToCreate: [] }
  const moves: { enrolment: number | string; student: number | string; target: string | null; kept: boolean }[] = []
  const needed = new Map<string, number>()
  for (const klass of classes.docs) {
    const grade = Number(klass.grade)
    const graduating = grade >= args.lastGrade
    const target = graduating ? null : nextClassName(String(klass.name), grade)
    const open = await payload.find({ collection: 'enrolments', where: { and: [{ class: { equals: klass.id } }, { endDate: { exists: false } }] }, pagination: false, depth: 0, overrideAccess: true, req })
    for (const enrolment of open.docs) {
      const student = relationId(enrolment.student)!
      const kept = retain.has(String(student))
      const destination = kept ? String(klass.name) : target
      moves.push({ enrolment: enrolment.id, student, target: destination, kept })
      if (kept) plan.retained++
      else if (graduating) plan.graduating++
      else plan.promoted++
      if (destination) needed.set(destination, kept ? grade : grade + 1)
    }
    plan.classes.push({ from: String(klass.name), to: target, students: open.docs.length, graduating })
  }
  plan.classesToCreate = [...needed.keys()].filter((name) => !nextByName.has(name)).sort()
  if (!args.apply) return plan

  const shouldCommit = await initTransaction(req)
  try {
    const [startYear] = args.toYear.split('-')
    const yearEnd = `${Number(startYear)}-05-31T00:00:00.000Z`
    const yearStart = `${startYear}-09-05T00:00:00.000Z`
    for (const name of plan.classesToCreate) {
      const created = await payload.create({ collection: 'classes', overrideAccess: true, req, data: { school: args.school, name, grade: needed.get(name)!, schoolYear: args.toYear } as never })
      nextByName.set(name, created)
    }
    for (const move of moves) {
      await payload.update({ collection: 'enrolments', id: move.enrolment, overrideAccess: true, req, data: { endDate: yearEnd, endKind: 'year-end' } as never })
      if (move.target) {
        await payload.create({
          collection: 'enrolments',
          overrideAccess: true,
          req,
          data: { school: args.school, student: move.student, class: nextByName.get(move.target)!.id, schoolYear: args.toYear, startDate: yearStart, startKind: move.kept ? 'enrolled' : 'promoted', reason: move.kept ? message(null, 'records.stayed-back') : null } as never,
        })
      } else {
        await payload.update({ collection: 'students', id: move.student, overrideAccess: true, req, data: { status: 'graduated' } as never })
      }
    }
    if (shouldCommit) await commitTransaction(req)
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
  return plan
}
