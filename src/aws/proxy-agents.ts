// The AWS SDK's sockets, through the proxy: node:http(s) agents for its NodeHttpHandler that decide
// per connection, as the proxy settings say for its host, to go direct or through a CONNECT
// tunnel (../tunnel.ts). undici's dispatcher cannot serve the SDK's node:http handler, and no
// proxy agent package is needed for this much.
import http from 'node:http'
import https from 'node:https'
import type { Duplex } from 'node:stream'
import type { TLSSocket } from 'node:tls'
import { type ProxySettings, proxyFor } from '../domain/proxy.js'
import { proxySettings } from '../http.js'
import { openTunnel } from '../tunnel.js'

type Callback = (error: Error | null, stream: Duplex) => void

/** The pool NodeHttpHandler makes for itself when given no agent. */
const POOL = { keepAlive: true, maxSockets: 50 }

/**
 * The SDK's connection timeout covers the tunnel too (the socket is the request's once the tunnel
 * is up); this one only frees the socket of a proxy that never answers.
 */
const TUNNEL_TIMEOUT_MS = 10_000

class ProxyHttpsAgent extends https.Agent {
  constructor(private readonly settings: ProxySettings) {
    super(POOL)
  }

  override createConnection(options: https.RequestOptions, callback?: Callback) {
    const host = options.host ?? 'localhost'
    const port = Number(options.port) || 443
    const through = proxyFor(this.settings, 'https:', host, port)
    if (!through) return super.createConnection(options)
    if (!callback) throw new Error('a tunnel through the proxy opens asynchronously')
    openTunnel(through, host, port, TUNNEL_TIMEOUT_MS).then(socket => {
      // TLS to the service inside the tunnel; handed over once it is up, so that a certificate
      // Node does not trust fails the request with its own error.
      const secure = super.createConnection({ ...options, socket } as https.RequestOptions)
      const ready = secure as TLSSocket
      const onError = (error: Error) => callback(error, ready)
      ready.once('error', onError)
      ready.once('secureConnect', () => {
        ready.removeListener('error', onError)
        callback(null, ready)
      })
    }, callbackError(callback))
    return undefined
  }
}

class ProxyHttpAgent extends http.Agent {
  constructor(private readonly settings: ProxySettings) {
    super(POOL)
  }

  override createConnection(options: http.ClientRequestArgs, callback?: Callback) {
    const host = options.host ?? 'localhost'
    const port = Number(options.port) || 80
    const through = proxyFor(this.settings, 'http:', host, port)
    if (!through) return super.createConnection(options)
    if (!callback) throw new Error('a tunnel through the proxy opens asynchronously')
    openTunnel(through, host, port, TUNNEL_TIMEOUT_MS).then(
      socket => callback(null, socket),
      callbackError(callback)
    )
    return undefined
  }
}

function callbackError(callback: Callback): (error: Error) => void {
  return error => callback(error, undefined as unknown as Duplex)
}

let agents: { for: ProxySettings; httpAgent: http.Agent; httpsAgent: https.Agent } | undefined

/**
 * The agents for every AWS client of the run, when it has a proxy (shared, so the clients share
 * their tunnels); none otherwise, and the SDK makes its own.
 */
export function proxyAgents(): { httpAgent?: http.Agent; httpsAgent?: https.Agent } {
  const settings = proxySettings()
  if (!settings) return {}
  if (agents?.for !== settings) {
    agents = {
      for: settings,
      httpAgent: new ProxyHttpAgent(settings),
      httpsAgent: new ProxyHttpsAgent(settings)
    }
  }
  return { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent }
}
