import { defineConfig } from 'astro/config'

// One school per build: the build script passes the school's URL (exactly as in the registry),
// where to write, and a private cache folder so builds of different schools can run side by side.
export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321/',
  outDir: process.env.SITE_OUT_DIR ?? './dist/_preview',
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  compressHTML: true,
  devToolbar: { enabled: false },
})
