// The figures of a bare process (bundle size, cold start, first request), the settings and the
// targets: how each is measured, its JSON record and its row in the table.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { type PipelineRun, runPipeline } from './pipeline.js'
import { RunnerHome, baselineRun, coldStart, summarisePairs } from './processes.js'
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
  coldStartRatio: 3.5,
  firstRequestRatio: 5,
  e2eRatio: 1.3,
  rssMiB: 120
}

export interface NodeUnderTest {
  key: string
  label: string
  path: string
}

export const log = (line: string) => process.stderr.write(`${line}\n`)
export const ms = (value: number) => `${value.toFixed(0)} ms`

export function bundleSizes(distDir: string) {
  const files = readdirSync(distDir)
    .filter(name => name.endsWith('.js'))
    .map(name => ({ name, bytes: statSync(path.join(distDir, name)).size }))
    .sort((a, b) => b.bytes - a.bytes)
  const entry = files.find(file => file.name === 'index.js')?.bytes ?? 0
  const total = files.reduce((sum, file) => sum + file.bytes, 0)
  const rows: Row[] = [
    {
      figure: 'bundle dist/index.js',
      node: '',
      value: `${kib(entry)} KiB`,
      detail: `${entry} bytes`,
      target: ''
    },
    {
      figure: 'bundle dist/*.js',
      node: '',
      value: `${kib(total)} KiB`,
      detail: `${total} bytes in ${files.length} files`,
      target: ''
    }
  ]
  const entrySha256 = createHash('sha256')
    .update(readFileSync(path.join(distDir, 'index.js')))
    .digest('hex')
  return { json: { entryBytes: entry, totalBytes: total, entrySha256, files }, rows }
}

export async function coldStartFigure(node: NodeUnderTest) {
  log(`${node.label}: cold start, ${SETTINGS.coldStartPairs} alternating pairs`)
  const series = await coldStart(node.path, SETTINGS.coldStartPairs)
  const summary = summarisePairs(series)
  const row: Row = {
    figure: 'cold start (no inputs → ::error::) / node -e 0',
    node: node.label,
    value: `${summary.ratio.toFixed(2)}×`,
    detail: `${ms(summary.medianMs)} vs ${ms(summary.baselineMedianMs)}, median of ${summary.runs} pairs`,
    target: `≤ ${TARGETS.coldStartRatio}`,
    pass: summary.ratio <= TARGETS.coldStartRatio
  }
  return { json: { ...summary, series }, rows: [row] }
}

/** Spawn → first GetMetricWidgetImage at the stand-in, alternating with `node -e 0`. */
export async function firstRequestFigure(node: NodeUnderTest) {
  const { firstRequestRuns: runs, firstRequestGraphs: graphs, concurrency } = SETTINGS
  log(`${node.label}: first CloudWatch request, ${runs} runs (${graphs} graphs, no latency)`)
  const home = new RunnerHome()
  const firstMs: number[] = []
  const baseline: number[] = []
  const marks: Record<string, number[]> = {}
  try {
    for (let i = 0; i < runs + 1; i++) {
      const base = await baselineRun(node.path, home)
      const run = await runPipeline({
        node: node.path,
        graphs,
        latencyMs: 0,
        concurrency,
        quota: false
      })
      if (i === 0) continue // warm-up: page cache, the stand-ins' own first requests
      baseline.push(base)
      firstMs.push(run.firstCloudWatchMs)
      for (const [name, at] of Object.entries(firstArrivals(run))) {
        marks[name] = [...(marks[name] ?? []), at]
      }
    }
  } finally {
    home.close()
  }
  const ratio = median(firstMs.map((first, i) => first / (baseline[i] as number)))
  const row: Row = {
    figure: 'spawn → first CloudWatch request / node -e 0',
    node: node.label,
    value: `${ratio.toFixed(2)}×`,
    detail: `${ms(median(firstMs))} vs ${ms(median(baseline))}, median of ${runs} runs`,
    target: `≤ ${TARGETS.firstRequestRatio}`,
    pass: ratio <= TARGETS.firstRequestRatio
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
