'use client'
import { useTranslation } from '@payloadcms/ui'

import { message, type MessageKey } from './index.ts'

/**
 * The language helper of client components: `const t = useMessage()`, then `t('ui.cancel')`, in
 * the admin's language (server components call `message(props, key)` with their `i18n` prop).
 */
export function useMessage(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const { i18n } = useTranslation()
  return (key, vars) => message({ i18n }, key, vars)
}

/** The admin's language, for `{ vi, en }` labels (states, actions). */
export function useLanguage(): 'vi' | 'en' {
  const { i18n } = useTranslation()
  return i18n.language === 'en' ? 'en' : 'vi'
}
