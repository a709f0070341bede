// CloudWatch: a graph as PNG (GetMetricWidgetImage) and a dashboard's body (GetDashboard).
import {
  type CloudWatchClient,
  GetDashboardCommand,
  GetMetricWidgetImageCommand
} from '@aws-sdk/client-cloudwatch'
import { ActionError } from '../domain/errors.js'
import type { Graph } from '../domain/widgets.js'
import { awsErrorCode, awsErrorText, throwIfSetupProblem } from './errors.js'

/**
 * The graph as PNG bytes, exactly as CloudWatch rendered it. `signal` (the run's work deadline)
 * stops the call and its retries.
 */
export async function fetchGraphImage(
  client: CloudWatchClient,
  graph: Graph,
  signal?: AbortSignal
): Promise<Uint8Array> {
  let image: Uint8Array | undefined
  try {
    const response = await client.send(
      new GetMetricWidgetImageCommand({ MetricWidget: graph.metricWidget, OutputFormat: 'png' }),
      { abortSignal: signal }
    )
    image = response.MetricWidgetImage
  } catch (error) {
    throwIfSetupProblem(error, 'aws-region')
    throw new ActionError(
      `CloudWatch could not render graph ${graph.position} ('${graph.name}'): ${awsErrorText(error, signal)}`,
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
  signal?: AbortSignal
): Promise<string> {
  try {
    const response = await client.send(new GetDashboardCommand({ DashboardName: name }), {
      abortSignal: signal
    })
    return response.DashboardBody ?? '{}'
  } catch (error) {
    throwIfSetupProblem(error, 'aws-region')
    const code = awsErrorCode(error)
    const hint =
      code === 'ResourceNotFound' || code === 'DashboardNotFoundError'
        ? " No dashboard of that name in the account of the workflow's credentials: check the name (case matters) and the account. Dashboards are global, so aws-region does not matter."
        : code === 'AccessDenied' || code === 'AccessDeniedException'
          ? " The workflow's role needs cloudwatch:GetDashboard."
          : ''
    throw new ActionError(
      `Reading dashboard '${name}' failed: ${awsErrorText(error, signal)}.${hint}`,
      {
        cause: error
      }
    )
  }
}
