import { GetDashboardCommand, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch'
import { createCloudWatchClient } from '../src/aws/cloudwatch.js'
import { startStandIns } from '../test-support/stand-ins.js'

const settle = () => new Promise(resolve => setTimeout(resolve, 20))

test('onSend: a graph request on its way counts, a dashboard read does not', async () => {
  const standIns = await startStandIns()
  const saved = { ...process.env }
  Object.assign(process.env, standIns.actionEnv())
  try {
    standIns.aws.dashboards['ops'] = JSON.stringify({ widgets: [] })
    let sent = 0
    const client = createCloudWatchClient('us-east-1', () => (sent += 1))
    await client.send(new GetDashboardCommand({ DashboardName: 'ops' }))
    await settle()
    expect(sent).toBe(0)
    const widget = JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']] })
    await client.send(new GetMetricWidgetImageCommand({ MetricWidget: widget }))
    await settle()
    expect(sent).toBe(1)
  } finally {
    process.env = saved
    await standIns.close()
  }
})
