import type { PayloadRequest } from 'payload'

const nameCache = new WeakMap<object, Map<string, Promise<string | null>>>()

/**
 * A colleague's full name, and nothing else of their account, looked up once per request and person.
 * Colleagues may not read each other's accounts, so a relation alone shows "Chưa có tiêu đề – ID: 7"
 * (or "<Không có …>"): virtual fields (an event's actor, a post's author) show this name instead.
 */
export function userNameOf(req: PayloadRequest, actor: unknown): Promise<string | null> | null {
  const id = actor && typeof actor === 'object' ? (actor as { id?: unknown }).id : actor
  if (id === null || id === undefined || id === '') return null
  if (actor && typeof actor === 'object' && 'fullName' in actor) return Promise.resolve(String((actor as { fullName: unknown }).fullName))
  let names = nameCache.get(req)
  if (!names) nameCache.set(req, (names = new Map()))
  const key = String(id)
  if (!names.has(key)) {
    names.set(
      key,
      req.payload
        .findByID({ collection: 'users', id: key, depth: 0, overrideAccess: true, disableErrors: true, select: { fullName: true } })
        .then((user) => (user ? String((user as { fullName?: unknown }).fullName ?? '') || null : null)),
    )
  }
  return names.get(key)!
}
