// The Slack client: one place for its retries, timeouts and HTTP, and Slack's errors mapped to
// their fix.
import * as core from '@actions/core'
import { LogLevel, WebClient, type Logger } from '@slack/web-api'
import { describeError } from '../domain/errors.js'
import { httpFetch } from '../http.js'
import { logLine } from '../domain/text.js'

/** Per-request timeout. @slack/web-api has none by default. */
const REQUEST_TIMEOUT_MS = 30000

export function createSlackClient(token: string, apiUrl: string): WebClient {
  return new WebClient(token, {
    slackApiUrl: apiUrl,
    timeout: REQUEST_TIMEOUT_MS,
    // The default policy retries for about 30 minutes; a scheduled report should give up sooner.
    retryConfig: { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 8000, randomize: true },
    logger: actionsLogger(),
    headers: { 'User-Agent': 'cloudwatch-graphs-to-slack/1' },
    fetch: httpFetch
  })
}

/** Slack allows about one message per second per channel. */
export const MESSAGE_INTERVAL_MS = 1000

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

export interface SlackErrorData {
  error?: string
  response_metadata?: { messages?: string[] }
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
  is_archived: 'the channel is archived'
}

/** `code (Slack's details): what to do`, from an error of @slack/web-api. */
export function slackErrorText(error: unknown): string {
  const data = slackErrorData(error)
  const code = data?.error
  if (!code) return describeError(error)
  const details = data.response_metadata?.messages?.join('; ')
  const hint = Object.hasOwn(HINTS, code) ? HINTS[code] : undefined
  return `${code}${details ? ` (${details})` : ''}${hint ? `: ${hint}` : ''}`
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
