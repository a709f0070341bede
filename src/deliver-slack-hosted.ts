// delivery: slack-upload. Fetch every graph, then a header message (text, context line), then
// the PNGs uploaded to Slack and shared under it: in the channel, or as replies in its thread.
import * as core from '@actions/core'
import { mapWithConcurrency } from './concurrency.js'
import { ActionError, describeError } from './errors.js'
import { describeFailures } from './failures.js'
import type { Inputs } from './inputs.js'
import type { RunReport } from './outputs.js'
import { type GraphOutcome, label } from './pipeline.js'
import { enterPhase } from './phases.js'
import { readRunInfo } from './run-info.js'
import type { Graph } from './widgets.js'
import type { CloudWatchAccess } from './pipeline.js'

export async function deliverSlackHosted(
  inputs: Inputs,
  graphs: readonly Graph[],
  cloudwatch: CloudWatchAccess,
  timings: Record<string, number>
): Promise<RunReport> {
  const graphsStart = performance.now()
  enterPhase('rendering graphs')
  /** By graph position - 1. */
  const pngs: (Uint8Array | undefined)[] = []
  const outcomes = await mapWithConcurrency(graphs, inputs.maxConcurrency, async (graph, i) => {
    const outcome: GraphOutcome = { graph }
    try {
      pngs[i] = await cloudwatch.fetchImage(cloudwatch.client, graph)
      outcome.bytes = pngs[i]?.length
      core.info(`${label(graph)}: ${((outcome.bytes ?? 0) / 1024).toFixed(1)} KiB`)
    } catch (error) {
      outcome.failure = describeError(error)
    }
    return outcome
  })
  timings.graphs = performance.now() - graphsStart
  const run = readRunInfo()
  const rendered = outcomes.filter(outcome => !outcome.failure)
  if (rendered.length === 0) {
    throw new ActionError(
      `No graph could be rendered, so nothing was posted:\n${describeFailures(outcomes)}`
    )
  }
  const report: RunReport = {
    outcomes,
    bucket: '',
    expiry: 'slack',
    signing: 'none',
    posts: [],
    dryRun: inputs.dryRun,
    embedImages: false,
    timings
  }
  const slack = inputs.slack
  if (inputs.dryRun || !slack) {
    core.info('Dry run: nothing uploaded to Slack')
    return report
  }

  enterPhase('uploading to Slack')
  const slackStart = performance.now()
  const [
    { buildHeader, defaultText },
    { createSlackClient, postMessages, sleep, MESSAGE_INTERVAL_MS }
  ] = await Promise.all([import('./message.js'), import('./slack.js')])
  const { uploadFiles, shareFiles, FILES_PER_MESSAGE } = await import('./slack-upload.js')
  const client = createSlackClient(slack.token, slack.apiUrl)
  // The bytes first: only what reached Slack is announced, so a missing scope or a failed upload
  // never leaves a header without graphs.
  const uploads = await uploadFiles(
    client,
    rendered.map(outcome => ({
      name: outcome.graph.name,
      position: outcome.graph.position,
      png: pngs[outcome.graph.position - 1] as Uint8Array
    }))
  )
  const uploaded = rendered.flatMap((outcome, i) => {
    const result = uploads[i]
    if (result instanceof Error || !result) {
      outcome.failure = result?.message ?? 'not uploaded'
      return []
    }
    return [{ outcome, file: result }]
  })
  if (uploaded.length === 0) {
    throw new ActionError(
      `No graph could be uploaded to Slack, so nothing was posted:\n${describeFailures(outcomes)}`
    )
  }
  const header = buildHeader({
    text: slack.text ?? defaultText(new Date()),
    expiry: 'slack',
    runUrl: run.runUrl,
    missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name)
  })
  const [posted] = await postMessages(client, slack.channel, [header], { threadTs: slack.threadTs })
  if (!posted) throw new ActionError('Slack returned no message for the header')
  const threaded = slack.thread === 'images'
  await sleep(MESSAGE_INTERVAL_MS) // the files' messages follow the header at Slack's pace
  const shared = await shareFiles(
    client,
    posted.channel,
    uploaded.map(({ file }) => file),
    {
      threadTs: threaded ? posted.ts : slack.threadTs,
      perMessage: threaded ? 1 : FILES_PER_MESSAGE,
      paceMs: MESSAGE_INTERVAL_MS
    }
  )
  uploaded.forEach(({ outcome }, i) => {
    const permalink = shared.permalinks[i]
    if (permalink === undefined) outcome.failure = shared.failure ?? 'not shared'
    else outcome.url = permalink
    if (permalink === '') core.warning(`Slack shared '${outcome.graph.name}' but gave no permalink`)
  })
  const count =
    uploaded.length - (shared.failure ? shared.permalinks.filter(p => p === undefined).length : 0)
  core.info(`Shared ${count} graph(s) in Slack under message ${posted.ts} in ${posted.channel}`)
  timings.slack = performance.now() - slackStart
  return { ...report, posts: [posted] }
}
