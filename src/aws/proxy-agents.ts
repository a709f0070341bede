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

/**
 * A node:http(s) agent that sends each connection direct or through a CONNECT tunnel, as the proxy
 * settings say for its host. For https, TLS to the service runs inside the tunnel.
 */
function tunnellingAgent(protocol: 'http:' | 'https:', settings: ProxySettings): http.Agent {
  const Base: typeof http.Agent = protocol === 'https:' ? https.Agent : http.Agent
  const defaultPort = protocol === 'https:' ? 443 : 80
  return new (class extends Base {
    override createConnection(options: http.ClientRequestArgs, callback?: Callback) {
      const host = options.host ?? 'localhost'
      const port = Number(options.port) || defaultPort
      const through = proxyFor(settings, protocol, host, port)
      if (!through) return super.createConnection(options)
      if (!callback) throw new Error('a tunnel through the proxy opens asynchronously')
      openTunnel(through, host, port, TUNNEL_TIMEOUT_MS).then(socket => {
        if (protocol === 'http:') return callback(null, socket)
        // Handed over once TLS is up, so that a certificate Node does not trust fails the
        // request with its own error.
        const secure = super.createConnection({ ...options, socket } as never) as TLSSocket
        const onError = (error: Error) => callback(error, secure)
        secure.once('error', onError)
        secure.once('secureConnect', () => {
          secure.removeListener('error', onError)
          callback(null, secure)
        })
      }, callbackError(callback))
      return undefined
    }
  })(POOL)
}

function callbackError(callback: Callback): (error: Error) => void {
  return error => callback(error, undefined as unknown as Duplex)
}

let agents: { for: ProxySettings; httpAgent: http.Agent; httpsAgent: http.Agent } | undefined

/**
 * The agents for every AWS client of the run, when it has a proxy (shared, so the clients share
 * their tunnels); none otherwise, and the SDK makes its own.
 */
export function proxyAgents(): { httpAgent?: http.Agent; httpsAgent?: http.Agent } {
  const settings = proxySettings()
  if (!settings) return {}
  if (agents?.for !== settings) {
    agents = {
      for: settings,
      httpAgent: tunnellingAgent('http:', settings),
      httpsAgent: tunnellingAgent('https:', settings)
    }
  }
  return { httpAgent: agents.httpAgent, httpsAgent: agents.httpsAgent }
}
