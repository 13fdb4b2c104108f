import type { Theme } from './types.ts'

// Every folder with a theme.ts is a template; the snapshot's school.template value picks one.
const themes = import.meta.glob<{ theme: Theme }>('./*/theme.ts', { eager: true })

export function themeFor(templateId: string): Theme {
  const found = Object.values(themes).find((module) => module.theme.id === templateId)
  if (!found) throw new Error(`no site template "${templateId}" (add src/templates/${templateId}/theme.ts)`)
  return found.theme
}
