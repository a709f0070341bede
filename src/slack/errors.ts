// Slack's errors: what @slack/web-api throws, read one way, and each refusal mapped to its fix.
import { ErrorCode } from '@slack/web-api'
import { describeError } from '../domain/errors.js'
import { findProxyError } from '../domain/network-errors.js'
import { isTimeout } from '../http.js'

export interface SlackErrorData {
  error?: string
  /** Some methods put their details here (invalid_blocks' image errors among them)… */
  errors?: unknown[]
  /** …others here, each prefixed `[ERROR] ` or `[WARN] `. */
  response_metadata?: { messages?: string[] }
  /** missing_scope: the scope the method needs. */
  needed?: string
}

export function slackErrorData(error: unknown): SlackErrorData | undefined {
  return (error as { data?: SlackErrorData } | undefined)?.data
}

const HINTS: Record<string, string> = {
  not_in_channel: 'invite the Slack app to the channel (/invite @your-app)',
  channel_not_found:
    'check slack-channel (use the channel id, e.g. C0123ABCDEF) and that the app can see the channel',
  invalid_auth: 'slack-token is not valid: use the bot token (xoxb-…) of an installed app',
  not_authed: 'slack-token is missing or empty',
  account_inactive: 'the token belongs to a deleted user or an uninstalled app: reinstall the app',
  token_revoked: 'the token was revoked: reinstall the app and update the secret',
  missing_scope:
    'the app lacks a scope: chat:write to post (files:write too with delivery: slack-upload); add it and reinstall the app',
  ratelimited: 'Slack rate-limited the app: post less often',
  invalid_blocks:
    'Slack could not use a block; when it says "downloading image failed", Slack could not fetch an image URL',
  is_archived: 'the channel is archived: unarchive it, or post to a channel that is not'
}

/**
 * Refusals about the app or its token, not a channel: every other channel would meet them too, so
 * the run stops at the first instead of trying each channel in turn.
 */
const APP_WIDE = [
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'missing_scope'
]

/** Whether Slack's refusal, however deep in the error's causes, is about the app, not a channel. */
export function isAppWideRefusal(error: unknown): boolean {
  for (let at: unknown = error, depth = 0; at && depth < 6; depth++) {
    const code = slackErrorData(at)?.error
    if (code && APP_WIDE.includes(code)) return true
    at = (at as { cause?: unknown }).cause
  }
  return false
}

/** Slack's details of a refusal, from `errors` and `response_metadata.messages`, each once. */
export function slackDetails(data: SlackErrorData | undefined): string[] {
  const texts = [...(data?.errors ?? []), ...(data?.response_metadata?.messages ?? [])]
    .map(detail => (typeof detail === 'string' ? detail : JSON.stringify(detail)))
    .map(detail => detail.replace(/^\[(ERROR|WARN)\]\s*/, ''))
  return [...new Set(texts)]
}

/**
 * `code (Slack's details): what to do`, from an error of @slack/web-api; for a request that got
 * no answer from Slack, what happened to it.
 */
export function slackErrorText(error: unknown): string {
  const data = slackErrorData(error)
  const code = data?.error
  if (!code) return requestErrorText(error)
  const details = slackDetails(data).join('; ')
  const hint = Object.hasOwn(HINTS, code) ? HINTS[code] : undefined
  return `${code}${details ? ` (${details})` : ''}${hint ? `: ${hint}` : ''}`
}

/** A request Slack did not answer: no connection, no answer in time, or an HTTP error. */
function requestErrorText(error: unknown): string {
  const { code, statusCode, original } = (error ?? {}) as {
    code?: unknown
    statusCode?: unknown
    original?: unknown
  }
  if (code === ErrorCode.HTTPError) return `HTTP ${String(statusCode)} from Slack's address`
  if (code !== ErrorCode.RequestError) return describeError(error)
  if (isTimeout(original)) {
    return "no answer from Slack in time (each attempt is limited by input 'timeout')"
  }
  return `the request to Slack failed (${describeError(original)})`
}

/**
 * What a failed call means for a retry:
 * - `refused`: Slack answered and said no (or the call never made sense, or the run's proxy refused
 *   the tunnel): do not retry;
 * - `rate-limited`: a 429 with Retry-After: nothing happened, wait and retry;
 * - `not-sent`: the request never reached Slack (no connection): retry;
 * - `lost`: the request may have reached Slack, but its answer did not come back (a timeout after
 *   sending, a reset, a 5xx from a proxy, Slack's own fatal_error): a post may have happened.
 */
export type FailureKind = 'refused' | 'rate-limited' | 'not-sent' | 'lost'

/** Slack's own words for "it may or may not have happened", and for "it did not happen, retry". */
const MAYBE_DONE = ['fatal_error', 'internal_error']
const NOT_DONE = ['service_unavailable', 'request_timeout']
/** Node and undici codes of a request that never left: no connection was made. */
const NO_CONNECTION =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/

export function classifySlackFailure(error: unknown): FailureKind {
  // A proxy that refused the tunnel: the request never left, and no retry gets past it; the run
  // ends with the proxy's own words.
  if (findProxyError(error)) return 'refused'
  const code = (error as { code?: unknown } | undefined)?.code
  switch (code) {
    case ErrorCode.RateLimitedError:
      return 'rate-limited'
    case ErrorCode.PlatformError: {
      const slackCode = slackErrorData(error)?.error ?? ''
      if (MAYBE_DONE.includes(slackCode)) return 'lost'
      return NOT_DONE.includes(slackCode) ? 'not-sent' : 'refused'
    }
    case ErrorCode.HTTPError: {
      const status = (error as { statusCode?: number }).statusCode ?? 0
      return status >= 500 || status === 408 ? 'lost' : 'refused'
    }
    case ErrorCode.RequestError:
      return causeCodes(error).some(c => NO_CONNECTION.test(c)) ? 'not-sent' : 'lost'
    default:
      return 'refused'
  }
}

/** Every `code` along the error's cause chain (undici nests them: fetch failed → connect error). */
function causeCodes(error: unknown): string[] {
  const codes: string[] = []
  for (let at: unknown = error, depth = 0; at && depth < 6; depth++) {
    const { code, cause, original } = at as { code?: unknown; cause?: unknown; original?: unknown }
    if (typeof code === 'string') codes.push(code)
    at = original ?? cause
  }
  return codes
}
