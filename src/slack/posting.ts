// Messages to a channel: in order, paced where Slack asks for it, each carrying metadata that
// identifies it (so a post whose answer was lost is looked for, not repeated blindly), with images
// as links when Slack cannot download them, and what was posted reported when a later message is
// refused.
import * as core from '@actions/core'
import { randomUUID } from 'node:crypto'
import { ActionError, PostError, describeError } from '../domain/errors.js'
import { type SlackMessage, type ThreadMessages, imagesAsLinks } from '../domain/message.js'
import {
  type MessageMetadata,
  type ReportRun,
  describeRun,
  isSameMessage,
  reportMetadata
} from '../domain/metadata.js'
import type { SlackPost } from '../domain/report.js'
import { truncate } from '../domain/text.js'
import { type SlackClient, slackErrorData, slackErrorText } from './client.js'
import { slackDetails } from './errors.js'
import { postOnce } from './lookup.js'

export interface PostOptions {
  /** Post into this thread. */
  threadTs?: string
  /** Wait this long between messages (Slack's per-channel pace). */
  paceMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Whose messages these are (their metadata); a report id of its own when not given. */
  run?: ReportRun
  /** The number of the first of these messages in the report (replies follow their header). */
  firstNumber?: number
  /** Whether the images' URLs were checked before posting (verify-urls): a fallback says so. */
  urlsChecked?: boolean
}

/** Where one message goes, and what identifies it there. */
interface Target {
  channel: string
  threadTs?: string
  metadata: MessageMetadata
  /** `message 2 of 3 to 'C0…'` */
  where: string
  /** How a person finds it in the channel. */
  identifies: string
  urlsChecked: boolean
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
  const run = options.run ?? { runId: '', runAttempt: '', report: randomUUID() }
  const results: SlackPost[] = []
  for (const [index, message] of messages.entries()) {
    if (index > 0 && options.paceMs) await (options.sleep ?? client.sleep)(options.paceMs)
    const number = (options.firstNumber ?? 1) + index
    const target: Target = {
      // Once Slack has answered, its channel id: the history, if it must be read, needs the id.
      channel: results[0]?.channel ?? channel,
      threadTs: options.threadTs,
      metadata: reportMetadata(run, number),
      where: `message ${index + 1} of ${messages.length} to '${channel}'`,
      identifies: `the report of ${describeRun(run)} ('${truncate(message.text, 80)}')`,
      urlsChecked: options.urlsChecked ?? false
    }
    try {
      results.push(await postWithFallback(client, target, message))
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
  const run = options.run ?? { runId: '', runAttempt: '', report: randomUUID() }
  const [header] = await postMessages(client, channel, [thread.header], {
    run,
    urlsChecked: options.urlsChecked
  })
  if (!header) return []
  if (thread.replies.length > 0 && options.paceMs)
    await (options.sleep ?? client.sleep)(options.paceMs)
  try {
    const replies = await postMessages(client, header.channel, thread.replies, {
      ...options,
      run,
      firstNumber: 2,
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
  target: Target,
  message: SlackMessage
): Promise<SlackPost> {
  try {
    return await post(client, target, message)
  } catch (error) {
    // Already said in full: a post that may be there, a rate limit that outlasts the run.
    if (error instanceof ActionError) throw error
    if (!isImageDownloadFailure(error, message)) {
      const refused = slackErrorData(error)?.error ? 'Slack refused' : 'Could not post'
      throw new ActionError(`${refused} ${target.where}: ${slackErrorText(error)}`, {
        cause: error
      })
    }
    core.warning(
      `Slack could not download the images of ${target.where} (${slackErrorText(error)}); posted them as links instead. ${linksAdvice(target.urlsChecked)}`,
      { title: 'Graphs posted as links' }
    )
    try {
      return await post(client, target, imagesAsLinks(message))
    } catch (retryError) {
      if (retryError instanceof ActionError) throw retryError
      throw new ActionError(
        `Slack refused ${target.where}, also as links: ${slackErrorText(retryError)}`,
        { cause: retryError }
      )
    }
  }
}

/** What the links are worth: only a delivery that checked the URLs says they were checked. */
function linksAdvice(urlsChecked: boolean): string {
  return urlsChecked
    ? "The URLs were checked before posting, so Slack's download may have failed on its side; open a link to see the graph."
    : 'The URLs were not checked before posting (verify-urls: false); open a link to see whether it serves the graph.'
}

/** One message, sent once: when Slack's answer is lost, the channel is read before resending. */
async function post(
  client: SlackClient,
  target: Target,
  message: SlackMessage
): Promise<SlackPost> {
  const { channel, threadTs, metadata } = target
  const send = async (): Promise<SlackPost> => {
    const response = await client.web.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
      metadata,
      ...(threadTs ? { thread_ts: threadTs } : {})
    })
    return { channel: response.channel ?? channel, ts: response.ts ?? '' }
  }
  return postOnce(client, send, {
    channel,
    threadTs,
    find: messages => {
      const found = messages.find(candidate => isSameMessage(candidate.metadata, metadata))
      return found?.ts ? { channel, ts: found.ts } : undefined
    },
    what: `posted ${target.where}`,
    identifies: target.identifies
  })
}

/**
 * Slack's invalid_blocks for an image it could not fetch (the rest of the message was fine). The
 * detail comes in `errors`, in `response_metadata.messages`, in both, or not at all: a refusal of
 * a message with images and no detail is taken as one too, so nothing is lost to a terse answer.
 */
function isImageDownloadFailure(error: unknown, message: SlackMessage): boolean {
  const data = slackErrorData(error)
  if (data?.error !== 'invalid_blocks') return false
  const details = slackDetails(data)
  if (details.some(text => /downloading image failed/i.test(text))) return true
  return details.length === 0 && message.blocks.some(block => block.type === 'image')
}
