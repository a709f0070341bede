// DescribeAlarms and alarm widgets in the AWS stand-in, driven by the real SDK client: the SDK
// parses its answers (timestamps into Dates), follows its pages, and reads its refusals.
import {
  CloudWatchClient,
  DescribeAlarmsCommand,
  GetMetricWidgetImageCommand,
  paginateDescribeAlarms
} from '@aws-sdk/client-cloudwatch'
import { PNG } from 'pngjs'
import { type AwsStandIn, startAwsStandIn } from '../../test-support/aws-stand-in.js'
import type { StandInAlarm } from '../../test-support/cloudwatch-alarms.js'

const KEYS = { accessKeyId: 'AKIASTANDIN0EXAMPLE1', secretAccessKey: 'stand-in-secret' }
const SINCE = new Date('2026-12-04T05:40:00.500Z')

const alarms: StandInAlarm[] = [
  ...Array.from({ length: 120 }, (_, i) => ({
    name: `quiet-${String(i).padStart(3, '0')}`,
    metric: { namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: { InstanceId: `i-${i}` } },
    threshold: 80
  })),
  {
    name: 'api-5xx',
    state: 'ALARM',
    since: SINCE,
    reason: 'Threshold Crossed: 1 datapoint [12.0] was greater than the threshold (5.0).',
    metric: { namespace: 'AWS/ApplicationELB', name: 'HTTPCode_Target_5XX_Count' },
    threshold: 5
  },
  {
    name: 'error-rate',
    state: 'ALARM',
    threshold: 1,
    metrics: [
      { id: 'e', metric: { namespace: 'AWS/Lambda', name: 'Errors', stat: 'Sum' } },
      { id: 'i', metric: { namespace: 'AWS/Lambda', name: 'Invocations', stat: 'Sum' } },
      { id: 'rate', expression: '100 * e / i', label: 'Error rate', returnData: true }
    ]
  },
  { name: 'service-down', state: 'ALARM', rule: 'ALARM(api-5xx) OR ALARM(error-rate)' }
]

let standIn: AwsStandIn
let client: CloudWatchClient
beforeAll(async () => {
  standIn = await startAwsStandIn({ alarms, region: 'eu-west-1' })
  client = new CloudWatchClient({
    endpoint: standIn.endpoint,
    region: 'eu-west-1',
    credentials: KEYS,
    maxAttempts: 1
  })
})
afterAll(async () => standIn.close())
beforeEach(() => {
  standIn.alarmsRequests.length = 0
  standIn.denied = []
  standIn.alarmPaging = 'filled'
})

interface SdkError {
  name: string
  Code?: string
  message: string
  $metadata: { httpStatusCode: number }
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (error: unknown) => error as SdkError
  )

describe('DescribeAlarms', () => {
  test('the SDK reads the answer: names, ARNs, states, timestamps as Dates', async () => {
    const answer = await client.send(new DescribeAlarmsCommand({ AlarmNames: ['api-5xx'] }))
    const [alarm] = answer.MetricAlarms ?? []
    expect(alarm).toMatchObject({
      AlarmName: 'api-5xx',
      AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-5xx',
      StateValue: 'ALARM',
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_Target_5XX_Count',
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold'
    })
    expect(alarm?.StateTransitionedTimestamp).toBeInstanceOf(Date)
    expect(alarm?.StateTransitionedTimestamp?.toISOString()).toBe(SINCE.toISOString())
    expect(alarm?.StateUpdatedTimestamp).toBeInstanceOf(Date)
  })

  test('metric alarms only unless AlarmTypes asks for composite ones too', async () => {
    const metricOnly = await client.send(new DescribeAlarmsCommand({ StateValue: 'ALARM' }))
    expect(metricOnly.MetricAlarms?.map(a => a.AlarmName)).toEqual(['api-5xx', 'error-rate'])
    expect(metricOnly.CompositeAlarms ?? []).toEqual([])
    const both = await client.send(
      new DescribeAlarmsCommand({
        StateValue: 'ALARM',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm']
      })
    )
    expect(both.CompositeAlarms?.map(a => [a.AlarmName, a.AlarmRule])).toEqual([
      ['service-down', 'ALARM(api-5xx) OR ALARM(error-rate)']
    ])
    expect(both.MetricAlarms?.[1]?.Metrics?.map(m => m.Id)).toEqual(['e', 'i', 'rate'])
  })

  test('pages of MaxRecords, followed with NextToken to the end', async () => {
    const names: string[] = []
    for await (const page of paginateDescribeAlarms(
      { client, pageSize: 50 },
      { AlarmNamePrefix: 'quiet-' }
    )) {
      names.push(...(page.MetricAlarms ?? []).map(a => a.AlarmName ?? ''))
    }
    expect(names).toHaveLength(120)
    expect(new Set(names).size).toBe(120)
    expect(standIn.alarmsRequests.map(r => r.input.MaxRecords)).toEqual([50, 50, 50])
    expect(standIn.alarmsRequests.map(r => typeof r.input.NextToken)).toEqual([
      'undefined',
      'string',
      'string'
    ])
  })

  test('scanned paging: pages as long as the alarms looked at, short ones with a NextToken too', async () => {
    standIn.alarmPaging = 'scanned'
    const pages: string[][] = []
    for await (const page of paginateDescribeAlarms(
      { client, pageSize: 100 },
      { StateValue: 'ALARM', AlarmTypes: ['MetricAlarm', 'CompositeAlarm'] }
    )) {
      pages.push(
        [...(page.MetricAlarms ?? []), ...(page.CompositeAlarms ?? [])].map(a => a.AlarmName ?? '')
      )
    }
    // 123 alarms by name: api-5xx, error-rate, quiet-000…quiet-119, service-down.
    expect(pages).toEqual([['api-5xx', 'error-rate'], ['service-down']])
  })

  test.each<[string, Record<string, unknown>, string]>([
    ['an invalid NextToken', { NextToken: 'made-up' }, 'InvalidNextToken'],
    [
      'AlarmNames with AlarmNamePrefix',
      { AlarmNames: ['a'], AlarmNamePrefix: 'a' },
      'InvalidParameterCombination'
    ],
    ['MaxRecords over 100', { MaxRecords: 101 }, 'InvalidParameterValue']
  ])('%s is refused with a 400', async (_case, input, code) => {
    const error = await failure(client.send(new DescribeAlarmsCommand(input)))
    // The SDK names the error after its model (…Exception) and keeps the wire code in Code.
    expect(error.Code ?? error.name).toBe(code)
    expect(error.$metadata.httpStatusCode).toBe(400)
  })

  test('a denied caller gets AccessDenied naming the action', async () => {
    standIn.denied = ['cloudwatch:DescribeAlarms']
    const error = await failure(client.send(new DescribeAlarmsCommand({})))
    expect(error.$metadata.httpStatusCode).toBe(403)
    expect(error.message).toMatch(/not authorized to perform: cloudwatch:DescribeAlarms/)
  })
})

describe('an alarm widget in GetMetricWidgetImage', () => {
  const arn = (name: string) => `arn:aws:cloudwatch:eu-west-1:123456789012:alarm:${name}`
  const render = (name: string) =>
    client.send(
      new GetMetricWidgetImageCommand({
        MetricWidget: JSON.stringify({ title: name, annotations: { alarms: [arn(name)] } })
      })
    )

  test.each(['api-5xx', 'error-rate'])('%s: its metric and threshold, drawn', async name => {
    const answer = await render(name)
    const png = PNG.sync.read(Buffer.from(answer.MetricWidgetImage ?? new Uint8Array()))
    expect([png.width, png.height]).toEqual([600, 400])
  })

  test('the threshold is a line on the graph: another threshold draws another image', async () => {
    const first = (await render('api-5xx')).MetricWidgetImage
    standIn.alarms.find(a => a.name === 'api-5xx')!.threshold = 50
    const second = (await render('api-5xx')).MetricWidgetImage
    standIn.alarms.find(a => a.name === 'api-5xx')!.threshold = 5
    expect(Buffer.from(first!).equals(Buffer.from(second!))).toBe(false)
  })

  test.each<[string, RegExp]>([
    ['no-such-alarm', /The alarm .*:alarm:no-such-alarm does not exist/],
    ['service-down', /is a composite alarm, which has no metric to graph/]
  ])('%s is refused with a 400', async (name, message) => {
    const error = await failure(render(name))
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(error.message).toMatch(message)
  })
})
