import { defineConfig } from 'vitest/config'

// One test command for the whole workspace; each package is a project so it can be run alone
// (`pnpm vitest run --project assessment`).
export default defineConfig({
  test: {
    projects: [
      {
        test: { name: 'registry', root: './packages/registry', include: ['src/**/*.spec.ts'] },
      },
      {
        test: { name: 'assessment', root: './packages/assessment', include: ['src/**/*.spec.ts'] },
      },
      {
        test: { name: 'snapshot', root: './packages/snapshot', include: ['src/**/*.spec.ts'] },
      },
      {
        test: { name: 'payload-plugin', root: './packages/payload-plugin', include: ['src/**/*.spec.ts'] },
      },
      {
        test: { name: 'sites', root: './sites', include: ['test/**/*.spec.ts'], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
      },
      {
        test: {
          name: 'cms',
          root: './cms',
          include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
          environment: 'node',
          // Integration tests share two cores and, on PostgreSQL, one server: run files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
