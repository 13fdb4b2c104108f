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

/** What a post of the *Văn bản* section says about the document it publishes (Circular 37/2020 Art. 9). */
export const documentInfoSchema = z.object({
  /** Số, ký hiệu, e.g. "15/KH-THLĐ". */
  number: z.string(),
  /** Ngày ban hành, YYYY-MM-DD. */
  issuedDate: z.string().nullable(),
  /** Cơ quan ban hành. */
  issuer: z.string(),
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
  /** Photos of the post's album (Thư viện ảnh), in the order the writer gave. */
  gallery: z.array(imageSchema).default([]),
  attachments: z.array(attachmentSchema),
  /** Only for posts of the 'van-ban' section. */
  document: documentInfoSchema.nullable().default(null),
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
  /** The school's logo; the sites draw a monogram in the template's colours when there is none. */
  logo: imageSchema.nullable().default(null),
  /** A wide photo for the top of the home page. */
  banner: imageSchema.nullable().default(null),
})

export const snapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  generatedAt: z.string(),
  school: z.object({
    slug: z.string(),
    /** The appendix's short name, "TH Lê Độ": where space is tight. */
    name: z.string(),
    /** The official name, "Trường Tiểu học Lê Độ" (registry `fullSchoolName`). */
    fullName: z.string().default(''),
    /**
     * The line above the name: the body that manages the school, from the CMS (the school's tier, or
     * the configured managing body), e.g. "Phòng Giáo dục và Đào tạo thành phố Hội An"; since 2025 it
     * may be a ward's People's Committee. Empty: no line.
     */
    managingBody: z.string().default(''),
    /** That body's website, for the home page's quick links. */
    managingBodyUrl: z.string().url().nullable().default(null),
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
/** What a writer of a snapshot must give: the fields added later (logo, gallery, …) may be left out. */
export type SnapshotInput = z.input<typeof snapshotSchema>
export type SnapshotPost = z.infer<typeof postSchema>
export type SnapshotDisclosure = z.infer<typeof disclosureSchema>
export type SnapshotImage = z.infer<typeof imageSchema>
export type SnapshotAttachment = z.infer<typeof attachmentSchema>
export type SnapshotDocumentInfo = z.infer<typeof documentInfoSchema>
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
  ENROLMENT_TAG,
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
