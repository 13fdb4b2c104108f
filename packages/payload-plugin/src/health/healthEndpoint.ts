import type { Endpoint, PayloadRequest } from 'payload'

import { SITE_BUILDS_SLUG } from '../sites/options.ts'

type Build = { school?: unknown; status?: string; requestedAt?: string | null; finishedAt?: string | null }
type SchoolRow = { id: number | string; slug?: string }

/**
 * `GET /api/health` for monitoring: is the database reachable (and how fast), how deep the job queue
 * is, and each school's last site build with its state. No personal data, no content: safe to answer
 * anonymously (a monitor has no account). 503 when the database does not answer.
 */
export function healthEndpoint(options: { sites: boolean }): Endpoint {
  return {
    path: '/health',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      const started = performance.now()
      try {
        const schools = await req.payload.find({ collection: 'schools', pagination: false, depth: 0, overrideAccess: true, select: { slug: true } })
        const databaseMs = Math.round(performance.now() - started)
        const queued = await req.payload.count({ collection: 'payload-jobs', where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] }, overrideAccess: true })
        const failedJobs = await req.payload.count({ collection: 'payload-jobs', where: { hasError: { equals: true } }, overrideAccess: true })
        const lastBuilds = options.sites ? await lastBuildPerSchool(req, schools.docs as unknown as SchoolRow[]) : []
        return Response.json(
          {
            status: 'ok',
            database: { reachable: true, ms: databaseMs },
            jobs: { queued: queued.totalDocs, failed: failedJobs.totalDocs },
            schools: schools.docs.length,
            sites: lastBuilds,
          },
          { headers: { 'cache-control': 'no-store' } },
        )
      } catch (error) {
        req.payload.logger.error({ err: error, msg: 'health check: the database did not answer' })
        return Response.json({ status: 'unavailable', database: { reachable: false } }, { status: 503, headers: { 'cache-control': 'no-store' } })
      }
    },
  }
}

/** One row per school: the newest build request and how it ended (null when never built). */
async function lastBuildPerSchool(req: PayloadRequest, schools: SchoolRow[]) {
  const slugOf = new Map(schools.map((s) => [String(s.id), s.slug ?? String(s.id)]))
  const last = new Map<string, Build>()
  // Newest first; a page of recent builds covers every active school, then one query per school left.
  const recent = await req.payload.find({ collection: SITE_BUILDS_SLUG, sort: '-requestedAt', limit: 500, depth: 0, overrideAccess: true, select: { school: true, status: true, requestedAt: true, finishedAt: true } })
  for (const build of recent.docs as unknown as Build[]) {
    const school = String(typeof build.school === 'object' && build.school ? (build.school as { id: unknown }).id : build.school)
    if (!last.has(school)) last.set(school, build)
  }
  for (const school of schools) {
    const id = String(school.id)
    if (last.has(id)) continue
    const older = await req.payload.find({ collection: SITE_BUILDS_SLUG, where: { school: { equals: school.id } }, sort: '-requestedAt', limit: 1, depth: 0, overrideAccess: true, select: { school: true, status: true, requestedAt: true, finishedAt: true } })
    if (older.docs[0]) last.set(id, older.docs[0] as unknown as Build)
  }
  return schools.map((school) => {
    const build = last.get(String(school.id))
    return {
      school: slugOf.get(String(school.id)),
      lastBuild: build ? { state: build.status ?? null, requestedAt: build.requestedAt ?? null, finishedAt: build.finishedAt ?? null, failed: build.status === 'failed' } : null,
    }
  })
}
