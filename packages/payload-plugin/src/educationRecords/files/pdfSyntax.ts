// Just enough PDF object syntax (ISO 32000-1 §7.2–7.3, §7.9.2, §7.9.4) to read one dictionary that
// is stored uncompressed in the file: names, numbers, strings, arrays, nested dictionaries. No
// streams, no object streams, no cross-reference tables.

export type PdfValue = number | string | boolean | null | { name: string } | { bytes: Buffer } | PdfValue[] | Dict
export type Dict = Map<string, PdfValue>

// Bounds that keep a crafted file from costing more than a real signature dictionary would.
const MAX_VALUES = 10_000
const MAX_STRING_BYTES = 64 * 1024

export class Reader {
  readonly pdf: Buffer
  at: number
  values = 0
  constructor(pdf: Buffer, at: number) {
    this.pdf = pdf
    this.at = at
  }

  value(depth = 0): PdfValue {
    if (depth > 32 || ++this.values > MAX_VALUES) throw new Error('not a signature dictionary')
    const { pdf } = this
    this.at = skipWhitespace(pdf, this.at)
    const byte = pdf[this.at]
    if (byte === undefined) throw new Error('end of file')
    if (byte === 0x3c && pdf[this.at + 1] === 0x3c) return this.dict(depth)
    if (byte === 0x3c) return this.hexString()
    if (byte === 0x28) return this.literalString()
    if (byte === 0x2f) return { name: this.name() }
    if (byte === 0x5b) {
      this.at++
      const items: PdfValue[] = []
      for (;;) {
        this.at = skipWhitespace(pdf, this.at)
        if (pdf[this.at] === 0x5d) break
        items.push(this.value(depth + 1))
      }
      this.at++
      return items
    }
    // A number or a keyword (true, false, null, R).
    const start = this.at
    while (this.at < pdf.length && !isWhitespace(pdf[this.at] as number) && !isDelimiter(pdf[this.at] as number)) this.at++
    if (this.at === start) throw new Error(`unexpected byte ${byte}`)
    const word = pdf.toString('latin1', start, this.at)
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word)
    return word === 'true' ? true : word === 'false' ? false : word === 'null' ? null : word
  }

  dict(depth: number): Dict {
    const { pdf } = this
    this.at += 2
    const dict: Dict = new Map()
    for (;;) {
      this.at = skipWhitespace(pdf, this.at)
      if (pdf[this.at] === 0x3e && pdf[this.at + 1] === 0x3e) break
      if (pdf[this.at] !== 0x2f) throw new Error('dictionary key expected')
      const key = this.name()
      dict.set(key, this.value(depth + 1))
    }
    this.at += 2
    return dict
  }

  name(): string {
    const { pdf } = this
    const start = ++this.at
    while (this.at < pdf.length && !isWhitespace(pdf[this.at] as number) && !isDelimiter(pdf[this.at] as number)) this.at++
    return pdf.toString('latin1', start, this.at).replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  }

  hexString(): { bytes: Buffer } {
    const end = this.pdf.indexOf(0x3e, this.at)
    if (end < 0) throw new Error('unterminated hex string')
    // /Contents is read from the byte range's hole, not from here.
    if (end - this.at > MAX_STRING_BYTES) {
      this.at = end + 1
      return { bytes: Buffer.alloc(0) }
    }
    const hex = this.pdf.toString('latin1', this.at + 1, end).replace(/[^0-9a-fA-F]/g, '')
    this.at = end + 1
    return { bytes: Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex') }
  }

  literalString(): { bytes: Buffer } {
    const { pdf } = this
    const out: number[] = []
    let depth = 1
    this.at++
    const limit = Math.min(pdf.length, this.at + MAX_STRING_BYTES)
    while (this.at < limit) {
      let byte = pdf[this.at++] as number
      if (byte === 0x5c) {
        byte = pdf[this.at++] as number
        const escaped = ESCAPES[byte]
        if (escaped !== undefined) out.push(escaped)
        else if (byte >= 0x30 && byte <= 0x37) {
          let code = byte - 0x30
          for (let n = 0; n < 2 && (pdf[this.at] as number) >= 0x30 && (pdf[this.at] as number) <= 0x37; n++) code = code * 8 + (pdf[this.at++] as number) - 0x30
          out.push(code & 0xff)
        } else if (byte === 0x0d) {
          if (pdf[this.at] === 0x0a) this.at++ // a backslash before a line end joins the lines
        } else if (byte !== 0x0a) out.push(byte)
        continue
      }
      if (byte === 0x28) depth++
      if (byte === 0x29 && --depth === 0) return { bytes: Buffer.from(out) }
      out.push(byte)
    }
    throw new Error('unterminated string')
  }
}

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c }

export function skipWhitespace(pdf: Buffer, at: number): number {
  while (at < pdf.length) {
    const byte = pdf[at] as number
    if (byte === 0x25) {
      // A comment runs to the end of the line.
      while (at < pdf.length && pdf[at] !== 0x0a && pdf[at] !== 0x0d) at++
    } else if (isWhitespace(byte)) at++
    else break
  }
  return at
}

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x00
}

export function isDelimiter(byte: number): boolean {
  return byte === 0x28 || byte === 0x29 || byte === 0x3c || byte === 0x3e || byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d || byte === 0x2f || byte === 0x25
}

export function nameValue(value: PdfValue | undefined): string | null {
  return value && typeof value === 'object' && 'name' in value ? value.name : null
}

// A PDF text string: UTF-16BE or UTF-8 with a byte-order mark, else PDFDocEncoding (read as Latin-1,
// which it matches outside 0x80–0x9F).
export function textString(value: PdfValue | undefined): string | null {
  if (!value || typeof value !== 'object' || !('bytes' in value)) return null
  let bytes = value.bytes
  // A UTF-16 string written out as UTF-8 once more (@signpdf's placeholder does so): undo that.
  if (bytes[0] === 0xc3 && bytes[1] === 0xbe && bytes[2] === 0xc3 && bytes[3] === 0xbf) bytes = Buffer.from(bytes.toString('utf8'), 'latin1')
  let text: string
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)))
    text = swapped.swap16().toString('utf16le')
  } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = bytes.subarray(3).toString('utf8')
  } else {
    text = bytes.toString('latin1')
  }
  return text.normalize('NFC').trim() || null
}

// D:YYYYMMDDHHmmSSOHH'mm' with everything after the year optional; no offset means UTC here.
export function pdfDate(text: string | null): string | null {
  const match = text?.match(/^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?/)
  if (!match) return null
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offsetHours = '00', offsetMinutes = '00'] = match
  const zone = sign === '+' || sign === '-' ? `${sign}${offsetHours}:${offsetMinutes}` : 'Z'
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
