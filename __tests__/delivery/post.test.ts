// The report's message(s) to Slack: the real @slack/web-api client against the loopback Slack
// stand-in, which downloads every image_url like Slack does (from a small loopback image server).
// The thread of replies is paced at 1 s a message: those tests run on jest's fake clock, advanced
// in small steps while the loopback I/O runs, so they take milliseconds and the stand-in's clock
// (the same fake one) shows the pace.
import { jest } from '@jest/globals'
import { type Server, createServer } from 'node:http'
import * as core from '../../__fixtures__/core.js'
import type { PostedGraph } from '../../src/domain/message.js'
import type { Expiry } from '../../src/domain/signing.js'
import type { Inputs, SlackInputs } from '../../src/inputs.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'
import { Deadline } from '../../src/domain/deadline.js'

jest.unstable_mockModule('@actions/core', () => core)
const { postReport } = await import('../../src/delivery/post.js')
const { Phases } = await import('../../src/github/log.js')

/** The run's clock, as main makes it for the default timeout (10 minutes). */
const DEADLINE = new Deadline(600)

const CHANNEL = 'C0GRAPHS01'
const NOT_JOINED = 'C0ELSEWHERE'
const SECOND = 'C0GRAPHS02'
const RUN_URL = 'https://github.com/octo/graphs/actions/runs/4242/attempts/2'
const EXPIRY: Expiry = {
  requested: new Date('2026-03-09T09:00:00Z'),
  effective: new Date('2026-03-09T09:00:00Z'),
  cutShort: false
}
const PNG = renderGraphPng({ width: 60, height: 40, title: 'g', seed: 1 })

let slack: SlackStandIn
let images: Server
let imageBase: string

beforeAll(async () => {
  // Stands for S3: every path is an image, as a presigned URL that works.
  images = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG))
  imageBase = await listenOnLoopback(images)
  slack = await startSlackStandIn({
    channels: {
      [CHANNEL]: { joined: true },
      [NOT_JOINED]: { joined: false },
      [SECOND]: { joined: true }
    }
  })
})
afterAll(async () => {
  await Promise.all([slack.close(), closeServer(images)])
})
beforeEach(() => {
  core.resetCore()
  slack.messages.length = 0
  slack.history.length = 0
  slack.faults.clear()
})
afterEach(() => {
  jest.useRealTimers()
})

const graphs = (count: number): PostedGraph[] =>
  Array.from({ length: count }, (_, i) => ({
    name: `Graph ${i + 1}`,
    url: `${imageBase}/reports/${String(i + 1).padStart(2, '0')}.png?X-Amz-Signature=abc`
  }))

function inputs(slackInputs: Partial<SlackInputs> = {}, dryRun = false): Inputs {
  return {
    graphs: [],
    dashboards: [],
    window: {},
    awsRegion: 'us-east-1',
    delivery: { kind: 'slack-upload' },
    slack: {
      token: slack.token,
      channels: [CHANNEL],
      apiUrl: slack.apiUrl,
      thread: 'none',
      text: 'Morning graphs',
      ...slackInputs
    },
    dryRun,
    maxConcurrency: 5,
    timeoutSeconds: 600
  }
}

function post(given: Inputs, posted: PostedGraph[], missing: string[] = []) {
  return postReport(given, new Phases(), DEADLINE, {
    graphs: posted,
    missing,
    expiry: EXPIRY,
    runUrl: RUN_URL
  })
}

/**
 * Runs `work` on the fake clock: advances it a few milliseconds at a time and lets the loopback
 * I/O run in between, until the work is done. A 1 s pause thus costs about 200 turns of the loop.
 */
async function onFakeClock<T>(work: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
  const running = work()
  let done = false
  running.then(
    () => (done = true),
    () => (done = true)
  )
  while (!done) {
    await jest.advanceTimersByTimeAsync(5)
    await new Promise(resolve => setImmediate(resolve))
  }
  return running
}

const imageUrls = (index: number) =>
  slack.messages[index]?.blocks.filter(block => block.type === 'image').map(b => b.image_url)
const context = (index: number) =>
  JSON.stringify(slack.messages[index]?.blocks.find(block => block.type === 'context'))
const gaps = () => slack.messages.slice(1).map((message, i) => message.at - slack.messages[i]!.at)

describe('one message, or as many as the graphs need', () => {
  test('a few graphs: one message with the text, an image per graph and the context line', async () => {
    const posted = graphs(3)
    const outcome = await post(inputs(), posted, ['Disk'])
    const [message] = slack.messages
    expect(outcome).toEqual({ posts: [{ channel: CHANNEL, ts: message?.ts }] })
    expect(slack.messages).toHaveLength(1)
    expect(message?.text).toBe('Morning graphs')
    expect(message?.thread_ts).toBeUndefined()
    expect(message?.blocks.map(block => block.type)).toEqual([
      'section',
      'image',
      'image',
      'image',
      'context'
    ])
    expect(message?.blocks[1]).toEqual({
      type: 'image',
      image_url: posted[0]?.url,
      alt_text: 'Graph 1',
      title: { type: 'plain_text', text: 'Graph 1', emoji: true }
    })
    expect(imageUrls(0)).toEqual(posted.map(g => g.url))
    // Slack fetched every image while it took the message.
    expect(message?.downloads.map(download => download.status)).toEqual([200, 200, 200])
    expect(message?.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Images available until <!date^1773046800^{date_short_pretty} at {time}|2026-03-09 09:00 UTC> · 1 graph failed: Disk · <${RUN_URL}|Workflow run>`
        }
      ]
    })
    expect(core.startGroup.mock.calls).toEqual([['Posting to Slack']])
    expect(core.info.mock.calls).toContainEqual([
      `Posted 1 message(s) to ${CHANNEL} (ts ${message?.ts})`
    ])
  })

  test('more than 48 graphs: continued in a second message, in the thread the workflow named; default text', async () => {
    const posted = graphs(50)
    const threadTs = '1732868400.123456'
    const today = new Date().toISOString().slice(0, 10)
    const outcome = await post(inputs({ text: undefined, threadTs }), posted)
    expect(outcome.posts).toEqual(slack.messages.map(m => ({ channel: CHANNEL, ts: m.ts })))
    expect(slack.messages.map(m => [m.text, m.thread_ts])).toEqual([
      [`CloudWatch graphs for ${today} (1/2)`, threadTs],
      [`CloudWatch graphs for ${today} (2/2)`, threadTs]
    ])
    expect(imageUrls(0)).toEqual(posted.slice(0, 48).map(g => g.url))
    expect(imageUrls(1)).toEqual(posted.slice(48).map(g => g.url))
    expect(context(1)).toContain(`<${RUN_URL}|Workflow run>`)
  })

  test('Slack refuses the second message: the first is reported as posted, with the refusal', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'is_archived' },
      { operation: 'chat.postMessage', after: 1 }
    )
    const outcome = await post(inputs(), graphs(50))
    const [first] = slack.messages
    expect(slack.messages).toHaveLength(1)
    expect(outcome).toEqual({
      posts: [{ channel: CHANNEL, ts: first?.ts }],
      postFailure: `Slack refused message 2 of 2 to '${CHANNEL}': is_archived: the channel is archived: unarchive it, or post to a channel that is not (1 of 2 messages were posted before it, the first at ts ${first?.ts}: a re-run would post them again)`
    })
  })

  test('Slack refuses the first message: nothing was posted, so the run fails with the fix', async () => {
    await expect(post(inputs({ channels: [NOT_JOINED] }), graphs(2))).rejects.toThrow(
      `Slack refused message 1 of 1 to '${NOT_JOINED}': not_in_channel: invite the Slack app to the channel (/invite @your-app)`
    )
    expect(slack.messages).toEqual([])
  })
})

describe('slack-thread: images', () => {
  test('a header, then a reply per graph in its thread, at most one message a second', async () => {
    const posted = graphs(3)
    const outcome = await onFakeClock(() => post(inputs({ thread: 'images' }), posted, ['Disk']))
    const [header, ...replies] = slack.messages
    expect(header?.thread_ts).toBeUndefined()
    expect(header?.blocks.map(block => block.type)).toEqual(['section', 'context'])
    expect(context(0)).toContain('1 graph failed: Disk')
    expect(replies.map(reply => [reply.text, reply.thread_ts])).toEqual(
      posted.map(g => [g.name, header?.ts])
    )
    expect(replies.map((_, i) => imageUrls(i + 1))).toEqual(posted.map(g => [g.url]))
    expect(outcome.posts).toEqual(slack.messages.map(m => ({ channel: CHANNEL, ts: m.ts })))
    for (const gap of gaps()) expect(gap).toBeGreaterThanOrEqual(1000)
  })

  test('a reply refused: the header and the replies before it are reported, with the refusal', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'is_archived' },
      { operation: 'chat.postMessage', after: 2 }
    )
    const outcome = await onFakeClock(() => post(inputs({ thread: 'images' }), graphs(3)))
    const [header, reply] = slack.messages
    expect(slack.messages).toHaveLength(2)
    expect(outcome.posts).toEqual([
      { channel: CHANNEL, ts: header?.ts },
      { channel: CHANNEL, ts: reply?.ts }
    ])
    expect(outcome.postFailure).toBe(
      `Slack refused message 2 of 3 to '${CHANNEL}': is_archived: the channel is archived: unarchive it, or post to a channel that is not (1 of 3 messages were posted before it, the first at ts ${reply?.ts}: a re-run would post them again) (the thread's header, ts ${header?.ts}, and 1 of 3 replies were posted)`
    )
  })
})

describe('nothing posted', () => {
  test.each([
    ['a dry run', () => inputs({}, true)],
    ['no Slack inputs (a dry run without them)', () => ({ ...inputs({}, true), slack: undefined })]
  ])('%s: nothing reaches Slack', async (_case, given) => {
    expect(await post(given(), graphs(2))).toEqual({ posts: [] })
    expect(slack.messages).toEqual([])
    expect(core.info.mock.calls).toEqual([['Dry run: nothing posted to Slack']])
  })
})

describe('several channels', () => {
  const inChannel = (channel: string) => slack.messages.filter(m => m.channel === channel)

  test('the same messages in each, in the order given; a refusing one named, the others posted', async () => {
    const outcome = await post(inputs({ channels: [NOT_JOINED, CHANNEL, SECOND] }), graphs(2))
    expect(inChannel(SECOND).map(m => m.blocks)).toEqual(inChannel(CHANNEL).map(m => m.blocks))
    expect(outcome.posts).toEqual(slack.messages.map(m => ({ channel: m.channel, ts: m.ts })))
    expect(outcome.postFailure).toMatch(
      new RegExp(
        `^The report did not fully reach 1 of 3 channels \\(2 got all of it\\):\\n- '${NOT_JOINED}': .*not_in_channel`
      )
    )
  })

  test("a lost answer is looked for in its own channel: the first channel's twin is not taken for it", async () => {
    // The second channel's post gets a 503 before Slack stores it. The first channel holds a
    // message with the same metadata; the lookup reads the second channel only, and sends again.
    slack.faults.inject(
      { kind: 'status', status: 503 },
      { operation: 'chat.postMessage', after: 1 }
    )
    const outcome = await onFakeClock(() =>
      post(inputs({ channels: [CHANNEL, SECOND] }), graphs(2))
    )
    expect(inChannel(CHANNEL)).toHaveLength(1)
    expect(inChannel(SECOND)).toHaveLength(1)
    expect(outcome).toEqual({ posts: slack.messages.map(m => ({ channel: m.channel, ts: m.ts })) })
    expect(core.info.mock.calls.map(([line]) => String(line))).toContainEqual(
      expect.stringMatching(
        /answer was lost \(HTTP 503\), and the channel does not have it: sending it again/
      )
    )
  })
})
