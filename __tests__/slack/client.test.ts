// The Slack client the action makes, driven against the Slack stand-in (the real @slack/web-api
// WebClient): who it says it is, what it keeps out of the log, how it waits out a rate limit, and
// Slack's refusals turned into their fix.
import { jest } from '@jest/globals'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import * as core from '../../__fixtures__/core.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'

jest.unstable_mockModule('@actions/core', () => core)
const { createSlackClient, slackErrorData, slackErrorText, sleep } =
  await import('../../src/slack/client.js')

const SIGNED_URL = 'https://graphs-bucket.s3.amazonaws.com/k.png?X-Amz-Signature=0123456789abcdef'
let slack: SlackStandIn

beforeAll(async () => {
  slack = await startSlackStandIn({
    channels: { C0GRAPHS: { joined: true }, C0ELSEWHERE: { joined: false } }
  })
})
afterAll(async () => {
  await slack.close()
})
beforeEach(() => {
  core.resetCore()
  slack.faults.clear()
})

/** What the client throws for a call Slack refuses. */
async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected Slack to refuse')
}

/** Every line the action wrote to the log, at any level. */
const logLines = () =>
  [...core.debug.mock.calls, ...core.info.mock.calls, ...core.warning.mock.calls].map(([line]) =>
    String(line)
  )

test("calls the given API URL with the bot token and the action's user agent", async () => {
  const seen: { url?: string; headers: IncomingHttpHeaders }[] = []
  const api = createServer((req, res) => {
    seen.push({ url: req.url, headers: req.headers })
    req.resume().on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ ok: true, channel: 'C0GRAPHS', ts: '1.000001' }))
    })
  })
  const base = await listenOnLoopback(api)
  try {
    await createSlackClient('xoxb-test-token', `${base}/api/`).web.chat.postMessage({
      channel: 'C0GRAPHS',
      text: 'hello'
    })
  } finally {
    await closeServer(api)
  }
  expect(seen).toHaveLength(1)
  expect(seen[0]?.url).toBe('/api/chat.postMessage')
  expect(seen[0]?.headers.authorization).toBe('Bearer xoxb-test-token')
  expect(seen[0]?.headers['user-agent']).toBe('cloudwatch-graphs-to-slack/1')
})

test('the log never holds the request body or the answer: they carry the presigned URLs', async () => {
  const client = createSlackClient(slack.token, slack.apiUrl)
  await client.web.chat.postMessage({
    channel: 'C0GRAPHS',
    text: 'graphs',
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `<${SIGNED_URL}|CPU>` } }]
  })
  expect(slack.messages.at(-1)?.text).toBe('graphs')
  expect(core.debug).toHaveBeenCalled() // the client does log, at debug level
  for (const line of logLines()) {
    expect(line).not.toContain('X-Amz-Signature')
    expect(line).not.toContain(slack.token)
  }
})

test('a rate limit (429, Retry-After: 1) is waited out and the call goes through, once', async () => {
  slack.faults.inject({ kind: 'throttle', retryAfterSeconds: 1 }, { operation: 'chat.postMessage' })
  const waits: number[] = []
  const client = createSlackClient(slack.token, slack.apiUrl, undefined, async ms => {
    waits.push(ms)
  })
  const answer = await client.post(() =>
    client.web.chat.postMessage({ channel: 'C0GRAPHS', text: 'after the wait' })
  )
  expect(answer.ok).toBe(true)
  expect(waits).toEqual([1000])
  expect(slack.rejected.map(r => r.error)).toEqual(['ratelimited'])
  expect(slack.messages.at(-1)?.text).toBe('after the wait')
  // The client says why it waited, in the log (not as a warning: the call succeeded).
  expect(core.info.mock.calls.map(([line]) => line).join('\n')).toMatch(/rate.?limit/i)
  expect(core.warning).not.toHaveBeenCalled()
})

test('a refusal (ok: false) is not retried', async () => {
  const client = createSlackClient(slack.token, slack.apiUrl)
  const before = slack.timeline.events.length
  await refusal(
    client.call(() => client.web.chat.postMessage({ channel: 'C0ELSEWHERE', text: 'x' }))
  )
  expect(slack.timeline.events.length - before).toBe(1)
})

describe("slackErrorText: Slack's code, its details, and what to do", () => {
  const client = () => createSlackClient(slack.token, slack.apiUrl).web

  test('not_in_channel', async () => {
    const error = await refusal(client().chat.postMessage({ channel: 'C0ELSEWHERE', text: 'x' }))
    expect(slackErrorData(error)?.error).toBe('not_in_channel')
    expect(slackErrorText(error)).toBe(
      'not_in_channel: invite the Slack app to the channel (/invite @your-app)'
    )
  })

  test('channel_not_found', async () => {
    const error = await refusal(client().chat.postMessage({ channel: 'C0NOWHERE', text: 'x' }))
    expect(slackErrorText(error)).toBe(
      'channel_not_found: check slack-channel (use the channel id, e.g. C0123ABCDEF) and that the app can see the channel'
    )
  })

  test('invalid_auth', async () => {
    const wrong = createSlackClient('xoxb-not-the-token', slack.apiUrl).web
    const error = await refusal(wrong.chat.postMessage({ channel: 'C0GRAPHS', text: 'x' }))
    expect(slackErrorText(error)).toBe(
      'invalid_auth: slack-token is not valid: use the bot token (xoxb-…) of an installed app'
    )
  })

  test("invalid_blocks: Slack's own messages in parentheses, then the hint", async () => {
    const error = await refusal(
      client().chat.postMessage({
        channel: 'C0GRAPHS',
        text: 'x',
        blocks: [{ type: 'image', image_url: 'http://127.0.0.1:9/nothing.png', alt_text: 'CPU' }]
      })
    )
    expect(slackErrorText(error)).toBe(
      'invalid_blocks (downloading image failed [json-pointer:/blocks/0/image_url]): Slack could not use a block; when it says "downloading image failed", Slack could not fetch an image URL'
    )
  })

  test('a code without a known fix: the code alone', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'fatal_error' },
      { operation: 'chat.postMessage' }
    )
    const error = await refusal(client().chat.postMessage({ channel: 'C0GRAPHS', text: 'x' }))
    expect(slackErrorText(error)).toBe('fatal_error')
  })

  test.each([
    [
      'missing_scope',
      /^missing_scope: the app lacks a scope: chat:write to post \(files:write too/
    ],
    ['not_authed', /^not_authed: slack-token is missing or empty$/],
    ['account_inactive', /^account_inactive: .*reinstall the app$/],
    ['token_revoked', /^token_revoked: the token was revoked/],
    ['ratelimited', /^ratelimited: Slack rate-limited the app/],
    [
      'is_archived',
      /^is_archived: the channel is archived: unarchive it, or post to a channel that is not$/
    ]
  ])('%s', (code, text) => {
    expect(slackErrorText({ data: { ok: false, error: code } })).toMatch(text)
  })

  test('not an error from Slack: its message as it is', () => {
    expect(slackErrorText(new Error('connect ECONNREFUSED 127.0.0.1:443'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:443'
    )
    expect(slackErrorText('timeout')).toBe('timeout')
    expect(slackErrorData(undefined)).toBeUndefined()
  })
})

test('sleep waits the given time, on the timers jest can drive', async () => {
  jest.useFakeTimers()
  try {
    let woke = false
    const nap = sleep(1000).then(() => (woke = true))
    await jest.advanceTimersByTimeAsync(999)
    expect(woke).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    await nap
    expect(woke).toBe(true)
  } finally {
    jest.useRealTimers()
  }
})
