// The outside systems, connected for this run: CloudWatch as the graphs' source, and the delivery
// the workflow chose. main.ts loads this module only once every input is valid, so bad input fails
// before the AWS SDK and the Slack client are even loaded.
import { createCloudWatchClient } from './aws/clients.js'
import { describeAlarms } from './aws/alarms.js'
import { fetchGraphImage, readDashboard } from './aws/cloudwatch.js'
import type { Deadline } from './domain/deadline.js'
import type { Delivery, GraphSource } from './delivery/delivery.js'
import { PresignedDelivery } from './delivery/presigned.js'
import { SlackHostedDelivery } from './delivery/slack-hosted.js'
import type { Phases } from './github/log.js'
import { useProxy } from './http.js'
import type { Inputs } from './inputs.js'

/**
 * `deadline` is the run's clock (input 'timeout'): every client takes its per-attempt limit, and
 * every call before posting stops with its work signal.
 */
export function connect(
  inputs: Inputs,
  phases: Phases,
  deadline: Deadline
): { cloudwatch: GraphSource; delivery: Delivery } {
  useProxy(inputs.proxy) // before any client: every request of the run takes it
  const client = createCloudWatchClient(inputs.awsRegion, deadline)
  const cloudwatch: GraphSource = {
    fetchImage: graph => fetchGraphImage(client, graph, deadline.work),
    readDashboard: name => readDashboard(client, name, deadline.work),
    readAlarms: query => describeAlarms(client, query, deadline.work)
  }
  const delivery =
    inputs.delivery.kind === 'slack-upload'
      ? new SlackHostedDelivery(inputs, phases, deadline)
      : new PresignedDelivery(inputs, inputs.delivery, phases, deadline)
  return { cloudwatch, delivery }
}
