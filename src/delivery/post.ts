// The report's message(s) to Slack, as the workflow asked: one message (continued when it has more
// graphs than a message takes), or a header with each graph as a reply in its thread.
import * as core from '@actions/core'
import type { Deadline } from '../domain/deadline.js'
import { PostError } from '../domain/errors.js'
import { type MessageOptions, buildMessages, buildThread, defaultText } from '../domain/message.js'
import type { SlackPost } from '../domain/report.js'
import { describeWindow } from '../domain/time-window.js'
import { reportRun } from '../github/context.js'
import type { Phases } from '../github/log.js'
import type { Inputs } from '../inputs.js'
import { MESSAGE_INTERVAL_MS, createSlackClient } from '../slack/client.js'
import { postMessages, postThread } from '../slack/posting.js'
import { logLine } from '../domain/text.js'

export interface PostOutcome {
  posts: SlackPost[]
  /** Why Slack refused a message after others were posted (they are in `posts`). */
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
  let posts: SlackPost[]
  try {
    posts =
      slack.thread === 'images'
        ? await postThread(client, slack.channel, buildThread(options), {
            paceMs: MESSAGE_INTERVAL_MS,
            run,
            urlsChecked
          })
        : // A few messages in a row are within Slack's burst allowance: not paced.
          await postMessages(client, slack.channel, buildMessages(options), {
            threadTs: slack.threadTs,
            run,
            urlsChecked
          })
  } catch (error) {
    // Some messages are in the channel: report them (outputs, summary), then fail.
    if (error instanceof PostError) return { posts: error.posted, postFailure: error.message }
    throw error
  }
  core.info(
    logLine(`Posted ${posts.length} message(s) to ${posts[0]?.channel} (ts ${posts[0]?.ts})`)
  )
  return { posts }
}
