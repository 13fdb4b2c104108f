import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '../roles.ts'
import { appendMarkHistory } from './history.ts'

/** The values of a mark whose every change is kept: THCS cells by data path (regular.0 = TX1), primary fields by name. */
export function changedValues(previous: Record<string, unknown> | undefined, next: Record<string, unknown>): { field: string; oldValue: unknown; newValue: unknown }[] {
  const changes: { field: string; oldValue: unknown; newValue: unknown }[] = []
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  const before = Array.isArray(previous?.regular) ? (previous.regular as unknown[]) : []
  const after = Array.isArray(next.regular) ? (next.regular as unknown[]) : []
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (!same(before[i], after[i])) changes.push({ field: `regular.${i}`, oldValue: before[i] ?? null, newValue: after[i] ?? null })
  }
  for (const field of ['midTerm', 'endTerm', 'midTermLevel', 'endTermLevel', 'midTermTest', 'endTermTest', 'comment']) {
    if (!same(previous?.[field], next[field])) changes.push({ field, oldValue: previous?.[field] ?? null, newValue: next[field] ?? null })
  }
  return changes
}

/** Context flags a caller sets for the history entry: an import or an approved correction (items 6 and 9). */
export const MARK_CHANGE_SOURCE = 'truongsoMarkChangeSource'
export const MARK_CHANGE_REASON = 'truongsoMarkChangeReason'
export const MARK_CORRECTION_REQUEST = 'truongsoMarkCorrectionRequest'
/** Set by the audit for the request's caller: the history entries this save appended (the grid answers "last changed" from it). */
export const MARK_HISTORY_APPENDED = 'truongsoMarkHistoryAppended'
export type AppendedChange = { mark: string; field: string; at: string }

/** Every changed value of a mark goes to the append-only history (gradebook/history.ts), in the save's transaction. */
export const recordMarkHistory: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req, context }) => {
  const changes = changedValues(operation === 'create' ? undefined : (previousDoc as Record<string, unknown>), doc as Record<string, unknown>)
  const appended = ((context[MARK_HISTORY_APPENDED] as AppendedChange[] | undefined) ??= [])
  for (const change of changes) {
    const { at } = await appendMarkHistory(req, {
      school: relationId(doc.school)!,
      mark: doc.id,
      student: relationId(doc.student)!,
      subject: relationId(doc.subject)!,
      schoolYear: String(doc.schoolYear),
      term: doc.term,
      ...change,
      reason: typeof context?.[MARK_CHANGE_REASON] === 'string' ? (context[MARK_CHANGE_REASON] as string) : undefined,
      source: (context?.[MARK_CHANGE_SOURCE] as 'entry' | 'import' | 'correction' | undefined) ?? 'entry',
      correctionRequest: (context?.[MARK_CORRECTION_REQUEST] as number | string | undefined) ?? undefined,
    })
    appended.push({ mark: String(doc.id), field: change.field, at })
  }
  return doc
}
