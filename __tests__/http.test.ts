// The one fetch outside the AWS SDK (Slack, its upload URLs, the URL checks), through the run's
// proxy: tunnelled to hosts only the test's proxy resolves, direct where NO_PROXY says, a refusal
// as the proxy's own error, and a certificate Node does not trust explained.
import { jest } from '@jest/globals'
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import https from 'node:https'
import * as core from '../__fixtures__/core.js'
import { type ConnectProxy, startConnectProxy } from '../test-support/connect-proxy.js'
import { closeServer, listenOnLoopback } from '../test-support/http.js'
import { type SlackStandIn, startSlackStandIn } from '../test-support/slack-stand-in.js'
import { type TestCertificates, makeCertificates } from '../test-support/tls-certs.js'

// The Slack client logs through @actions/core: the fake keeps its lines out of the test output.
jest.unstable_mockModule('@actions/core', () => core)
const { ProxyError, findProxyError } = await import('../src/domain/network-errors.js')
const { readProxySettings } = await import('../src/domain/proxy.js')
const { httpFetch, proxySettings, useProxy } = await import('../src/http.js')
const { createSlackClient } = await import('../src/slack/client.js')

let proxy: ConnectProxy
let plain: Server
let plainPort: number
let secure: Server
let securePort: number
let slack: SlackStandIn
let certificates: TestCertificates
const received: string[] = []

function answer(req: IncomingMessage, res: ServerResponse) {
  received.push(`${req.method} ${req.headers.host}`)
  res.writeHead(200, { 'content-type': 'text/plain' }).end('hello')
}

const portOf = (url: string) => Number(new URL(url).port)

beforeAll(async () => {
  certificates = makeCertificates(['secure.stand-in.test'], [])
  plain = createServer(answer)
  plainPort = portOf(await listenOnLoopback(plain))
  secure = https.createServer({ key: certificates.key, cert: certificates.cert }, answer)
  securePort = portOf(await listenOnLoopback(secure, { tls: certificates }))
  slack = await startSlackStandIn({ serving: { host: 'slack.stand-in.test' } })
  proxy = await startConnectProxy({
    user: 'build',
    password: 'pr0xy-s3cret',
    hosts: {
      'plain.stand-in.test': '127.0.0.1',
      'secure.stand-in.test': '127.0.0.1',
      'slack.stand-in.test': '127.0.0.1'
    }
  })
})

afterAll(async () => {
  useProxy(undefined)
  await Promise.all([proxy.close(), closeServer(plain), closeServer(secure), slack.close()])
  certificates.remove()
})

beforeEach(() => {
  received.length = 0
  proxy.tunnels.length = 0
})

function useEnvironment(env: Record<string, string>): void {
  useProxy(readProxySettings({ httpProxy: '', noProxy: '' }, env))
}

test('without a proxy: direct, as before', async () => {
  useProxy(undefined)
  expect(proxySettings()).toBeUndefined()
  const response = await httpFetch(`http://127.0.0.1:${plainPort}/`)
  expect(await response.text()).toBe('hello')
  expect(proxy.tunnels).toEqual([])
})

test('through the proxy, to a name only the proxy resolves', async () => {
  useEnvironment({ http_proxy: proxy.url() })
  const response = await httpFetch(`http://plain.stand-in.test:${plainPort}/`)
  expect(await response.text()).toBe('hello')
  expect(received).toEqual([`GET plain.stand-in.test:${plainPort}`])
  expect(proxy.opened()).toEqual([`plain.stand-in.test:${plainPort}`])
})

test('the Slack client takes it too', async () => {
  useEnvironment({ HTTP_PROXY: proxy.url() })
  const client = createSlackClient(slack.token, slack.apiUrl)
  const answer = await client.web.auth.test()
  expect(answer.ok).toBe(true)
  expect(proxy.opened()).toEqual([`slack.stand-in.test:${portOf(slack.apiUrl)}`])
})

test('NO_PROXY: direct, the proxy never sees it', async () => {
  useEnvironment({ HTTP_PROXY: proxy.url(), NO_PROXY: '127.0.0.1' })
  const response = await httpFetch(`http://127.0.0.1:${plainPort}/`)
  expect(await response.text()).toBe('hello')
  expect(proxy.tunnels).toEqual([])
})

test('a refusing proxy: its own error, naming it, never the password', async () => {
  useEnvironment({ HTTPS_PROXY: proxy.url({ user: 'build', password: 'wrong-one' }) })
  const error = await httpFetch(`https://secure.stand-in.test:${securePort}/`).then(
    () => undefined,
    (caught: unknown) => caught
  )
  expect(error).toBeInstanceOf(ProxyError)
  expect((error as Error).message).toMatch(
    new RegExp(
      `^The proxy 127\\.0\\.0\\.1:${proxy.port} \\(from HTTPS_PROXY\\) refused the tunnel to secure\\.stand-in\\.test:${securePort}: 407`
    )
  )
  expect((error as Error).message).not.toContain('wrong-one')
  expect(received).toEqual([])
})

test.each(['call', 'post'] as const)(
  'a refusing proxy and the Slack client (%s): one tunnel asked for, no retry, the proxy named',
  async kind => {
    useEnvironment({ HTTP_PROXY: proxy.url({ user: 'build', password: 'wrong-one' }) })
    const waits: number[] = []
    const client = createSlackClient(slack.token, slack.apiUrl, undefined, async ms => {
      waits.push(ms)
    })
    const request = () => client.web.chat.postMessage({ channel: 'C0GRAPHS', text: 'report' })
    const error = await (kind === 'call' ? client.call(request) : client.post(request)).then(
      () => undefined,
      (caught: unknown) => caught
    )
    expect(findProxyError(error)).toBeInstanceOf(ProxyError)
    expect(findProxyError(error)?.message).toMatch(/refused the tunnel to slack\.stand-in\.test:/)
    expect(proxy.tunnels).toHaveLength(1)
    expect(waits).toEqual([])
    expect(slack.messages).toEqual([])
  }
)

test('an https target whose CA Node does not trust: the TLS error says what to do', async () => {
  useEnvironment({ HTTPS_PROXY: proxy.url() })
  const error = await httpFetch(`https://secure.stand-in.test:${securePort}/`).then(
    () => undefined,
    (caught: unknown) => caught as Error
  )
  expect(error?.message).toMatch(
    /^fetch failed \(UNABLE_TO_VERIFY_LEAF_SIGNATURE: unable to verify the first certificate.*\)\. The server’s certificate is not signed by a CA Node trusts: .*NODE_EXTRA_CA_CERTS/
  )
  expect(proxy.opened()).toEqual([`secure.stand-in.test:${securePort}`])
  expect(received).toEqual([])
})
