// The CloudWatch side of the AWS stand-in, driven by the real SDK client: the shared widget
// corpus, CloudWatch-style validation errors, the 20/s quota, injected faults and latency.
import {
  CloudWatchClient,
  GetDashboardCommand,
  GetMetricWidgetImageCommand
} from '@aws-sdk/client-cloudwatch'
import { PNG } from 'pngjs'
import {
  corpusDashboardWidgets,
  corpusWidgets as corpusWidgetFiles
} from '../../__fixtures__/corpus.js'
import { startAwsStandIn, type AwsStandIn } from '../../test-support/aws-stand-in.js'

const KEYS = { accessKeyId: 'AKIASTANDIN0EXAMPLE1', secretAccessKey: 'stand-in-secret' }

/** Every widget file as sent, and every metric widget inside the dashboards as its properties. */
function corpusWidgets(): Array<[string, string]> {
  const widgets = corpusWidgetFiles().map(({ file, text }): [string, string] => [file, text])
  for (const widget of corpusDashboardWidgets()) {
    if (widget.type === 'metric') {
      widgets.push([
        `${widget.dashboard}#${widget.x},${widget.y}`,
        JSON.stringify(widget.properties)
      ])
    }
  }
  return widgets
}

function cloudWatch(standIn: AwsStandIn, options: { maxAttempts?: number } = {}) {
  return new CloudWatchClient({
    endpoint: standIn.endpoint,
    region: 'eu-west-1',
    credentials: KEYS,
    maxAttempts: options.maxAttempts ?? 1
  })
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    return error as Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>) {
  const results: R[] = []
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: limit }, worker))
  return results
}

describe('AWS stand-in: CloudWatch GetMetricWidgetImage', () => {
  let standIn: AwsStandIn
  let client: CloudWatchClient
  beforeAll(async () => {
    // One "now" for every graph: the same widget drawn a minute apart would show another window.
    const now = Date.parse('2026-12-04T08:00:00Z')
    standIn = await startAwsStandIn({ identities: [KEYS], clock: () => now })
    client = cloudWatch(standIn)
  })
  afterAll(async () => {
    client.destroy()
    await standIn.close()
  })

  const render = (widget: string, OutputFormat?: string) =>
    client.send(new GetMetricWidgetImageCommand({ MetricWidget: widget, OutputFormat }))

  test('accepts every widget of the shared corpus', async () => {
    const widgets = corpusWidgets()
    expect(widgets.length).toBeGreaterThanOrEqual(29 + 127)
    const before = standIn.cloudwatchRequests.length
    const images = await mapLimited(widgets, 8, async ([name, widget]) => {
      const output = await render(widget, 'png').catch((error: Error) => {
        throw new Error(`${name} was rejected: ${error.message}`)
      })
      return { name, widget, image: Buffer.from(output.MetricWidgetImage ?? []) }
    })
    const recorded = standIn.cloudwatchRequests.slice(before)
    for (const { widget, image } of images) {
      const request = recorded.find(r => r.widget === widget)
      expect(request?.image.equals(image)).toBe(true)
      const parsed = JSON.parse(widget) as { width?: number; height?: number }
      const png = PNG.sync.read(image)
      expect([png.width, png.height]).toEqual([parsed.width ?? 600, parsed.height ?? 400])
    }
    // Each different widget draws a different graph, so a test can tell which image ended up where;
    // the same widget (the corpus holds a few twice) draws the same one.
    const distinct = new Set(images.map(i => JSON.stringify(JSON.parse(i.widget))))
    expect(new Set(images.map(i => i.image.toString('base64'))).size).toBe(distinct.size)
  })

  test('returns a PNG of the requested size and records the exact widget string', async () => {
    const widget = '{ "metrics": [["AWS/EC2", "CPUUtilization"]], "width": 300, "height": 120 }'
    const output = await render(widget)
    const image = Buffer.from(output.MetricWidgetImage ?? [])
    const png = PNG.sync.read(image)
    expect([png.width, png.height]).toEqual([300, 120])
    const last = standIn.cloudwatchRequests.at(-1)
    expect(last).toMatchObject({ widget, outputFormat: undefined })
    expect(last?.image.equals(image)).toBe(true)
  })

  test.each([
    ['not JSON', '{metrics: [}', 'must be a valid JSON object'],
    ['a JSON array', '[["AWS/EC2", "CPUUtilization"]]', 'must be a valid JSON object'],
    [
      'a dashboard wrapper instead of its properties',
      JSON.stringify({ type: 'metric', properties: { metrics: [['AWS/EC2', 'CPUUtilization']] } }),
      'at least one metric or an alarm annotation'
    ],
    ['empty metrics', '{"metrics": []}', 'Should NOT have fewer than 1 items'],
    ['a metric row that is not an array', '{"metrics": ["AWS/EC2"]}', 'Should be array'],
    ['width 2001', '{"metrics": [["A", "B"]], "width": 2001}', 'Should be <= 2000'],
    ['height 0', '{"metrics": [["A", "B"]], "height": 0}', 'Should be >= 1'],
    ['a fractional width', '{"metrics": [["A", "B"]], "width": 600.5}', 'Should be integer'],
    ['empty alarm annotations only', '{"annotations": {"alarms": []}}', 'at least one metric']
  ])('rejects %s with InvalidParameterInput', async (_name, widget, message) => {
    const error = await failure(render(widget))
    // Query-compatible: the SDK maps the code InvalidParameterInput to its modeled error class.
    expect(error).toMatchObject({
      name: 'DashboardInvalidInputError',
      Code: 'InvalidParameterInput'
    })
    expect(error.$metadata).toMatchObject({ httpStatusCode: 400 })
    expect(String(error.message)).toContain(message)
  })

  test('accepts an alarm-annotation-only widget and rejects OutputFormat other than png', async () => {
    const alarm = '{"annotations": {"alarms": ["arn:aws:cloudwatch:eu-west-1:1:alarm:x"]}}'
    await expect(render(alarm)).resolves.toBeDefined()
    const error = await failure(render('{"metrics": [["A", "B"]]}', 'jpeg'))
    expect(error).toMatchObject({ Code: 'InvalidParameterValue' })
  })

  test('GetDashboard returns known bodies and ResourceNotFound otherwise', async () => {
    standIn.dashboards.ops = '{"widgets": []}'
    const found = await client.send(new GetDashboardCommand({ DashboardName: 'ops' }))
    expect(found).toMatchObject({
      DashboardName: 'ops',
      DashboardBody: '{"widgets": []}',
      DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/ops'
    })
    const error = await failure(client.send(new GetDashboardCommand({ DashboardName: 'gone' })))
    expect(error).toMatchObject({ name: 'ResourceNotFound', $metadata: { httpStatusCode: 404 } })
  })
})

describe('AWS stand-in: throttling, faults and latency', () => {
  let standIn: AwsStandIn
  beforeEach(async () => {
    standIn = await startAwsStandIn()
  })
  afterEach(() => standIn.close())

  const widget = '{"metrics": [["AWS/EC2", "CPUUtilization"]], "width": 50, "height": 50}'
  const render = (client: CloudWatchClient) =>
    client.send(new GetMetricWidgetImageCommand({ MetricWidget: widget }))

  test('past 20 calls in a second answers 400 Throttling "Rate exceeded", when switched on', async () => {
    const client = cloudWatch(standIn)
    // Off by default.
    await Promise.all(Array.from({ length: 25 }, () => render(client)))
    expect(standIn.errors).toHaveLength(0)

    standIn.throttle = { perSecond: 20 }
    await new Promise(resolve => setTimeout(resolve, 1000))
    const results = await Promise.allSettled(Array.from({ length: 25 }, () => render(client)))
    const rejected = results.filter(r => r.status === 'rejected')
    expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(20)
    expect(rejected).toHaveLength(5)
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 400 }
    })
    client.destroy()
  })

  test('the SDK retries an injected Throttling, 503 and a reset connection', async () => {
    const client = cloudWatch(standIn, { maxAttempts: 3 })
    standIn.faults.inject({ kind: 'throttle' }, { operation: 'GetMetricWidgetImage' })
    standIn.faults.inject({ kind: 'status', status: 503 })
    await expect(render(client)).resolves.toMatchObject({ $metadata: { attempts: 3 } })
    standIn.faults.inject({ kind: 'reset' })
    await expect(render(client)).resolves.toMatchObject({ $metadata: { attempts: 2 } })
    expect(standIn.errors.map(e => [e.status, e.code])).toEqual([
      [400, 'Throttling'],
      [503, 'ServiceUnavailable']
    ])
    client.destroy()
  })

  test('status faults use the AWS JSON error shape and latency delays every answer', async () => {
    const client = cloudWatch(standIn)
    standIn.faults.inject({ kind: 'status', status: 500 })
    await expect(render(client)).rejects.toMatchObject({
      name: 'InternalFailure',
      $metadata: { httpStatusCode: 500 }
    })
    standIn.faults.latencyMs = 150
    const started = performance.now()
    await render(client)
    expect(performance.now() - started).toBeGreaterThanOrEqual(140)
    const events = standIn.timeline.events
    expect(events.map(e => [e.service, e.operation])).toContainEqual([
      'cloudwatch',
      'GetMetricWidgetImage'
    ])
    expect(events.every(e => e.doneAt !== undefined && e.doneAt >= e.at)).toBe(true)
    client.destroy()
  })
})
