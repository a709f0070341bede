// The end-to-end figures: whole runs on the stand-ins with latency L, against the round-trip floor
// (quota off) or the quota's own floor (quota on), and the peak RSS of a large run.
import { type NodeUnderTest, SETTINGS, TARGETS, log, ms } from './figures.js'
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

async function repeated(node: NodeUnderTest, graphs: number, quota: boolean) {
  const { latencyMs, concurrency } = SETTINGS
  const runs: PipelineRun[] = []
  for (let i = 0; i < (quota ? SETTINGS.quotaRepeats : SETTINGS.e2eRepeats); i++) {
    runs.push(await runPipeline({ node: node.path, graphs, latencyMs, concurrency, quota }))
  }
  const walls = runs.map(run => run.wallMs)
  const floorMs = quota
    ? quotaFloorMs(graphs, latencyMs)
    : roundTripFloorMs(graphs, concurrency, latencyMs)
  const medianMs = median(walls)
  const typical = runs[medianIndex(walls)] as PipelineRun
  const result: RepeatedRuns = {
    graphs,
    quota,
    floorMs,
    walls,
    medianMs,
    ratio: medianMs / floorMs,
    typical
  }
  return result
}

export async function endToEndFigures(node: NodeUnderTest) {
  const { latencyMs: L, concurrency: C, e2eRepeats, graphCounts, quotaGraphs } = SETTINGS
  const results: RepeatedRuns[] = []
  for (const graphs of graphCounts) {
    log(`${node.label}: end to end, N = ${graphs}, L = ${L} ms, C = ${C}, ×${e2eRepeats}`)
    results.push(await repeated(node, graphs, false))
  }
  log(`${node.label}: end to end, quota 20/s, N = ${quotaGraphs}, ×${SETTINGS.quotaRepeats}`)
  results.push(await repeated(node, quotaGraphs, true))

  const rows = results.map((result): Row => {
    const targeted = !result.quota && result.graphs >= 20
    const floorText = result.quota
      ? `(N−1)/20 s + 2L + L + ${messagesFor(result.graphs)}·2L`
      : `${Math.ceil(result.graphs / C)}·2L + L + ${messagesFor(result.graphs)}·2L`
    const throttled = result.quota ? `, ${result.typical.throttled} throttled` : ''
    return {
      figure: `end to end / floor, N = ${result.graphs}${result.quota ? ', quota 20/s' : ''}`,
      node: node.label,
      value: `${result.ratio.toFixed(2)}×`,
      detail: `${ms(result.medianMs)} vs ${floorText} = ${ms(result.floorMs)}${throttled}`,
      target: targeted ? `≤ ${TARGETS.e2eRatio}` : '',
      pass: targeted ? result.ratio <= TARGETS.e2eRatio : undefined
    }
  })
  const json = results.map(({ typical, ...rest }) => ({
    ...rest,
    typicalTimings: typical.timings,
    typicalThrottled: typical.throttled
  }))
  return { json, rows, runs: results }
}

export async function rssFigure(node: NodeUnderTest) {
  const { rssGraphs: graphs, rssRuns, latencyMs, concurrency } = SETTINGS
  log(`${node.label}: peak RSS, N = ${graphs}, ×${rssRuns}`)
  const peaks: number[] = []
  for (let i = 0; i < rssRuns; i++) {
    const run = await runPipeline({
      node: node.path,
      graphs,
      latencyMs,
      concurrency,
      quota: false,
      measureRss: true
    })
    if (run.maxRssKiB === undefined) throw new Error('the RSS preload wrote nothing')
    peaks.push(run.maxRssKiB)
  }
  const maxMiB = Math.max(...peaks) / 1024
  const row: Row = {
    figure: `peak RSS, N = ${graphs}`,
    node: node.label,
    value: `${maxMiB.toFixed(1)} MiB`,
    detail: `max of ${rssRuns} runs (median ${(median(peaks) / 1024).toFixed(1)}), ru_maxrss at exit`,
    target: `≤ ${TARGETS.rssMiB} MiB`,
    pass: maxMiB <= TARGETS.rssMiB
  }
  return { json: { maxRssKiB: peaks, maxMiB: round(maxMiB) }, rows: [row] }
}
