import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * The books' typeface, shipped with the project (@fontsource/tinos: Tinos, metric-compatible with
 * Times New Roman, with the Vietnamese subset): inlined into each printed document as data URLs, so
 * every machine prints with the same glyphs. The system's Liberation Serif 1.07 (Debian's
 * fonts-liberation, pulled in by chromium) has no precomposed Vietnamese letters (Ả, Ư, ệ, ỹ …):
 * Chromium would fall back to DejaVu Sans for them.
 */
const SUBSETS = ['vietnamese', 'latin-ext', 'latin']
const FACES = ['400', '700', '400-italic', '700-italic']

let css: string | null = null

export function bookFontCss(): string {
  if (css !== null) return css
  const dir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/tinos/package.json'))
  const blocks: string[] = []
  for (const face of FACES) {
    const source = readFileSync(path.join(dir, `${face}.css`), 'utf8')
    for (const block of source.match(/\/\* tinos-[^*]+\*\/\s*@font-face\s*{[^}]*}/g) ?? []) {
      const subset = /\/\* tinos-(.+)-\d00-(normal|italic) \*\//.exec(block)?.[1]
      if (!subset || !SUBSETS.includes(subset)) continue
      // Only the woff2 file, as a data URL (the renderer loads nothing from the network or disk).
      blocks.push(
        block.replace(/src:[^;]+;/, (src) => {
          const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(src)?.[1]
          if (!file) throw new Error(`@fontsource/tinos: no woff2 in ${face}.css`)
          return `src: url(data:font/woff2;base64,${readFileSync(path.join(dir, 'files', file)).toString('base64')}) format('woff2');`
        }),
      )
    }
  }
  if (blocks.length < FACES.length * SUBSETS.length) throw new Error(`@fontsource/tinos: found ${blocks.length} of ${FACES.length * SUBSETS.length} font faces`)
  css = blocks.join('\n').replace(/font-display:\s*swap;/g, 'font-display: block;')
  return css
}
