/**
 * Folders written whole: how both sides of the boundary write what the other side (or a web server)
 * reads. The CMS replaces a school's snapshot folder, the site build replaces the school's site; each
 * first writes a scratch folder next to the target and then swaps it in, so a reader sees the old
 * folder or the new one, never a half-written one, and a failed write leaves the old one in place.
 *
 * Scratch folders are named `.<kind>-<name>-<8 hex>` in the target's parent (never served: names
 * starting with a dot are skipped by every reader of these folders); those a killed process left are
 * removed by the next write of the same name once they are an hour old.
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'

/** Older than this, a scratch folder belongs to no running write (builds take seconds to minutes). */
const LEFTOVER_AGE_MS = 3_600_000

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Removes `<parent>/.<kind>-<name>-<8 hex>` folders older than an hour (left by a killed process). */
export async function removeLeftovers(parent: string, name: string): Promise<void> {
  const pattern = new RegExp(`^\\.[a-z]+-${escape(name)}-[0-9a-f]{8}$`)
  const names = await readdir(parent).catch(() => [] as string[])
  for (const entry of names) {
    if (!pattern.test(entry)) continue
    const dir = path.join(parent, entry)
    const age = await stat(dir).then((s) => Date.now() - s.mtimeMs, () => 0)
    if (age > LEFTOVER_AGE_MS) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs `use` with a new empty folder `<parent>/.<kind>-<name>-<8 hex>/` of its own, and removes the
 * folder afterwards, whether `use` succeeded or not.
 */
export async function withScratchFolder<T>(parent: string, kind: string, name: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = path.join(parent, `.${kind}-${name}-${randomBytes(4).toString('hex')}`)
  await mkdir(dir, { recursive: true })
  let failed = false
  try {
    return await use(dir)
  } catch (error) {
    failed = true
    throw error
  } finally {
    // A writer may still be finishing when `use` fails (an Astro build that throws while other pages
    // are being written): the removal is retried while the folder refills (ENOTEMPTY), and if it
    // still cannot go, it is left for removeLeftovers rather than hiding the error of `use`.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }).catch((error: unknown) => {
      if (!failed) throw error
    })
  }
}

/**
 * Replaces the folder `target` with one that `fill` writes (into the empty folder it is given).
 * Only when `fill` succeeded is the new folder swapped in: two renames in the same parent, and
 * should the second fail, the old folder goes back. Leftovers of earlier writes are removed first.
 */
export async function replaceFolder<T>(target: string, fill: (dir: string) => Promise<T>): Promise<T> {
  const parent = path.dirname(target)
  const name = path.basename(target)
  await mkdir(parent, { recursive: true })
  await removeLeftovers(parent, name)
  return withScratchFolder(parent, 'tmp', name, async (tmp) => {
    const result = await fill(tmp)
    const old = path.join(parent, `.old-${name}-${randomBytes(4).toString('hex')}`)
    const hadOld = existsSync(target)
    if (hadOld) await rename(target, old)
    try {
      await rename(tmp, target)
    } catch (error) {
      if (hadOld) await rename(old, target)
      throw error
    }
    if (hadOld) await rm(old, { recursive: true, force: true })
    return result
  })
}
