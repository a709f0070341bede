// A small corporate proxy for the tests: it answers CONNECT only (as the action speaks to a proxy),
// requires Basic credentials (407 without them), and knows the stand-ins' host names, which
// nothing else resolves (`*.stand-in.test`): a request that bypasses it cannot reach them. Hosts
// it does not know are refused (403, like an allow-list). Every tunnel asked for is logged.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { type Server as HttpsServer, createServer as createHttpsServer } from 'node:https'
import net from 'node:net'
import type { Duplex } from 'node:stream'
import { closeServer } from './http.js'

export interface TunnelRecord {
  /** host:port as the client asked for it. */
  target: string
  /** What the proxy answered: 200, 407, 403, 502. */
  status: number
  /** The user of the Proxy-Authorization header, when it had one. */
  user?: string
  at: number
}

export interface ConnectProxyOptions {
  user: string
  password: string
  /** Host name → the address the proxy connects to for it (e.g. 's3.stand-in.test' → '127.0.0.1'). */
  hosts: Record<string, string>
  /** Serve the proxy itself over TLS (an https:// proxy URL). */
  tls?: { key: string; cert: string }
}

export interface ConnectProxy {
  port: number
  /** The proxy's URL with these credentials (default: the right ones). */
  url(credentials?: { user: string; password: string }): string
  tunnels: TunnelRecord[]
  /** Targets of the tunnels the proxy opened (status 200), without duplicates, sorted. */
  opened(): string[]
  close(): Promise<void>
}

export async function startConnectProxy(options: ConnectProxyOptions): Promise<ConnectProxy> {
  const tunnels: TunnelRecord[] = []
  const server: Server | HttpsServer = options.tls
    ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert })
    : createServer()
  server.on('request', (_req, res) => res.writeHead(405, { allow: 'CONNECT' }).end())
  server.on('connect', (req: IncomingMessage, client: Duplex, head: Buffer) => {
    const record = (status: number, user?: string) =>
      tunnels.push({ target: req.url ?? '', status, user, at: Date.now() })
    const refuse = (status: number, reason: string, extra = '') => {
      client.end(`HTTP/1.1 ${status} ${reason}\r\n${extra}Content-Length: 0\r\n\r\n`)
    }
    client.on('error', () => undefined)
    const user = credentialsOf(req)
    if (user?.user !== options.user || user.password !== options.password) {
      record(407, user?.user)
      return refuse(407, 'Proxy Authentication Required', 'Proxy-Authenticate: Basic realm="p"\r\n')
    }
    const { host, port } = splitTarget(req.url ?? '')
    const address = options.hosts[host]
    if (!address || !port) {
      record(403, user.user)
      return refuse(403, 'Forbidden')
    }
    const upstream = net.connect({ host: address, port })
    const unreachable = () => {
      record(502, user.user)
      refuse(502, 'Bad Gateway')
    }
    upstream.once('error', unreachable)
    upstream.once('connect', () => {
      upstream.removeListener('error', unreachable)
      upstream.on('error', () => client.destroy())
      client.on('close', () => upstream.destroy())
      record(200, user.user)
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length > 0) upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  const scheme = options.tls ? 'https' : 'http'
  return {
    port,
    url: ({ user, password } = options) =>
      `${scheme}://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    tunnels,
    opened: () => [...new Set(tunnels.filter(t => t.status === 200).map(t => t.target))].sort(),
    close: () => closeServer(server)
  }
}

function credentialsOf(req: IncomingMessage): { user: string; password: string } | undefined {
  const basic = /^Basic (.+)$/i.exec(req.headers['proxy-authorization'] ?? '')?.[1]
  if (!basic) return undefined
  const text = Buffer.from(basic, 'base64').toString('utf8')
  const colon = text.indexOf(':')
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) }
}

function splitTarget(target: string): { host: string; port: number } {
  const match = /^\[?([^\]]*?)\]?:(\d+)$/.exec(target)
  return { host: match?.[1] ?? '', port: Number(match?.[2] ?? 0) }
}
