// What an uploaded school document really is, told from its first bytes (file-type's magic-byte
// checks) and never from its name or the browser's Content-Type: a .doc renamed .pdf, an HTML page
// or an EXE is refused whatever it is called.
import { createHash } from 'node:crypto'

import { fileTypeFromBuffer } from 'file-type'

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'jpeg' | 'png' | 'webp'

export type DetectedFile = { kind: FileKind; mimeType: string; extension: string }

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

const KINDS: Record<FileKind, Omit<DetectedFile, 'kind'>> = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  png: { mimeType: 'image/png', extension: 'png' },
  webp: { mimeType: 'image/webp', extension: 'webp' },
}

// file-type's extension → our kind. A plain zip, a CFB (.doc/.xls) and everything else are absent.
const FROM_FILE_TYPE: Record<string, FileKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  jpg: 'jpeg',
  png: 'png',
  webp: 'webp',
}

const PDF_HEADER = Buffer.from('%PDF-', 'latin1')

function detected(kind: FileKind): DetectedFile {
  return { kind, ...KINDS[kind] }
}

export async function detectFileKind(data: Uint8Array): Promise<DetectedFile | null> {
  // A PDF is a PDF even when file-type names a PDF-based format instead (it calls an Illustrator
  // file that carries PDF data 'ai').
  if (data.length >= PDF_HEADER.length && Buffer.from(data.buffer, data.byteOffset, PDF_HEADER.length).equals(PDF_HEADER)) {
    return detected('pdf')
  }
  const found = await fileTypeFromBuffer(data)
  const kind = found ? FROM_FILE_TYPE[found.ext] : undefined
  return kind ? detected(kind) : null
}

export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
