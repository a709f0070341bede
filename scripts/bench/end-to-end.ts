// The end-to-end figures: whole runs on the stand-ins with latency L, against the round-trip floor
// (quota off) or the quota's own floor (quota on), and the peak RSS of a large run. With a
// baseline, the builds take turns repeat by repeat.
import { type BuildUnderTest, alternately } from './builds.js'
import {
  type BuildFigure,
  type NodeUnderTest,
  SETTINGS,
  TARGETS,
  judged,
  log,
  ms
} from './figures.js'
import {
  type PipelineRun,
  messagesFor,
  quotaFloorMs,
  roundTripFloorMs,
  runPipeline
} from './pipeline.js'
import type { Row } from './report.js'
import { median, medianIndex, round } from './stats.js'

interface RepeatedRuns {
  graphs: number
  quota: boolean
  floorMs: number
  walls: number[]
  medianMs: number
  ratio: number
  /** The run whose wall time is the median one. */
  typical: PipelineRun
}

/** The end-to-end figures of one build: one row per N, and the runs (for the timeline). */
export interface EndToEnd extends BuildFigure {
  runs: RepeatedRuns[]
}

/** Every build's repeats of one N, in turns; one summary per build, in the order of `builds`. */
async function repeated(
  node: NodeUnderTest,
  builds: readonly BuildUnderTest[],
  graphs: number,
  quota: boolean
): Promise<RepeatedRuns[]> {
  const { latencyMs, concurrency } = SETTINGS
  const repeats = quota ? SETTINGS.quotaRepeats : SETTINGS.e2eRepeats
  const perBuild = await alternately(builds, repeats, build =>
    runPipeline({ node: node.path, entry: build.entry, graphs, latencyMs, concurrency, quota })
  )
  const floorMs = quota
    ? quotaFloorMs(graphs, latencyMs)
    : roundTripFloorMs(graphs, concurrency, latencyMs)
  return perBuild.map(({ runs }): RepeatedRuns => {
    const walls = runs.map(run => run.wallMs)
    const medianMs = median(walls)
    const typical = runs[medianIndex(walls)] as PipelineRun
    return { graphs, quota, floorMs, walls, medianMs, ratio: medianMs / floorMs, typical }
  })
}

export async function endToEndFigures(
  node: NodeUnderTest,
  builds: readonly BuildUnderTest[]
): Promise<EndToEnd[]> {
  const { latencyMs: L, concurrency: C, e2eRepeats, graphCounts, quotaGraphs } = SETTINGS
  const scenarios: RepeatedRuns[][] = [] // N by N, then build by build
  for (const graphs of graphCounts) {
    log(`${node.label}: end to end, N = ${graphs}, L = ${L} ms, C = ${C}, ×${e2eRepeats}`)
    scenarios.push(await repeated(node, builds, graphs, false))
  }
  log(`${node.label}: end to end, quota 20/s, N = ${quotaGraphs}, ×${SETTINGS.quotaRepeats}`)
  scenarios.push(await repeated(node, builds, quotaGraphs, true))

  return builds.map((build, b) => {
    const results = scenarios.map(perBuild => perBuild[b] as RepeatedRuns)
    const json = results.map(({ typical, ...rest }) => ({
      ...rest,
      typicalTimings: typical.timings,
      typicalThrottled: typical.throttled
    }))
    return { json, rows: results.map(result => endToEndRow(node, build, result)), runs: results }
  })
}

function endToEndRow(node: NodeUnderTest, build: BuildUnderTest, result: RepeatedRuns): Row {
  const { concurrency: C } = SETTINGS
  const floorText = result.quota
    ? `(N−1)/20 s + 2L + L + ${messagesFor(result.graphs)}·2L`
    : `${Math.ceil(result.graphs / C)}·2L + L + ${messagesFor(result.graphs)}·2L`
  const throttled = result.quota ? `, ${result.typical.throttled} throttled` : ''
  // The quota's floor is the quota's, not the action's: informational.
  const limit = result.quota ? undefined : TARGETS.e2eRatioByGraphs[result.graphs]
  return {
    figure: `end to end / floor, N = ${result.graphs}${result.quota ? ', quota 20/s' : ''}`,
    node: node.label,
    build: build.label,
    value: `${result.ratio.toFixed(2)}×`,
    detail: `${ms(result.medianMs)} vs ${floorText} = ${ms(result.floorMs)}${throttled}`,
    ...judged(build, result.ratio, limit)
  }
}

export async function rssFigure(
  node: NodeUnderTest,
  builds: readonly BuildUnderTest[]
): Promise<BuildFigure[]> {
  const { rssGraphs: graphs, rssRuns, latencyMs, concurrency } = SETTINGS
  log(`${node.label}: peak RSS, N = ${graphs}, ×${rssRuns}`)
  const perBuild = await alternately(builds, rssRuns, async build => {
    const run = await runPipeline({
      node: node.path,
      entry: build.entry,
      graphs,
      latencyMs,
      concurrency,
      quota: false,
      measureRss: true
    })
    if (run.maxRssKiB === undefined) throw new Error('the RSS preload wrote nothing')
    return run.maxRssKiB
  })
  return perBuild.map(({ build, runs: peaks }) => rssResult(node, build, peaks))
}

function rssResult(node: NodeUnderTest, build: BuildUnderTest, peaks: number[]): BuildFigure {
  const { rssGraphs: graphs, rssRuns } = SETTINGS
  const maxMiB = Math.max(...peaks) / 1024
  const row: Row = {
    figure: `peak RSS, N = ${graphs}`,
    node: node.label,
    build: build.label,
    value: `${maxMiB.toFixed(1)} MiB`,
    detail: `max of ${rssRuns} runs (median ${(median(peaks) / 1024).toFixed(1)}), ru_maxrss at exit`,
    ...judged(build, maxMiB, TARGETS.rssMiB, ' MiB')
  }
  return { json: { maxRssKiB: peaks, maxMiB: round(maxMiB) }, rows: [row] }
}
