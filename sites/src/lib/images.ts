import type { SnapshotImage } from '@truongso/snapshot'

// The URL and rendition rules are shared with the CMS (images inside a post's text).
export { bestRendition, CONTENT_IMAGE_SIZES, fileUrl, srcsetOf } from '@truongso/snapshot'

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
