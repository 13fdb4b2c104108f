import { convertLexicalToHTML, defaultHTMLConverters } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

type EditorState = Parameters<typeof convertLexicalToHTML>[0]['data']

const isState = (value: unknown): value is EditorState =>
  typeof value === 'object' && value !== null && 'root' in (value as Record<string, unknown>)

/**
 * Rich text for the static site. Uploads inside the text would point at the CMS's private file URLs,
 * so they are left out here (covers and attachments travel as snapshot files instead).
 */
export function richTextToHtml(value: unknown): string {
  if (!isState(value)) return ''
  return convertLexicalToHTML({
    data: value,
    disableContainer: true,
    converters: { ...defaultHTMLConverters, upload: () => '' },
  })
}

export function richTextToText(value: unknown): string {
  if (!isState(value)) return ''
  return convertLexicalToPlaintext({ data: value }).replace(/\s+/g, ' ').trim()
}
