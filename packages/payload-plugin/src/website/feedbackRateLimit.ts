import { createHash, createHmac } from 'node:crypto'
import { isIP } from 'node:net'

import type { PayloadRequest } from 'payload'

import type { MessageKey } from '../translations/index.ts'

export const FEEDBACK_SLUG = 'feedback'

/**
 * How often one client address may send feedback (issue 18 item 6): counted over the stored
 * messages in the database, so every CMS process behind the load balancer sees the same count.
 * Refused submissions store nothing, so they do not count.
 */
export const FEEDBACK_LIMITS = [
  { minutes: 10, max: 3, key: 'feedback.too-frequent' },
  { minutes: 24 * 60, max: 10, key: 'feedback.too-frequent-day' },
] as const satisfies readonly { minutes: number; max: number; key: MessageKey }[]

/**
 * The client's address: the first hop of X-Forwarded-For (nginx and the local preview set it to the
 * address they saw; Next.js itself sets it to the socket's address when a request comes without one),
 * else X-Real-IP; '' when none is known (a test calling the route handler directly).
 */
export function clientAddress(headers: Headers): string {
  const first = (headers.get('x-forwarded-for') ?? '').split(',')[0]?.trim() || headers.get('x-real-ip')?.trim() || ''
  return normaliseAddress(first)
}

/** Without a port or brackets, IPv4-mapped IPv6 as IPv4, lower case. */
export function normaliseAddress(raw: string): string {
  let address = raw.trim().toLowerCase()
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address)
  if (bracketed) address = bracketed[1]!
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.replace(/:\d+$/, '')
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(address)
  if (mapped) address = mapped[1]!
  return address.slice(0, 100)
}

/** The eight groups of an IPv6 address (with `::` expanded), null for anything else. */
function ipv6Groups(address: string): string[] | null {
  if (isIP(address) !== 6) return null
  let text = address.replace(/%.*$/, '')
  // A trailing dotted IPv4 part stands for the last two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.split('::') as [string, string | undefined]
  const left = head ? head.split(':') : []
  const right = tail === undefined ? [] : tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  const groups = tail === undefined ? left : [...left, ...Array<string>(missing).fill('0'), ...right]
  return groups.length === 8 ? groups.map((g) => g.padStart(4, '0')) : null
}

/**
 * What the limit counts per: the IPv4 address, or the /64 network of an IPv6 address (one household
 * or phone gets a whole /64 and can pick a new address in it at will).
 */
export function limitKey(address: string): string {
  const groups = ipv6Groups(address)
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : address
}

/**
 * The stored form of an address: HMAC-SHA-256 keyed with a salt derived from the installation's
 * secret. The raw address is never stored, and the hash cannot be reversed by trying every IPv4
 * address without the secret.
 */
export function addressHash(secret: string, address: string): string {
  const salt = createHash('sha256').update(`truongso-feedback-address:${secret}`).digest()
  return createHmac('sha256', salt).update(limitKey(address) || 'unknown').digest('hex')
}

export type RateRefusal = { key: (typeof FEEDBACK_LIMITS)[number]['key']; max: number; minutes: number; retryAfterSeconds: number }

/**
 * Whether one more message from this address would pass a limit: one query for the last day's
 * messages (newest first, as many as the largest limit), checked against each window.
 */
export async function rateRefusal(req: PayloadRequest, hash: string, now = Date.now()): Promise<RateRefusal | null> {
  const longest = Math.max(...FEEDBACK_LIMITS.map((l) => l.minutes))
  const most = Math.max(...FEEDBACK_LIMITS.map((l) => l.max))
  const recent = await req.payload.find({
    collection: FEEDBACK_SLUG as never,
    where: { and: [{ addressHash: { equals: hash } }, { receivedAt: { greater_than: new Date(now - longest * 60_000).toISOString() } }] },
    sort: '-receivedAt',
    limit: most,
    depth: 0,
    select: { receivedAt: true } as never,
    overrideAccess: true,
    req,
  })
  const times = recent.docs.map((d) => Date.parse(String((d as { receivedAt?: unknown }).receivedAt))).filter(Number.isFinite)
  for (const limit of FEEDBACK_LIMITS) {
    const inWindow = times.filter((t) => t > now - limit.minutes * 60_000)
    if (inWindow.length < limit.max) continue
    // The window frees a place when the oldest of the last `max` messages leaves it.
    const oldest = inWindow[limit.max - 1]!
    return { key: limit.key, max: limit.max, minutes: limit.minutes, retryAfterSeconds: Math.max(1, Math.ceil((oldest + limit.minutes * 60_000 - now) / 1000)) }
  }
  return null
}
