// What a run did, graph by graph, and what it tells the workflow: the outputs, the job summary's
// content, and whether the run failed. Each delivery reports only what it has: presigned URLs
// come with a bucket, a signer and an expiry; Slack-hosted files with none of them.
import type { AlarmsPart } from './alarms.js'
import type { Graph } from './widgets.js'
import { label } from './naming.js'
import { type Expiry, type SigningKind, formatInstant } from './signing.js'
import { cut } from './text.js'

export interface GraphOutcome {
  graph: Graph
  /** The PNG's size, once rendered. */
  bytes?: number
  /** The object key, once stored (presigned-url only). */
  key?: string
  /** Where the graph is seen: its presigned URL, or its Slack permalink. */
  url?: string
  /** Why this graph is not posted. */
  failure?: string
}

/** Where a Slack message landed. */
export interface SlackPost {
  channel: string
  ts: string
}

interface ReportBase {
  /** Every graph, in the order given. */
  graphs: GraphOutcome[]
  /** The messages posted, channel by channel, in order (none on a dry run). */
  posts: SlackPost[]
  /** Why part of the report is missing in Slack: a channel that refused, messages not posted. */
  postFailure?: string
  dryRun: boolean
  /** With input 'alarms': every alarm found (composite ones too), in order. */
  alarms?: AlarmsPart
}

export interface PresignedReport extends ReportBase {
  delivery: 'presigned-url'
  bucket: string
  signing: SigningKind
  expiry: Expiry
  /** Embed the images in the job summary (summary-images, and a long-term signer). */
  embedImages: boolean
}

export interface SlackHostedReport extends ReportBase {
  delivery: 'slack-upload'
}

export type RunReport = PresignedReport | SlackHostedReport

/** The graphs that reached their audience (stored, and checked unless verify-urls is off; or shared), in graph order. */
export function delivered(outcomes: readonly GraphOutcome[]): GraphOutcome[] {
  return outcomes.filter(outcome => outcome.url && !outcome.failure)
}

export function failed(outcomes: readonly GraphOutcome[]): GraphOutcome[] {
  return outcomes.filter(outcome => outcome.failure)
}

/** A service's error text, as one graph's cause in an error or the summary. */
export const MAX_CAUSE = 1000

/** Failures grouped by cause, so one wrong secret reads as one line, not fifty. */
export function describeFailures(outcomes: readonly GraphOutcome[]): string {
  const byCause = new Map<string, string[]>()
  for (const outcome of outcomes) {
    if (!outcome.failure) continue
    const cause = cut(outcome.failure, MAX_CAUSE)
    byCause.set(cause, [...(byCause.get(cause) ?? []), label(outcome.graph)])
  }
  return [...byCause].map(([cause, graphs]) => `- ${graphs.join(', ')}: ${cause}`).join('\n')
}

/**
 * Why the run fails although it finished, or undefined when every graph made it everywhere: the
 * graphs that failed, then what Slack refused (a channel, or messages after others were posted).
 */
export function runFailure(report: RunReport): string | undefined {
  const missing = failed(report.graphs)
  const parts: string[] = []
  if (missing.length > 0) {
    const others = report.graphs.length - missing.length
    const done = report.dryRun ? 'were rendered' : 'were posted'
    parts.push(
      `${missing.length} of ${report.graphs.length} graphs failed; the other ${others} ${done}:\n${describeFailures(missing)}`
    )
  }
  if (report.postFailure) parts.push(report.postFailure)
  return parts.length > 0 ? parts.join('\n') : undefined
}

/** When the URLs stop working, as the expires-at output says it ('' when unknown or not signed). */
export function expiresAt(report: RunReport): string {
  if (report.delivery !== 'presigned-url' || !report.expiry.effective) return ''
  return formatInstant(report.expiry.effective)
}

/** The step's outputs; they list the graphs that reached their audience, in graph order. */
export function outputValues(report: RunReport): Record<string, string> {
  const posted = delivered(report.graphs)
  return {
    'image-urls': JSON.stringify(posted.map(outcome => outcome.url)),
    'object-keys': JSON.stringify(posted.flatMap(outcome => (outcome.key ? [outcome.key] : []))),
    'expires-at': expiresAt(report),
    'signing-credentials': report.delivery === 'presigned-url' ? report.signing : 'none',
    'slack-ts': report.posts[0]?.ts ?? '',
    'slack-channel': report.posts[0]?.channel ?? '',
    'slack-messages': JSON.stringify(report.posts.map(({ channel, ts }) => ({ channel, ts })))
  }
}

/** `render 1.20 s, deliver 0.40 s, total 1.70 s`. */
export function formatTimings(timings: Readonly<Record<string, number>>): string {
  return Object.entries(timings)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
    .join(', ')
}
