import { defineConfig } from 'vitest/config'

// One test command for the whole workspace; each package is a project so it can be run alone
// (`pnpm vitest run --project assessment`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'registry',
          root: './packages/registry',
          include: ['src/**/*.spec.ts'],
        },
      },
      {
        test: {
          name: 'assessment',
          root: './packages/assessment',
          include: ['src/**/*.spec.ts'],
        },
      },
    ],
  },
})
