// delivery: presigned-url. fetch → upload → presign → check per graph (pipeline.ts), then the
// Slack message(s) with image blocks. The S3 code, the run's identity and the signing decision
// load while the first graphs are fetched.
import * as core from '@actions/core'
import { ActionError, PostError } from './errors.js'
import type { Expiry } from './expiry.js'
import type { Inputs } from './inputs.js'
import { objectKeys } from './keys.js'
import type { RunReport } from './outputs.js'
import { type GraphOutcome, type UploadPlan, renderGraphs } from './pipeline.js'
import { enterPhase } from './phases.js'
import { type RunInfo, readRunInfo } from './run-info.js'
import type { WebClient } from '@slack/web-api'
import type { PostResult } from './slack.js'
import type { Graph } from './widgets.js'
import type { CloudWatchAccess } from './pipeline.js'
import { describeFailures } from './failures.js'

/** Everything the uploads wait for: the S3 code, the run's identity, and the signing decision. */
async function prepareUploads(inputs: Inputs, graphs: readonly Graph[]) {
  const run = readRunInfo()
  const [s3, { resolveSigning }] = await Promise.all([
    import('./aws/s3.js'),
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
  const names = graphs.map(graph => graph.name)
  const plan: UploadPlan = {
    uploadClient,
    presignClient: signing.client,
    signedAt: signing.signedAt,
    keys: objectKeys(inputs.s3.keyPrefix, names, run, signing.signedAt)
  }
  return { s3, run, signing, plan }
}

/** How long the upload preparation waits for the first CloudWatch request to leave. */
const FIRST_REQUEST_WAIT_MS = 250

export async function deliverPresigned(
  inputs: Inputs,
  graphs: readonly Graph[],
  cloudwatch: CloudWatchAccess,
  timings: Record<string, number>
): Promise<RunReport> {
  const graphsStart = performance.now()
  enterPhase('rendering graphs')
  // Runs while the first graphs are fetched; no upload happens before it is done. It starts once
  // the first CloudWatch request has left, so loading the S3 code does not delay that request
  // (or after a moment, if no request leaves at all: its errors then say why).
  const firstRequest = new Promise<void>(resolve => {
    const timer = setTimeout(resolve, FIRST_REQUEST_WAIT_MS)
    void cloudwatch.requestSent.then(() => {
      clearTimeout(timer)
      resolve()
    })
  })
  const preparing = firstRequest.then(() => prepareUploads(inputs, graphs))
  const plan = preparing.then(prepared => prepared.plan)
  plan.catch(() => undefined) // awaited below; this only keeps an early failure handled
  const verify = inputs.verifyUrls ? import('./verify.js') : undefined
  verify?.catch(() => undefined) // a failed load surfaces in each check
  // The Slack code and client get ready while the last URL checks are out: once every graph is
  // stored, when this process is only waiting.
  let slackReady: Promise<SlackSide> | undefined
  const prepareSlack = () => (slackReady ??= prepareSlackSide(inputs))
  const outcomes = await renderGraphs(
    graphs,
    {
      bucket: inputs.s3.bucket,
      expiresInSeconds: inputs.expiresInSeconds,
      maxConcurrency: inputs.maxConcurrency
    },
    {
      fetchImage: cloudwatch.fetchImage,
      cloudwatch: cloudwatch.client,
      plan,
      upload: async (...args) => (await preparing).s3.uploadPng(...args),
      presign: async (...args) => (await preparing).s3.presignGetUrl(...args),
      check: verify ? async (_key, url) => (await verify).checkUrl(url) : undefined,
      onStored: () => void prepareSlack().catch(() => undefined) // awaited when posting
    }
  )
  const { run, signing } = await preparing // its failure is every graph's failure
  timings.graphs = performance.now() - graphsStart
  const posted = outcomes.filter(outcome => outcome.url && !outcome.failure)
  if (posted.length === 0) {
    throw new ActionError(
      `No graph could be rendered and stored, so nothing was posted:\n${describeFailures(outcomes)}`
    )
  }
  if (verify) {
    const count = `${posted.length} URL${posted.length === 1 ? '' : 's'}`
    core.info(`Checked ${count}: each serves its image`)
  }

  enterPhase('posting to Slack')
  const slackStart = performance.now()
  let posts: PostResult[]
  let postFailure: string | undefined
  try {
    posts = await postToSlack(inputs, outcomes, signing.expiry, run, await prepareSlack())
  } catch (error) {
    // Some messages are in the channel: report them (outputs, summary), then fail.
    if (!(error instanceof PostError)) throw error
    posts = error.posted
    postFailure = error.message
  }
  if (posts.length > 0) timings.slack = performance.now() - slackStart
  return {
    outcomes,
    bucket: inputs.s3.bucket,
    expiry: signing.expiry,
    signing: signing.kind,
    posts,
    postFailure,
    dryRun: inputs.dryRun,
    // Session-signed URLs carry the session token: never in a summary, even a private one.
    embedImages: run.privateRepository && signing.kind === 'long-term',
    timings
  }
}

interface SlackSide {
  message: typeof import('./message.js')
  /** Absent when nothing is posted (a dry run). */
  slack?: { code: typeof import('./slack.js'); client: WebClient }
}

/** The message builder, and the Slack client unless nothing will be posted. */
async function prepareSlackSide(inputs: Inputs): Promise<SlackSide> {
  const settings = inputs.dryRun ? undefined : inputs.slack
  const [message, code] = await Promise.all([
    import('./message.js'),
    settings ? import('./slack.js') : undefined
  ])
  if (!settings || !code) return { message }
  return {
    message,
    slack: { code, client: code.createSlackClient(settings.token, settings.apiUrl) }
  }
}

async function postToSlack(
  inputs: Inputs,
  outcomes: readonly GraphOutcome[],
  expiry: Expiry,
  run: RunInfo,
  side: SlackSide
): Promise<PostResult[]> {
  const { buildMessages, buildThread, defaultText } = side.message
  const slack = inputs.slack
  const options = {
    text: slack?.text ?? defaultText(new Date()),
    graphs: outcomes
      .filter(outcome => outcome.url && !outcome.failure)
      .map(outcome => ({ name: outcome.graph.name, url: outcome.url as string })),
    expiry,
    runUrl: run.runUrl,
    missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name)
  }
  if (!slack || !side.slack) {
    core.info('Dry run: nothing posted to Slack')
    return []
  }
  const { postMessages, postThread, MESSAGE_INTERVAL_MS } = side.slack.code
  const client = side.slack.client
  const posts =
    slack.thread === 'images'
      ? await postThread(client, slack.channel, buildThread(options), {
          paceMs: MESSAGE_INTERVAL_MS
        })
      : // A few messages in a row are within Slack's burst allowance: not paced.
        await postMessages(client, slack.channel, buildMessages(options), {
          threadTs: slack.threadTs
        })
  core.info(`Posted ${posts.length} message(s) to ${posts[0]?.channel} (ts ${posts[0]?.ts})`)
  return posts
}
