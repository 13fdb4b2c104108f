import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The real sample snapshot (sites/test/fixtures/<slug>/snapshot.json + files/). */
export const fixtures = fileURLToPath(new URL('./fixtures', import.meta.url))
export const SLUG = 'ththcslythuongkiet'
export const SCHOOL_URL = 'http://ththcslythuongkiet.quangnam.vnptweb.vn/'

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `truongso-${prefix}-`))
}

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export function fixtureSnapshot(): Json {
  return JSON.parse(readFileSync(path.join(fixtures, SLUG, 'snapshot.json'), 'utf8'))
}

/** A snapshots folder holding a copy of the fixture, changed by `change`; returns the folder. */
export function changedFixture(change: (snapshot: Json) => void, into = tempDir('snapshots')): string {
  cpSync(path.join(fixtures, SLUG), path.join(into, SLUG), { recursive: true })
  const snapshot = fixtureSnapshot()
  change(snapshot)
  writeFileSync(path.join(into, SLUG, 'snapshot.json'), JSON.stringify(snapshot))
  return into
}

/** Every .html file under `dir`, as paths relative to it ("bai-viet/bai-1/index.html"). */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => f.split(path.sep).join('/'))
}

/** "bai-viet/bai-1/index.html" → "/bai-viet/bai-1/"; "index.html" → "/". */
export function pagePathOf(file: string): string {
  return `/${file.replace(/index\.html$/, '')}`
}
