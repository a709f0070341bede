// Orchestration only: validate everything, then fetch → upload → presign per graph (at most
// max-concurrency at once), check the URLs, post to Slack, report. The AWS SDK, the presigner and
// the Slack client are loaded after validation, so bad input fails fast, and while the first
// CloudWatch requests are in flight, so loading them costs no wall time.
import * as core from '@actions/core'
import { mapWithConcurrency } from './concurrency.js'
import { ActionError, describeError } from './errors.js'
import { type Inputs, getInputs } from './inputs.js'
import { objectKeys } from './keys.js'
import type { RunReport } from './outputs.js'

export async function run(): Promise<void> {
  const startedAt = performance.now()
  try {
    const inputs = getInputs()
    logInputs(inputs)
    const report = await render(inputs)
    report.timings.total = performance.now() - startedAt
    const { setOutputs, writeSummary, formatTimings } = await import('./outputs.js')
    setOutputs(report)
    await writeSummary(report)
    core.info(`Done in ${formatTimings(report.timings)}`)
  } catch (error) {
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(describeError(error))
  }
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

/** Everything the uploads wait for: the S3 code, the run's identity, and the signing decision. */
async function prepareUploads(inputs: Inputs) {
  const [s3, { context }, { resolveSigning }, verify] = await Promise.all([
    import('./aws/s3.js'),
    import('@actions/github'),
    import('./signing.js'),
    inputs.verifyUrls ? import('./verify.js') : undefined
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
  const keys = objectKeys(inputs.s3.keyPrefix, names, run, signing.signedAt)
  return { s3, context, signing, verify, uploadClient, keys }
}

async function render(inputs: Inputs): Promise<RunReport> {
  const timings: Record<string, number> = {}
  const graphsStart = performance.now()
  const cloudwatch = await import('./aws/cloudwatch.js')
  const cloudwatchClient = cloudwatch.createCloudWatchClient(inputs.awsRegion)
  // Starts now, runs while the first graphs are fetched; no upload happens before it is done.
  const preparing = prepareUploads(inputs)
  preparing.catch(() => undefined) // awaited below; this only keeps an early failure handled
  const checks: Promise<string | undefined>[] = []
  const { bucket } = inputs.s3

  const urls = await mapWithConcurrency(inputs.graphs, inputs.maxConcurrency, async (graph, i) => {
    const image = await cloudwatch.fetchGraphImage(cloudwatchClient, graph)
    const { s3, signing, verify, uploadClient, keys } = await preparing
    const key = keys[i] as string
    await s3.uploadPng(uploadClient, bucket, key, image)
    const url = await s3.presignGetUrl(
      signing.client,
      bucket,
      key,
      inputs.expiresInSeconds,
      signing.signedAt
    )
    // Checked outside the concurrency slot: the next graph need not wait for it.
    if (verify) checks[i] = verify.checkUrl({ key, url })
    const size = (image.length / 1024).toFixed(1)
    core.info(
      `${String(i + 1).padStart(2, '0')} ${graph.name}: ${size} KiB → s3://${bucket}/${key}`
    )
    return url
  })
  const { context, signing, keys } = await preparing
  timings.graphs = performance.now() - graphsStart

  if (inputs.verifyUrls) {
    const verifyStart = performance.now()
    const failures = (await Promise.all(checks)).filter(failure => failure !== undefined)
    if (failures.length > 0) {
      throw new ActionError(
        `${failures.length} of ${urls.length} presigned URLs do not serve their image, so Slack could not show them either:\n${failures.join('\n')}`
      )
    }
    timings.verify = performance.now() - verifyStart
    core.info(`Checked ${urls.length} URL${urls.length === 1 ? '' : 's'}: each serves its image`)
  }

  const slackStart = performance.now()
  const posts = await postToSlack(inputs, urls, signing.expiry, runUrl(context))
  if (!inputs.dryRun) timings.slack = performance.now() - slackStart
  return {
    names: inputs.graphs.map(graph => graph.name),
    keys,
    urls,
    bucket,
    expiry: signing.expiry,
    signing: signing.kind,
    posts,
    dryRun: inputs.dryRun,
    embedImages: context.payload.repository?.private === true,
    timings
  }
}

async function postToSlack(
  inputs: Inputs,
  urls: string[],
  expiry: import('./expiry.js').Expiry,
  runLink: string | undefined
) {
  const { buildMessages, defaultText } = await import('./message.js')
  const graphs = inputs.graphs.map((graph, i) => ({ name: graph.name, url: urls[i] as string }))
  const slack = inputs.slack
  const messages = buildMessages({
    text: slack?.text ?? defaultText(new Date()),
    graphs,
    expiry,
    runUrl: runLink
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
