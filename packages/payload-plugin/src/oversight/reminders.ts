import type { Access, CollectionConfig, Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { DEFAULT_BOARD_ROLES, currentUser, isDistrictUser, overseenSchools, relationId, rolesInSchool, SCHOOL_MANAGER_ROLES, schoolsWhereUserHas } from '../roles.ts'
import { errorResponse, issueDetails } from '../translations/errorResponse.ts'
import { labels, message, messageEn, type MessageKey } from '../translations/index.ts'
import { queueEmail } from '../workflow/sendEmailTask.ts'
import { currentSchoolYear, isSchoolYear } from '../website/schoolYear.ts'
import { oversightOfSchools, type BehindReason } from './dashboard.ts'
import { oversightReader, termOfDate, tierOfReader } from './query.ts'
import { TIERS_SLUG } from './slugs.ts'

export const REMINDERS_SLUG = 'oversight-reminders'
const BEHIND_REASONS: BehindReason[] = ['no-recent-post', 'stale-reviews', 'disclosures-overdue', 'marks-missing', 'teaching-plans-missing', 'lesson-plans-late', 'class-logs-unsigned', 'attendance-missing', 'passwords-unchanged']
/** A school reminded less than this long ago is not reminded again by a "remind all behind" click. */
export const REMINDER_QUIET_HOURS = 24

/** The tier's officers read the reminders they sent (scoped to their schools); a school's board reads its own. */
const readReminders: Access = ({ req }) => {
  const actor = currentUser(req)
  if (!actor) return false
  if (isDistrictUser(actor)) return true
  const managed = schoolsWhereUserHas(actor, SCHOOL_MANAGER_ROLES)
  return managed.length > 0 ? { school: { in: managed } } : false
}

/**
 * The log of reminders (issue 17 item 4): which school, why (the dashboard's reasons at the time), who
 * sent it, how many of the board were mailed, and when the board saw it. Written only by
 * POST /api/oversight/reminders; the board marks one seen with POST /api/oversight-reminders/:id/seen.
 */
export function remindersCollection(): CollectionConfig {
  return {
    slug: REMINDERS_SLUG,
    labels: labels.reminders,
    admin: { useAsTitle: 'schoolYear', defaultColumns: ['school', 'reasons', 'sentAt', 'seenAt'], group: labels.groups.administration },
    defaultSort: '-sentAt',
    access: { read: readReminders, create: () => false, update: () => false, delete: () => false },
    endpoints: [seenEndpoint],
    fields: [
      { name: 'tier', type: 'relationship', relationTo: TIERS_SLUG, label: labels.fields.tier, admin: { readOnly: true } },
      { name: 'schoolYear', type: 'text', required: true, label: labels.fields.reminderYear, admin: { readOnly: true } },
      { name: 'term', type: 'number', label: labels.fields.reminderTerm, admin: { readOnly: true } },
      { name: 'reasons', type: 'select', hasMany: true, label: labels.fields.reminderReasons, options: BEHIND_REASONS.map((value) => ({ value, label: { vi: message(null, `ui.oversight.reason.${value}` as MessageKey), en: messageEn(`ui.oversight.reason.${value}` as MessageKey) } })), admin: { readOnly: true } },
      { name: 'note', type: 'textarea', label: labels.fields.reminderNote, admin: { readOnly: true } },
      { name: 'sentBy', type: 'relationship', relationTo: 'users', label: labels.fields.reminderSentBy, admin: { readOnly: true } },
      { name: 'sentAt', type: 'date', index: true, label: labels.fields.reminderSentAt, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'mailed', type: 'number', label: labels.fields.reminderMailed, admin: { readOnly: true } },
      { name: 'seenAt', type: 'date', label: labels.fields.reminderSeenAt, admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
      { name: 'seenBy', type: 'relationship', relationTo: 'users', label: labels.fields.reminderSeenBy, admin: { readOnly: true } },
    ],
  }
}

const body = z.object({
  schoolYear: z.string().refine(isSchoolYear, 'oversight.bad-year').optional(),
  term: z.enum(['1', '2']).optional(),
  /** Slugs; none = every school of the tier that is behind. */
  schools: z.array(z.string().regex(/^[\w-]{1,64}$/)).max(1000).optional(),
  note: z.string().max(1000).optional(),
})

/** A JSON body, or the dashboard's plain HTML form (works without JavaScript). */
async function readBody(req: PayloadRequest): Promise<{ data: unknown; form: boolean }> {
  const type = req.headers.get('content-type') ?? ''
  if (type.includes('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(await (req as unknown as Request).text())
    const schools = params.getAll('schools').filter(Boolean)
    return { form: true, data: { schoolYear: params.get('schoolYear') || undefined, term: params.get('term') || undefined, note: params.get('note') || undefined, ...(schools.length > 0 ? { schools } : {}) } }
  }
  try {
    return { form: false, data: await (req as unknown as Request).json() }
  } catch {
    return { form: false, data: null }
  }
}

/**
 * POST /api/oversight/reminders {schoolYear?, term?, schools?, note?}: the tier reminds the board of
 * each school that is behind (of those named, or all) — a logged reminder, an e-mail to the principal
 * and vice-principals through the configured adapter, and a banner on the school's dashboard. Schools
 * not behind, or reminded in the last 24 hours, are skipped and named.
 */
export const sendRemindersEndpoint: Endpoint = {
  path: '/oversight/reminders',
  method: 'post',
  handler: async (req) => {
    const actor = oversightReader(req)
    if (!actor) return errorResponse(req, 403, 'oversight.forbidden')
    const { data, form } = await readBody(req)
    const parsed = body.safeParse(data ?? {})
    if (!parsed.success) return errorResponse(req, 400, 'oversight.bad-query', { details: issueDetails(req, parsed.error.issues) })
    const schoolYear = parsed.data.schoolYear ?? currentSchoolYear()
    const term = parsed.data.term ? (Number(parsed.data.term) as 1 | 2) : termOfDate()
    const rows = await oversightOfSchools(req, overseenSchools(actor), { schoolYear, term })
    const named = parsed.data.schools
    const unknown = (named ?? []).filter((slug) => !rows.some((r) => r.school.slug === slug))
    if (unknown.length > 0) return errorResponse(req, 403, 'reminders.not-overseen', { schools: unknown.join(', ') })
    const targets = rows.filter((r) => (!named || named.includes(r.school.slug)) && r.behind.length > 0)
    const since = new Date(Date.now() - REMINDER_QUIET_HOURS * 3_600_000).toISOString()
    const recent = await req.payload.find({ collection: REMINDERS_SLUG, where: { and: [{ school: { in: targets.map((t) => t.school.id) } }, { sentAt: { greater_than: since } }] }, depth: 0, pagination: false, select: { school: true }, overrideAccess: true, req })
    const remindedRecently = new Set(recent.docs.map((d) => String(relationId((d as { school?: unknown }).school))))
    const tierDoc = await tierOfReader(req, actor)
    const tier = tierDoc?.id ?? null
    const sent: string[] = []
    const skipped: string[] = []
    for (const row of targets) {
      if (remindedRecently.has(String(row.school.id))) {
        skipped.push(row.school.slug)
        continue
      }
      const board = await req.payload.find({ collection: 'users', where: { 'memberships.school': { equals: row.school.id } }, depth: 0, pagination: false, select: { email: true, memberships: true }, overrideAccess: true, req })
      const emails = board.docs.filter((u) => rolesInSchool(u as never, row.school.id).some((r) => DEFAULT_BOARD_ROLES.includes(r))).map((u) => String((u as { email?: unknown }).email ?? '')).filter(Boolean)
      await req.payload.create({
        collection: REMINDERS_SLUG,
        overrideAccess: true,
        req,
        data: { school: row.school.id, tier, schoolYear, term, reasons: row.behind, note: parsed.data.note ?? null, sentBy: actor.id, sentAt: new Date().toISOString(), mailed: emails.length } as never,
      })
      if (emails.length > 0) {
        // The board reads Vietnamese (the request's language is the sender's).
        const reasons = row.behind.map((r) => message(null, `ui.oversight.reason.${r}` as MessageKey)).join('; ')
        const lines = [
          message(null, 'reminders.mail-body', { tier: tierDoc?.name ?? '', school: row.school.name, year: schoolYear, term: term === 1 ? 'I' : 'II', reasons }),
          parsed.data.note ? message(null, 'reminders.mail-note', { note: parsed.data.note }) : '',
          message(null, 'workflow.mail-link', { link: `${req.payload.config.serverURL || ''}/admin` }),
        ].filter(Boolean)
        await queueEmail(req, { to: emails.join(', '), subject: message(null, 'reminders.mail-subject', { tier: tierDoc?.name ?? '', school: row.school.name }), text: lines.join('\n') })
      }
      sent.push(row.school.slug)
    }
    req.payload.logger.info(`oversight: user ${actor.id} reminded ${sent.length} schools (${sent.join(', ')}); skipped ${skipped.join(', ') || 'none'}`)
    if (form) {
      const back = `${req.payload.config.routes.admin ?? '/admin'}/oversight?schoolYear=${schoolYear}&term=${term}&reminded=${sent.length}&skipped=${skipped.length}`
      return new Response(null, { status: 303, headers: { Location: back } })
    }
    return Response.json({ schoolYear, term, sent, skipped, notBehind: (named ?? []).filter((slug) => !targets.some((t) => t.school.slug === slug)) })
  },
}

/** POST /api/oversight-reminders/:id/seen: the school's board marks a reminder seen (the banner's button). */
const seenEndpoint: Endpoint = {
  path: '/:id/seen',
  method: 'post',
  handler: async (req) => {
    const actor = currentUser(req)
    if (!actor) return errorResponse(req, 403, 'oversight-reminders.forbidden')
    const id = String(req.routeParams?.id ?? '')
    const reminder = (await req.payload.findByID({ collection: REMINDERS_SLUG, id, depth: 0, overrideAccess: true, disableErrors: true, req })) as { id: number | string; school?: unknown } | null
    if (!reminder || !rolesInSchool(actor, relationId(reminder.school) ?? '').some((r) => SCHOOL_MANAGER_ROLES.includes(r))) return errorResponse(req, 403, 'oversight-reminders.forbidden')
    await req.payload.update({ collection: REMINDERS_SLUG, id: reminder.id, overrideAccess: true, req, data: { seenAt: new Date().toISOString(), seenBy: actor.id } as never })
    if ((req.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) return new Response(null, { status: 303, headers: { Location: req.payload.config.routes.admin ?? '/admin' } })
    return Response.json({ id: reminder.id, seen: true })
  },
}
