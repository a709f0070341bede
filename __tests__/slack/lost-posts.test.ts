// A post (or a share of files) whose answer is lost is never repeated blindly, against the Slack
// stand-in: each message carries metadata; when the answer is lost the channel's history is read;
// found, it counts as posted; not there, it is sent again; unreadable, it is not sent again and the
// error says the message may or may not be there. Waits return at once; attempts last 300 ms.
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import type { Fault } from '../../test-support/faults.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'

jest.unstable_mockModule('@actions/core', () => core)
const { createSlackClient } = await import('../../src/slack/client.js')
const { postMessages, postThread } = await import('../../src/slack/posting.js')
const { shareFiles, uploadFiles } = await import('../../src/slack/files.js')
const { UncertainPost } = await import('../../src/slack/lookup.js')
const { PostError } = await import('../../src/domain/errors.js')
const { reportMetadata } = await import('../../src/domain/metadata.js')

const CHANNEL = 'C0GRAPHS'
const RUN = { runId: '987654321', runAttempt: '1', report: 'r-1' }
let slack: SlackStandIn

beforeAll(async () => {
  slack = await startSlackStandIn({ channels: { [CHANNEL]: { joined: true } } })
})
afterAll(async () => slack.close())
beforeEach(() => {
  core.resetCore()
  slack.faults.clear()
  slack.messages.length = 0
  slack.history.length = 0
  slack.uploads.length = 0
  slack.historyError = undefined
})

const client = () =>
  createSlackClient(slack.token, slack.apiUrl, { attemptMs: 300, remainingMs: () => 600000 }, () =>
    Promise.resolve()
  )
const text = (t: string) => ({ text: t, blocks: [] })
const chat = { operation: 'chat.postMessage' }
const lost = (answer: Extract<Fault, { kind: 'lost' }>['answer']): Fault => ({
  kind: 'lost',
  answer
})
const infos = () => core.info.mock.calls.map(([line]) => String(line))

async function failure<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    return error as E
  }
  throw new Error('expected a failure')
}

describe('a message', () => {
  test('carries metadata: the run, its attempt, the report id, its number', async () => {
    await postMessages(client(), CHANNEL, [text('1/2'), text('2/2')], { run: RUN })
    expect(slack.messages.map(m => m.metadata)).toEqual([
      reportMetadata(RUN, 1),
      reportMetadata(RUN, 2)
    ])
  })

  test.each([
    ['a reset', lost('reset')],
    ['a 503 from a proxy', lost({ status: 503 })],
    ['no answer', lost('hang')]
  ])('stored, its answer lost (%s): found in the history, not posted again', async (_c, fault) => {
    slack.faults.inject(fault, chat)
    const posts = await postMessages(client(), CHANNEL, [text('report')], { run: RUN })
    expect(slack.messages).toHaveLength(1)
    expect(posts).toEqual([{ channel: CHANNEL, ts: slack.messages[0]?.ts }])
    expect(
      infos().some(line => /answer was lost .*but Slack has posted message 1 of 1/.test(line))
    ).toBe(true)
  })

  test('never stored (no answer before Slack acted): not in the history, so posted again', async () => {
    slack.faults.inject({ kind: 'hang' }, chat)
    await postMessages(client(), CHANNEL, [text('report')], { run: RUN })
    expect(slack.messages).toHaveLength(1)
    expect(infos().some(line => /does not have it: sending it again/.test(line))).toBe(true)
  })

  test('an older message of another report with the same text is not taken for it', async () => {
    await postMessages(client(), CHANNEL, [text('report')], { run: { ...RUN, report: 'other' } })
    slack.faults.inject({ kind: 'hang' }, chat)
    await postMessages(client(), CHANNEL, [text('report')], { run: RUN })
    expect(slack.messages).toHaveLength(2)
  })

  test('lost three times and never there: it gives up, saying the channel does not have it', async () => {
    slack.faults.inject({ kind: 'hang' }, { ...chat, times: 3 })
    const error = await failure(postMessages(client(), CHANNEL, [text('report')], { run: RUN }))
    expect(error.message).toMatch(
      /^Slack's answer was lost 3 times and it never posted message 1 of 1 to 'C0GRAPHS' \(the channel does not have it\): giving up$/
    )
    expect(slack.messages).toEqual([])
  })

  test.each([
    [
      'missing_scope',
      /missing_scope: the app needs channels:history \(groups:history for a private channel\) to look/
    ],
    ['not_in_channel', /not_in_channel: the app posts there without being a member .*invite it/],
    ['channel_not_found', /give slack-channel as the channel id \(C0123ABCDEF\)/]
  ] as const)(
    'the channel cannot be read (%s): not posted again, and said to be maybe there',
    async (historyError, why) => {
      slack.historyError = historyError
      slack.faults.inject(lost({ status: 502 }), chat)
      const error = await failure(postMessages(client(), CHANNEL, [text('report')], { run: RUN }))
      expect(error).toBeInstanceOf(UncertainPost)
      expect(error.message).toMatch(
        /^Slack may or may not have posted message 1 of 1 to 'C0GRAPHS': Slack's answer was lost \(HTTP 502\), and the app cannot read the channel to find out \(/
      )
      expect(error.message).toMatch(why)
      expect(error.message).toMatch(
        /It was not sent again, so it is there at most once: look for the report of run 987654321, attempt 1 \('report'\) before re-running\.$/
      )
      expect(slack.messages).toHaveLength(1)
    }
  )

  test('the history does not answer either: not posted again, and said so', async () => {
    slack.faults.inject(lost('reset'), chat)
    slack.faults.inject({ kind: 'hang' }, { operation: 'conversations.history', times: 4 })
    const error = await failure(postMessages(client(), CHANNEL, [text('report')], { run: RUN }))
    expect(error).toBeInstanceOf(UncertainPost)
    expect(error.message).toMatch(
      /cannot read the channel to find out \(no answer from Slack in time/
    )
    expect(slack.messages).toHaveLength(1)
  })

  test('a later message in doubt: the ones before it are reported as posted', async () => {
    slack.historyError = 'missing_scope'
    slack.faults.inject(lost('reset'), { ...chat, after: 1 })
    const error = await failure<InstanceType<typeof PostError>>(
      postMessages(client(), CHANNEL, [text('1/2'), text('2/2')], { run: RUN })
    )
    expect(error).toBeInstanceOf(PostError)
    expect(error.posted).toEqual([{ channel: CHANNEL, ts: slack.messages[0]?.ts }])
    expect(error.message).toMatch(/^Slack may or may not have posted message 2 of 2/)
    expect(slack.messages).toHaveLength(2)
  })

  test('a reply whose answer is lost: found in its thread (conversations.replies)', async () => {
    slack.faults.inject(lost('reset'), { ...chat, after: 1 })
    const thread = { header: text('header'), replies: [text('CPU'), text('Memory')] }
    const posts = await postThread(client(), CHANNEL, thread, { run: RUN })
    expect(slack.messages.map(m => m.text)).toEqual(['header', 'CPU', 'Memory'])
    expect(posts.map(p => p.ts)).toEqual(slack.messages.map(m => m.ts))
    expect(slack.messages.map(m => m.metadata?.event_payload.message)).toEqual([1, 2, 3])
  })
})

describe('a share of uploaded files', () => {
  const png = renderGraphPng({ width: 40, height: 20, title: 'g', seed: 1 })
  async function uploaded() {
    const files = [{ name: 'CPU', position: 1, png: new Uint8Array(png) }]
    return (await uploadFiles(client(), files)) as { id: string; title: string }[]
  }
  const complete = { operation: 'files.completeUploadExternal' }

  test('shared, its answer lost: found in the channel, with its permalink, not shared again', async () => {
    const files = await uploaded()
    slack.faults.inject(lost({ status: 503 }), complete)
    const shared = await shareFiles(client(), CHANNEL, files, { perMessage: 10 })
    expect(shared.failure).toBeUndefined()
    expect(shared.permalinks).toEqual([expect.stringContaining(files[0]!.id)])
    expect(slack.history.filter(m => m.files)).toHaveLength(1)
  })

  test('not shared (no answer before Slack acted): shared again', async () => {
    const files = await uploaded()
    slack.faults.inject({ kind: 'hang' }, complete)
    const shared = await shareFiles(client(), CHANNEL, files, { perMessage: 10 })
    expect(shared.failure).toBeUndefined()
    expect(slack.history.filter(m => m.files)).toHaveLength(1)
  })

  test('the channel cannot be read: not shared again, and the failure says it may be there', async () => {
    const files = await uploaded()
    slack.historyError = 'missing_scope'
    slack.faults.inject(lost('reset'), complete)
    const shared = await shareFiles(client(), CHANNEL, files, {
      perMessage: 10,
      identifies: 'the files of the report of run 7, attempt 1'
    })
    expect(shared.permalinks).toEqual([undefined])
    expect(shared.failure).toMatch(
      /^Slack may or may not have shared 'CPU' in 'C0GRAPHS': .*look for the files of the report of run 7, attempt 1 before re-running\.$/
    )
    expect(slack.history.filter(m => m.files)).toHaveLength(1)
  })
})
