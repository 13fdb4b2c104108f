import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { bestRendition, CONTENT_IMAGE_SIZES, srcsetOf, type SnapshotImage } from '@truongso/snapshot'

type EditorState = Parameters<typeof convertLexicalToHTML>[0]['data']

const isState = (value: unknown): value is EditorState =>
  typeof value === 'object' && value !== null && 'root' in (value as Record<string, unknown>)

/**
 * Rich text for the static site. An image inside the text is drawn by `renderUpload` from its
 * media document (the caller copies the file into the snapshot); without it, or for anything that
 * is not a populated image, the upload is left out: the CMS's own file URLs are private.
 */
export function richTextToHtml(value: unknown, renderUpload?: (doc: unknown) => string): string {
  if (!isState(value)) return ''
  return convertLexicalToHTML({
    data: value,
    disableContainer: true,
    converters: {
      ...defaultHTMLConverters,
      upload: ({ node }) => {
        const doc = (node as { relationTo?: string; value?: unknown }).value
        if (!renderUpload || (node as { relationTo?: string }).relationTo !== 'media' || typeof doc !== 'object' || doc === null) return ''
        return renderUpload(doc)
      },
    },
  })
}

const escapeAttr = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/** An image in a post's text: responsive renditions, lazy, with its alt text and caption. */
export function inlineImageHtml(image: SnapshotImage, caption?: string | null): string {
  const srcset = srcsetOf(image)
  const size = image.width && image.height ? ` width="${image.width}" height="${image.height}"` : ''
  const img = `<img src="${escapeAttr(bestRendition(image, 768))}"${srcset ? ` srcset="${escapeAttr(srcset)}" sizes="${CONTENT_IMAGE_SIZES}"` : ''} alt="${escapeAttr(image.alt)}"${size} loading="lazy" decoding="async">`
  return `<figure>${img}${caption ? `<figcaption>${escapeAttr(caption)}</figcaption>` : ''}</figure>`
}

export function richTextToText(value: unknown): string {
  if (!isState(value)) return ''
  return convertLexicalToPlaintext({ data: value }).replace(/\s+/g, ' ').trim()
}
