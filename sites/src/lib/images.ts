import type { SnapshotImage } from '@truongso/snapshot'

/** Site URL of a snapshot file ("files/a.webp" → "/files/a.webp"). */
export const fileUrl = (p: string) => `/${p.replace(/^\/+/, '')}`

/** `srcset` from the renditions (narrowest first) plus the original when its width is known. */
export function srcsetOf(image: SnapshotImage): string {
  const entries = image.sizes.map((s) => `${fileUrl(s.path)} ${s.width}w`)
  if (image.width && !image.sizes.some((s) => s.width === image.width)) entries.push(`${fileUrl(image.path)} ${image.width}w`)
  return entries.join(', ')
}

/**
 * The file to use where one URL is needed (`src` fallback, og:image): the narrowest rendition at
 * least `target` pixels wide, else the original (whose width may be unknown), else the widest.
 */
export function bestRendition(image: SnapshotImage, target: number): string {
  const wideEnough = image.sizes.filter((s) => s.width >= target).sort((a, b) => a.width - b.width)[0]
  if (wideEnough && (!image.width || wideEnough.width <= image.width)) return fileUrl(wideEnough.path)
  return fileUrl(image.path)
}

/** Height of a rendition `width` wide, keeping the original's proportions (null when unknown). */
export function heightAt(image: SnapshotImage, width: number): number | null {
  return image.width && image.height ? Math.round((width * image.height) / image.width) : null
}

/**
 * Body HTML from the editor: images get `loading="lazy"` and `decoding="async"` unless they say
 * otherwise, except the first one when nothing (no cover) comes before it.
 */
export function lazyImages(html: string, firstIsLcp: boolean): string {
  let seen = 0
  return html.replace(/<img\b([^>]*)>/gi, (tag, attrs: string) => {
    seen++
    if (seen === 1 && firstIsLcp) return tag
    let extra = ''
    if (!/\sloading\s*=/i.test(attrs)) extra += ' loading="lazy"'
    if (!/\sdecoding\s*=/i.test(attrs)) extra += ' decoding="async"'
    return extra ? `<img${extra}${attrs}>` : tag
  })
}
