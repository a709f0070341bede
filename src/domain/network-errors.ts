// What a proxy's refusal and an untrusted certificate mean, and what to check: the words of the
// errors both HTTP stacks raise. Pure.
import { ActionError } from './errors.js'
import { type ProxyEndpoint, hostPort } from './proxy.js'

/** How a tunnel through the proxy failed. `target` is host:port of where the request was going. */
export type ProxyRefusal =
  /** The proxy answered CONNECT with this status (407, 403, 502, …). */
  | { kind: 'status'; status: number; target: string }
  /** No connection to the proxy itself: ECONNREFUSED, ENOTFOUND, a TLS failure, a closed socket. */
  | { kind: 'unreachable'; reason: string; target: string }
  | { kind: 'timeout'; seconds: number; target: string }
  /** Something answered, but not as an HTTP proxy does. */
  | { kind: 'garbled'; target: string }

/**
 * The proxy refused or could not be reached. The run ends with it: every request takes the same
 * proxy, so nothing more could be delivered. It names the proxy by host and port only, never its
 * credentials, and has no `code` or `cause` of a network error: the AWS SDK must not retry it.
 */
export class ProxyError extends ActionError {
  /** host:port of the proxy. */
  readonly proxy: string
  readonly refusal: ProxyRefusal

  constructor(proxy: ProxyEndpoint, refusal: ProxyRefusal) {
    super(refusalText(proxy, refusal))
    this.name = 'ProxyError'
    this.proxy = hostPort(proxy.host, proxy.port)
    this.refusal = refusal
  }
}

const STATUS_TEXT: Record<number, string> = {
  403: 'Forbidden',
  407: 'Proxy Authentication Required',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout'
}

function refusalText(proxy: ProxyEndpoint, refusal: ProxyRefusal): string {
  const name = `${hostPort(proxy.host, proxy.port)} (from ${proxy.source})`
  const { target } = refusal
  const direct = `or, if the runner reaches ${target} directly, list its host in no-proxy (or NO_PROXY)`
  switch (refusal.kind) {
    case 'status': {
      const status = `${refusal.status}${STATUS_TEXT[refusal.status] ? ` ${STATUS_TEXT[refusal.status]}` : ''}`
      const said = `The proxy ${name} refused the tunnel to ${target}: ${status}.`
      if (refusal.status === 407) {
        return proxy.username
          ? `${said} Check the user and password in ${proxy.source} (percent-encode special characters: @ as %40, : as %3A).`
          : `${said} The proxy wants credentials: give them in ${proxy.source} as ${proxy.protocol}//user:password@${hostPort(proxy.host, proxy.port)}.`
      }
      if (refusal.status === 403) {
        return `${said} Ask the proxy's administrators to allow ${target}, ${direct}.`
      }
      return `${said} The proxy could not reach ${target}: check that it can, ${direct}.`
    }
    case 'unreachable':
      return `Could not connect to the proxy ${name} (${refusal.reason}) for a request to ${target}. Check the proxy's host and port in ${proxy.source}, and that the proxy runs.`
    case 'timeout':
      return `The proxy ${name} did not answer within ${refusal.seconds} s when asked for a tunnel to ${target}. Check the proxy's host and port in ${proxy.source}.`
    case 'garbled':
      return `The proxy ${name} did not answer like an HTTP proxy when asked for a tunnel to ${target}. Check that ${proxy.source} names an HTTP proxy (http://, or https:// for TLS to the proxy) and its port.`
  }
}

/** The ProxyError behind an error, however it was wrapped (`cause`, or `original` by the Slack client). */
export function findProxyError(error: unknown): ProxyError | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null; depth++) {
    if (current instanceof ProxyError) return current
    const { cause, original } = current as { cause?: unknown; original?: unknown }
    current = cause ?? original
  }
  return undefined
}

/** Node's codes for a certificate chain that does not end at a CA it trusts. */
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED'
])

/**
 * What to do about a TLS error's code, or '' when it is not about trusting a certificate. No final
 * period: it ends a sentence that callers go on (awsErrorText's callers add '. ' and their hint).
 */
export function certificateHint(code: unknown): string {
  if (typeof code !== 'string' || !UNTRUSTED.has(code)) return ''
  return 'The server’s certificate is not signed by a CA Node trusts: behind a proxy that re-signs TLS with a corporate CA, set NODE_EXTRA_CA_CERTS to that CA’s PEM file (in the job’s env)'
}
