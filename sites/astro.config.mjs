import { readFileSync } from 'node:fs'
import path from 'node:path'

import { defineConfig } from 'astro/config'

/**
 * One school per build (scripts/buildSchool.ts): SITE_SNAPSHOT_DIR is the school's snapshot folder,
 * SITE_OUT_DIR where the site goes, SITE_CACHE_DIR a private cache so builds can run side by side.
 * `site` is the school's URL exactly as in the snapshot (canonical URLs, feed and sitemap use it);
 * src/lib/snapshot.ts validates the whole snapshot, this only reads the URL.
 */
function schoolUrl() {
  const dir = process.env.SITE_SNAPSHOT_DIR
  if (!dir) return process.env.SITE_URL ?? 'http://localhost:4321/'
  return JSON.parse(readFileSync(path.join(dir, 'snapshot.json'), 'utf8')).school.url
}

export default defineConfig({
  site: schoolUrl(),
  outDir: process.env.SITE_OUT_DIR ?? './dist/_preview',
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // No images to optimise (the CMS already made the renditions), no integrations, no prefetch.
  prefetch: false,
})
