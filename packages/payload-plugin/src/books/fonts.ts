import { existsSync, readFileSync, realpathSync } from 'node:fs'
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

/**
 * Where @fontsource/tinos lies. In Node (tests, scripts) Node's own resolution from this file. In
 * the CMS's Next.js server bundle webpack rewrites every `createRequire(...).resolve` (into a module
 * number, or nothing), so the package is looked for on disk from the CMS's folder: in its
 * node_modules, or in the plugin's, through the workspace link. TRUONGSO_FONTS_DIR overrides.
 */
function fontPackageDir(): string {
  if (process.env.TRUONGSO_FONTS_DIR) return process.env.TRUONGSO_FONTS_DIR
  try {
    const here: unknown = createRequire(import.meta.url).resolve('@fontsource/tinos/package.json')
    if (typeof here === 'string' && existsSync(here)) return path.dirname(here)
  } catch {
    // bundled: look on disk below
  }
  const fontsource = path.join('node_modules', '@fontsource', 'tinos')
  const candidates = [process.cwd(), path.dirname(process.cwd())].flatMap((base) => {
    const plugin = path.join(base, 'node_modules', '@truongso', 'payload-plugin')
    return [path.join(base, fontsource), ...(existsSync(plugin) ? [path.join(realpathSync(plugin), fontsource)] : []), path.join(base, 'packages', 'payload-plugin', fontsource)]
  })
  const found = candidates.find((dir) => existsSync(path.join(dir, 'package.json')))
  if (!found) throw new Error(`the books' typeface (@fontsource/tinos) is not installed: looked in ${candidates.join(', ')}`)
  return found
}

export function bookFontCss(): string {
  if (css !== null) return css
  const dir = fontPackageDir()
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
