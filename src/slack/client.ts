// The Slack client: one place for its retries, timeouts and HTTP. @slack/web-api's own retries are
// off: they would repeat a post whose answer was lost, and sleep out any Retry-After however long.
// Here a call that may safely repeat is retried on anything transient; a call that posts is
// retried only while it surely never reached Slack; and no wait outlasts the run's `timeout`.
import * as core from '@actions/core'
import { LogLevel, WebClient, type Logger } from '@slack/web-api'
import { sleep } from '../domain/concurrency.js'
import { ActionError } from '../domain/errors.js'
import { formatSeconds } from '../domain/durations.js'
import { logLine } from '../domain/text.js'
import { type Fetch, fetchWithin, isTimeout } from '../http.js'
import { classifySlackFailure } from './errors.js'

export { slackErrorData, slackErrorText } from './errors.js'

/** Slack allows about one message per second per channel. */
export const MESSAGE_INTERVAL_MS = 1000

/** Attempts of one call, when it fails in a way worth another try (rate limits aside). */
const ATTEMPTS = 4
/** Rate limits waited out in one call, each as long as Slack's Retry-After says. */
const RATE_LIMIT_WAITS = 5

export { sleep }

/** What the client needs of the run's deadline. */
export interface SlackTime {
  /** How long one attempt may wait for its answer. */
  attemptMs: number
  /** What is left of input 'timeout'. */
  remainingMs(): number
}

/** The time of a run with the default timeout (10 minutes), for callers without a deadline. */
export const TEN_MINUTES: SlackTime = { attemptMs: 30000, remainingMs: () => 600000 }

/** A post that may have reached Slack, whose answer did not come back. */
export class AnswerLost extends Error {
  constructor(cause: unknown) {
    super(`Slack's answer was lost (${describeCause(cause)})`, { cause })
    this.name = 'AnswerLost'
  }
}

export class SlackClient {
  readonly web: WebClient
  /** The HTTP of every Slack request (the Web API and the upload URLs), with the attempt limit. */
  readonly fetch: Fetch

  constructor(
    token: string,
    apiUrl: string,
    readonly time: SlackTime = TEN_MINUTES,
    readonly sleep: (ms: number) => Promise<void> = sleep
  ) {
    this.fetch = fetchWithin(time.attemptMs)
    this.web = new WebClient(token, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: actionsLogger(),
      headers: { 'User-Agent': 'cloudwatch-graphs-to-slack/1' },
      fetch: this.fetch
    })
  }

  /** A call that may safely be repeated (it reads, or asks for an upload URL). */
  call<T>(request: () => Promise<T>): Promise<T> {
    return this.attempts(request, true)
  }

  /**
   * A call that posts. Retried while it surely never reached Slack (no connection, a 429); when it
   * may have (its answer was lost), it rejects with AnswerLost and the caller finds out.
   */
  post<T>(request: () => Promise<T>): Promise<T> {
    return this.attempts(request, false)
  }

  private async attempts<T>(request: () => Promise<T>, mayRepeat: boolean): Promise<T> {
    let rateLimits = 0
    for (let attempt = 1; ;) {
      try {
        return await request()
      } catch (error) {
        const kind = classifySlackFailure(error)
        if (kind === 'refused') throw error
        if (kind === 'rate-limited' && rateLimits < RATE_LIMIT_WAITS) {
          rateLimits += 1
          await this.waitOutRateLimit(error)
          continue
        }
        if (kind === 'lost' && !mayRepeat) throw new AnswerLost(error)
        const wait = 1000 * 2 ** (attempt - 1)
        if (attempt >= ATTEMPTS || !this.allows(wait)) throw error
        attempt += 1
        await this.sleep(wait)
      }
    }
  }

  /** Waits as long as Slack asks, unless that outlasts the run: then fails at once, saying so. */
  private async waitOutRateLimit(error: unknown): Promise<void> {
    const seconds = Math.max(1, Number((error as { retryAfter?: unknown }).retryAfter) || 1)
    if (!this.allows(seconds * 1000)) {
      throw new ActionError(
        `Slack rate-limited the app for ${seconds} seconds (Retry-After), longer than the ${formatSeconds(this.time.remainingMs() / 1000)} left of input 'timeout': not waiting. Slack counts every call of the app to a method: post less often (or from fewer workflows at once), or raise timeout.`,
        { cause: error }
      )
    }
    core.info(logLine(`Slack rate-limited the app: waiting ${seconds} s (Retry-After)`))
    await this.sleep(seconds * 1000)
  }

  /** Whether one more attempt after `waitMs` still ends before the run does. */
  private allows(waitMs: number): boolean {
    return waitMs + this.time.attemptMs <= this.time.remainingMs()
  }
}

export function createSlackClient(
  token: string,
  apiUrl: string,
  time: SlackTime = TEN_MINUTES,
  pause: (ms: number) => Promise<void> = sleep
): SlackClient {
  return new SlackClient(token, apiUrl, time, pause)
}

function describeCause(cause: unknown): string {
  const status = (cause as { statusCode?: unknown }).statusCode
  if (typeof status === 'number') return `HTTP ${status}`
  const error = (cause as { original?: unknown }).original ?? cause
  if (isTimeout(error)) return 'no answer in time'
  if (error instanceof Error) return error.message
  return String(error)
}

/** Routes the client's log lines to the Actions log (debug unless they matter). */
function actionsLogger(): Logger {
  const text = (parts: unknown[]) => parts.map(part => String(part)).join(' ')
  return {
    // Request bodies and results hold the presigned URLs (bearer links): never in the log.
    debug: (...parts) => {
      const line = text(parts)
      if (!/^http request (body|result)/.test(line)) core.debug(line)
    },
    info: (...parts) => core.info(logLine(text(parts))),
    warn: (...parts) => core.info(logLine(text(parts))),
    error: (...parts) => core.info(logLine(text(parts))),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined
  }
}
