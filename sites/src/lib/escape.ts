/**
 * Text or an attribute value made safe inside markup the site writes as a string (the SVG monogram,
 * the sitemap, the header and footer of src/lib/chrome.ts): & < > " ' as numeric references, which
 * XML and HTML read alike.
 */
export const escapeMarkup = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
