import { ValidationError, type CollectionBeforeValidateHook } from 'payload'
import type { Registry } from '@truongso/registry'

import { message, messageEn } from '../translations/index.ts'

/** Overwrites a school's identity fields from the registry entry with the same slug. */
export function syncSchoolFromRegistry(registry: Registry): CollectionBeforeValidateHook {
  return ({ data, originalDoc, req }) => {
    const slug = String(data?.slug ?? originalDoc?.slug ?? '').trim().toLowerCase()
    const school = registry.bySlug(slug)
    if (!school) {
      req.payload.logger.warn(messageEn('schools.not-in-registry', { slug }))
      throw new ValidationError({
        collection: 'schools',
        errors: [{ path: 'slug', message: message(req, 'schools.not-in-registry', { slug }) }],
      })
    }
    return {
      ...data,
      slug: school.slug,
      name: school.name,
      stt: school.stt,
      level: school.level,
      levelName: school.levelName,
      host: school.host,
      url: school.url,
      template: school.template,
    }
  }
}
