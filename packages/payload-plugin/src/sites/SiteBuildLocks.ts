import type { CollectionConfig } from 'payload'

export const SITE_BUILD_LOCKS_SLUG = 'site-build-locks'

/**
 * The leases behind "one build per school at a time" across processes (leases.ts): one document
 * per acquisition, `key` = `<name>#<generation>` unique, so of two processes taking the same
 * generation only one create succeeds, on every adapter. Hidden; written only by the system.
 */
export function siteBuildLocksCollection(): CollectionConfig {
  return {
    slug: SITE_BUILD_LOCKS_SLUG,
    labels: { singular: { vi: 'Khoá xây dựng website', en: 'Site build lock' }, plural: { vi: 'Khoá xây dựng website', en: 'Site build locks' } },
    admin: { hidden: true, useAsTitle: 'key' },
    access: { read: () => false, create: () => false, update: () => false, delete: () => false },
    fields: [
      // What is locked, e.g. "build:12" (school 12's builds) or "request:12" (its build queue).
      { name: 'name', type: 'text', required: true, index: true },
      { name: 'generation', type: 'number', required: true, index: true },
      { name: 'key', type: 'text', required: true, unique: true },
      // host:pid:random of the process holding it.
      { name: 'holder', type: 'text', required: true },
      // Renewed by the holder's heartbeat; past it, the lock is free for anyone to take over.
      { name: 'expiresAt', type: 'date', required: true },
      { name: 'releasedAt', type: 'date' },
    ],
  }
}
