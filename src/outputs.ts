// Step outputs and the job summary. Presigned URLs are bearer links: the summary embeds them only
// in a private repository, where the people who can read the summary could read the bucket anyway.
import * as core from '@actions/core'
import type { SigningKind } from './credentials.js'
import { type Expiry, formatInstant } from './expiry.js'
import type { PostResult } from './slack.js'

export interface RunReport {
  names: string[]
  keys: string[]
  urls: string[]
  bucket: string
  expiry: Expiry
  signing: SigningKind
  posts: PostResult[]
  dryRun: boolean
  /** Embed the images in the summary (private repository only). */
  embedImages: boolean
  timings: Record<string, number>
}

export function setOutputs(report: RunReport): void {
  core.setOutput('image-urls', JSON.stringify(report.urls))
  core.setOutput('object-keys', JSON.stringify(report.keys))
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
    : 'unknown: ends with the signing session'
  const header = [
    { data: '#', header: true },
    { data: 'Graph', header: true },
    { data: 'Object key', header: true },
    ...(report.embedImages ? [{ data: 'Image', header: true }] : [])
  ]
  const rows = report.names.map((name, index) => [
    String(index + 1),
    escapeHtml(name),
    `<code>${escapeHtml(report.keys[index] ?? '')}</code>`,
    ...(report.embedImages
      ? [
          `<img src="${escapeHtml(report.urls[index] ?? '')}" alt="${escapeHtml(name)}" width="300">`
        ]
      : [])
  ])
  const posted = report.dryRun
    ? 'Dry run: nothing was posted to Slack.'
    : `Posted ${report.posts.length} message${report.posts.length === 1 ? '' : 's'} to Slack (channel ${report.posts[0]?.channel ?? '?'}, ts ${report.posts[0]?.ts ?? '?'}).`
  await core.summary
    .addHeading('CloudWatch graphs to Slack', 2)
    .addRaw(
      `<p>${report.names.length} graph${report.names.length === 1 ? '' : 's'} in <code>s3://${escapeHtml(report.bucket)}</code>, signed with ${report.signing} credentials; links work until <b>${escapeHtml(expires)}</b>. ${escapeHtml(posted)}</p>`,
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
