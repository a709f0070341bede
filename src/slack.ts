// The Slack side: one bounded client, messages posted in order, errors mapped to their fix.
import * as core from '@actions/core'
import { LogLevel, WebClient, type Logger } from '@slack/web-api'
import { nodeFetch } from './node-fetch.js'
import { ActionError, PostError, describeError } from './errors.js'
import { type SlackMessage, type ThreadMessages, imagesAsLinks } from './message.js'

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
    fetch: nodeFetch
  })
}

export interface PostResult {
  channel: string
  ts: string
}

/** Slack allows about one message per second per channel. */
export const MESSAGE_INTERVAL_MS = 1000

export interface PostOptions {
  /** Post into this thread. */
  threadTs?: string
  /** Wait this long between messages (Slack's per-channel pace). */
  paceMs?: number
  sleep?: (ms: number) => Promise<void>
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms))

/**
 * Posts the messages in order; returns where each one landed. A message whose images Slack could
 * not download is posted again with links instead, once, with a warning.
 */
export async function postMessages(
  client: WebClient,
  channel: string,
  messages: readonly SlackMessage[],
  options: PostOptions = {}
): Promise<PostResult[]> {
  const results: PostResult[] = []
  for (const [index, message] of messages.entries()) {
    if (index > 0 && options.paceMs) await (options.sleep ?? sleep)(options.paceMs)
    const where = `message ${index + 1} of ${messages.length} to '${channel}'`
    try {
      results.push(await postWithFallback(client, channel, message, options.threadTs, where))
    } catch (error) {
      if (results.length === 0) throw error
      const first = results[0] as PostResult
      throw new PostError(
        `${describeError(error)} (${results.length} of ${messages.length} messages were posted before it, the first at ts ${first.ts}: a re-run would post them again)`,
        results,
        { cause: error }
      )
    }
  }
  return results
}

/** slack-thread: images: the header, then each graph as a reply in its thread, paced. */
export async function postThread(
  client: WebClient,
  channel: string,
  thread: ThreadMessages,
  options: Omit<PostOptions, 'threadTs'> = {}
): Promise<PostResult[]> {
  const [header] = await postMessages(client, channel, [thread.header])
  if (!header) return []
  if (thread.replies.length > 0 && options.paceMs) await (options.sleep ?? sleep)(options.paceMs)
  try {
    const replies = await postMessages(client, header.channel, thread.replies, {
      ...options,
      threadTs: header.ts
    })
    return [header, ...replies]
  } catch (error) {
    const replies = error instanceof PostError ? error.posted : []
    throw new PostError(
      `${describeError(error)} (the thread's header, ts ${header.ts}, and ${replies.length} of ${thread.replies.length} replies were posted)`,
      [header, ...replies],
      { cause: error }
    )
  }
}

async function postWithFallback(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  threadTs: string | undefined,
  where: string
): Promise<PostResult> {
  try {
    return await post(client, channel, message, threadTs)
  } catch (error) {
    if (!isImageDownloadFailure(error)) {
      throw new ActionError(`Slack refused ${where}: ${slackErrorText(error)}`, { cause: error })
    }
    core.warning(
      `Slack could not download the images of ${where} (${slackErrorText(error)}); posted them as links instead. The URLs were checked before posting, so Slack's download may have failed on its side; open a link to see the graph.`,
      { title: 'Graphs posted as links' }
    )
    try {
      return await post(client, channel, imagesAsLinks(message), threadTs)
    } catch (retryError) {
      throw new ActionError(
        `Slack refused ${where}, also as links: ${slackErrorText(retryError)}`,
        {
          cause: retryError
        }
      )
    }
  }
}

async function post(
  client: WebClient,
  channel: string,
  message: SlackMessage,
  threadTs: string | undefined
): Promise<PostResult> {
  const response = await client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    ...(threadTs ? { thread_ts: threadTs } : {})
  })
  return { channel: response.channel ?? channel, ts: response.ts ?? '' }
}

/** Slack's invalid_blocks for an image it could not fetch (the rest of the message was fine). */
function isImageDownloadFailure(error: unknown): boolean {
  const data = slackErrorData(error)
  return (
    data?.error === 'invalid_blocks' &&
    (data.response_metadata?.messages ?? []).some(text => /downloading image failed/i.test(text))
  )
}

interface SlackErrorData {
  error?: string
  response_metadata?: { messages?: string[] }
}

function slackErrorData(error: unknown): SlackErrorData | undefined {
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
  const hint = HINTS[code]
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
    info: (...parts) => core.info(text(parts)),
    warn: (...parts) => core.info(text(parts)),
    error: (...parts) => core.info(text(parts)),
    setLevel: () => undefined,
    getLevel: () => LogLevel.INFO,
    setName: () => undefined
  }
}
