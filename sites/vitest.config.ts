import { defineConfig } from 'vitest/config'

// For `vitest run --root sites`; the workspace's root config has the same settings as project "sites".
// Tests build real sites (about 1–2 s each), one file at a time.
export default defineConfig({
  test: { include: ['test/**/*.spec.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
})
