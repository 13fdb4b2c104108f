import type { SnapshotImage } from './index.ts'

/** Site URL of a snapshot file ("files/a.webp" → "/files/a.webp"). */
export const fileUrl = (p: string) => `/${p.replace(/^\/+/, '')}`

/** `sizes` of an image in the text column (full width on a phone, the column on a wide screen). */
export const CONTENT_IMAGE_SIZES = '(min-width: 46rem) 44rem, 100vw'

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
