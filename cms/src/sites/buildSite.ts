import { fork, spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import type { SiteBuildOptions } from '@truongso/payload-plugin'
import { readBuildResult, type BuildWorkerMessage, type BuildWorkerRequest } from '@truongso/snapshot/build-result'
import { removeLeftovers, withScratchFolder } from '@truongso/snapshot/folders'

import { exportSchoolSnapshot } from './exportSnapshot.ts'

export type SitePaths = {
  /** Where snapshots are written (one folder per build, removed after it). */
  snapshotsDir: string
  /** Where built sites go (`<distRoot>/<slug>/`). */
  distRoot: string
  /** Uploaded files of the CMS (media/ and documents/). */
  uploadsDir: string
  /** The sites package (runs its build script). */
  sitesDir: string
}

type SiteBuildResult = Awaited<ReturnType<SiteBuildOptions['build']>>

const tail = (text: string, lines: number) => text.trim().split('\n').slice(-lines).join('\n')

/** A build that takes longer than this is taken for hung: its worker is killed (a fresh one builds the next). */
const WORKER_BUILD_TIMEOUT_MS = 15 * 60_000

type Pending = { slug: string; resolve: (result: SiteBuildResult) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }

/**
 * The CMS's side of the site build worker (sites/scripts/buildWorker.ts): a long-lived child process
 * that keeps Astro loaded and compiled between builds, so a publish pays for rendering the school's
 * pages, not for starting Node, Astro and Vite (about 1 s of a 500-post school's 2.5 s build).
 *
 * Still a child process, for the reasons of the one-shot build (runSiteBuild): Astro's configuration,
 * module graph and memory stay out of the CMS, and a build that crashes or runs out of memory takes
 * the worker down, not the CMS: the builds it had been sent fail with its last words (stderr), and
 * the next build starts a fresh worker. Started on the first build; its successor is started as soon
 * as it retires (after a number of builds, sites/scripts/buildWorker.ts), so that one is warm by the
 * next publish. It builds one request at a time (the plugin's queue and lock already give one build
 * per school at a time; builds of different schools wait their turn here). It keeps neither this
 * process nor a script awake when idle, and exits when this process does.
 */
export class SiteBuildWorker {
  #child: ChildProcess | null = null
  #pending = new Map<ChildProcess, Map<number, Pending>>()
  #stderr = new Map<ChildProcess, string[]>()
  #nextId = 1
  readonly sitesDir: string
  readonly options: { timeoutMs?: number; env?: Record<string, string> }

  constructor(sitesDir: string, options: { timeoutMs?: number; env?: Record<string, string> } = {}) {
    this.sitesDir = sitesDir
    this.options = options
  }

  /** The running worker's pid, if one is running. */
  get pid(): number | undefined {
    return this.#child?.pid
  }

  /** Builds `<distRoot>/<slug>/` from `<snapshotsDir>/<slug>/`; rejects with the build's error (the previous site is kept). */
  build(slug: string, snapshotsDir: string, distRoot: string): Promise<SiteBuildResult> {
    const child = this.#child ?? this.#start()
    const pending = this.#pending.get(child)!
    const id = this.#nextId++
    return new Promise<SiteBuildResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#stderr.get(child)?.push(`[sites] the build of ${slug} took longer than ${Math.round((this.options.timeoutMs ?? WORKER_BUILD_TIMEOUT_MS) / 1000)} s: worker killed`)
        child.kill('SIGKILL')
      }, this.options.timeoutMs ?? WORKER_BUILD_TIMEOUT_MS)
      pending.set(id, { slug, resolve, reject, timer })
      this.#awake(child)
      child.send({ type: 'build', id, slugs: [slug], snapshotsDir, distRoot } satisfies BuildWorkerRequest, (error) => {
        if (error) this.#settle(child, id, new Error(`site build of ${slug}: the build worker did not take it: ${error.message}`))
      })
    })
  }

  /** Starts the worker if none runs, so that it warms up while the caller prepares a build. */
  warm(): void {
    if (!this.#child) this.#start()
  }

  /** Stops the worker (after the builds it was sent); the next build starts a new one. */
  close(): void {
    const child = this.#child
    this.#child = null
    if (child?.connected) child.send({ type: 'stop' } satisfies BuildWorkerRequest)
  }

  #start(): ChildProcess {
    const child = fork(path.join(this.sitesDir, 'scripts/buildWorker.ts'), [], {
      cwd: this.sitesDir,
      execArgv: ['--no-deprecation'],
      env: { ...process.env, NODE_OPTIONS: '', ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    })
    this.#child = child
    this.#pending.set(child, new Map())
    const lines: string[] = []
    this.#stderr.set(child, lines)
    // Kept for the error of a build the worker died in; Astro's page lines are not kept.
    const echo = process.env.TRUONGSO_SITE_BUILD_LOG === '1'
    const keep = (chunk: Buffer) => {
      // TRUONGSO_SITE_BUILD_LOG=1 shows the worker's lines (each build's timings) in this process's log.
      if (echo) process.stderr.write(chunk)
      lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim()))
      if (lines.length > 40) lines.splice(0, lines.length - 40)
    }
    child.stdout!.on('data', keep)
    child.stderr!.on('data', keep)
    child.on('message', (message: BuildWorkerMessage) => {
      if (message.type !== 'result') return
      if (message.retiring && this.#child === child) {
        // Its successor warms up now and takes the next builds; this one finishes what it was sent, then exits.
        this.#child = null
        child.send({ type: 'stop' } satisfies BuildWorkerRequest)
        this.#start()
      }
      const [result] = message.results
      if (result?.ok) this.#settle(child, message.id, { pages: result.pages })
      else this.#settle(child, message.id, new Error(`site build of ${result?.slug ?? '?'} failed: ${result?.error ?? 'no result'}`))
    })
    const stopped = (why: string) => {
      if (this.#child === child) this.#child = null
      const pending = this.#pending.get(child)
      for (const id of [...(pending?.keys() ?? [])]) {
        const slug = pending!.get(id)!.slug
        this.#settle(child, id, new Error(`site build of ${slug}: the build worker ${why} during the build (previous site kept): ${tail(lines.join('\n'), 15)}`))
      }
      this.#pending.delete(child)
      this.#stderr.delete(child)
    }
    child.on('error', (error) => stopped(`failed (${error.message})`))
    child.on('exit', (code, signal) => stopped(signal ? `was killed (${signal})` : `exited with ${code}`))
    this.#asleep(child)
    return child
  }

  #settle(child: ChildProcess, id: number, outcome: SiteBuildResult | Error) {
    const pending = this.#pending.get(child)
    const entry = pending?.get(id)
    if (!entry) return
    pending!.delete(id)
    clearTimeout(entry.timer)
    if (outcome instanceof Error) entry.reject(outcome)
    else entry.resolve(outcome)
    if (pending!.size === 0) this.#asleep(child)
  }

  /** While it builds for us, the worker keeps this process running (as the one-shot child did). */
  #awake(child: ChildProcess) {
    child.ref()
    child.channel?.ref()
    for (const s of [child.stdout, child.stderr]) (s as { ref?: () => void } | null)?.ref?.()
  }

  /** Idle, it does not keep this process (a script, a test) from exiting; it then exits with it. */
  #asleep(child: ChildProcess) {
    child.unref()
    child.channel?.unref()
    for (const s of [child.stdout, child.stderr]) (s as { unref?: () => void } | null)?.unref?.()
  }
}

/**
 * Runs `node sites/scripts/buildSchool.ts <slug>` and reads the JSON result line it prints on stdout;
 * rejects with the build's own error.
 *
 * A child process, not an import: Astro's build runs with its own configuration (sites/astro.config.mjs,
 * read from the environment), module graph and memory, none of which belongs in the CMS process,
 * and a build that fails or runs out of memory cannot take the CMS down with it.
 */
function runSiteBuild(slug: string, paths: SitePaths): Promise<SiteBuildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--no-deprecation', path.join(paths.sitesDir, 'scripts/buildSchool.ts'), slug, '--snapshots', paths.snapshotsDir, '--out', paths.distRoot],
      { cwd: paths.sitesDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('exit', (code) => {
      const result = readBuildResult(stdout)
      if (code === 0 && result?.ok) resolve({ pages: result.pages })
      else if (result && !result.ok) reject(new Error(`site build of ${slug} failed: ${result.error}`))
      // No result line: the build died before it could say (killed, out of memory, bad install).
      else reject(new Error(`site build of ${slug} exited with ${code}: ${tail(`${stderr}\n${stdout}`, 15)}`))
    })
  })
}

/**
 * The CMS's half of a site rebuild: export the school's published snapshot (the only thing that
 * crosses to sites/), then build the site from it. Plugged into the plugin's `sites.build`.
 *
 * Each build exports into a scratch folder of its own, `<snapshotsDir>/.build-<slug>-<random>/<slug>/`,
 * removed afterwards: no other export (a later build, `exportAll.ts`) can replace or delete the
 * snapshot a running build reads. (The plugin also never runs two builds of one school at once.)
 *
 * Builds go to the warm build worker (SiteBuildWorker), one per builder; with
 * TRUONGSO_SITE_BUILD_WORKER=0 each build is a one-shot `buildSchool.ts` process instead.
 */
export function siteBuilder(paths: SitePaths): SiteBuildOptions['build'] {
  const worker = process.env.TRUONGSO_SITE_BUILD_WORKER === '0' ? null : new SiteBuildWorker(paths.sitesDir)
  return async ({ slug, payload }) => {
    // A worker started now (the first build, or after one died) warms up during the export.
    worker?.warm()
    await removeLeftovers(paths.snapshotsDir, slug)
    return withScratchFolder(paths.snapshotsDir, 'build', slug, async (own) => {
      await exportSchoolSnapshot(payload, slug, { snapshotsDir: own, uploadsDir: paths.uploadsDir })
      return worker ? worker.build(slug, own, paths.distRoot) : runSiteBuild(slug, { ...paths, snapshotsDir: own })
    })
  }
}
