import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { DOCUMENT_FOLDERS_SLUG, DOCUMENT_TREE_TEMPLATE_SLUG } from './slugs.ts'
import { teachersOfSchool } from './teachers.ts'
import { DEFAULT_TREE_TEMPLATE, orderedTemplate, templateFolderSchema, type TemplateFolder } from './treeTemplate.ts'

type ID = number | string
export type TreeResult = { schoolYear: string; created: number; existing: number; closedEarlier: number }

/** The district's template, or the default one while it has none (an empty template is "not set"). */
export async function loadTreeTemplate(req: PayloadRequest): Promise<TemplateFolder[]> {
  const global = (await req.payload.findGlobal({ slug: DOCUMENT_TREE_TEMPLATE_SLUG as never, depth: 0, overrideAccess: true, req })) as { folders?: unknown[] } | null
  const entries = (global?.folders ?? []).map((row) => templateFolderSchema.safeParse(row)).filter((r) => r.success).map((r) => r.data)
  return orderedTemplate(entries.length > 0 ? entries : DEFAULT_TREE_TEMPLATE)
}

type Instance = { id: ID; path: string; department: ID | null; owner: ID | null; suffix: string }

/**
 * Makes the school's document tree for a school year from the template (issue 15 item 1) and closes
 * the trees of earlier years (read-only). Idempotent: folders already made are kept (their key is
 * school + year + template entry + department/teacher), so running it again after a new teacher
 * joins adds only that teacher's folders. One transaction.
 */
export async function createDocumentTree(req: PayloadRequest, args: { school: ID; schoolYear: string }): Promise<TreeResult> {
  const { payload } = req
  const { school, schoolYear } = args
  const template = await loadTreeTemplate(req)
  const [departments, teachers, existing] = await Promise.all([
    payload.find({ collection: 'departments', where: { and: [{ school: { equals: school } }, { kind: { equals: 'chuyen-mon' } }] }, sort: 'name', depth: 0, pagination: false, overrideAccess: true, req }),
    teachersOfSchool(req, school),
    payload.find({ collection: DOCUMENT_FOLDERS_SLUG as never, where: { and: [{ school: { equals: school } }, { schoolYear: { equals: schoolYear } }] }, depth: 0, pagination: false, overrideAccess: true, req }),
  ])
  const byKey = new Map(existing.docs.map((d) => [String((d as { key?: unknown }).key), d.id as ID]))
  const result: TreeResult = { schoolYear, created: 0, existing: 0, closedEarlier: 0 }

  const shouldCommit = await initTransaction(req)
  try {
    // Each template entry is made once under every instance of its parent.
    const instances = new Map<string, Instance[]>()
    let order = 0
    for (const entry of template) {
      const parents: (Instance | null)[] = entry.parentKey ? (instances.get(entry.parentKey) ?? []) : [null]
      const made: Instance[] = []
      for (const parent of parents) {
        const fanOut =
          entry.scope === 'per-department'
            ? departments.docs.map((d) => ({ name: String((d as { name?: unknown }).name), department: d.id as ID, owner: parent?.owner ?? null, suffix: `d${d.id}` }))
            : entry.scope === 'per-teacher'
              ? teachers.filter((t) => !parent?.department || String(t.department) === String(parent.department)).map((t) => ({ name: t.name, department: t.department, owner: t.id, suffix: `u${t.id}` }))
              : [{ name: entry.name, department: parent?.department ?? null, owner: parent?.owner ?? null, suffix: parent?.suffix ?? '' }]
        for (const one of fanOut) {
          const key = `${school}:${schoolYear}:${entry.key}${one.suffix ? `:${one.suffix}` : ''}`
          const path = parent ? `${parent.path} / ${one.name}` : one.name
          let id = byKey.get(key)
          if (id === undefined) {
            const doc = await payload.create({
              collection: DOCUMENT_FOLDERS_SLUG as never,
              overrideAccess: true,
              req,
              data: {
                school,
                key,
                schoolYear,
                templateKey: entry.key,
                name: one.name,
                path,
                parent: parent?.id ?? null,
                order: order++,
                department: one.department,
                owner: one.owner,
                acceptsFiles: entry.acceptsFiles,
                filers: entry.filers,
                approval: entry.approval,
                requiresSignature: entry.requiresSignature,
                closed: false,
              } as never,
            })
            id = doc.id as ID
            result.created++
          } else {
            order++
            result.existing++
          }
          made.push({ id, path, department: one.department, owner: one.owner, suffix: one.suffix })
        }
      }
      instances.set(entry.key, made)
    }
    // Earlier years become read-only (school years are written "2026-2027": they sort as text).
    const earlier = await payload.update({
      collection: DOCUMENT_FOLDERS_SLUG as never,
      where: { and: [{ school: { equals: school } }, { schoolYear: { less_than: schoolYear } }, { closed: { not_equals: true } }] },
      data: { closed: true } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
    result.closedEarlier = earlier.docs.length
    if (shouldCommit) await commitTransaction(req)
    return result
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
