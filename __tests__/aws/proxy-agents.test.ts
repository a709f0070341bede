// The AWS clients through the run's proxy: the real SDK clients of clients.ts, their sockets
// tunnelled by the agents of proxy-agents.ts to hosts only the test's proxy resolves, direct where
// NO_PROXY says, and a refusal that ends the call at once (no retry) with the proxy's error.
import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import https from 'node:https'
import { PutObjectCommand } from '@aws-sdk/client-s3'
import { GetParametersCommand } from '@aws-sdk/client-ssm'
import { createS3Client, createSsmClient } from '../../src/aws/clients.js'
import { proxyAgents } from '../../src/aws/proxy-agents.js'
import { planBudget } from '../../src/domain/deadline.js'
import { ProxyError } from '../../src/domain/network-errors.js'
import { readProxySettings } from '../../src/domain/proxy.js'
import { useProxy } from '../../src/http.js'
import { type ConnectProxy, startConnectProxy } from '../../test-support/connect-proxy.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'
import { type TestCertificates, makeCertificates } from '../../test-support/tls-certs.js'

let proxy: ConnectProxy
let plain: Server
let plainPort: number
let secure: Server
let securePort: number
let certificates: TestCertificates
const received: string[] = []
const saved = { ...process.env }
/** The budget of a run with the default timeout (10 minutes). */
const BUDGET = planBudget(600)

function answer(req: IncomingMessage, res: import('node:http').ServerResponse) {
  req.resume()
  req.on('end', () => {
    received.push(`${req.method} ${req.headers.host} ${req.url}`)
    const ssm = String(req.headers['x-amz-target'] ?? '').startsWith('AmazonSSM.')
    if (ssm) res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
    else res.writeHead(200, { etag: '"5d41402abc4b2a76b9719d911017c592"' })
    res.end(ssm ? JSON.stringify({ Parameters: [], InvalidParameters: [] }) : 'ok')
  })
}

const portOf = (url: string) => Number(new URL(url).port)

beforeAll(async () => {
  certificates = makeCertificates(['s3.stand-in.test', 'ssm.stand-in.test'], ['127.0.0.1'])
  plain = createServer(answer)
  plainPort = portOf(await listenOnLoopback(plain))
  secure = https.createServer({ key: certificates.key, cert: certificates.cert }, answer)
  securePort = portOf(await listenOnLoopback(secure, { tls: certificates }))
  proxy = await startConnectProxy({
    user: 'build',
    password: 'pr0xy-s3cret',
    hosts: { 's3.stand-in.test': '127.0.0.1', 'ssm.stand-in.test': '127.0.0.1' }
  })
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIAWORKFLOWEXAMPLE1',
    AWS_SECRET_ACCESS_KEY: 'workflow-secret'
  })
  delete process.env.AWS_SESSION_TOKEN
})

afterAll(async () => {
  useProxy(undefined)
  process.env = saved
  await Promise.all([proxy.close(), closeServer(plain), closeServer(secure)])
  certificates.remove()
})

beforeEach(() => {
  received.length = 0
  proxy.tunnels.length = 0
})

function useEnvironment(env: Record<string, string>): void {
  useProxy(readProxySettings({ httpProxy: '', noProxy: '' }, env))
}

const location = { bucket: 'graphs-bucket', region: 'us-east-1', forcePathStyle: true }
const put = () =>
  new PutObjectCommand({ Bucket: 'graphs-bucket', Key: 'a.png', Body: Buffer.from('PNG') })

test('no proxy: no agents of ours, the SDK makes its own', () => {
  useProxy(undefined)
  expect(proxyAgents()).toEqual({})
})

test('the clients share one pair of agents per proxy setting', () => {
  useEnvironment({ HTTPS_PROXY: proxy.url() })
  const first = proxyAgents()
  expect(proxyAgents()).toEqual(first)
  useEnvironment({ HTTPS_PROXY: proxy.url() })
  expect(proxyAgents().httpsAgent).not.toBe(first.httpsAgent)
})

test('an http:// endpoint through HTTP_PROXY: tunnelled, to a name only the proxy resolves', async () => {
  useEnvironment({ HTTP_PROXY: proxy.url() })
  process.env.AWS_ENDPOINT_URL_S3 = `http://s3.stand-in.test:${plainPort}`
  await createS3Client(location, BUDGET).send(put())
  expect(received).toEqual([
    `PUT s3.stand-in.test:${plainPort} /graphs-bucket/a.png?x-id=PutObject`
  ])
  expect(proxy.opened()).toEqual([`s3.stand-in.test:${plainPort}`])
})

test('NO_PROXY: that host goes direct, the proxy never sees it', async () => {
  useEnvironment({ HTTP_PROXY: proxy.url(), NO_PROXY: 'localhost,127.0.0.1' })
  process.env.AWS_ENDPOINT_URL_S3 = `http://127.0.0.1:${plainPort}`
  await createS3Client(location, BUDGET).send(put())
  expect(received).toHaveLength(1)
  expect(proxy.tunnels).toEqual([])
})

test('an https:// target: TLS inside the tunnel, checked against the CA', async () => {
  useEnvironment({ HTTPS_PROXY: proxy.url() })
  const { httpsAgent } = proxyAgents()
  const request = https.get({
    host: 's3.stand-in.test',
    port: securePort,
    path: '/x',
    agent: httpsAgent,
    ca: certificates.caPem
  })
  const [response] = (await once(request, 'response')) as [IncomingMessage]
  response.resume()
  await once(response, 'end')
  expect(response.statusCode).toBe(200)
  expect(received).toEqual([`GET s3.stand-in.test:${securePort} /x`])
  expect(proxy.opened()).toEqual([`s3.stand-in.test:${securePort}`])
})

test("an https:// target whose CA Node does not trust: the TLS error is the request's", async () => {
  useEnvironment({ HTTPS_PROXY: proxy.url() })
  const request = https.get({
    host: 's3.stand-in.test',
    port: securePort,
    agent: proxyAgents().httpsAgent
  })
  const [error] = (await once(request, 'error')) as [Error & { code?: string }]
  expect(error.code).toBe('UNABLE_TO_VERIFY_LEAF_SIGNATURE')
  expect(received).toEqual([])
})

test('an untrusted certificate fails the SDK call once, not retried', async () => {
  useEnvironment({ HTTPS_PROXY: proxy.url() })
  process.env.AWS_ENDPOINT_URL_SSM = `https://ssm.stand-in.test:${securePort}`
  const call = createSsmClient('us-east-1', BUDGET).send(
    new GetParametersCommand({ Names: ['/a'] })
  )
  await expect(call).rejects.toBeDefined()
  expect(received).toEqual([])
  expect(proxy.opened()).toEqual([`ssm.stand-in.test:${securePort}`])
  expect(proxy.tunnels).toHaveLength(1)
})

test('a refusing proxy: the call fails at once with its ProxyError, no retries', async () => {
  useEnvironment({ HTTPS_PROXY: proxy.url({ user: 'build', password: 'wrong' }) })
  process.env.AWS_ENDPOINT_URL_SSM = `https://ssm.stand-in.test:${securePort}`
  const error = await createSsmClient('us-east-1', BUDGET)
    .send(new GetParametersCommand({ Names: ['/a'] }))
    .then(
      () => undefined,
      (caught: unknown) => caught
    )
  expect(error).toBeInstanceOf(ProxyError)
  expect((error as ProxyError).message).toMatch(
    new RegExp(
      `^The proxy 127\\.0\\.0\\.1:${proxy.port} \\(from HTTPS_PROXY\\) refused the tunnel to ssm\\.stand-in\\.test:${securePort}: 407`
    )
  )
  expect(proxy.tunnels.map(t => t.status)).toEqual([407])
  expect(received).toEqual([])
})
