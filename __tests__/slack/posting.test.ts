// Messages to a channel through the real WebClient against the Slack stand-in, which downloads
// every image_url the way Slack does: in order, paced, images as links when Slack cannot download
// them, and what was already posted said when a later message is refused.
import { jest } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import * as core from '../../__fixtures__/core.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'
import type { SlackMessage } from '../../src/domain/message.js'

jest.unstable_mockModule('@actions/core', () => core)
const { createSlackClient, MESSAGE_INTERVAL_MS } = await import('../../src/slack/client.js')
const { postMessages, postThread } = await import('../../src/slack/posting.js')
const { buildMessages, buildThread } = await import('../../src/domain/message.js')
const { PostError } = await import('../../src/domain/errors.js')

const CHANNEL = 'C0GRAPHS'
let slack: SlackStandIn
let images: Server
let imageBase: string

beforeAll(async () => {
  const png = renderGraphPng({ width: 120, height: 60, title: 'cpu', seed: 1 })
  // Stands for S3: /ok/* serves a PNG, anything else S3's 403.
  images = createServer((req, res) => {
    if (req.url?.startsWith('/ok/')) res.writeHead(200, { 'content-type': 'image/png' }).end(png)
    else
      res
        .writeHead(403, { 'content-type': 'application/xml' })
        .end('<Error><Code>AccessDenied</Code></Error>')
  })
  imageBase = await listenOnLoopback(images)
  slack = await startSlackStandIn({
    channels: { [CHANNEL]: { joined: true }, C0ELSEWHERE: { joined: false } }
  })
})
afterAll(async () => {
  await Promise.all([slack.close(), closeServer(images)])
})
beforeEach(() => {
  core.resetCore()
  slack.faults.clear()
  slack.messages.length = 0
  slack.rejected.length = 0
  slack.imageErrors = 'response_metadata'
})

const client = () => createSlackClient(slack.token, slack.apiUrl)
const expiry = 'slack' as const
const graph = (name: string, ok = true) => ({
  name,
  url: `${imageBase}/${ok ? 'ok' : 'denied'}/${encodeURIComponent(name)}.png?X-Amz-Signature=abc`
})
const message = (text: string, ...names: string[]): SlackMessage =>
  buildMessages({ text, graphs: names.map(name => graph(name)), expiry })[0] as SlackMessage

/** The error a call rejects with (the test fails if it resolves). */
async function failure<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    return error as E
  }
  throw new Error('expected a failure')
}

/** A sleep that waits for nothing and notes when it was asked, by the messages posted so far. */
function recordingSleep() {
  const calls: { ms: number; postedBefore: number }[] = []
  const sleep = async (ms: number) => {
    calls.push({ ms, postedBefore: slack.messages.length })
  }
  return { calls, sleep }
}

describe('postMessages', () => {
  test('each message in order, where it landed returned, images downloaded by Slack', async () => {
    const messages = [message('Report (1/2)', 'CPU', 'Memory'), message('Report (2/2)', 'Disk')]
    const posts = await postMessages(client(), CHANNEL, messages)
    expect(posts).toEqual(slack.messages.map(m => ({ channel: CHANNEL, ts: m.ts })))
    expect(slack.messages.map(m => m.text)).toEqual(['Report (1/2)', 'Report (2/2)'])
    expect(slack.messages[0]?.blocks).toEqual(messages[0]?.blocks)
    expect(slack.messages[0]?.downloads.map(d => d.status)).toEqual([200, 200])
    expect(core.warning).not.toHaveBeenCalled()
  })

  test('paced: a pause before every message but the first, none after the last', async () => {
    const pace = recordingSleep()
    await postMessages(
      client(),
      CHANNEL,
      [message('1', 'A'), message('2', 'B'), message('3', 'C')],
      {
        paceMs: MESSAGE_INTERVAL_MS,
        sleep: pace.sleep
      }
    )
    expect(pace.calls).toEqual([
      { ms: 1000, postedBefore: 1 },
      { ms: 1000, postedBefore: 2 }
    ])
  })

  test('not paced unless asked: a few messages are within Slack’s burst allowance', async () => {
    const pace = recordingSleep()
    await postMessages(client(), CHANNEL, [message('1', 'A'), message('2', 'B')], {
      sleep: pace.sleep
    })
    expect(pace.calls).toEqual([])
    expect(slack.messages).toHaveLength(2)
  })

  test('into a thread when given its ts', async () => {
    await postMessages(client(), CHANNEL, [message('In a thread', 'A')], {
      threadTs: '1764403200.000100'
    })
    expect(slack.messages[0]?.thread_ts).toBe('1764403200.000100')
  })

  test('images Slack cannot download: posted again as links, with a warning that says so', async () => {
    const [built] = buildMessages({
      text: 'Report',
      graphs: [graph('CPU'), graph('Memory', false)],
      expiry
    })
    const posts = await postMessages(client(), CHANNEL, [built as SlackMessage], {
      urlsChecked: true
    })
    expect(slack.rejected.map(r => r.error)).toEqual(['invalid_blocks'])
    expect(slack.messages).toHaveLength(1)
    expect(posts).toEqual([{ channel: CHANNEL, ts: slack.messages[0]?.ts }])
    const posted = slack.messages[0]?.blocks ?? []
    expect(posted.map(b => b.type)).toEqual(['section', 'rich_text', 'rich_text', 'context'])
    expect(JSON.stringify(posted)).toContain(graph('Memory', false).url)
    expect(core.warning.mock.calls).toEqual([
      [
        "Slack could not download the images of message 1 of 1 to 'C0GRAPHS' (invalid_blocks (downloading image failed [json-pointer:/blocks/2/image_url]): Slack could not use a block; when it says \"downloading image failed\", Slack could not fetch an image URL); posted them as links instead. The URLs were checked before posting, so Slack's download may have failed on its side; open a link to see the graph.",
        { title: 'Graphs posted as links' }
      ]
    ])
  })

  test.each([
    ['verify-urls: false', { urlsChecked: false }],
    ['not said (a caller that checked nothing)', {}]
  ])('the URLs not checked (%s): the warning never claims they were', async (_case, options) => {
    const built = buildMessages({ text: 'Report', graphs: [graph('CPU', false)], expiry })
    await postMessages(client(), CHANNEL, built, options)
    expect(slack.messages).toHaveLength(1)
    const [warning] = core.warning.mock.calls.map(([text]) => String(text))
    expect(warning).toMatch(/posted them as links instead\./)
    expect(warning).not.toMatch(/were checked/)
    expect(warning).toMatch(
      /The URLs were not checked before posting \(verify-urls: false\); open a link to see whether it serves the graph\.$/
    )
  })

  test.each(['errors', 'response_metadata', 'both', 'none'] as const)(
    "Slack's detail in %s: the images go as links all the same",
    async shape => {
      slack.imageErrors = shape
      const built = buildMessages({ text: 'Report', graphs: [graph('CPU', false)], expiry })
      const posts = await postMessages(client(), CHANNEL, built)
      expect(slack.rejected.map(r => r.error)).toEqual(['invalid_blocks'])
      expect(posts).toEqual([{ channel: CHANNEL, ts: slack.messages[0]?.ts }])
      expect(slack.messages[0]?.blocks.map(b => b.type)).toEqual([
        'section',
        'rich_text',
        'context'
      ])
      expect(core.warning).toHaveBeenCalledTimes(1)
    }
  )

  test('a bare invalid_blocks on a message without images is a refusal, not an image failure', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'invalid_blocks' },
      { operation: 'chat.postMessage' }
    )
    const textOnly: SlackMessage = {
      text: 'Text only',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Text only' } }]
    }
    await expect(postMessages(client(), CHANNEL, [textOnly])).rejects.toThrow(
      "Slack refused message 1 of 1 to 'C0GRAPHS': invalid_blocks: Slack could not use a block"
    )
    expect(slack.messages).toEqual([])
    expect(core.warning).not.toHaveBeenCalled()
  })

  test('refused as links too: both refusals end in one error that says so', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'is_archived' },
      { operation: 'chat.postMessage', after: 1 }
    )
    const built = buildMessages({ text: 'Report', graphs: [graph('CPU', false)], expiry })
    await expect(postMessages(client(), CHANNEL, built)).rejects.toThrow(
      "Slack refused message 1 of 1 to 'C0GRAPHS', also as links: is_archived: the channel is archived: unarchive it, or post to a channel that is not"
    )
    expect(slack.messages).toEqual([])
  })

  test('the first message refused: nothing was posted, the error names the message and the fix', async () => {
    const error = await failure<Error>(
      postMessages(client(), 'C0ELSEWHERE', [message('1', 'A'), message('2', 'B')])
    )
    expect(error).not.toBeInstanceOf(PostError)
    expect(error.name).toBe('ActionError')
    expect(error.message).toBe(
      "Slack refused message 1 of 2 to 'C0ELSEWHERE': not_in_channel: invite the Slack app to the channel (/invite @your-app)"
    )
    expect(slack.messages).toEqual([])
    expect(core.warning).not.toHaveBeenCalled()
  })

  test('a later message refused: a PostError with what was posted and that a re-run repeats it', async () => {
    const broken: SlackMessage = {
      text: 'Report (2/2)',
      blocks: [{ type: 'image', image_url: graph('Disk').url }] // no alt_text: Slack refuses it
    }
    const error = await failure<InstanceType<typeof PostError>>(
      postMessages(client(), CHANNEL, [message('Report (1/2)', 'CPU'), broken])
    )
    expect(error).toBeInstanceOf(PostError)
    const first = slack.messages[0]?.ts
    expect(error.posted).toEqual([{ channel: CHANNEL, ts: first }])
    expect(error.message).toBe(
      `Slack refused message 2 of 2 to 'C0GRAPHS': invalid_blocks (missing required field: alt_text [json-pointer:/blocks/0]): Slack could not use a block; when it says "downloading image failed", Slack could not fetch an image URL (1 of 2 messages were posted before it, the first at ts ${first}: a re-run would post them again)`
    )
  })
})

describe('postThread', () => {
  const thread = (...graphs: { name: string; url: string }[]) =>
    buildThread({ text: 'Morning report', graphs, expiry })

  test('the header, then each graph as a reply in its thread, paced', async () => {
    const pace = recordingSleep()
    const posts = await postThread(client(), CHANNEL, thread(graph('CPU'), graph('Memory')), {
      paceMs: MESSAGE_INTERVAL_MS,
      sleep: pace.sleep
    })
    const [header, ...replies] = slack.messages
    expect(header?.text).toBe('Morning report')
    expect(header?.thread_ts).toBeUndefined()
    expect(replies.map(r => [r.text, r.thread_ts])).toEqual([
      ['CPU', header?.ts],
      ['Memory', header?.ts]
    ])
    expect(posts).toEqual(slack.messages.map(m => ({ channel: CHANNEL, ts: m.ts })))
    expect(pace.calls).toEqual([
      { ms: 1000, postedBefore: 1 },
      { ms: 1000, postedBefore: 2 }
    ])
  })

  test('no replies: the header alone, no pause', async () => {
    const pace = recordingSleep()
    const posts = await postThread(client(), CHANNEL, thread(), { paceMs: 1000, sleep: pace.sleep })
    expect(posts).toHaveLength(1)
    expect(pace.calls).toEqual([])
  })

  test('the header refused: the error as it is, nothing posted', async () => {
    await expect(postThread(client(), 'C0ELSEWHERE', thread(graph('CPU')))).rejects.toThrow(
      "Slack refused message 1 of 1 to 'C0ELSEWHERE': not_in_channel"
    )
    expect(slack.messages).toEqual([])
  })

  test('a reply refused: the header and the replies before it are reported', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'msg_too_long' },
      { operation: 'chat.postMessage', after: 2 }
    )
    const error = await failure<InstanceType<typeof PostError>>(
      postThread(client(), CHANNEL, thread(graph('CPU'), graph('Memory'), graph('Disk')))
    )
    const [header, reply] = slack.messages
    expect(error).toBeInstanceOf(PostError)
    expect(error.posted).toEqual([
      { channel: CHANNEL, ts: header?.ts },
      { channel: CHANNEL, ts: reply?.ts }
    ])
    expect(error.message).toBe(
      `Slack refused message 2 of 3 to 'C0GRAPHS': msg_too_long (1 of 3 messages were posted before it, the first at ts ${reply?.ts}: a re-run would post them again) (the thread's header, ts ${header?.ts}, and 1 of 3 replies were posted)`
    )
  })

  test('the first reply refused: the header alone is reported', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'msg_too_long' },
      { operation: 'chat.postMessage', after: 1 }
    )
    const error = await failure<InstanceType<typeof PostError>>(
      postThread(client(), CHANNEL, thread(graph('CPU'), graph('Memory')))
    )
    expect(error).toBeInstanceOf(PostError)
    expect(error.posted).toEqual([{ channel: CHANNEL, ts: slack.messages[0]?.ts }])
    expect(error.message).toMatch(
      /^Slack refused message 1 of 2 to 'C0GRAPHS': msg_too_long \(the thread's header, ts \d+\.\d+, and 0 of 2 replies were posted\)$/
    )
  })
})
