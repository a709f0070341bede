// The job summary's content: a sentence on where the graphs are, a table with a row per graph, and
// the timings. Presigned URLs are bearer links: the table embeds them only when the report allows
// it (a private repository, URLs that carry no session token).
import { type RunReport, expiresAt, formatTimings } from './report.js'
import { plural } from './text.js'

export interface SummaryContent {
  heading: string
  /** HTML. */
  intro: string
  /** HTML cells: the header row first. */
  table: string[][]
  /** HTML. */
  closing: string
}

export function summaryContent(
  report: RunReport,
  timings: Readonly<Record<string, number>>
): SummaryContent {
  const embed = report.delivery === 'presigned-url' && report.embedImages
  const header = ['#', 'Graph', 'Object key', embed ? 'Image' : 'Status']
  const rows = report.graphs.map(({ graph, key, url, failure }) => [
    String(graph.position),
    escapeHtml(graph.name),
    key ? `<code>${escapeHtml(key)}</code>` : '',
    failure
      ? `failed: ${escapeHtml(failure)}`
      : embed && url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(graph.name)}" width="300">`
        : status(report)
  ])
  const sentence = `${plural(report.graphs.length, 'graph')} ${where(report)}. ${escapeHtml(posted(report))}`
  return {
    heading: 'CloudWatch graphs to Slack',
    intro: `<p>${sentence}</p>`,
    table: [header, ...rows],
    closing: `<p>Timings: ${escapeHtml(formatTimings(timings))}</p>`
  }
}

/** A graph that did not fail: how far it got. */
function status(report: RunReport): string {
  if (report.delivery === 'presigned-url') return 'stored'
  return report.dryRun ? 'rendered' : 'uploaded'
}

function where(report: RunReport): string {
  if (report.delivery === 'slack-upload') return 'hosted by Slack (no expiry)'
  const expires = expiresAt(report) || 'unknown: they end with the signing session'
  return `in <code>s3://${escapeHtml(report.bucket)}</code>, signed with ${report.signing} credentials; links work until <b>${escapeHtml(expires)}</b>`
}

function posted(report: RunReport): string {
  if (report.dryRun) return 'Dry run: nothing was posted to Slack.'
  const [first] = report.posts
  if (!first) return 'Nothing was posted to Slack.'
  return `Posted ${plural(report.posts.length, 'message')} to Slack (channel ${first.channel}, ts ${first.ts}).`
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}
