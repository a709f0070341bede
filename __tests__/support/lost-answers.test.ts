// The stand-ins' faults for connections that never answer and answers that go astray, each as the
// real service (or a proxy in front of it) would fail, and the Slack stand-in's memory of a channel:
// conversations.history / .replies with message metadata, and their refusals.
import { CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch'
import { LogLevel, WebClient, type Logger } from '@slack/web-api'
import { startAwsStandIn, type AwsStandIn } from '../../test-support/aws-stand-in.js'
import { FaultPlan } from '../../test-support/faults.js'
import { longTermIdentity, startS3StandIn, type S3StandIn } from '../../test-support/s3-stand-in.js'
import { startSlackStandIn, type SlackStandIn } from '../../test-support/slack-stand-in.js'

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {}
}

async function failure(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    return error as Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}

describe('FaultPlan', () => {
  test('matching: only requests whose body (or path) holds the text', () => {
    const plan = new FaultPlan()
    plan.inject({ kind: 'hang' }, { operation: 'PutObject', matching: 'stuck', times: 2 })
    expect(plan.take('PutObject', '/bucket/01-cpu.png')).toBeUndefined()
    expect(plan.take('PutObject', '/bucket/02-stuck.png')).toEqual({ kind: 'hang' })
    expect(plan.take('GetObject', '/bucket/02-stuck.png')).toBeUndefined()
    expect(plan.take('PutObject', '/bucket/02-stuck.png')).toEqual({ kind: 'hang' })
    expect(plan.take('PutObject', '/bucket/02-stuck.png')).toBeUndefined()
  })
})

describe('hang: the connection is accepted and never answered', () => {
  let aws: AwsStandIn
  let s3: S3StandIn
  const keys = longTermIdentity()
  beforeAll(async () => {
    aws = await startAwsStandIn()
    s3 = await startS3StandIn({ identities: [keys], buckets: ['b'] })
  })
  afterAll(async () => Promise.all([aws.close(), s3.close()]))

  test('AWS JSON: the SDK times out; the next attempt gets its answer', async () => {
    aws.faults.inject({ kind: 'hang' }, { operation: 'GetMetricWidgetImage' })
    const client = new CloudWatchClient({
      endpoint: aws.endpoint,
      region: 'us-east-1',
      credentials: keys,
      maxAttempts: 2,
      requestHandler: { requestTimeout: 200, throwOnRequestTimeout: true }
    })
    const widget = JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']] })
    const command = new GetMetricWidgetImageCommand({ MetricWidget: widget })
    const output = await client.send(command)
    expect(output.$metadata.attempts).toBe(2)
    expect(aws.cloudwatchRequests).toHaveLength(1)
  })

  test('S3: no answer until the client gives up; recorded as hang', async () => {
    s3.faults.inject({ kind: 'hang' }, { operation: 'GetObject' })
    const error = await failure(
      fetch(`${s3.endpoint}/b/k.png`, { signal: AbortSignal.timeout(200) })
    )
    expect(error.name).toBe('TimeoutError')
    // Recorded once the client has dropped the connection it gave up on.
    while (s3.requests.length === 0) await new Promise(resolve => setTimeout(resolve, 5))
    expect(s3.requests.at(-1)).toMatchObject({ operation: 'GetObject', code: 'hang' })
  })

  test("S3: lost as a proxy's 502, without touching the store", async () => {
    s3.faults.inject({ kind: 'lost', answer: { status: 502 } }, { operation: 'GetObject' })
    const response = await fetch(`${s3.endpoint}/b/k.png`)
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html')
  })
})

describe('Slack: answers lost after the work is done, and the channel read back', () => {
  let slack: SlackStandIn
  let web: WebClient
  beforeAll(async () => {
    slack = await startSlackStandIn({ channels: { C0GRAPHS: {} } })
    web = new WebClient(slack.token, {
      slackApiUrl: slack.apiUrl,
      retryConfig: { retries: 0 },
      timeout: 300,
      logger: silent
    })
  })
  afterAll(async () => slack.close())
  beforeEach(() => {
    slack.faults.clear()
    slack.messages.length = 0
    slack.history.length = 0
    slack.historyError = undefined
    slack.imageErrors = 'response_metadata'
  })

  const metadata = { event_type: 'graphs_report', event_payload: { run_id: '7', message: 1 } }
  const post = (text = 'report', extra: Record<string, unknown> = {}) =>
    web.chat.postMessage({ channel: 'C0GRAPHS', text, metadata, ...extra })

  test.each([
    ['reset', 'reset', /request error/i],
    ['hang', 'hang', /request error/i],
    ['a 503 from a proxy', { status: 503 }, /HTTP protocol error.*503/]
  ] as const)('lost as %s: the message is stored all the same', async (_how, answer, thrown) => {
    slack.faults.inject({ kind: 'lost', answer }, { operation: 'chat.postMessage' })
    const error = await failure(post())
    expect(String(error.message)).toMatch(thrown)
    expect(slack.messages.map(m => m.text)).toEqual(['report'])
  })

  test('hang before acting: nothing is stored', async () => {
    slack.faults.inject({ kind: 'hang' }, { operation: 'chat.postMessage' })
    await failure(post())
    expect(slack.messages).toEqual([])
  })

  test('conversations.history: newest first, metadata only when asked, replies left out', async () => {
    const first = await post('one')
    await post('reply', { thread_ts: first.ts })
    const second = await post('two')
    const plain = await web.conversations.history({ channel: 'C0GRAPHS' })
    expect(plain.messages?.map(m => m.text)).toEqual(['two', 'one'])
    expect(plain.messages?.[0]?.metadata).toBeUndefined()
    const all = await web.conversations.history({
      channel: 'C0GRAPHS',
      oldest: first.ts,
      include_all_metadata: true
    })
    expect(all.messages?.map(m => [m.text, m.ts])).toEqual([['two', second.ts]])
    expect(all.messages?.[0]?.metadata).toEqual(metadata)
  })

  test('conversations.replies: the parent, then its replies, with metadata', async () => {
    const parent = await post('header')
    await post('graph 1', { thread_ts: parent.ts })
    const thread = await web.conversations.replies({
      channel: 'C0GRAPHS',
      ts: String(parent.ts),
      include_all_metadata: true
    })
    expect(thread.messages?.map(m => m.text)).toEqual(['header', 'graph 1'])
    expect(thread.messages?.[1]?.metadata).toEqual(metadata)
    const missing = await failure(web.conversations.replies({ channel: 'C0GRAPHS', ts: '1.2' }))
    expect(missing.data).toMatchObject({ error: 'thread_not_found' })
  })

  test('reading the channel refused: missing_scope (with what it needs) or not_in_channel', async () => {
    slack.historyError = 'missing_scope'
    const scope = await failure(web.conversations.history({ channel: 'C0GRAPHS' }))
    expect(scope.data).toMatchObject({ error: 'missing_scope', needed: 'channels:history' })
    slack.historyError = 'not_in_channel'
    const member = await failure(web.conversations.history({ channel: 'C0GRAPHS' }))
    expect(member.data).toMatchObject({ error: 'not_in_channel' })
  })

  test('metadata that is not an event is refused like Slack does', async () => {
    const error = await failure(
      web.chat.postMessage({ channel: 'C0GRAPHS', text: 'x', metadata: '{' as never })
    )
    expect(error.data).toMatchObject({ error: 'invalid_metadata_format' })
  })

  test.each([
    ['errors', true, false],
    ['response_metadata', false, true],
    ['both', true, true],
    ['none', false, false]
  ] as const)('invalid_blocks for an image, detail in %s', async (shape, inErrors, inMetadata) => {
    slack.imageErrors = shape
    const detail = 'downloading image failed [json-pointer:/blocks/0/image_url]'
    const blocks = [{ type: 'image', image_url: 'http://127.0.0.1:9/x.png', alt_text: 'CPU' }]
    const error = await failure(web.chat.postMessage({ channel: 'C0GRAPHS', text: 'x', blocks }))
    const data = error.data as {
      error: string
      errors?: string[]
      response_metadata?: { messages?: string[] }
    }
    expect(data.error).toBe('invalid_blocks')
    expect(data.errors).toEqual(inErrors ? [detail] : undefined)
    // (the WebClient adds an empty response_metadata when Slack sends none)
    expect(data.response_metadata?.messages).toEqual(inMetadata ? [`[ERROR] ${detail}`] : undefined)
  })
})
