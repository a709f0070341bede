// The job summary's content: a sentence on where the graphs are, a table with a row per graph, and
// the timings. Presigned URLs are bearer links: every reader of the run sees the summary, so it
// shows names and object keys, and embeds the images only when the workflow asks for it
// (summary-images) and the URLs carry no session token.
import { MAX_CAUSE, type RunReport, expiresAt, formatTimings } from './report.js'
import { cut, plural } from './text.js'

export interface SummaryContent {
  heading: string
  /** HTML. */
  intro: string
  /** HTML cells: the header row first. */
  table: string[][]
  /** HTML. */
  closing: string
}

/** GitHub refuses a step summary over 1 MiB; the rest of the table is cut well before that. */
export const MAX_SUMMARY_BYTES = 900 * 1024
const MAX_NAME = 200

export function summaryContent(
  report: RunReport,
  timings: Readonly<Record<string, number>>
): SummaryContent {
  const embed = report.delivery === 'presigned-url' && report.embedImages
  const header = ['#', 'Graph', 'Object key', embed ? 'Image' : 'Status']
  const rows = report.graphs.map(({ graph, key, url, failure }) => [
    String(graph.position),
    escapeHtml(cut(graph.name, MAX_NAME)),
    key ? `<code>${escapeHtml(key)}</code>` : '',
    failure
      ? `failed: ${escapeHtml(cut(failure, MAX_CAUSE))}`
      : embed && url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(cut(graph.name, MAX_NAME))}" width="300">`
        : status(report, url)
  ])
  const sentence = `${plural(report.graphs.length, 'graph')} ${where(report)}. ${escapeHtml(posted(report))}`
  return {
    heading: 'CloudWatch graphs to Slack',
    intro: `<p>${sentence}</p>${alarmsSentence(report)}`,
    table: [header, ...withinLimit(rows)],
    closing: `<p>Timings: ${escapeHtml(formatTimings(timings))}</p>`
  }
}

/** The rows that fit in the summary; past the limit, one row says how many were left out. */
function withinLimit(rows: string[][]): string[][] {
  let bytes = 0
  const kept: string[][] = []
  for (const row of rows) {
    bytes += new TextEncoder().encode(row.join('')).length + 40
    if (bytes > MAX_SUMMARY_BYTES) {
      const left = rows.length - kept.length
      return [
        ...kept,
        [
          '…',
          `${plural(left, 'more graph')} not shown: the summary is cut to stay under GitHub's 1 MiB`,
          '',
          ''
        ]
      ]
    }
    kept.push(row)
  }
  return kept
}

/** A graph that did not fail: how far it got, and where Slack hosts it. */
function status(report: RunReport, url: string | undefined): string {
  if (report.delivery === 'presigned-url') return 'stored'
  if (report.dryRun) return 'rendered'
  return url ? `uploaded: <a href="${escapeHtml(url)}">in Slack</a>` : 'uploaded'
}

/** The alarms besides their graphs (which are rows): composite ones by name, or none firing. */
function alarmsSentence(report: RunReport): string {
  const part = report.alarms
  if (!part) return ''
  if (part.firing && part.alarms.length === 0) return '<p>Alarms: no alarm is firing.</p>'
  const composite = part.alarms.filter(alarm => alarm.kind === 'composite')
  const names = composite.map(alarm => `${alarm.name} (${alarm.state})`).join(', ')
  const listed = composite.length > 0 ? `; composite, as text: ${cut(names, 2000)}` : ''
  const graphs = part.alarms.length - composite.length
  return `<p>Alarms: ${escapeHtml(`${plural(part.alarms.length, 'alarm')}${part.firing ? ' firing' : ''}, ${graphs} with a graph${listed}`)}.</p>`
}

function where(report: RunReport): string {
  if (report.delivery === 'slack-upload') return 'hosted by Slack (no expiry)'
  const expires = expiresAt(report) || 'unknown: they end with the signing session'
  return `in <code>s3://${escapeHtml(report.bucket)}</code>, signed with ${report.signing} credentials; links work until <b>${escapeHtml(expires)}</b>`
}

function posted(report: RunReport): string {
  if (report.dryRun) return 'Dry run: nothing was posted to Slack.'
  const [first] = report.posts
  const refused = report.postFailure
    ? " Part of the report did not reach Slack: the step's error says where."
    : ''
  if (!first) return `Nothing was posted to Slack.${refused}`
  const channels = [...new Set(report.posts.map(post => post.channel))]
  if (channels.length === 1) {
    return `Posted ${plural(report.posts.length, 'message')} to Slack (channel ${first.channel}, ts ${first.ts}).${refused}`
  }
  const each = channels.map(
    channel => `${channel} (${report.posts.filter(post => post.channel === channel).length})`
  )
  return `Posted ${plural(report.posts.length, 'message')} to ${channels.length} Slack channels: ${each.join(', ')}.${refused}`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}
