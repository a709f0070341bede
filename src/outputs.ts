// Step outputs and the job summary. Presigned URLs are bearer links: the summary embeds them only
// in a private repository, and never when they carry a session token.
import * as core from '@actions/core'
import type { SigningKind } from './credentials.js'
import { type Expiry, formatInstant } from './expiry.js'
import type { GraphOutcome } from './pipeline.js'
import type { PostResult } from './slack.js'

export interface RunReport {
  /** Every graph, in the order given, with its key and URL or why it failed. */
  outcomes: GraphOutcome[]
  bucket: string
  expiry: Expiry
  signing: SigningKind
  posts: PostResult[]
  dryRun: boolean
  /** Embed the images in the summary. */
  embedImages: boolean
  timings: Record<string, number>
}

/** Outputs list the graphs that were stored and checked, in graph order. */
export function setOutputs(report: RunReport): void {
  const posted = report.outcomes.filter(outcome => outcome.url && !outcome.failure)
  core.setOutput('image-urls', JSON.stringify(posted.map(outcome => outcome.url)))
  core.setOutput('object-keys', JSON.stringify(posted.map(outcome => outcome.key)))
  core.setOutput(
    'expires-at',
    report.expiry.effective ? formatInstant(report.expiry.effective) : ''
  )
  core.setOutput('signing-credentials', report.signing)
  core.setOutput('slack-ts', report.posts[0]?.ts ?? '')
  core.setOutput('slack-channel', report.posts[0]?.channel ?? '')
}

export async function writeSummary(report: RunReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const expires = report.expiry.effective
    ? formatInstant(report.expiry.effective)
    : 'unknown: they end with the signing session'
  const header = [
    { data: '#', header: true },
    { data: 'Graph', header: true },
    { data: 'Object key', header: true },
    { data: report.embedImages ? 'Image' : 'Status', header: true }
  ]
  const rows = report.outcomes.map(({ graph, key, url, failure }) => [
    String(graph.position),
    escapeHtml(graph.name),
    key ? `<code>${escapeHtml(key)}</code>` : '',
    failure
      ? `failed: ${escapeHtml(failure)}`
      : report.embedImages && url
        ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(graph.name)}" width="300">`
        : 'stored'
  ])
  const count = report.outcomes.length
  const posted = report.dryRun
    ? 'Dry run: nothing was posted to Slack.'
    : report.posts.length > 0
      ? `Posted ${report.posts.length} message${report.posts.length === 1 ? '' : 's'} to Slack (channel ${report.posts[0]?.channel}, ts ${report.posts[0]?.ts}).`
      : 'Nothing was posted to Slack.'
  await core.summary
    .addHeading('CloudWatch graphs to Slack', 2)
    .addRaw(
      `<p>${count} graph${count === 1 ? '' : 's'} in <code>s3://${escapeHtml(report.bucket)}</code>, signed with ${report.signing} credentials; links work until <b>${escapeHtml(expires)}</b>. ${escapeHtml(posted)}</p>`,
      true
    )
    .addTable([header, ...rows])
    .addRaw(`<p>Timings: ${escapeHtml(formatTimings(report.timings))}</p>`, true)
    .write()
}

export function formatTimings(timings: Record<string, number>): string {
  return Object.entries(timings)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
    .join(', ')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}
