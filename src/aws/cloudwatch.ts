import {
  CloudWatchClient,
  GetDashboardCommand,
  GetMetricWidgetImageCommand
} from '@aws-sdk/client-cloudwatch'
import { ActionError } from '../errors.js'
import type { Graph } from '../widgets.js'
import { clientSettings } from './clients.js'
import { awsErrorCode, awsErrorText } from './errors.js'
import { CLOUDWATCH_QUOTA_PER_SECOND, ThrottlePacer, pacerPlugin } from './pacer.js'

/**
 * `onSend` is called as each GetMetricWidgetImage request leaves, for start-up ordering: two turns
 * of the event loop after the HTTP handler took it, so the handler has opened its connection (on
 * loopback, connected it) before the code loaded next takes the thread. Called at once, that code's
 * compiling (tens of ms) ran before the request's socket even existed.
 */
export function createCloudWatchClient(region: string, onSend?: () => void): CloudWatchClient {
  // Standard retries with more attempts, and a pacer that spaces attempts to the quota once
  // CloudWatch throttles (measured: adaptive mode's own limiter falls to about one call a second
  // after a burst, and stays there).
  const client = new CloudWatchClient({ ...clientSettings(region), maxAttempts: 8 })
  client.middlewareStack.use(pacerPlugin(new ThrottlePacer(CLOUDWATCH_QUOTA_PER_SECOND)))
  if (onSend) {
    client.middlewareStack.add(
      (next, context) => args => {
        const sent = next(args)
        // Dashboards are read first with the same client: only a graph's request counts.
        if (context.commandName === 'GetMetricWidgetImageCommand') {
          setImmediate(() => setImmediate(onSend))
        }
        return sent
      },
      { step: 'deserialize', name: 'onSend', priority: 'low' }
    )
  }
  return client
}

/** The graph as PNG bytes, exactly as CloudWatch rendered it. */
export async function fetchGraphImage(client: CloudWatchClient, graph: Graph): Promise<Uint8Array> {
  let image: Uint8Array | undefined
  try {
    const response = await client.send(
      new GetMetricWidgetImageCommand({ MetricWidget: graph.metricWidget, OutputFormat: 'png' })
    )
    image = response.MetricWidgetImage
  } catch (error) {
    throw new ActionError(
      `CloudWatch could not render graph ${graph.position} ('${graph.name}'): ${awsErrorText(error)}`,
      { cause: error }
    )
  }
  if (!image || image.length === 0) {
    throw new ActionError(
      `CloudWatch returned no image for graph ${graph.position} ('${graph.name}')`
    )
  }
  return image
}

/** A dashboard's body (JSON text), as saved. */
export async function readDashboard(
  client: CloudWatchClient,
  name: string,
  region: string
): Promise<string> {
  try {
    const response = await client.send(new GetDashboardCommand({ DashboardName: name }))
    return response.DashboardBody ?? '{}'
  } catch (error) {
    const code = awsErrorCode(error)
    const hint =
      code === 'ResourceNotFound' || code === 'DashboardNotFoundError'
        ? ` Check the name (case matters) and that the dashboard is in ${region} (aws-region).`
        : code === 'AccessDenied' || code === 'AccessDeniedException'
          ? " The workflow's role needs cloudwatch:GetDashboard."
          : ''
    throw new ActionError(`Reading dashboard '${name}' failed: ${awsErrorText(error)}.${hint}`, {
      cause: error
    })
  }
}
