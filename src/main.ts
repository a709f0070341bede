// Orchestration only: validate everything, read the dashboards, then hand the graphs to the
// delivery (presigned URLs, or Slack-hosted files), then report. The AWS SDK, the presigner and the
// Slack client load after validation, so bad input fails fast.
import * as core from '@actions/core'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { mapWithConcurrency } from './concurrency.js'
import { formatSeconds } from './duration.js'
import { ActionError, describeError } from './errors.js'
import { describeFailures } from './failures.js'
import { type Inputs, getInputs } from './inputs.js'
import { currentPhase, endPhases, enterPhase } from './phases.js'
import type { Graph } from './widgets.js'

export async function run(): Promise<void> {
  const startedAt = performance.now()
  let deadline: NodeJS.Timeout | undefined
  try {
    enterPhase('reading inputs')
    const inputs = await getInputs()
    logInputs(inputs)
    deadline = startDeadline(inputs.timeoutSeconds)
    const timings: Record<string, number> = {}
    const cloudwatch = await import('./aws/cloudwatch.js')
    let signalSent = () => {}
    const requestSent = new Promise<void>(resolve => (signalSent = resolve))
    const client = cloudwatch.createCloudWatchClient(inputs.awsRegion, () => signalSent())
    const graphs = await collectGraphs(inputs, client, cloudwatch.readDashboard)
    const deliver =
      inputs.delivery === 'slack-upload'
        ? (await import('./deliver-slack-hosted.js')).deliverSlackHosted
        : (await import('./deliver-presigned.js')).deliverPresigned
    const report = await deliver(
      inputs,
      graphs,
      { client, fetchImage: cloudwatch.fetchGraphImage, requestSent },
      timings
    )
    timings.total = performance.now() - startedAt
    enterPhase('reporting')
    const { setOutputs, writeSummary, formatTimings } = await import('./outputs.js')
    setOutputs(report)
    await writeSummary(report)
    endPhases()
    core.info(`Done in ${formatTimings(timings)}`)
    if (report.postFailure) throw new ActionError(report.postFailure)
    const failed = report.outcomes.filter(outcome => outcome.failure)
    if (failed.length > 0) {
      const others = report.outcomes.length - failed.length
      throw new ActionError(
        `${failed.length} of ${report.outcomes.length} graphs failed; the other ${others} ${report.dryRun ? 'were rendered' : 'were posted'}:\n${describeFailures(failed)}`
      )
    }
  } catch (error) {
    endPhases()
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack)
    core.setFailed(describeError(error))
  } finally {
    clearTimeout(deadline)
  }
}

/** A scheduled run must never hang: past the deadline the action fails and exits. */
function startDeadline(seconds: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    const phase = currentPhase()
    endPhases()
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
  const dashboards =
    inputs.dashboards.length > 0 ? ` + dashboards ${inputs.dashboards.join(', ')}` : ''
  const where =
    inputs.delivery === 'slack-upload'
      ? 'delivery: slack-upload'
      : `s3://${inputs.s3.bucket}/${inputs.s3.keyPrefix} in ${inputs.s3.region}; signer: ${inputs.signer.kind}; expires-in ${inputs.expiresInSeconds} s`
  core.info(
    `${count} graph${count === 1 ? '' : 's'}${dashboards}; CloudWatch in ${inputs.awsRegion}; ${where}; ` +
      `max-concurrency ${inputs.maxConcurrency}${inputs.dryRun ? '; dry run' : ''}`
  )
}

/** The graphs of widgets / widgets-file, then every metric widget of each dashboard, numbered. */
async function collectGraphs(
  inputs: Inputs,
  client: CloudWatchClient,
  readDashboard: (client: CloudWatchClient, name: string, region: string) => Promise<string>
): Promise<Graph[]> {
  if (inputs.dashboards.length === 0) return inputs.graphs
  enterPhase('reading dashboards')
  const { dashboardGraphs } = await import('./dashboards.js')
  const bodies = await mapWithConcurrency(inputs.dashboards, inputs.maxConcurrency, name =>
    readDashboard(client, name, inputs.awsRegion)
  )
  const fromDashboards = inputs.dashboards.flatMap((name, i) => {
    let content
    try {
      content = dashboardGraphs(name, bodies[i] ?? '{}')
    } catch (error) {
      throw new ActionError(`Dashboard '${name}' cannot be read: ${describeError(error)}`)
    }
    for (const widget of content.skipped) {
      core.notice(
        `Dashboard '${name}': skipped the ${widget.type} widget '${widget.title}' (only metric widgets are graphs)`
      )
    }
    core.info(
      `Dashboard '${name}': ${content.graphs.length} graph(s), ${content.skipped.length} other widget(s) skipped`
    )
    return content.graphs
  })
  const graphs = [...inputs.graphs, ...fromDashboards].map((graph, i) => ({
    ...graph,
    position: i + 1
  }))
  if (graphs.length === 0) {
    throw new ActionError(
      `The dashboards ${inputs.dashboards.join(', ')} have no metric widgets: nothing to post`
    )
  }
  return graphs
}
