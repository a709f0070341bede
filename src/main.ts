// Orchestration only: validate everything, then fetch → upload → presign → check per graph, post
// to Slack, report. The AWS SDK, the presigner and the Slack client load after validation, so bad
// input fails fast, and while the first CloudWatch requests are in flight, so loading them costs
// no wall time.
import * as core from '@actions/core'
import { formatSeconds } from './duration.js'
import { ActionError, describeError } from './errors.js'
import type { Expiry } from './expiry.js'
import { type Inputs, getInputs } from './inputs.js'
import { objectKeys } from './keys.js'
import type { RunReport } from './outputs.js'
import { type GraphOutcome, type UploadPlan, label, renderGraphs } from './pipeline.js'
import type { PostResult } from './slack.js'

let phase = 'reading inputs'

export async function run(): Promise<void> {
  const startedAt = performance.now()
  let deadline: NodeJS.Timeout | undefined
  try {
    const inputs = getInputs()
    logInputs(inputs)
    deadline = startDeadline(inputs.timeoutSeconds)
    const report = await render(inputs)
    report.timings.total = performance.now() - startedAt
    phase = 'reporting'
    const { setOutputs, writeSummary, formatTimings } = await import('./outputs.js')
    setOutputs(report)
    await writeSummary(report)
    core.info(`Done in ${formatTimings(report.timings)}`)
    const failed = report.outcomes.filter(outcome => outcome.failure)
    if (failed.length > 0) {
      const posted = report.outcomes.length - failed.length
      throw new ActionError(
        `${failed.length} of ${report.outcomes.length} graphs failed; the other ${posted} ${report.dryRun ? 'were rendered' : 'were posted'}:\n${describeFailures(failed)}`
      )
    }
  } catch (error) {
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(describeError(error))
  } finally {
    clearTimeout(deadline)
  }
}

/** A scheduled run must never hang: past the deadline the action fails and exits. */
function startDeadline(seconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    core.setFailed(
      `The action did not finish within ${formatSeconds(seconds)} (input 'timeout') and was stopped while ${phase}.`
    )
    process.exit(1)
  }, seconds * 1000)
  timer.unref()
  return timer
}

function logInputs(inputs: Inputs): void {
  const count = inputs.graphs.length
  core.info(
    `${count} graph${count === 1 ? '' : 's'}; CloudWatch in ${inputs.awsRegion}; ` +
      `s3://${inputs.s3.bucket}/${inputs.s3.keyPrefix} in ${inputs.s3.region}; ` +
      `signer: ${inputs.signer.kind}; expires-in ${inputs.expiresInSeconds} s; ` +
      `max-concurrency ${inputs.maxConcurrency}${inputs.dryRun ? '; dry run' : ''}`
  )
}

/** Failures grouped by cause, so one wrong secret reads as one line, not fifty. */
export function describeFailures(failed: readonly GraphOutcome[]): string {
  const byCause = new Map<string, string[]>()
  for (const outcome of failed) {
    const cause = outcome.failure ?? 'unknown'
    byCause.set(cause, [...(byCause.get(cause) ?? []), label(outcome.graph)])
  }
  return [...byCause].map(([cause, graphs]) => `- ${graphs.join(', ')}: ${cause}`).join('\n')
}

/** Everything the uploads wait for: the S3 code, the run's identity, and the signing decision. */
async function prepareUploads(inputs: Inputs) {
  const [s3, { context }, { resolveSigning }] = await Promise.all([
    import('./aws/s3.js'),
    import('@actions/github'),
    import('./signing.js')
  ])
  const uploadClient = s3.createS3Client(inputs.s3)
  const signing = await resolveSigning(inputs, {
    createS3Client: s3.createS3Client,
    readSsmKeys: async (idParameter, secretParameter) => {
      const ssm = await import('./aws/ssm.js')
      const client = ssm.createSsmClient(inputs.awsRegion)
      return ssm.readSigningKeys(client, idParameter, secretParameter)
    },
    workflowClient: uploadClient,
    now: () => new Date()
  })
  const names = inputs.graphs.map(graph => graph.name)
  const run = { runId: context.runId, runAttempt: context.runAttempt }
  const plan: UploadPlan = {
    uploadClient,
    presignClient: signing.client,
    signedAt: signing.signedAt,
    keys: objectKeys(inputs.s3.keyPrefix, names, run, signing.signedAt)
  }
  return { s3, context, signing, plan }
}

async function render(inputs: Inputs): Promise<RunReport> {
  const timings: Record<string, number> = {}
  const graphsStart = performance.now()
  phase = 'rendering graphs'
  const cloudwatch = await import('./aws/cloudwatch.js')
  const cloudwatchClient = cloudwatch.createCloudWatchClient(inputs.awsRegion)
  // Starts now and runs while the first graphs are fetched; no upload happens before it is done.
  const preparing = prepareUploads(inputs)
  const plan = preparing.then(prepared => prepared.plan)
  plan.catch(() => undefined) // awaited below; this only keeps an early failure handled
  const verify = inputs.verifyUrls ? import('./verify.js') : undefined
  const outcomes = await renderGraphs(
    inputs.graphs,
    {
      bucket: inputs.s3.bucket,
      expiresInSeconds: inputs.expiresInSeconds,
      maxConcurrency: inputs.maxConcurrency
    },
    {
      fetchImage: cloudwatch.fetchGraphImage,
      cloudwatch: cloudwatchClient,
      plan,
      upload: async (...args) => (await preparing).s3.uploadPng(...args),
      presign: async (...args) => (await preparing).s3.presignGetUrl(...args),
      check: verify ? async (_key, url) => (await verify).checkUrl(url) : undefined
    }
  )
  const { context, signing } = await preparing // its failure is every graph's failure
  timings.graphs = performance.now() - graphsStart
  const posted = outcomes.filter(outcome => outcome.url && !outcome.failure)
  if (posted.length === 0) {
    throw new ActionError(
      `No graph could be rendered and stored, so nothing was posted:\n${describeFailures(outcomes)}`
    )
  }
  if (verify)
    core.info(
      `Checked ${posted.length} URL${posted.length === 1 ? '' : 's'}: each serves its image`
    )

  phase = 'posting to Slack'
  const slackStart = performance.now()
  const missing = outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name)
  const posts = await postToSlack(inputs, posted, missing, signing.expiry, runUrl(context))
  if (!inputs.dryRun) timings.slack = performance.now() - slackStart
  return {
    outcomes,
    bucket: inputs.s3.bucket,
    expiry: signing.expiry,
    signing: signing.kind,
    posts,
    dryRun: inputs.dryRun,
    // Session-signed URLs carry the session token: never in a summary, even a private one.
    embedImages: context.payload.repository?.private === true && signing.kind === 'long-term',
    timings
  }
}

async function postToSlack(
  inputs: Inputs,
  posted: readonly GraphOutcome[],
  missing: string[],
  expiry: Expiry,
  runLink: string | undefined
): Promise<PostResult[]> {
  const { buildMessages, defaultText } = await import('./message.js')
  const slack = inputs.slack
  const messages = buildMessages({
    text: slack?.text ?? defaultText(new Date()),
    graphs: posted.map(outcome => ({ name: outcome.graph.name, url: outcome.url as string })),
    expiry,
    runUrl: runLink,
    missing
  })
  if (inputs.dryRun || !slack) {
    core.info(`Dry run: ${messages.length} Slack message(s) built, none posted`)
    return []
  }
  const { createSlackClient, postMessages } = await import('./slack.js')
  const client = createSlackClient(slack.token, slack.apiUrl)
  const posts = await postMessages(client, slack.channel, messages, slack.threadTs)
  core.info(`Posted ${posts.length} message(s) to ${posts[0]?.channel} (ts ${posts[0]?.ts})`)
  return posts
}

/** The run's page, when this is a run on GitHub. */
function runUrl(context: {
  serverUrl: string
  runId: number
  runAttempt: number
}): string | undefined {
  const repository = process.env.GITHUB_REPOSITORY
  if (!repository || !(context.runId > 0)) return undefined
  const attempt = context.runAttempt > 0 ? `/attempts/${context.runAttempt}` : ''
  return `${context.serverUrl}/${repository}/actions/runs/${context.runId}${attempt}`
}
