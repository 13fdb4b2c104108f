import path from 'node:path'

import { APIError, type CollectionAfterChangeHook, type CollectionBeforeOperationHook, type CollectionConfig, type PayloadRequest } from 'payload'

import { TRUSTED_WRITE } from '../context.ts'
import { currentUser, relationId } from '../roles.ts'
import { message } from '../translations/index.ts'
import { membersOfASchool, readEducationFiles } from './access.ts'
import { detectFileKind, sha256Hex } from './files/contentCheck.ts'
import { readPdfSignatures, type PdfSignature } from './files/pdfSignatures.ts'
import { mayFileInto, sameId } from './filers.ts'
import { EDUCATION_DOCUMENTS_SLUG, EDUCATION_FILES_SLUG, DOCUMENT_FOLDERS_SLUG, educationRecordsGroup, LESSON_PLANS_SLUG } from './slugs.ts'

type ID = number | string
type AnyDoc = Record<string, unknown> & { id: ID }

/** What the content check found, kept for the save (beforeOperation runs before the fields are written). */
const CHECKED = 'truongsoCheckedFile'
type Checked = { sha256: string; mimeType: string; kind: string; signatures: PdfSignature[]; version: number; school: unknown; department: unknown; ownerApproval: string }

const refuse = (req: PayloadRequest, key: Parameters<typeof message>[1], vars: Record<string, string> = {}, status = 400) => new APIError(message(req, key, vars), status, undefined, true)

/**
 * Each upload is a new version of a record (a filed document or a lesson plan), never an overwrite
 * (issue 15 item 2). Before anything is stored: the uploader must be the record's submitter (or a
 * filer of its folder), the record not under review, the file within the size limit and, by its
 * content (magic bytes), a PDF, DOCX, XLSX or image; a folder that requires signatures refuses a
 * file without an intact one. The SHA-256 and the PDF's signatures are stored with the version.
 */
function checkUpload(maxBytes: number): CollectionBeforeOperationHook {
  return async ({ args, operation, req }) => {
    if (operation !== 'create') return args
    const file = req.file
    if (!file?.data) throw refuse(req, 'records.file-required')
    const name = String(file.name ?? '')
    if (file.data.length > maxBytes) {
      throw refuse(req, 'records.file-too-large', { name, size: (file.data.length / 1048576).toFixed(1), limit: String(Math.round(maxBytes / 1048576)) }, 413)
    }
    const kind = await detectFileKind(file.data)
    if (!kind) throw refuse(req, 'records.bad-file-type', { name })
    const data = (args.data ?? {}) as Record<string, unknown>
    const documentId = relationId(data.document)
    const lessonPlanId = relationId(data.lessonPlan)
    if ((documentId === null) === (lessonPlanId === null)) throw refuse(req, 'records.no-owner')
    const actor = currentUser(req)
    const collection = documentId !== null ? EDUCATION_DOCUMENTS_SLUG : LESSON_PLANS_SLUG
    const owner = (await req.payload.findByID({ collection: collection as never, id: (documentId ?? lessonPlanId)!, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
    if (!owner) throw refuse(req, 'records.no-owner', {}, 404)
    let folder: AnyDoc | null = null
    if (documentId !== null) {
      folder = (await req.payload.findByID({ collection: DOCUMENT_FOLDERS_SLUG as never, id: relationId(owner.folder)!, depth: 0, overrideAccess: true, disableErrors: true, req })) as AnyDoc | null
      const folderName = String(folder?.path ?? folder?.name ?? '')
      if (!folder || folder.closed) throw refuse(req, 'records.folder-closed', { folder: folderName }, 409)
      if (!sameId(owner.author, actor?.id) && !mayFileInto(actor, folder as never)) throw refuse(req, 'records.not-yours', {}, 403)
    } else if (!sameId(owner.teacher, actor?.id)) {
      throw refuse(req, 'records.not-yours', {}, 403)
    }
    if (owner.workflowState === 'submitted' || owner.workflowState === 'leader-approved') throw refuse(req, 'records.in-review', {}, 409)
    const signatures = kind.kind === 'pdf' ? await readPdfSignatures(file.data) : []
    if (folder?.requiresSignature && !signatures.some((s) => s.signatureValid && !s.modifiedAfterSigning)) {
      throw refuse(req, 'records.signature-required', { folder: String(folder.path ?? folder.name) })
    }
    const previous = await req.payload.count({ collection: EDUCATION_FILES_SLUG as never, where: { [documentId !== null ? 'document' : 'lessonPlan']: { equals: owner.id } }, overrideAccess: true, req })
    // The stored type is the detected one, whatever the browser said; the stored name starts with the
    // hash, so two schools' "Kế hoạch 2026-2027.pdf" never collide (Payload would number the second
    // one by changing its last number, "2026-2028.pdf").
    file.mimetype = kind.mimeType
    const hash = sha256Hex(file.data)
    file.name = `${hash.slice(0, 12)}-${path.basename(name).replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(-120) || 'tep'}`
    const checked: Checked = {
      sha256: hash,
      mimeType: kind.mimeType,
      kind: kind.kind,
      signatures,
      version: previous.totalDocs + 1,
      school: owner.school,
      department: owner.department ?? null,
      ownerApproval: String(folder?.approval ?? 'leader-then-board'),
    }
    req.context[CHECKED] = checked
    return args
  }
}

/** The checked facts become the version's fields; a client cannot set them. */
const writeChecked: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create') return args
  const checked = req.context[CHECKED] as Checked | undefined
  if (!checked) return args
  args.data = {
    ...(args.data as Record<string, unknown>),
    school: relationId(checked.school),
    department: relationId(checked.department),
    version: checked.version,
    sha256: checked.sha256,
    detectedType: checked.kind,
    signatures: checked.signatures.map((s) => ({ ...s, byteRange: s.byteRange.join(' ') })),
    signed: checked.signatures.some((s) => s.signatureValid && !s.modifiedAfterSigning),
    uploadedBy: currentUser(req)?.id ?? null,
    approved: false,
  }
  return args
}

/** The record now points at its newest version; in a folder without approval the version is filed as approved at once. */
const pointRecordAtVersion: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  const checked = req.context[CHECKED] as Checked | undefined
  const documentId = relationId(doc.document)
  const collection = documentId !== null ? EDUCATION_DOCUMENTS_SLUG : LESSON_PLANS_SLUG
  const ownerId = documentId ?? relationId(doc.lessonPlan)
  if (ownerId === null) return doc
  const owner = (await req.payload.findByID({ collection: collection as never, id: ownerId, depth: 0, overrideAccess: true, req })) as AnyDoc
  const context = { ...req.context, [TRUSTED_WRITE]: true }
  const data: Record<string, unknown> = { currentFile: doc.id, currentSha256: doc.sha256, versionCount: doc.version }
  if (checked?.ownerApproval === 'none' && documentId !== null) {
    await req.payload.update({ collection: EDUCATION_FILES_SLUG as never, where: { and: [{ document: { equals: ownerId } }, { approved: { equals: true } }] }, data: { approved: false } as never, overrideAccess: true, req, context })
    await req.payload.update({ collection: EDUCATION_FILES_SLUG as never, id: doc.id, data: { approved: true } as never, overrideAccess: true, req, context })
    Object.assign(data, { approvedFile: doc.id, workflowState: 'approved' })
  } else if (owner.workflowState === 'approved') {
    // The approved version stays marked; the new one waits for its own approval.
    data.workflowState = 'draft'
  }
  await req.payload.update({ collection: collection as never, id: ownerId, data: data as never, overrideAccess: true, depth: 0, req, context })
  return doc
}

// Written only with the content check's findings (the request context a client cannot set).
const serverOnly = { create: ({ req }: { req: PayloadRequest }) => Boolean(req.context[CHECKED]), update: () => false }

export function educationFilesCollection(options: { uploadsDir: string; maxUploadBytes: number }): CollectionConfig {
  return {
    slug: EDUCATION_FILES_SLUG,
    labels: { singular: { vi: 'Phiên bản tệp hồ sơ', en: 'Record file version' }, plural: { vi: 'Phiên bản tệp hồ sơ', en: 'Record file versions' } },
    admin: { group: educationRecordsGroup, useAsTitle: 'filename', hidden: true, defaultColumns: ['filename', 'version', 'sha256', 'signed', 'approved'] },
    // Versions are added, never replaced or deleted (the history names them by hash).
    access: { read: readEducationFiles, create: membersOfASchool, update: () => false, delete: () => false },
    upload: { staticDir: path.join(options.uploadsDir, EDUCATION_FILES_SLUG) },
    hooks: { beforeOperation: [checkUpload(options.maxUploadBytes), writeChecked], afterChange: [pointRecordAtVersion] },
    fields: [
      { name: 'document', type: 'relationship', relationTo: EDUCATION_DOCUMENTS_SLUG, index: true, label: { vi: 'Hồ sơ', en: 'Document' } },
      { name: 'lessonPlan', type: 'relationship', relationTo: LESSON_PLANS_SLUG, index: true, label: { vi: 'Giáo án', en: 'Lesson plan' } },
      { name: 'department', type: 'relationship', relationTo: 'departments', index: true, access: serverOnly, admin: { hidden: true } },
      { name: 'version', type: 'number', access: serverOnly, label: { vi: 'Phiên bản', en: 'Version' } },
      { name: 'sha256', type: 'text', index: true, access: serverOnly, label: { vi: 'SHA-256', en: 'SHA-256' } },
      { name: 'detectedType', type: 'text', access: serverOnly, label: { vi: 'Loại tệp (theo nội dung)', en: 'Type (by content)' } },
      { name: 'signed', type: 'checkbox', access: serverOnly, label: { vi: 'Có chữ ký số nguyên vẹn', en: 'Intact digital signature' } },
      {
        name: 'signatures',
        type: 'array',
        dbName: 'edu_file_sigs',
        access: serverOnly,
        label: { vi: 'Chữ ký số', en: 'Digital signatures' },
        fields: [
          { name: 'signerName', type: 'text', label: { vi: 'Người ký', en: 'Signer' } },
          { name: 'signerOrganisation', type: 'text', label: { vi: 'Đơn vị', en: 'Organisation' } },
          { name: 'issuerName', type: 'text', label: { vi: 'Cấp bởi', en: 'Issuer' } },
          { name: 'signingTime', type: 'date', label: { vi: 'Thời điểm ký', en: 'Signed at' } },
          { name: 'byteRange', type: 'text', label: { vi: 'Vùng ký (ByteRange)', en: 'Byte range' } },
          { name: 'coversWholeFile', type: 'checkbox', label: { vi: 'Ký toàn bộ tệp', en: 'Covers the whole file' } },
          { name: 'digestMatches', type: 'checkbox', label: { vi: 'Nội dung khớp chữ ký', en: 'Digest matches' } },
          { name: 'signatureValid', type: 'checkbox', label: { vi: 'Chữ ký hợp lệ với chứng thư', en: 'Signature verifies' } },
          { name: 'modifiedAfterSigning', type: 'checkbox', label: { vi: 'Đã sửa sau khi ký', en: 'Changed after signing' } },
        ],
      },
      { name: 'uploadedBy', type: 'relationship', relationTo: 'users', index: true, access: serverOnly, label: { vi: 'Người tải lên', en: 'Uploaded by' } },
      { name: 'approved', type: 'checkbox', defaultValue: false, index: true, access: serverOnly, label: { vi: 'Phiên bản đã duyệt', en: 'Approved version' } },
    ],
  }
}
