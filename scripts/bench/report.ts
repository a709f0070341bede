// How the benchmark shows its figures: a Markdown table (paste-able into the README), the per-call
// timeline of one run, and the JSON files in bench-results/.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { RelativeEvent } from './pipeline.js'
import { median, round } from './stats.js'

export interface Row {
  figure: string
  node: string
  /** Which build, in an A/B run (BENCH_BASELINE); absent when one build is measured. */
  build?: string
  value: string
  detail: string
  /** e.g. '≤ 2'; empty when the figure is informational, and on the baseline's rows. */
  target: string
  pass?: boolean
}

/** Row k of every build, then row k + 1…: an A/B table reads each figure side by side. */
export function pairRows(perBuild: ReadonlyArray<readonly Row[]>): Row[] {
  return (perBuild[0] ?? []).flatMap((_, k) => perBuild.flatMap(rows => rows[k] ?? []))
}

export function markdownTable(rows: readonly Row[]): string {
  const byBuild = rows.some(row => row.build !== undefined)
  const header = ['figure', 'node', ...(byBuild ? ['build'] : []), 'value', 'how', 'target', '']
  const cells = rows.map(row => [
    row.figure,
    row.node,
    ...(byBuild ? [row.build ?? ''] : []),
    row.value,
    row.detail,
    row.target || '—',
    row.pass === undefined ? '' : row.pass ? 'PASS' : 'MISS'
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map(line => (line[i] as string).length))
  )
  const line = (values: string[]) =>
    `| ${values.map((value, i) => value.padEnd(widths[i] as number)).join(' | ')} |`
  return [line(header), line(widths.map(width => '-'.repeat(width))), ...cells.map(line)].join('\n')
}

export interface TimelineReport {
  node: string
  graphs: number
  latencyMs: number
  concurrency: number
  wallMs: number
  floorMs: number
  timings: string | undefined
  events: RelativeEvent[]
}

/** Per service/operation: how many, first and last arrival, when the last one was answered. */
export function groupEvents(events: readonly RelativeEvent[]) {
  const groups = new Map<string, RelativeEvent[]>()
  for (const event of events) {
    const name = `${event.service} ${event.operation}`
    groups.set(name, [...(groups.get(name) ?? []), event])
  }
  return [...groups].map(([name, list]) => ({
    name,
    count: list.length,
    firstAt: round(Math.min(...list.map(e => e.at))),
    lastAt: round(Math.max(...list.map(e => e.at))),
    lastDoneAt: round(Math.max(...list.map(e => e.at + (e.duration ?? 0)))),
    medianDuration: round(median(list.map(e => e.duration ?? Number.NaN)))
  }))
}

/**
 * The floor's round trips at the speed the stand-ins really answered (median "took" per operation
 * instead of L): what is left of the wall time is the action's own (start-up, CPU, waiting).
 */
export function standInFloorMs(report: TimelineReport): number {
  const took = (name: string) =>
    groupEvents(report.events).find(group => group.name === name)?.medianDuration ?? 0
  const waves = Math.ceil(report.graphs / report.concurrency)
  const messages = Math.ceil(report.graphs / 48)
  return (
    waves * (took('cloudwatch GetMetricWidgetImage') + took('s3 PutObject')) +
    took('s3 GetObject (URL check)') +
    messages * took('slack chat.postMessage')
  )
}

export function formatTimeline(report: TimelineReport): string {
  const measured = standInFloorMs(report)
  const lines = [
    `Timeline: one run, ${report.graphs} graphs, L = ${report.latencyMs} ms on every stand-in call, ` +
      `C = ${report.concurrency}, ${report.node}. Times are ms from spawn; "took" includes L.`,
    `wall ${report.wallMs.toFixed(0)} ms, floor ${report.floorMs} ms; the floor's round trips at ` +
      `the stand-ins' measured median times: ${measured.toFixed(0)} ms ` +
      `(the rest, ${(report.wallMs - measured).toFixed(0)} ms, is the action's own).`,
    `The action's own timings: ${report.timings ?? '(none)'}`,
    '',
    'by service/operation      count  first   last  last done  median took',
    ...groupEvents(report.events).map(
      group =>
        `  ${group.name.padEnd(36)} ${String(group.count).padStart(3)} ` +
        `${group.firstAt.toFixed(0).padStart(6)} ${group.lastAt.toFixed(0).padStart(6)} ` +
        `${group.lastDoneAt.toFixed(0).padStart(10)} ${group.medianDuration.toFixed(0).padStart(12)}`
    ),
    '',
    '    t+ms   took  service     operation',
    `       0         (spawn)`,
    ...report.events.map(
      event =>
        `  ${event.at.toFixed(0).padStart(6)} ${(event.duration?.toFixed(0) ?? '?').padStart(6)}  ` +
        `${event.service.padEnd(11)} ${event.operation}`
    ),
    `  ${report.wallMs.toFixed(0).padStart(6)}         (exit)`
  ]
  return lines.join('\n')
}

/** bench-results/latest.json and a timestamped copy; each written whole, then renamed. */
export function writeResults(directory: string, date: Date, results: unknown): string[] {
  mkdirSync(directory, { recursive: true })
  const text = `${JSON.stringify(results, null, 2)}\n`
  const stamp = date.toISOString().replace(/[:.]/g, '-')
  const files = [path.join(directory, `${stamp}.json`), path.join(directory, 'latest.json')]
  for (const file of files) {
    writeFileSync(`${file}.tmp`, text)
    renameSync(`${file}.tmp`, file)
  }
  return files
}
