import { z } from 'zod'

import { DISCLOSURE_GROUPS, POST_SECTIONS } from './sections.ts'

/**
 * The boundary between the CMS and the static sites (docs/architecture.md § The snapshot
 * boundary): for one school, everything published and nothing else — no drafts, no workflow
 * history, no reviewer or author identities, no school records. The CMS writes
 * `<dir>/<slug>/snapshot.json` plus the files it references under `<dir>/<slug>/files/`; the site
 * build reads only that.
 */
export const SNAPSHOT_VERSION = 1

/** A file shipped with the snapshot; `path` is relative to the snapshot folder (e.g. "files/abc.webp"). */
export const imageSchema = z.object({
  path: z.string(),
  alt: z.string(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  /** Smaller renditions made by sharp (WebP), widest last. */
  sizes: z.array(z.object({ name: z.string(), path: z.string(), width: z.number().int().positive() })),
})

export const attachmentSchema = z.object({
  path: z.string(),
  title: z.string(),
  filename: z.string(),
  mimeType: z.string(),
  filesize: z.number().int().nonnegative(),
})

export const postSchema = z.object({
  id: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  section: z.enum(POST_SECTIONS),
  summary: z.string(),
  /** Rendered rich text (trusted: written by the school's staff and approved). */
  html: z.string(),
  /** Plain text of the body, for search and descriptions. */
  text: z.string(),
  cover: imageSchema.nullable(),
  attachments: z.array(attachmentSchema),
  tags: z.array(z.string()),
  schoolYear: z.string().nullable(),
  publishedDate: z.string(),
  updatedAt: z.string(),
})

export const disclosureSchema = z.object({
  id: z.string(),
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  group: z.enum(DISCLOSURE_GROUPS),
  groupLabel: z.string(),
  schoolYear: z.string(),
  periodStart: z.string().nullable(),
  summary: z.string(),
  html: z.string(),
  text: z.string(),
  attachments: z.array(attachmentSchema),
  publishedDate: z.string(),
  updatedAt: z.string(),
})

export const introductionSchema = z.object({
  schoolName: z.string(),
  functionsHtml: z.string(),
  structureHtml: z.string(),
  orgChart: imageSchema.nullable(),
  leaders: z.array(z.object({ name: z.string(), position: z.string(), unit: z.string().nullable(), phone: z.string().nullable() })),
  historyHtml: z.string(),
  unions: z.array(z.object({ kind: z.string(), label: z.string(), html: z.string() })),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
})

export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  generatedAt: z.string(),
  school: z.object({
    slug: z.string(),
    name: z.string(),
    level: z.string(),
    levelName: z.string(),
    /** Exactly as listed in the appendix: canonical URLs, sitemap and feeds are built on it. */
    url: z.string().url(),
    host: z.string(),
    template: z.enum(['preschool', 'primary', 'lower-secondary', 'combined']),
  }),
  introduction: introductionSchema.nullable(),
  posts: z.array(postSchema),
  disclosures: z.array(disclosureSchema),
})

export type Snapshot = z.infer<typeof snapshotSchema>
export type SnapshotPost = z.infer<typeof postSchema>
export type SnapshotDisclosure = z.infer<typeof disclosureSchema>
export type SnapshotImage = z.infer<typeof imageSchema>
export type SnapshotAttachment = z.infer<typeof attachmentSchema>
export type SnapshotIntroduction = z.infer<typeof introductionSchema>

/** Parses and validates a snapshot, naming the first bad field. */
export function parseSnapshot(json: unknown): Snapshot {
  const parsed = snapshotSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(`invalid site snapshot at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`)
  }
  return parsed.data
}

export { bestRendition, CONTENT_IMAGE_SIZES, fileUrl, srcsetOf } from './images.ts'
export {
  DISCLOSURE_GROUPS,
  disclosureGroupLabels,
  POST_SECTIONS,
  sectionLabels,
  UNION_KINDS,
  unionLabels,
  type DisclosureGroup,
  type Label,
  type PostSection,
  type UnionKind,
} from './sections.ts'
export { foldVietnamese, slugify } from './slugify.ts'
