/**
 * Writes an nginx configuration with one server block per school of the registry: server_name is the
 * school's host exactly as the district assigned it, root its built site `<distRoot>/<slug>`, and the
 * one dynamic path of a site, the feedback form's POST /api/feedback, passed to the CMS.
 *   node sites/scripts/writeNginx.ts [--out <file>] [--root <distRoot on the server>] [--cms <CMS origin>]
 * Without --out the configuration goes to stdout; --root defaults to this checkout's sites/dist,
 * --cms to http://127.0.0.1:3000 (the CMS on the same machine).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { schools } from '@truongso/registry'

import { BUILD_STATE_FILE } from './pageReuse.ts'

import { defaultDistRoot, option } from './buildSchool.ts'

/**
 * The sites' Content-Security-Policy, satisfied by every built page (sites/test/csp.spec.ts opens them
 * in Chromium under it): no third party at all; scripts only from the site itself (the search page
 * loads /pagefind/pagefind-ui.js and /tim-kiem.js, no inline script), plus 'wasm-unsafe-eval' for
 * Pagefind's WebAssembly; styles from the site and inline, because Astro inlines each page's CSS
 * (inlineStylesheets: 'always', one request less on slow school networks) and the layout sets the
 * template's colours in a style attribute. Hashes would tie this file to each build's CSS, so nginx
 * would need regenerating and reloading on every publish; with scripts strict, inline styles cannot
 * run code. Images from the site and data: (Pagefind's search icon). Nobody may frame the sites.
 */
export const SITE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** Sent with every response of a site; repeated in each location, which does not inherit add_header once it has its own. */
export const SITE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': SITE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
}

/**
 * Cache lifetimes: HTML, /tim-kiem.js and Pagefind's entry files change on every publish (5 minutes);
 * /_astro/ names are content-hashed (a year, immutable); uploaded files are renamed when replaced (30 days).
 */
const LOCATIONS: [location: string, tryFiles: string, cacheControl: string][] = [
  ['/', '$uri $uri/ =404', 'public, max-age=300'],
  ['/_astro/', '$uri =404', 'public, max-age=31536000, immutable'],
  ['/files/', '$uri =404', 'public, max-age=2592000'],
  ['/pagefind/', '$uri =404', 'public, max-age=300'],
]

/** Where the feedback form's posts go: the CMS (admin + API, port 3000). */
export const DEFAULT_CMS_UPSTREAM = 'http://127.0.0.1:3000'
/**
 * The feedback form's path on every site, and the most nginx passes on: twice the CMS's own 16 KB
 * limit, so a message a little too long reaches the CMS and gets its Vietnamese explanation instead
 * of nginx's English 413 page, while anything much larger stops at nginx.
 */
export const FEEDBACK_PATH = '/api/feedback'
export const FEEDBACK_MAX_BODY = '32k'

/** An http(s) origin for proxy_pass (no path: nginx then passes the request's URI unchanged). */
export function cmsUpstream(value: string = DEFAULT_CMS_UPSTREAM): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new Error(`--cms: not a URL: ${value}`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname !== '/' || url.search || url.hash || url.username) {
    throw new Error(`--cms: an http(s) origin such as ${DEFAULT_CMS_UPSTREAM} is expected, not ${value}`)
  }
  return url.origin
}

/**
 * The public feedback form (POST /api/feedback, Circular 37/2020 Art. 9): the page posts to its own
 * origin (the sites' CSP keeps form-action 'self'), and only this exact path, only POST, reaches the
 * CMS. The client's address replaces any X-Forwarded-For it sent (the CMS's rate limit reads the
 * first hop); the answers (a 303 to /gop-y/cam-on/, JSON, or a small page) carry the CMS's own headers.
 */
function feedbackLocation(upstream: string): string {
  return `    location = ${FEEDBACK_PATH} {
        limit_except POST { deny all; }
        client_max_body_size ${FEEDBACK_MAX_BODY};
        proxy_pass ${upstream};
        proxy_set_header Host $host;
        proxy_set_header X-Forwarded-For $remote_addr;
    }`
}

function addHeaders(headers: Record<string, string>, indent: string): string {
  return Object.entries(headers)
    .map(([name, value]) => `${indent}add_header ${name} "${value}" always;`)
    .join('\n')
}

function serverBlock(school: (typeof schools)[number], distRoot: string, upstream: string): string {
  const locations = LOCATIONS.map(
    ([location, tryFiles, cacheControl]) => `    location ${location} {
        try_files ${tryFiles};
        add_header Cache-Control "${cacheControl}" always;
${addHeaders(SITE_HEADERS, '        ')}
    }`,
  )
  return `# ${school.stt}. ${school.name} — ${school.url}
server {
    listen 80;
    server_name ${school.host};
    root ${path.posix.join(distRoot, school.slug)};
    index index.html;
    charset utf-8;
    server_tokens off;

    gzip on;
    gzip_vary on;
    gzip_min_length 512;
    gzip_types text/css application/javascript text/javascript application/json application/xml application/rss+xml image/svg+xml application/wasm;

    error_page 404 /404.html;

    # Every request for a file ends in one of these locations, and each sends the security headers itself.
${locations.join('\n')}

${feedbackLocation(upstream)}

    # Files whose names start with a dot are the build's own (${BUILD_STATE_FILE}), not the site's.
    location ~ /\\. {
        return 404;
    }
}
`
}

export function nginxConfig(distRoot: string = defaultDistRoot, options: { cms?: string } = {}): string {
  const root = distRoot.split(path.sep).join(path.posix.sep)
  const upstream = cmsUpstream(options.cms)
  const blocks = schools.map((school) => serverBlock(school, root, upstream))
  return `# Generated by sites/scripts/writeNginx.ts from @truongso/registry: ${schools.length} schools.\n# Each site is built by sites/scripts/buildSchool.ts into ${root}/<slug>/; ${FEEDBACK_PATH} goes to the CMS at ${upstream}.\n\n${blocks.join('\n')}`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const argv = process.argv.slice(2)
  let text: string
  try {
    text = nginxConfig(path.resolve(option(argv, '--root') ?? defaultDistRoot), { cms: option(argv, '--cms') })
  } catch (error) {
    console.error(`[nginx] ${(error as Error).message}`)
    process.exit(2)
  }
  const out = option(argv, '--out')
  if (out) {
    writeFileSync(out, text)
    console.log(`[nginx] ${schools.length} server blocks written to ${out}`)
  } else process.stdout.write(text)
}
