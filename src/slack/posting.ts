// Messages to a channel: in order, paced where Slack asks for it, with images as links when Slack
// cannot download them, and what was posted reported when a later message is refused.
import * as core from '@actions/core'
import { ActionError, PostError, describeError } from '../domain/errors.js'
import { type SlackMessage, type ThreadMessages, imagesAsLinks } from '../domain/message.js'
import type { SlackPost } from '../domain/report.js'
import { type SlackClient, slackErrorData, slackErrorText } from './client.js'

export interface PostOptions {
  /** Post into this thread. */
  threadTs?: string
  /** Wait this long between messages (Slack's per-channel pace). */
  paceMs?: number
  sleep?: (ms: number) => Promise<void>
}

/**
 * Posts the messages in order; returns where each one landed. A message whose images Slack could
 * not download is posted again with links instead, once, with a warning.
 */
export async function postMessages(
  client: SlackClient,
  channel: string,
  messages: readonly SlackMessage[],
  options: PostOptions = {}
): Promise<SlackPost[]> {
  const results: SlackPost[] = []
  for (const [index, message] of messages.entries()) {
    if (index > 0 && options.paceMs) await (options.sleep ?? client.sleep)(options.paceMs)
    const where = `message ${index + 1} of ${messages.length} to '${channel}'`
    try {
      results.push(await postWithFallback(client, channel, message, options.threadTs, where))
    } catch (error) {
      if (results.length === 0) throw error
      const first = results[0] as SlackPost
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
  client: SlackClient,
  channel: string,
  thread: ThreadMessages,
  options: Omit<PostOptions, 'threadTs'> = {}
): Promise<SlackPost[]> {
  const [header] = await postMessages(client, channel, [thread.header])
  if (!header) return []
  if (thread.replies.length > 0 && options.paceMs)
    await (options.sleep ?? client.sleep)(options.paceMs)
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
  client: SlackClient,
  channel: string,
  message: SlackMessage,
  threadTs: string | undefined,
  where: string
): Promise<SlackPost> {
  try {
    return await post(client, channel, message, threadTs)
  } catch (error) {
    if (!isImageDownloadFailure(error)) {
      const refused = slackErrorData(error)?.error ? 'Slack refused' : 'Could not post'
      throw new ActionError(`${refused} ${where}: ${slackErrorText(error)}`, { cause: error })
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
  client: SlackClient,
  channel: string,
  message: SlackMessage,
  threadTs: string | undefined
): Promise<SlackPost> {
  const response = await client.call(() =>
    client.web.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      ...(threadTs ? { thread_ts: threadTs } : {})
    })
  )
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
