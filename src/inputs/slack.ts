// Where and how to post in Slack.
import { InputError } from '../domain/errors.js'
import { input, readApiUrl, readChoice } from './values.js'

export interface SlackInputs {
  token: string
  channel: string
  text?: string
  threadTs?: string
  apiUrl: string
  /** images: a header message, then each graph as a reply in its thread. */
  thread: 'none' | 'images'
}

/** Slack refuses a section block's text past this. */
const MAX_TEXT = 3000

export function readSlack(
  token: string,
  dryRun: boolean,
  delivery: 'presigned-url' | 'slack-upload'
): SlackInputs | undefined {
  const channel = input('slack-channel')
  const text = input('slack-text')
  if (text.length > MAX_TEXT) {
    throw new InputError(
      'slack-text',
      `is ${text.length} characters long; Slack's section block takes at most ${MAX_TEXT}: shorten it`
    )
  }
  const threadTs = input('slack-thread-ts')
  const thread = readChoice('slack-thread', ['none', 'images'] as const, 'none')
  if (threadTs && thread === 'images') {
    throw new InputError(
      'slack-thread-ts',
      'cannot go with slack-thread: images, which starts a thread of its own; use one or the other'
    )
  }
  const apiUrl = readApiUrl(input('slack-api-url') || 'https://slack.com/api/')
  if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
    throw new InputError(
      'slack-thread-ts',
      `'${threadTs}' is not a message ts such as 1732868400.123456`
    )
  }
  if (!token && delivery === 'slack-upload' && !dryRun) {
    throw new InputError(
      'slack-token',
      'is required with delivery: slack-upload (Slack hosts the images)'
    )
  }
  // A dry run needs neither, but what is given is still checked.
  if (!token && !dryRun)
    throw new InputError('slack-token', 'is required (or set dry-run: true to skip posting)')
  if (!channel && !dryRun)
    throw new InputError('slack-channel', 'is required (or set dry-run: true to skip posting)')
  if (token && !/^(xoxe\.)?xox[a-z]-/.test(token)) {
    throw new InputError(
      'slack-token',
      'is not a Slack token (xoxb-… for a bot); an incoming-webhook URL cannot post images this way'
    )
  }
  if (/\s/.test(channel)) {
    throw new InputError('slack-channel', `'${channel}' is not a channel id (C0123ABCDEF) or name`)
  }
  if (!token || !channel) return undefined
  return {
    token,
    channel,
    text: text || undefined,
    threadTs: threadTs || undefined,
    apiUrl,
    thread
  }
}
