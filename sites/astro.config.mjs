import { defineConfig } from 'astro/config'

/**
 * Several schools per build (scripts/buildBatch.ts): SITE_SNAPSHOTS_DIR is the snapshots folder,
 * SITE_SCHOOLS the slugs of the batch, SITE_OUT_DIR where the batch goes (one folder per school,
 * pages under src/pages/[school]/), SITE_CACHE_DIR a private cache so builds can run side by side.
 * No `site`: one build serves many schools, so canonical URLs, the feed and the sitemap take the
 * school's URL from its snapshot (src/lib/routes.ts absoluteUrl).
 * build.concurrency: pages rendered at a time (SITE_RENDER_CONCURRENCY, default 4). One at a time,
 * the renderer waits for each page's file write (and the icons' image work) with the core idle;
 * a few at once keep it busy. The output is the same byte for byte.
 */
export default defineConfig({
  outDir: process.env.SITE_OUT_DIR ?? './dist/_preview',
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: Number(process.env.SITE_RENDER_CONCURRENCY) || 4 },
  compressHTML: true,
  devToolbar: { enabled: false },
  // No images to optimise (the CMS already made the renditions), no integrations, no prefetch.
  prefetch: false,
})
