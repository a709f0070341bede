// The figures of a bare process (bundle size, cold start, first request), the settings and the
// targets: how each is measured, build by build, its JSON record and its row in the table.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import type { BuildUnderTest } from './builds.js'
import { type PipelineRun, runPipeline } from './pipeline.js'
import { type PairSeries, RunnerHome, baselineRun, coldStart, summarisePairs } from './processes.js'
import type { Row } from './report.js'
import { kib, median, round } from './stats.js'

export const SETTINGS = {
  coldStartPairs: 21,
  firstRequestRuns: 11,
  /** Graphs in the first-request runs (no latency: nothing queues). */
  firstRequestGraphs: 20,
  e2eRepeats: 5,
  quotaRepeats: 3,
  latencyMs: 100,
  concurrency: 10,
  graphCounts: [1, 20, 50],
  quotaGraphs: 50,
  rssGraphs: 50,
  rssRuns: 3
}

export const TARGETS = {
  coldStartRatio: 2,
  firstRequestRatio: 4,
  /**
   * End to end / floor, by N. The action's start-up is a fixed cost, so it weighs more on a small
   * run's floor; at N = 1 it is most of the run, hence no target there.
   */
  e2eRatioByGraphs: { 20: 1.45, 50: 1.3 } as Record<number, number>,
  rssMiB: 120
}

export interface NodeUnderTest {
  key: string
  label: string
  path: string
}

/** One figure of one build: its record in the JSON's results and its rows in the table. */
export interface BuildFigure {
  json: unknown
  rows: Row[]
}

export const log = (line: string) => process.stderr.write(`${line}\n`)
export const ms = (value: number) => `${value.toFixed(0)} ms`

/**
 * A figure's target and verdict. Only the build measured is judged: the baseline's rows are there
 * to compare with, and whether the old build met the new targets is not the question.
 */
export function judged(
  build: BuildUnderTest,
  value: number,
  limit: number | undefined,
  unit = ''
): Pick<Row, 'target' | 'pass'> {
  if (limit === undefined || build.role === 'baseline') return { target: '' }
  return { target: `≤ ${limit}${unit}`, pass: value <= limit }
}

export function bundleSizes(build: BuildUnderTest) {
  const files = readdirSync(build.dir)
    .filter(name => name.endsWith('.js'))
    .map(name => ({ name, bytes: statSync(path.join(build.dir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes)
  const entry = files.find(file => file.name === 'index.js')?.bytes ?? 0
  const total = files.reduce((sum, file) => sum + file.bytes, 0)
  const rows: Row[] = [
    {
      figure: 'bundle dist/index.js',
      node: '',
      build: build.label,
      value: `${kib(entry)} KiB`,
      detail: `${entry} bytes`,
      target: ''
    },
    {
      figure: 'bundle dist/*.js',
      node: '',
      build: build.label,
      value: `${kib(total)} KiB`,
      detail: `${total} bytes in ${files.length} files`,
      target: ''
    }
  ]
  const entrySha256 = createHash('sha256').update(readFileSync(build.entry)).digest('hex')
  return { json: { entryBytes: entry, totalBytes: total, entrySha256, files }, rows }
}

export async function coldStartFigure(
  node: NodeUnderTest,
  builds: readonly BuildUnderTest[]
): Promise<BuildFigure[]> {
  const rounds = SETTINGS.coldStartPairs
  const shape = builds.length > 1 ? 'triples (this build, baseline, node -e 0)' : 'pairs'
  log(`${node.label}: cold start, ${rounds} alternating ${shape}`)
  const series = await coldStart(node.path, builds, rounds)
  return builds.map((build, b) => {
    const own = series[b] as PairSeries
    const summary = summarisePairs(own)
    const row: Row = {
      figure: 'cold start (no inputs → ::error::) / node -e 0',
      node: node.label,
      build: build.label,
      value: `${summary.ratio.toFixed(2)}×`,
      detail: `${ms(summary.medianMs)} vs ${ms(summary.baselineMedianMs)}, median of ${summary.runs} pairs`,
      ...judged(build, summary.ratio, TARGETS.coldStartRatio)
    }
    return { json: { ...summary, series: own }, rows: [row] }
  })
}

/** What one build's first-request runs recorded, run by run. */
interface FirstRequests {
  build: BuildUnderTest
  firstMs: number[]
  /** When the first request of each kind reached a stand-in. */
  marks: Record<string, number[]>
}

/** Spawn → first GetMetricWidgetImage at the stand-in, against `node -e 0` in the same round. */
export async function firstRequestFigure(
  node: NodeUnderTest,
  builds: readonly BuildUnderTest[]
): Promise<BuildFigure[]> {
  const { firstRequestRuns: runs, firstRequestGraphs: graphs } = SETTINGS
  log(`${node.label}: first CloudWatch request, ${runs} runs (${graphs} graphs, no latency)`)
  const { baseline, perBuild } = await firstRequestRuns(node, builds)
  return perBuild.map(own => firstRequestResult(node, own, baseline))
}

/** Each round: `node -e 0`, then every build in turn (A, B, A, B…). */
async function firstRequestRuns(node: NodeUnderTest, builds: readonly BuildUnderTest[]) {
  const { firstRequestRuns: runs, firstRequestGraphs: graphs, concurrency } = SETTINGS
  const home = new RunnerHome()
  const baseline: number[] = []
  const perBuild = builds.map((build): FirstRequests => ({ build, firstMs: [], marks: {} }))
  try {
    for (let i = 0; i < runs + 1; i++) {
      const warmUp = i === 0 // page cache, the stand-ins' own first requests
      const base = await baselineRun(node.path, home)
      if (!warmUp) baseline.push(base)
      for (const own of perBuild) {
        const run = await runPipeline({
          node: node.path,
          entry: own.build.entry,
          graphs,
          latencyMs: 0,
          concurrency,
          quota: false
        })
        if (warmUp) continue
        own.firstMs.push(run.firstCloudWatchMs)
        for (const [name, at] of Object.entries(firstArrivals(run))) {
          own.marks[name] = [...(own.marks[name] ?? []), at]
        }
      }
    }
  } finally {
    home.close()
  }
  return { baseline, perBuild }
}

function firstRequestResult(
  node: NodeUnderTest,
  { build, firstMs, marks }: FirstRequests,
  baseline: number[]
): BuildFigure {
  const ratio = median(firstMs.map((first, i) => first / (baseline[i] as number)))
  const row: Row = {
    figure: 'spawn → first CloudWatch request / node -e 0',
    node: node.label,
    build: build.label,
    value: `${ratio.toFixed(2)}×`,
    detail: `${ms(median(firstMs))} vs ${ms(median(baseline))}, median of ${firstMs.length} runs`,
    ...judged(build, ratio, TARGETS.firstRequestRatio)
  }
  const medianMarks = Object.fromEntries(
    Object.entries(marks).map(([name, values]) => [name, round(median(values))])
  )
  return {
    json: {
      ratio,
      medianMs: median(firstMs),
      baselineMedianMs: median(baseline),
      firstMs,
      baseline,
      medianFirstArrivals: medianMarks
    },
    rows: [row]
  }
}

/** When the first request of each kind reached a stand-in (ms from spawn). */
function firstArrivals(run: PipelineRun): Record<string, number> {
  const first: Record<string, number> = { exit: run.wallMs }
  for (const event of run.events) {
    const name = `${event.service} ${event.operation}`
    if (!(name in first)) first[name] = event.at
  }
  return first
}
