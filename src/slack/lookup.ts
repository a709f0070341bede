// A post whose answer was lost is never repeated blindly. Slack may have stored it and only the
// answer went astray (a timeout after sending, a reset, a 5xx from a proxy), so the channel's
// history is read first: found, it counts as posted; not there, it is sent again; and when the app
// may not read the channel, it is not sent again, and the error says that it may be there.
import * as core from '@actions/core'
import { ActionError } from '../domain/errors.js'
import { logLine } from '../domain/text.js'
import { AnswerLost, type SlackClient } from './client.js'
import { slackErrorData, slackErrorText } from './errors.js'

/** A message as conversations.history / .replies return it, as far as the lookup reads it. */
export interface HistoryMessage {
  ts?: string
  metadata?: unknown
  files?: { id?: string; permalink?: string }[]
}

export interface Lookup<T> {
  /** The channel's id (history needs the id; a name works only for posting). */
  channel: string
  /** Where a reply would be: conversations.replies of this thread. */
  threadTs?: string
  /** The result, if one of these messages is the one sent. */
  find(messages: HistoryMessage[]): T | undefined
  /** What was sent, after "Slack may or may not have": `posted message 2 of 3 to 'C0…'`. */
  what: string
  /** How a person finds it: `the report of run 7, attempt 1`. */
  identifies: string
}

/** Lost answers tolerated for one post before giving up (each time, the message was not there). */
const LOST_ANSWERS = 3
/** Looks back this far from the first attempt (clocks differ a little). */
const WINDOW_SECONDS = 120
/** Slack may show a message in the history a moment after storing it. */
const SETTLE_MS = 1000

/** The post's doubt, said: it may be in the channel, once; it was not sent again. */
export class UncertainPost extends ActionError {
  constructor(message: string, cause: unknown) {
    super(message, { cause })
    this.name = 'UncertainPost'
  }
}

/**
 * Sends `send` (a call that posts), and when its answer is lost, finds out before sending again.
 * Resolves to what was posted (from the answer, or from the history), or rejects.
 */
export async function postOnce<T>(
  client: SlackClient,
  send: () => Promise<T>,
  lookup: Lookup<T>
): Promise<T> {
  const oldest = (Date.now() / 1000 - WINDOW_SECONDS).toFixed(6)
  for (let lost = 1; ; lost++) {
    try {
      return await client.post(send)
    } catch (error) {
      if (!(error instanceof AnswerLost)) throw error
      await client.sleep(SETTLE_MS)
      const found = await look(client, lookup, oldest, error)
      if (found !== undefined) {
        core.info(logLine(`${error.message}, but Slack has ${lookup.what}: not sent again`))
        return found
      }
      if (lost >= LOST_ANSWERS) {
        throw new ActionError(
          `Slack's answer was lost ${lost} times and it never ${lookup.what} (the channel does not have it): giving up`,
          { cause: error }
        )
      }
      core.info(logLine(`${error.message}, and the channel does not have it: sending it again`))
    }
  }
}

async function look<T>(
  client: SlackClient,
  lookup: Lookup<T>,
  oldest: string,
  lost: AnswerLost
): Promise<T | undefined> {
  const window = { oldest, inclusive: true, include_all_metadata: true, limit: 200 }
  let messages: HistoryMessage[]
  try {
    const answer = await client.call(() =>
      lookup.threadTs
        ? client.web.conversations.replies({
            channel: lookup.channel,
            ts: lookup.threadTs,
            ...window
          })
        : client.web.conversations.history({ channel: lookup.channel, ...window })
    )
    messages = (answer.messages ?? []) as HistoryMessage[]
  } catch (error) {
    throw new UncertainPost(
      `Slack may or may not have ${lookup.what}: ${lost.message}, and the app cannot read the channel to find out (${whyUnreadable(error)}). It was not sent again, so it is there at most once: look for ${lookup.identifies} before re-running.`,
      error
    )
  }
  return lookup.find(messages)
}

/** Why the history could not be read, and what lets the action read it next time. */
function whyUnreadable(error: unknown): string {
  const data = slackErrorData(error)
  switch (data?.error) {
    case 'missing_scope':
      return `missing_scope: the app needs ${data.needed ?? 'channels:history'} (groups:history for a private channel) to look; add it and reinstall the app`
    case 'not_in_channel':
      return 'not_in_channel: the app posts there without being a member (chat:write.public) but may not read it; invite it (/invite @your-app)'
    case 'channel_not_found':
      return 'channel_not_found: give slack-channel as the channel id (C0123ABCDEF); the history takes no names'
    default:
      return slackErrorText(error)
  }
}
