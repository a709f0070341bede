// The CONNECT tunnel both HTTP stacks use, against the test's proxy: a tunnel that carries plain
// HTTP and TLS end to end, and every way a proxy can refuse, each a ProxyError that names the
// proxy and never its password.
import { once } from 'node:events'
import { createServer, type Server } from 'node:net'
import tls from 'node:tls'
import { ProxyError } from '../src/domain/network-errors.js'
import { parseProxyUrl } from '../src/domain/proxy.js'
import { connectRequest, openTunnel } from '../src/tunnel.js'
import { type ConnectProxy, startConnectProxy } from '../test-support/connect-proxy.js'
import { type TestCertificates, makeCertificates } from '../test-support/tls-certs.js'

const PASSWORD = 'pr0xy-s3cret'
let proxy: ConnectProxy
let echo: Server
let echoPort: number
let certificates: TestCertificates
let secure: tls.Server
let securePort: number
const servers: Server[] = []

/** A TCP server on 127.0.0.1 that does `onSocket` with every connection; its port. */
async function listen(server: Server): Promise<number> {
  servers.push(server)
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  return typeof address === 'object' && address ? address.port : 0
}

async function closedPort(): Promise<number> {
  const server = createServer()
  const port = await listen(server)
  await new Promise(resolve => server.close(resolve))
  return port
}

beforeAll(async () => {
  certificates = makeCertificates(['secure.stand-in.test'], [])
  echo = createServer(socket => socket.pipe(socket))
  echoPort = await listen(echo)
  secure = tls.createServer({ key: certificates.key, cert: certificates.cert }, socket =>
    socket.end('hello over TLS')
  )
  securePort = await listen(secure)
  proxy = await startConnectProxy({
    user: 'build',
    password: PASSWORD,
    hosts: { 'echo.stand-in.test': '127.0.0.1', 'secure.stand-in.test': '127.0.0.1' }
  })
})

afterAll(async () => {
  await proxy.close()
  for (const server of servers) server.close()
  certificates.remove()
})

const through = (url = proxy.url()) => parseProxyUrl(url, 'HTTPS_PROXY')

async function refusal(promise: Promise<unknown>): Promise<ProxyError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(ProxyError)
    expect((error as Error).message).not.toContain(PASSWORD)
    return error as ProxyError
  }
  throw new Error('the tunnel opened')
}

test('a tunnel carries bytes both ways, to a host only the proxy resolves', async () => {
  const socket = await openTunnel(through(), 'echo.stand-in.test', echoPort, 5000)
  socket.write('ping')
  const [data] = (await once(socket, 'data')) as [Buffer]
  expect(data.toString()).toBe('ping')
  socket.destroy()
  expect(proxy.tunnels.at(-1)).toMatchObject({
    target: `echo.stand-in.test:${echoPort}`,
    status: 200,
    user: 'build'
  })
})

test('TLS runs inside the tunnel, end to end, checked against the CA given', async () => {
  const socket = await openTunnel(through(), 'secure.stand-in.test', securePort, 5000)
  const secured = tls.connect({
    socket,
    servername: 'secure.stand-in.test',
    ca: certificates.caPem
  })
  const [data] = (await once(secured, 'data')) as [Buffer]
  expect(data.toString()).toBe('hello over TLS')
  secured.destroy()
})

test('407: a wrong password', async () => {
  const url = proxy.url({ user: 'build', password: 'wrong-password' })
  const error = await refusal(openTunnel(through(url), 'echo.stand-in.test', echoPort, 5000))
  expect(error.refusal).toEqual({
    kind: 'status',
    status: 407,
    target: `echo.stand-in.test:${echoPort}`
  })
  expect(error.message).toMatch(/^The proxy 127\.0\.0\.1:\d+ \(from HTTPS_PROXY\) refused/)
  expect(error.message).not.toContain('wrong-password')
})

test('407: no credentials', async () => {
  const url = `http://127.0.0.1:${proxy.port}`
  const error = await refusal(openTunnel(through(url), 'echo.stand-in.test', echoPort, 5000))
  expect(error.message).toMatch(/The proxy wants credentials/)
})

test('403: a host the proxy does not allow', async () => {
  const error = await refusal(openTunnel(through(), 'elsewhere.example', 443, 5000))
  expect(error.refusal).toMatchObject({ kind: 'status', status: 403 })
})

test('502: the proxy cannot reach the host', async () => {
  const error = await refusal(openTunnel(through(), 'echo.stand-in.test', await closedPort(), 5000))
  expect(error.refusal).toMatchObject({ kind: 'status', status: 502 })
})

test('no proxy on that port: ECONNREFUSED', async () => {
  const url = `http://build:${PASSWORD}@127.0.0.1:${await closedPort()}`
  const error = await refusal(openTunnel(through(url), 'echo.stand-in.test', echoPort, 5000))
  expect(error.refusal).toMatchObject({ kind: 'unreachable', reason: 'ECONNREFUSED' })
  expect(error.message).toMatch(/^Could not connect to the proxy 127\.0\.0\.1:\d+/)
})

test('a proxy that never answers: a timeout', async () => {
  const silent = createServer(() => undefined)
  const port = await listen(silent)
  const error = await refusal(openTunnel(through(`http://127.0.0.1:${port}`), 'a.test', 443, 100))
  expect(error.refusal).toMatchObject({ kind: 'timeout', seconds: 0.1 })
})

test('something that is not an HTTP proxy', async () => {
  const ssh = createServer(socket => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'))
  const port = await listen(ssh)
  const error = await refusal(openTunnel(through(`http://127.0.0.1:${port}`), 'a.test', 443, 5000))
  expect(error.refusal).toMatchObject({ kind: 'garbled' })
})

test('an answer that never ends its headers', async () => {
  const chatty = createServer(socket => socket.write('HTTP/1.1 200 OK\r\n' + 'x'.repeat(20000)))
  const port = await listen(chatty)
  const error = await refusal(openTunnel(through(`http://127.0.0.1:${port}`), 'a.test', 443, 5000))
  expect(error.refusal).toMatchObject({ kind: 'garbled' })
})

test('a proxy that hangs up without an answer', async () => {
  const rude = createServer(socket => socket.end())
  const port = await listen(rude)
  const error = await refusal(openTunnel(through(`http://127.0.0.1:${port}`), 'a.test', 443, 5000))
  expect(error.refusal).toMatchObject({ kind: 'unreachable', reason: 'it closed the connection' })
})

test('an https:// proxy whose certificate Node does not trust: named, with the TLS code', async () => {
  const proxied = await startConnectProxy({
    user: 'build',
    password: PASSWORD,
    hosts: {},
    tls: { key: certificates.key, cert: certificates.cert }
  })
  try {
    const error = await refusal(openTunnel(through(proxied.url()), 'a.test', 443, 5000))
    expect(error.refusal).toMatchObject({ kind: 'unreachable' })
    expect(error.message).toMatch(
      /\((UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID)\)/
    )
  } finally {
    await proxied.close()
  }
})

test('the CONNECT request: the target, its Host, Basic credentials when the URL has them', () => {
  expect(connectRequest(through('http://build:p%40ss@proxy:1'), 'a.test:443')).toBe(
    'CONNECT a.test:443 HTTP/1.1\r\nHost: a.test:443\r\n' +
      `Proxy-Authorization: Basic ${Buffer.from('build:p@ss').toString('base64')}\r\n\r\n`
  )
  expect(connectRequest(through('http://proxy:1'), '[::1]:443')).toBe(
    'CONNECT [::1]:443 HTTP/1.1\r\nHost: [::1]:443\r\n\r\n'
  )
})
