import { message, type MessageKey } from '../translations/index.ts'
import { bookFontCss } from './fonts.ts'

/**
 * The page of Decree 30/2020 (../shared/DOMAIN.md §5) every printed book and report shares: A4,
 * margins 22 mm top (stacked capitals stay inside 20 mm), 20 mm bottom, 30 mm left, 15 mm right, a Times-metric serif at 13 pt (Tinos,
 * shipped with the project: fonts.ts; never a system fallback), the managing body and the school at the top left, the national heading at the top
 * right, the place and date line, and signature blocks with the names filled in. All text is
 * escaped and NFC.
 */

const vi = (key: MessageKey, vars?: Record<string, string | number>) => message(null, key, vars)

export const esc = (value: unknown): string =>
  String(value ?? '')
    .normalize('NFC')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

export type BookHeading = {
  /** The managing body's line, e.g. the district's education office (configuration, not code). */
  managingBody: string
  /** The school's official name, e.g. "Trường Tiểu học Lê Độ". */
  school: string
  /** The place of the date line (the school's town). */
  place: string
  date: Date
  /** Printed before the year is locked: "BẢN NHÁP" in the header. */
  draft: boolean
}

export type Signature = { role: string; name: string | null }

const CSS = `
@page { size: A4; margin: 22mm 15mm 20mm 30mm; }
/* Wide tables (a subject's marks for the class) on landscape pages, the same margins. */
@page wide { size: A4 landscape; margin: 22mm 15mm 20mm 30mm; }
.wide { page: wide; break-before: page; }
* { box-sizing: border-box; }
html { font-family: 'Tinos', serif; font-size: 13pt; line-height: 1.3; color: #000; }
body { margin: 0; }
.heading { display: flex; justify-content: space-between; gap: 4mm; text-align: center; font-size: 12pt; }
.heading .left { flex: 0 0 42%; }
.heading .right { flex: 1 1 auto; white-space: nowrap; }
.heading p { margin: 0; }
.upper { text-transform: uppercase; }
.bold { font-weight: 700; }
.rule { display: inline-block; border-bottom: 1px solid #000; padding-bottom: 1px; }
.dateline { text-align: right; font-style: italic; margin: 3mm 0 5mm; }
.draft { text-align: center; font-weight: 700; letter-spacing: 2px; border: 1.5px solid #000; padding: 1mm; margin-bottom: 3mm; }
h1 { text-align: center; font-size: 15pt; margin: 4mm 0 2mm; text-transform: uppercase; }
h2 { font-size: 13pt; margin: 4mm 0 1.5mm; text-transform: uppercase; }
.subtitle { text-align: center; margin: 0 0 4mm; }
table { border-collapse: collapse; width: 100%; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #000; padding: 1mm 1.5mm; vertical-align: top; }
th { font-weight: 700; text-align: center; }
td.num { text-align: center; white-space: nowrap; }
table.small { font-size: 11pt; }
table.plain td { border: none; padding: 0.5mm 0; }
.signatures { width: 100%; margin-top: 6mm; break-inside: avoid; page-break-inside: avoid; }
.signatures td { border: none; text-align: center; vertical-align: top; padding: 0; }
.signatures .hint { font-style: italic; font-size: 11pt; }
.signatures .name { font-weight: 700; padding-top: 15mm; }
.sign-block { break-inside: avoid; page-break-inside: avoid; padding-top: 3mm; }
td.name { white-space: nowrap; }
td.marks { white-space: nowrap; word-spacing: 1.5mm; }
.page-break { page-break-before: always; }
del { text-decoration: line-through; }
.correction { font-size: 10.5pt; }
.footnotes { font-size: 10.5pt; margin-top: 4mm; border-top: 0.6pt solid #000; padding: 1mm 0 0 6mm; }
sup { font-size: 7.5pt; }
.dots { border-bottom: 1px dotted #000; min-height: 7mm; }
h2 + table, h2 + div { break-before: avoid; }
h2 { break-after: avoid; }
`

/** The top of a book's page: the managing body and the school on the left, the national heading on the right, then the date line. */
export function headingHtml(h: BookHeading): string {
  const d = h.date
  return `${h.draft ? `<div class="draft">${esc(vi('books.draft'))}</div>` : ''}
<div class="heading">
  <div class="left"><p class="upper">${esc(h.managingBody)}</p><p class="upper bold"><span class="rule">${esc(h.school)}</span></p></div>
  <div class="right"><p class="upper bold">${esc(vi('books.nation'))}</p><p class="bold"><span class="rule">${esc(vi('books.motto'))}</span></p></div>
</div>
<p class="dateline">${esc(vi('books.date-line', { place: h.place, day: String(d.getDate()).padStart(2, '0'), month: String(d.getMonth() + 1).padStart(2, '0'), year: d.getFullYear() }))}</p>`
}

/** Signature blocks side by side: the role, "(Ký, ghi rõ họ tên)", room to sign, the name. */
export function signaturesHtml(signatures: readonly Signature[]): string {
  // A table, not flex: Chromium keeps a table row on one page (a flex box could split a block's accents from its line).
  const cell = (inner: (s: Signature) => string, cls = '') => `<tr>${signatures.map((s) => `<td${cls ? ` class="${cls}"` : ''} style="width:${(100 / signatures.length).toFixed(2)}%">${inner(s)}</td>`).join('')}</tr>`
  return `<div class="sign-block"><table class="signatures">${cell((s) => esc(s.role), 'bold upper')}${cell(() => esc(vi('books.sign-hint')), 'hint')}${cell((s) => esc(s.name ?? ''), 'name')}</table></div>`
}

/** A whole printable document. */
export function documentHtml(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${bookFontCss()}\n${CSS}</style></head><body>${body}</body></html>`
}

/** The footer Chromium draws in the bottom margin: "Trang N/M". */
export const pageFooter = (): string =>
  `<div style="width:100%;font-family:'Liberation Serif',serif;font-size:9pt;text-align:center;">${esc(vi('books.page'))} <span class="pageNumber"></span>/<span class="totalPages"></span></div>`
