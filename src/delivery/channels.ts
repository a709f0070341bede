// The same report to every channel of slack-channel, one channel after the other (Slack's pace is
// per channel). A channel that refuses (not_in_channel, archived) does not stop the others: the
// run fails at the end, naming it, after posting everywhere else. What no channel can get past
// (the token, a missing scope, the proxy) ends the run at once.
import * as core from '@actions/core'
import { ActionError, PostError, SetupError, describeError } from '../domain/errors.js'
import { findProxyError } from '../domain/network-errors.js'
import type { SlackPost } from '../domain/report.js'
import { logLine } from '../domain/text.js'
import { isAppWideRefusal } from '../slack/errors.js'

/** What one channel got: the messages posted there, and why some of the report is missing there. */
export interface ChannelDelivery<T> {
  posts: SlackPost[]
  /** What the delivery keeps from this channel (the graphs' permalinks, for slack-upload). */
  value?: T
  /** Part of the report did not reach this channel (the messages that did are in `posts`). */
  failure?: string
}

export interface EveryChannel<T> {
  /** Every message posted, channel by channel, in order. */
  posts: SlackPost[]
  /** Each channel's value, in the order of slack-channel, for the channels that gave one. */
  values: T[]
  /** Why the report is missing somewhere, each channel named; undefined when it reached all. */
  failure?: string
}

/**
 * Delivers to each channel in turn. Rejects only when no channel got anything (with the one
 * channel's own error when there is one channel) or when the cause would stop every channel.
 */
export async function toEveryChannel<T>(
  channels: readonly string[],
  deliver: (channel: string) => Promise<ChannelDelivery<T>>
): Promise<EveryChannel<T>> {
  const posts: SlackPost[] = []
  const values: T[] = []
  const failures: { channel: string; text: string; error?: unknown }[] = []
  for (const [index, channel] of channels.entries()) {
    try {
      const delivered = await deliver(channel)
      posts.push(...delivered.posts)
      if (delivered.value !== undefined) values.push(delivered.value)
      if (delivered.failure) failures.push({ channel, text: delivered.failure })
      logPosted(channel, delivered.posts)
    } catch (error) {
      // Some messages may be in this channel already: they count as posted.
      if (error instanceof PostError) posts.push(...error.posted)
      failures.push({ channel, text: describeError(error), error })
      if (stopsEveryChannel(error)) {
        if (posts.length === 0) throw error
        const left = channels.slice(index + 1)
        failures.push(
          ...left.map(rest => ({ channel: rest, text: `not posted: ${stopped(channel)}` }))
        )
        break
      }
      if (channels.length > 1) {
        core.warning(`Not all of the report reached '${channel}': ${describeError(error)}`)
      }
    }
  }
  if (failures.length === 0) return { posts, values }
  if (posts.length === 0) {
    const [only] = failures
    if (channels.length === 1 && only?.error !== undefined) throw only.error
    throw new ActionError(
      `Nothing was posted: ${channels.length === 1 ? 'the channel' : `each of the ${channels.length} channels`} refused the report:\n${listFailures(failures)}`
    )
  }
  if (channels.length === 1) return { posts, values, failure: failures[0]?.text }
  const reached = channels.length - failures.length
  return {
    posts,
    values,
    failure: `The report did not fully reach ${failures.length} of ${channels.length} channels (${reached} got all of it):\n${listFailures(failures)}`
  }
}

function stopsEveryChannel(error: unknown): boolean {
  return (
    error instanceof SetupError || findProxyError(error) !== undefined || isAppWideRefusal(error)
  )
}

function stopped(channel: string): string {
  return `the run stopped at '${channel}', whose cause every channel would meet`
}

function listFailures(failures: readonly { channel: string; text: string }[]): string {
  return failures.map(({ channel, text }) => `- '${channel}': ${text}`).join('\n')
}

function logPosted(channel: string, posts: readonly SlackPost[]): void {
  const [first] = posts
  if (!first) return
  const id = first.channel === channel ? '' : ` (${first.channel})`
  core.info(logLine(`Posted ${posts.length} message(s) to ${channel}${id} (ts ${first.ts})`))
}
