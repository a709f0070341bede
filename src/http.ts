// The one HTTP client for every request outside the AWS SDK: Slack's Web API, Slack's upload URLs
// and the presigned-URL checks. It is undici, the copy @actions/core already loads for its own
// HTTP client, so the action initialises one HTTP stack rather than a second one behind Node's
// global fetch(). Whatever a request needs on its way out (a proxy, a deadline) is set here, once,
// for all of them; the AWS clients read the run's proxy from here too (aws/proxy-agents.ts).
import { Agent, buildConnector, fetch as undiciFetch } from 'undici'
import { certificateHint, findProxyError } from './domain/network-errors.js'
import { type ProxySettings, proxyFor } from './domain/proxy.js'
import { openTunnel } from './tunnel.js'

export type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>

const CONNECT_TIMEOUT_MS = 10_000

let proxy: ProxySettings | undefined
let dispatcher: Agent | undefined

/** The run's proxy (inputs and environment): set once, by connect.ts, before the first request. */
export function useProxy(settings: ProxySettings | undefined): void {
  proxy = settings
  dispatcher = undefined
}

export function proxySettings(): ProxySettings | undefined {
  return proxy
}

/** No request waits forever: not for a connection, not for headers, not between body chunks. */
function currentDispatcher(): Agent {
  dispatcher ??= new Agent({ connect: connector(), headersTimeout: 30_000, bodyTimeout: 30_000 })
  return dispatcher
}

/**
 * Each new connection, direct or through a CONNECT tunnel, as the proxy settings decide for its
 * host (undici's own ProxyAgent takes one proxy for every host, and its EnvHttpProxyAgent reads
 * NO_PROXY otherwise than curl). TLS to an https target runs inside the tunnel.
 */
function connector(): buildConnector.connector {
  const direct = buildConnector({ timeout: CONNECT_TIMEOUT_MS })
  const settings = proxy
  if (!settings) return direct
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80)
    const through = proxyFor(settings, options.protocol, options.hostname, port)
    if (!through) return direct(options, callback)
    openTunnel(through, options.hostname, port, CONNECT_TIMEOUT_MS).then(
      socket => {
        if (options.protocol === 'https:') direct({ ...options, httpSocket: socket }, callback)
        else callback(null, socket)
      },
      (error: Error) => callback(error, null)
    )
  }
}

export const httpFetch: Fetch = async (url, init) => {
  try {
    const response = await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher: currentDispatcher()
    })
    return response as unknown as Response
  } catch (error) {
    throw findProxyError(error) ?? withCause(error)
  }
}

/**
 * The fetch every caller uses: each request (each attempt, when the caller retries) is stopped
 * after `attemptMs` (the run's per-attempt limit, from input 'timeout'), or as soon as `stop` fires
 * (the run's work deadline), whichever comes first. A request's own signal still counts.
 */
export function fetchWithin(attemptMs: number, stop?: AbortSignal): Fetch {
  return (url, init = {}) => {
    const signals = [AbortSignal.timeout(attemptMs), init.signal, stop]
    const signal = AbortSignal.any(signals.filter((s): s is AbortSignal => Boolean(s)))
    return httpFetch(url, { ...init, signal })
  }
}

/**
 * A request stopped by its per-attempt limit: AbortSignal.timeout's TimeoutError (a DOMException,
 * which a library may have turned into a plain Error carrying its words).
 */
export function isTimeout(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown }
  return name === 'TimeoutError' || /^TimeoutError: /.test(String(message))
}

/**
 * fetch() fails with a bare "fetch failed"; the reason (ECONNREFUSED, a DNS or TLS failure) is in
 * its cause. Say it, so a failed request explains itself. An abort (a timeout) is left as it is.
 */
function withCause(error: unknown): unknown {
  // Duck-typed: Node's own errors (TLS, sockets) may come from another realm than this Error.
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause
  if (!(error instanceof TypeError) || typeof cause?.message !== 'string') return error
  const reason = typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message
  if (!reason || error.message.includes(reason)) return error
  const hint = certificateHint(cause.code)
  return new TypeError(`${error.message} (${reason})${hint ? `. ${hint}` : ''}`, {
    cause: error.cause
  })
}
