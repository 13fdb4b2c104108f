import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { DEFAULT_MAX_UPLOAD_BYTES, detectFileKind, sha256Hex } from './contentCheck.ts'
import { makePlainPdf } from './signedPdfFixture.ts'
import { makeDocx as docx, zip } from './officeFixture.ts'

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.addWorksheet('Lớp 6A').addRow(['Họ và tên', 'Điểm'])
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

function png(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(1, 0) // 1 × 1
  header.writeUInt32BE(1, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// The start of a JFIF file (SOI, APP0): file-type needs no more.
const jpeg = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex')

// RIFF header with a lossless VP8L chunk of a 1 × 1 image.
const webp = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L', 'latin1'), Buffer.from('0d0000002f000000104907111188fe0700', 'hex')])

// Deterministic noise (an LCG), so a run never meets a lucky magic number.
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length)
  let state = 12345
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    bytes[i] = state >> 16
  }
  return bytes
}

describe('detectFileKind', () => {
  it('tells each accepted kind from its bytes', async () => {
    expect(await detectFileKind(makePlainPdf())).toEqual({ kind: 'pdf', mimeType: 'application/pdf', extension: 'pdf' })
    expect(await detectFileKind(docx())).toEqual({
      kind: 'docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      extension: 'docx',
    })
    expect(await detectFileKind(await xlsx())).toEqual({
      kind: 'xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    })
    expect(await detectFileKind(png())).toMatchObject({ kind: 'png', mimeType: 'image/png', extension: 'png' })
    expect(await detectFileKind(jpeg)).toMatchObject({ kind: 'jpeg', mimeType: 'image/jpeg', extension: 'jpg' })
    expect(await detectFileKind(webp)).toMatchObject({ kind: 'webp', mimeType: 'image/webp', extension: 'webp' })
  })

  it('calls anything that starts with %PDF- a PDF, and reads a Uint8Array view as well as a Buffer', async () => {
    expect((await detectFileKind(Buffer.from('%PDF-1.4\n%AIPrivateData1\n')))?.kind).toBe('pdf')
    const inner = makePlainPdf()
    const padded = new Uint8Array(inner.length + 8)
    padded.set(inner, 8)
    expect((await detectFileKind(padded.subarray(8)))?.kind).toBe('pdf')
  })

  it('refuses fakes and other kinds whatever their name', async () => {
    const refused: Record<string, Uint8Array> = {
      'a text file named .pdf': Buffer.from('Biên bản họp phụ huynh\n'),
      'a text file starting with spaces, then %PDF-': Buffer.from('   %PDF-1.7\n'),
      'an HTML page': Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
      'a Word 97 .doc (CFB) renamed .pdf': Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]),
      'a plain zip': zip({ 'notes.txt': 'hello' }),
      'an EXE': Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0')]),
      'random bytes': noise(4096),
      'nothing': new Uint8Array(0),
    }
    for (const [what, bytes] of Object.entries(refused)) expect(await detectFileKind(bytes), what).toBeNull()
  })
})

describe('sha256Hex', () => {
  it('is the hex SHA-256 of the bytes', () => {
    const data = Buffer.from('Trường Số')
    expect(sha256Hex(data)).toBe(createHash('sha256').update(data).digest('hex'))
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
})

it('allows uploads of up to 20 MB by default', () => {
  expect(DEFAULT_MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024)
})
