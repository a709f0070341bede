// A CONNECT tunnel through an HTTP proxy to one host:port: what both HTTP stacks use when a request
// goes through the proxy (src/http.ts for undici, src/aws/proxy-agents.ts for the AWS SDK), so a
// proxy behaves, and fails, the same way for every outside system. The tunnel is a plain socket to
// the target; an https target's TLS runs inside it, end to end, with Node's trusted CAs (and so
// NODE_EXTRA_CA_CERTS).
import net from 'node:net'
import tls from 'node:tls'
import { ProxyError, type ProxyRefusal } from './domain/network-errors.js'
import { type ProxyEndpoint, hostPort } from './domain/proxy.js'

/** The most a proxy's answer to CONNECT may hold before its blank line. */
const MAX_ANSWER_BYTES = 16 * 1024

/** Opens a tunnel to host:port, or rejects with a ProxyError that names the proxy (never its password). */
export function openTunnel(
  proxy: ProxyEndpoint,
  host: string,
  port: number,
  timeoutMs: number
): Promise<net.Socket> {
  const target = hostPort(host, port)
  return new Promise((resolve, reject) => {
    const socket = connectToProxy(proxy)
    let answer = Buffer.alloc(0)
    const done = () => {
      socket.removeListener('readable', onReadable)
      socket.removeListener('end', onEnd)
      socket.removeListener('error', onError)
      socket.setTimeout(0)
      socket.removeListener('timeout', onTimeout)
    }
    const fail = (refusal: ProxyRefusal) => {
      done()
      socket.on('error', () => undefined).destroy()
      reject(new ProxyError(proxy, refusal))
    }
    const onError = (error: Error & { code?: string }) =>
      fail({ kind: 'unreachable', reason: error.code ?? error.message, target })
    const onEnd = () => fail({ kind: 'unreachable', reason: 'it closed the connection', target })
    const onTimeout = () => fail({ kind: 'timeout', seconds: timeoutMs / 1000, target })
    const onReadable = () => {
      let chunk: Buffer | null
      while ((chunk = socket.read() as Buffer | null) !== null) {
        answer = Buffer.concat([answer, chunk])
        const end = answer.indexOf('\r\n\r\n')
        if (end >= 0) return settle(answer.subarray(0, end), answer.subarray(end + 4))
        if (answer.length > MAX_ANSWER_BYTES) return fail({ kind: 'garbled', target })
      }
    }
    const settle = (head: Buffer, rest: Buffer) => {
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(head.toString('latin1'))?.[1])
      if (!status) return fail({ kind: 'garbled', target })
      if (status < 200 || status > 299) return fail({ kind: 'status', status, target })
      done()
      // Errors after this are the request's; this keeps one that arrives before its listener
      // from crashing the process.
      socket.on('error', () => undefined)
      if (rest.length > 0) socket.unshift(rest)
      resolve(socket)
    }
    socket.setTimeout(timeoutMs, onTimeout)
    socket.on('error', onError)
    socket.on('end', onEnd)
    socket.once(proxy.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
      socket.write(connectRequest(proxy, target))
      socket.on('readable', onReadable)
    })
  })
}

function connectToProxy(proxy: ProxyEndpoint): net.Socket {
  if (proxy.protocol === 'http:') return net.connect({ host: proxy.host, port: proxy.port })
  return tls.connect({
    host: proxy.host,
    port: proxy.port,
    servername: net.isIP(proxy.host) ? undefined : proxy.host,
    ALPNProtocols: ['http/1.1']
  })
}

/** `CONNECT host:port`, with the proxy's credentials (Basic) when its URL has them. */
export function connectRequest(proxy: ProxyEndpoint, target: string): string {
  const lines = [`CONNECT ${target} HTTP/1.1`, `Host: ${target}`]
  if (proxy.username !== undefined || proxy.password !== undefined) {
    const credentials = `${proxy.username ?? ''}:${proxy.password ?? ''}`
    lines.push(`Proxy-Authorization: Basic ${Buffer.from(credentials).toString('base64')}`)
  }
  return `${lines.join('\r\n')}\r\n\r\n`
}
