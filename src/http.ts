// The one HTTP client for every request outside the AWS SDK: Slack's Web API, Slack's upload URLs
// and the presigned-URL checks. It is undici, the copy @actions/core already loads for its own
// HTTP client, so the action initialises one HTTP stack rather than a second one behind Node's
// global fetch(). Whatever a request needs on its way out (a proxy, a deadline) is set here, once,
// for all of them.
import { Agent, fetch as undiciFetch } from 'undici'

export type Fetch = (url: string | URL, init?: RequestInit) => Promise<Response>

/** No request waits forever: not for a connection, not for headers, not between body chunks. */
const dispatcher = new Agent({
  connect: { timeout: 10_000 },
  headersTimeout: 30_000,
  bodyTimeout: 30_000
})

export const httpFetch: Fetch = async (url, init) => {
  try {
    const response = await undiciFetch(url, {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher
    })
    return response as unknown as Response
  } catch (error) {
    throw withCause(error)
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
  if (!(error instanceof TypeError) || !(error.cause instanceof Error)) return error
  const cause = error.cause as Error & { code?: unknown }
  const reason = typeof cause.code === 'string' ? `${cause.code}: ${cause.message}` : cause.message
  if (!reason || error.message.includes(reason)) return error
  return new TypeError(`${error.message} (${reason})`, { cause: error.cause })
}
