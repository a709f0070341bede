// The report's message(s) to Slack, as the workflow asked: one message (continued when it has more
// graphs than a message takes), or a header with each graph as a reply in its thread; the same
// report to every channel of slack-channel.
import * as core from '@actions/core'
import type { Deadline } from '../domain/deadline.js'
import { type MessageOptions, buildMessages, buildThread, defaultText } from '../domain/message.js'
import type { SlackPost } from '../domain/report.js'
import { describeWindow } from '../domain/time-window.js'
import { reportRun } from '../github/context.js'
import type { Phases } from '../github/log.js'
import type { Inputs } from '../inputs.js'
import { MESSAGE_INTERVAL_MS, createSlackClient } from '../slack/client.js'
import { postMessages, postThread } from '../slack/posting.js'
import { logLine } from '../domain/text.js'
import { toEveryChannel } from './channels.js'

export interface PostOutcome {
  /** Every message posted, channel by channel. */
  posts: SlackPost[]
  /** Why part of the report is missing in a channel (what was posted is in `posts`). */
  postFailure?: string
}

export async function postReport(
  inputs: Inputs,
  phases: Phases,
  deadline: Deadline,
  message: Omit<MessageOptions, 'text'>,
  /** Whether the delivery checked the images' URLs (verify-urls): never claimed when it did not. */
  urlsChecked = false
): Promise<PostOutcome> {
  phases.enter('posting to Slack')
  const slack = inputs.slack
  if (inputs.dryRun || !slack) {
    core.info(logLine('Dry run: nothing posted to Slack'))
    return { posts: [] }
  }
  const client = createSlackClient(slack.token, slack.apiUrl, deadline)
  const { window } = inputs
  const options = {
    ...message,
    text: slack.text ?? defaultText(new Date(), window.timezone),
    window: describeWindow(window)
  }
  const run = reportRun() // what identifies the report's messages, should an answer be lost
  // Built once: every channel gets the same report.
  const threaded = slack.thread === 'images'
  const thread = threaded ? buildThread(options) : undefined
  const messages = threaded ? [] : buildMessages(options)
  const delivered = await toEveryChannel(slack.channels, async channel => ({
    posts: thread
      ? await postThread(client, channel, thread, { paceMs: MESSAGE_INTERVAL_MS, run, urlsChecked })
      : // A few messages in a row are within Slack's burst allowance: not paced.
        await postMessages(client, channel, messages, {
          threadTs: slack.threadTs,
          run,
          urlsChecked
        })
  }))
  return {
    posts: delivered.posts,
    ...(delivered.failure ? { postFailure: delivered.failure } : {})
  }
}
