// Step outputs and the job summary. Presigned URLs are bearer links: the summary embeds them only
// in a private repository, and never when they carry a session token.
import * as core from '@actions/core'
import type { SigningKind } from './credentials.js'
import { formatInstant } from './expiry.js'
import type { Hosting } from './message.js'
import type { GraphOutcome } from './pipeline.js'
import type { PostResult } from './slack.js'

export interface RunReport {
  /** Every graph, in the order given, with its key and URL or why it failed. */
  outcomes: GraphOutcome[]
  /** '' with delivery: slack-upload. */
  bucket: string
  expiry: Hosting
  /** 'none' when nothing was signed (delivery: slack-upload). */
  signing: SigningKind | 'none'
  posts: PostResult[]
  /** Why Slack refused a message after others were posted. */
  postFailure?: string
  dryRun: boolean
  /** Embed the images in the summary. */
  embedImages: boolean
  timings: Record<string, number>
}

/** Outputs list the graphs that were stored and checked, in graph order. */
export function setOutputs(report: RunReport): void {
  const posted = report.outcomes.filter(outcome => outcome.url && !outcome.failure)
  core.setOutput('image-urls', JSON.stringify(posted.map(outcome => outcome.url)))
  const keys = posted.flatMap(outcome => (outcome.key ? [outcome.key] : []))
  core.setOutput('object-keys', JSON.stringify(keys))
  core.setOutput('expires-at', expiresAt(report.expiry) ?? '')
  core.setOutput('signing-credentials', report.signing)
  core.setOutput('slack-ts', report.posts[0]?.ts ?? '')
  core.setOutput('slack-channel', report.posts[0]?.channel ?? '')
}

export async function writeSummary(report: RunReport): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const expires = escapeHtml(
    report.expiry === 'slack'
      ? ''
      : (expiresAt(report.expiry) ?? 'unknown: they end with the signing session')
  )
  const where =
    report.expiry === 'slack'
      ? 'hosted by Slack (no expiry)'
      : `in <code>s3://${escapeHtml(report.bucket)}</code>, signed with ${report.signing} credentials; links work until <b>${expires}</b>`
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
        : report.dryRun && report.expiry === 'slack'
          ? 'rendered'
          : report.expiry === 'slack'
            ? 'uploaded'
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
    .addRaw(`<p>${count} graph${count === 1 ? '' : 's'} ${where}. ${escapeHtml(posted)}</p>`, true)
    .addTable([header, ...rows])
    .addRaw(`<p>Timings: ${escapeHtml(formatTimings(report.timings))}</p>`, true)
    .write()
}

function expiresAt(expiry: Hosting): string | undefined {
  if (expiry === 'slack' || !expiry.effective) return undefined
  return formatInstant(expiry.effective)
}

export function formatTimings(timings: Record<string, number>): string {
  return Object.entries(timings)
    .map(([phase, ms]) => `${phase} ${(ms / 1000).toFixed(2)} s`)
    .join(', ')
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => `&#${char.charCodeAt(0)};`)
}
