// Where and how to post in Slack.
import { InputError } from '../domain/errors.js'
import { input, readApiUrl, readChoice } from './values.js'

export interface SlackInputs {
  token: string
  /** Every channel gets the same report, in this order. */
  channels: string[]
  text?: string
  threadTs?: string
  apiUrl: string
  /** images: a header message, then each graph as a reply in its thread. */
  thread: 'none' | 'images'
}

/** Slack refuses a section block's text past this. */
const MAX_TEXT = 3000

/**
 * Channels a report goes to at most. Each is posted to in turn at Slack's pace of a message a
 * second per channel, within the run's timeout: a longer list is a broadcast, not a report.
 */
export const MAX_CHANNELS = 20

/** slack-channel: ids or names, one per line or comma-separated, each once. */
function readChannels(): string[] {
  const channels = input('slack-channel')
    .split(/[\n,]/)
    .map(channel => channel.trim())
    .filter(Boolean)
  const seen = new Set<string>()
  for (const channel of channels) {
    if (/\s/.test(channel)) {
      throw new InputError(
        'slack-channel',
        `'${channel}' is not a channel id (C0123ABCDEF) or name; give several one per line or comma-separated`
      )
    }
    const key = channel.replace(/^#/, '').toLowerCase()
    if (seen.has(key)) throw new InputError('slack-channel', `names '${channel}' twice`)
    seen.add(key)
  }
  if (channels.length > MAX_CHANNELS) {
    throw new InputError(
      'slack-channel',
      `names ${channels.length} channels; a report goes to at most ${MAX_CHANNELS}`
    )
  }
  return channels
}

export function readSlack(
  token: string,
  dryRun: boolean,
  delivery: 'presigned-url' | 'slack-upload'
): SlackInputs | undefined {
  const channels = readChannels()
  const text = input('slack-text')
  if (text.length > MAX_TEXT) {
    throw new InputError(
      'slack-text',
      `is ${text.length} characters long; Slack's section block takes at most ${MAX_TEXT}: shorten it`
    )
  }
  const thread = readChoice('slack-thread', ['none', 'images'] as const, 'none')
  const threadTs = readThreadTs(channels, thread)
  const apiUrl = readApiUrl(input('slack-api-url') || 'https://slack.com/api/')
  if (!token && delivery === 'slack-upload' && !dryRun) {
    throw new InputError(
      'slack-token',
      'is required with delivery: slack-upload (Slack hosts the images)'
    )
  }
  // A dry run needs neither, but what is given is still checked.
  if (!token && !dryRun)
    throw new InputError('slack-token', 'is required (or set dry-run: true to skip posting)')
  if (channels.length === 0 && !dryRun)
    throw new InputError('slack-channel', 'is required (or set dry-run: true to skip posting)')
  if (token && !/^(xoxe\.)?xox[a-z]-/.test(token)) {
    throw new InputError(
      'slack-token',
      'is not a Slack token (xoxb-… for a bot); an incoming-webhook URL cannot post images this way'
    )
  }
  if (!token || channels.length === 0) return undefined
  return {
    token,
    channels,
    text: text || undefined,
    threadTs: threadTs || undefined,
    apiUrl,
    thread
  }
}

/** slack-thread-ts: a message of the one channel, for a report without a thread of its own. */
function readThreadTs(channels: readonly string[], thread: SlackInputs['thread']): string {
  const threadTs = input('slack-thread-ts')
  if (!threadTs) return ''
  if (channels.length > 1) {
    throw new InputError(
      'slack-thread-ts',
      `is a message of one channel, but slack-channel names ${channels.length}; post into a thread with one channel, or drop slack-thread-ts`
    )
  }
  if (thread === 'images') {
    throw new InputError(
      'slack-thread-ts',
      'cannot go with slack-thread: images, which starts a thread of its own; use one or the other'
    )
  }
  if (!/^\d+\.\d+$/.test(threadTs)) {
    throw new InputError(
      'slack-thread-ts',
      `'${threadTs}' is not a message ts such as 1732868400.123456`
    )
  }
  return threadTs
}
