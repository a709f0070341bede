// Every AWS client from one set of settings, as the services see them: who is calling, how many
// attempts a call may take, where the endpoint and the credentials come from, and no checksum
// framing that S3-compatible stores do not understand. A loopback server stands in for the
// endpoints (AWS_ENDPOINT_URL_<SERVICE>) and records what arrives.
import { jest } from '@jest/globals'
import { GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch'
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3'
import { GetParametersCommand } from '@aws-sdk/client-ssm'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import { createCloudWatchClient, createS3Client, createSsmClient } from '../../src/aws/clients.js'
import { planBudget } from '../../src/domain/deadline.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'

/** The budget of a run with the default timeout (10 minutes). */
const BUDGET = planBudget(600)

interface Received {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: Buffer
}

type Answer = (req: IncomingMessage, res: ServerResponse, count: number) => void

/** Answers as AWS would for each protocol, unless a test says otherwise. */
const answerLikeAws: Answer = (req, res) => {
  const target = String(req.headers['x-amz-target'] ?? '')
  if (target.endsWith('GetMetricWidgetImage')) {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' })
    res.end(JSON.stringify({ MetricWidgetImage: Buffer.from('PNG').toString('base64') }))
  } else if (target.startsWith('AmazonSSM.')) {
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
    res.end(JSON.stringify({ Parameters: [], InvalidParameters: [] }))
  } else {
    res.writeHead(200, { etag: '"5d41402abc4b2a76b9719d911017c592"' }).end()
  }
}

let server: Server
let base: string
const received: Received[] = []
let answer: Answer = answerLikeAws
const saved = { ...process.env }
const ENV_KEY_ID = 'AKIAWORKFLOWEXAMPLE1'

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      answer(req, res, received.length)
    })
  })
  base = await listenOnLoopback(server)
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: ENV_KEY_ID,
    AWS_SECRET_ACCESS_KEY: 'workflow-secret',
    AWS_ENDPOINT_URL_CLOUDWATCH: base,
    AWS_ENDPOINT_URL_S3: base,
    AWS_ENDPOINT_URL_SSM: base
  })
  delete process.env.AWS_SESSION_TOKEN
})
afterAll(async () => {
  process.env = saved
  await closeServer(server)
})
beforeEach(() => {
  received.length = 0
  answer = answerLikeAws
})

const location = { bucket: 'graphs-bucket', region: 'eu-west-2', forcePathStyle: true }
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47])
const put = () =>
  new PutObjectCommand({
    Bucket: 'graphs-bucket',
    Key: 'graphs/01-cpu.png',
    Body: png,
    ContentType: 'image/png'
  })

describe('createS3Client', () => {
  test('names the action to S3, on the endpoint the environment gives, path-style', async () => {
    await createS3Client(location, BUDGET).send(put())
    const [request] = received
    expect(request?.method).toBe('PUT')
    expect(request?.url).toMatch(/^\/graphs-bucket\/graphs\/01-cpu\.png(\?|$)/)
    expect(request?.headers['user-agent']).toContain('cloudwatch-graphs-to-slack/1')
    expect(request?.headers['x-amz-user-agent']).toContain('cloudwatch-graphs-to-slack/1')
  })

  test('the upload is the bytes as they are: no checksum trailer, no aws-chunked framing', async () => {
    await createS3Client(location, BUDGET).send(put())
    const [request] = received
    expect(request?.body).toEqual(png)
    expect(request?.headers['content-length']).toBe(String(png.length))
    expect(request?.headers['content-encoding']).toBeUndefined()
    expect(request?.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/)
    const checksumHeaders = Object.keys(request?.headers ?? {}).filter(name =>
      /checksum|x-amz-trailer|x-amz-decoded-content-length/.test(name)
    )
    expect(checksumHeaders).toEqual([])
  })

  test("without credentials: the workflow's, from the SDK's default chain", async () => {
    await createS3Client(location, BUDGET).send(put())
    expect(received[0]?.headers.authorization).toContain(`Credential=${ENV_KEY_ID}/`)
    expect(received[0]?.headers.authorization).toMatch(/\/eu-west-2\/s3\/aws4_request/)
  })

  test('with credentials: those sign, whatever the environment holds', async () => {
    const signer = { accessKeyId: 'AKIASIGNEREXAMPLE001', secretAccessKey: 'signer-secret' }
    await createS3Client(location, BUDGET, signer).send(put())
    expect(received[0]?.headers.authorization).toContain('Credential=AKIASIGNEREXAMPLE001/')
  })

  test('up to 5 attempts a call; a 500 is retried', async () => {
    answer = (req, res, count) =>
      count === 1
        ? res
            .writeHead(500, { 'content-type': 'application/xml' })
            .end(
              '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>'
            )
        : answerLikeAws(req, res, count)
    await createS3Client(location, BUDGET).send(put())
    expect(received.map(r => r.headers['amz-sdk-request'])).toEqual([
      'attempt=1; max=5',
      'attempt=2; max=5'
    ])
  })

  test('presigned GET URLs ask for no checksum mode (many S3-compatible stores refuse it)', async () => {
    const client = createS3Client(location, BUDGET, {
      accessKeyId: 'AKIASIGNEREXAMPLE001',
      secretAccessKey: 'signer-secret'
    })
    const url = new URL(
      await getSignedUrl(client, new GetObjectCommand({ Bucket: 'graphs-bucket', Key: 'k.png' }), {
        expiresIn: 60
      })
    )
    expect(`${url.origin}${url.pathname}`).toBe(`${base}/graphs-bucket/k.png`)
    expect([...url.searchParams.keys()].filter(key => /checksum/i.test(key))).toEqual([])
    expect(received).toEqual([]) // signing is local
  })
})

describe('createCloudWatchClient', () => {
  test('names the action, signs for monitoring in the region, allows 8 attempts', async () => {
    const client = createCloudWatchClient('eu-west-2', BUDGET)
    await client.send(new GetMetricWidgetImageCommand({ MetricWidget: '{}', OutputFormat: 'png' }))
    const [request] = received
    expect(request?.headers['x-amz-target']).toBe(
      'GraniteServiceVersion20100801.GetMetricWidgetImage'
    )
    expect(request?.headers['user-agent']).toContain('cloudwatch-graphs-to-slack/1')
    expect(request?.headers.authorization).toMatch(/\/eu-west-2\/monitoring\/aws4_request/)
    expect(request?.headers['amz-sdk-request']).toBe('attempt=1; max=8')
  })

  test('a throttled call is retried and goes through', async () => {
    answer = (req, res, count) =>
      count === 1
        ? res
            .writeHead(400, { 'content-type': 'application/x-amz-json-1.0' })
            .end(JSON.stringify({ __type: 'Throttling', message: 'Rate exceeded' }))
        : answerLikeAws(req, res, count)
    const client = createCloudWatchClient('eu-west-2', BUDGET)
    const output = await client.send(
      new GetMetricWidgetImageCommand({ MetricWidget: '{}', OutputFormat: 'png' })
    )
    expect(Buffer.from(output.MetricWidgetImage ?? [])).toEqual(Buffer.from('PNG'))
    expect(received.map(r => r.headers['amz-sdk-request'])).toEqual([
      'attempt=1; max=8',
      'attempt=2; max=8'
    ])
  })
})

test('createSsmClient: names the action, signs for ssm in the region, allows 5 attempts', async () => {
  await createSsmClient('ap-southeast-2', BUDGET).send(
    new GetParametersCommand({ Names: ['/a'], WithDecryption: true })
  )
  const [request] = received
  expect(request?.headers['x-amz-target']).toBe('AmazonSSM.GetParameters')
  expect(request?.headers['user-agent']).toContain('cloudwatch-graphs-to-slack/1')
  expect(request?.headers.authorization).toMatch(/\/ap-southeast-2\/ssm\/aws4_request/)
  expect(request?.headers['amz-sdk-request']).toBe('attempt=1; max=5')
})

// KNOWN BUG (src/aws/clients.ts, settings()): requestTimeout alone only makes
// @smithy/node-http-handler print a warning when it passes; without `throwOnRequestTimeout: true`
// a connection that never answers hangs the call until the action's own deadline. This test states
// what the comment in clients.ts promises; it is marked failing until the setting is added, and
// jest reports it the moment it passes (then drop `.failing`).
test('a request that gets no answer is abandoned after 30 s and retried', async () => {
  const held: IncomingMessage[] = []
  let firstArrived: () => void = () => undefined
  const arrived = new Promise<void>(resolve => {
    firstArrived = resolve
  })
  answer = (req, res, count) => {
    if (count > 1) return answerLikeAws(req, res, count)
    held.push(req) // and never answer
    firstArrived()
  }
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  const client = createS3Client(location, BUDGET)
  jest.useFakeTimers({
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'queueMicrotask', 'Date', 'hrtime']
  })
  try {
    let outcome = 'pending'
    const call = client.send(put()).then(
      () => (outcome = 'stored'),
      (error: Error) => (outcome = error.message)
    )
    await arrived
    await jest.advanceTimersByTimeAsync(30_000)
    expect(warn).not.toHaveBeenCalled() // a warning is not a deadline
    // The SDK's backoff before the second attempt is under a second.
    await jest.advanceTimersByTimeAsync(1_000)
    await call
    expect(outcome).toBe('stored')
    expect(received).toHaveLength(2)
  } finally {
    jest.useRealTimers()
    warn.mockRestore()
    for (const req of held) req.socket.destroy()
  }
})
