import { randomBytes } from 'node:crypto'

/**
 * A small valid PDF made from scratch, without dependencies: the demo seed's record files, the
 * tests' versions (`text` makes them differ) and the benchmark's 10 MB file (`padToBytes`).
 */
export type PlainPdfOptions = {
  pages?: number
  /** ASCII text shown on the first page instead of "Trang 1" (files that differ in content). */
  text?: string
  /** Make the file about this many bytes with a filler stream (e.g. 10 MB for a benchmark). */
  padToBytes?: number
}

/** A valid PDF with `pages` pages (1 by default), each showing "Trang N" (ASCII in the file). */
export function makePlainPdf(opts: PlainPdfOptions = {}): Buffer {
  const pages = Math.max(1, opts.pages ?? 1)
  // Objects: 1 catalog, 2 pages, 3 font, then a page and its content per page, then the filler.
  const objects: Buffer[] = []
  const pageIds = Array.from({ length: pages }, (_, i) => 4 + 2 * i)
  objects.push(Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'))
  objects.push(Buffer.from(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages} >>`))
  objects.push(Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'))
  for (let i = 0; i < pages; i++) {
    const content = `BT /F1 24 Tf 72 720 Td (${i === 0 && opts.text ? opts.text.replace(/[()\\]/g, '') : `Trang ${i + 1}`}) Tj ET`
    objects.push(Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`))
    objects.push(stream(Buffer.from(content)))
  }
  const base = assemble(objects)
  if (!opts.padToBytes || opts.padToBytes <= base.length) return base
  // Random bytes stand in for a scanned page: incompressible, binary, like the real thing. The
  // object is unreferenced, which PDF allows.
  const fillerLength = Math.max(0, opts.padToBytes - base.length - 64)
  return assemble([...objects, stream(randomBytes(fillerLength))])
}

function stream(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} >>\nstream\n`), data, Buffer.from('\nendstream')])
}

function assemble(objects: Buffer[]): Buffer {
  // The binary comment line tells transfer tools the file is binary.
  const parts: Buffer[] = [Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n')])]
  let length = parts[0]!.length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(length)
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')])
    parts.push(object)
    length += object.length
  })
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('')
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`))
  return Buffer.concat(parts)
}

