// Fresh child processes, timed from spawn to exit on the stand-ins' clock (epoch ms:
// performance.timeOrigin + performance.now(), like Timeline), with the environment a runner gives
// the action. Spawned asynchronously: the stand-ins answer from this same process.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inputEnv } from '../../test-support/action-env.js'
import { now } from '../../test-support/faults.js'
import { runnerEnvironment } from '../../test-support/run-action.js'
import { median } from './stats.js'

export interface TimedRun {
  /** Epoch ms, taken just before spawn(). */
  spawnAt: number
  /** Epoch ms, when the child's 'exit' event arrived. */
  exitAt: number
  wallMs: number
  exitCode: number | null
  stdout: string
  stderr: string
}

export function runTimed(
  node: string,
  args: string[],
  env: Record<string, string>,
  cwd: string,
  timeoutMs = 120000
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const spawnAt = now()
    const child = spawn(node, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let exitAt = Number.NaN
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('exit', () => (exitAt = now()))
    child.on('close', exitCode => {
      clearTimeout(timer)
      resolve({
        spawnAt,
        exitAt,
        wallMs: exitAt - spawnAt,
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
  })
}

/** A runner's temporary home: workspace, GITHUB_OUTPUT, step summary, event payload. */
export class RunnerHome {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'cw-bench-'))
  readonly workspace = path.join(this.dir, 'workspace')
  /** Written at exit by the RSS preload when BENCH_RSS_FILE names it. */
  readonly preload = path.join(this.dir, 'rss-preload.cjs')

  constructor() {
    mkdirSync(this.workspace, { recursive: true })
    for (const file of ['output', 'summary']) writeFileSync(path.join(this.dir, file), '')
    const event = { repository: { full_name: 'octo/graphs', private: false } }
    writeFileSync(path.join(this.dir, 'event.json'), JSON.stringify(event))
    writeFileSync(this.preload, PRELOAD)
  }

  /** What a runner sets; INPUT_* (with action.yml's defaults) only when inputs are given. */
  env(inputs?: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
    return {
      ...runnerEnvironment(this.dir, this.workspace),
      ...(inputs ? inputEnv(inputs) : {}),
      ...extra
    }
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** Loaded with --require: at exit, the process's peak RSS (KiB, ru_maxrss) into BENCH_RSS_FILE. */
const PRELOAD = `'use strict'
process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE
  if (!file) return
  const report = { maxRssKiB: process.resourceUsage().maxRSS, rssAtExit: process.memoryUsage.rss() }
  require('node:fs').writeFileSync(file, JSON.stringify(report))
})
`

export interface PairSeries {
  /** Wall times of the measured process (ms), in run order. */
  subject: number[]
  /** Wall times of `node -e 0` (ms), alternating with the subject. */
  baseline: number[]
  /** subject[i] / baseline[i]. */
  ratios: number[]
}

export function summarisePairs(series: PairSeries) {
  return {
    runs: series.subject.length,
    medianMs: median(series.subject),
    baselineMedianMs: median(series.baseline),
    /** The median of the per-pair ratios: each pair ran back to back, so drift cancels. */
    ratio: median(series.ratios)
  }
}

/** `node -e 0`: the floor every process pays. */
export async function baselineRun(node: string, home: RunnerHome): Promise<number> {
  const run = await runTimed(node, ['-e', '0'], home.env(), home.workspace)
  if (run.exitCode !== 0) throw new Error(`node -e 0 exited with ${run.exitCode}: ${run.stderr}`)
  return run.wallMs
}

/**
 * Cold start: each build's index.js with no INPUT_* at all must fail fast (exit 1, ::error::). A
 * round runs every build in turn (A, B, A, B…), then `node -e 0`, each a fresh process, so every
 * build's ratio is to the floor measured next to it. The first `warmup` rounds are not counted
 * (they fill the page cache). One series per build, in the order given.
 */
export async function coldStart(
  node: string,
  builds: ReadonlyArray<{ label: string; entry: string }>,
  rounds: number,
  warmup = 2
): Promise<PairSeries[]> {
  const home = new RunnerHome()
  const series = builds.map((): PairSeries => ({ subject: [], baseline: [], ratios: [] }))
  try {
    for (let i = 0; i < warmup + rounds; i++) {
      const walls: number[] = []
      for (const build of builds) walls.push(await failFast(node, build, home))
      const baseline = await baselineRun(node, home)
      if (i < warmup) continue
      walls.forEach((wall, b) => {
        const one = series[b] as PairSeries
        one.subject.push(wall)
        one.baseline.push(baseline)
        one.ratios.push(wall / baseline)
      })
    }
    return series
  } finally {
    home.close()
  }
}

/**
 * One run without inputs. Anything but exit 1 with ::error:: (a crash while loading, say) would
 * time the wrong thing.
 */
async function failFast(
  node: string,
  build: { label: string; entry: string },
  home: RunnerHome
): Promise<number> {
  const action = await runTimed(node, [build.entry], home.env(), home.workspace)
  if (action.exitCode !== 1 || !action.stdout.includes('::error::')) {
    throw new Error(
      `${build.label}: index.js without inputs should fail with ::error:: and exit 1, got exit ${action.exitCode}:\n${action.stdout}${action.stderr}`
    )
  }
  return action.wallMs
}
