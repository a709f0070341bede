// Several channels in slack-channel, on the built bundle: the graphs rendered, stored and signed
// once, the same report in every channel (each its own thread with slack-thread: images), a
// channel that refuses named at the end after the others got the report, and slack-messages.
import { jest } from '@jest/globals'
import {
  cpu,
  expectNoSideEffects,
  latency,
  nodesToTest,
  runOnStandIns,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import type { ActionRun } from '../../test-support/run-action.js'
import { CHANNEL, type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(90000)

const OPS = 'C0OPSOPS01'
const TEAM = 'C0TEAMTEAM'
const NOT_JOINED = 'C0NOTJOIN1'
const ARCHIVED = 'C0ARCHIVE1'

describe.each(nodesToTest())('several channels, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns({
      channels: {
        [OPS]: { joined: true },
        [TEAM]: { joined: true },
        [NOT_JOINED]: { joined: false },
        [ARCHIVED]: { joined: true, archived: true }
      }
    })
  })
  afterEach(async () => standIns.close())

  const run = (
    inputs: Record<string, string>,
    base: Record<string, string> = { ...standIns.baseInputs(), ...ssmSigner }
  ) =>
    runOnStandIns(node, standIns, { ...base, widgets: JSON.stringify([cpu, latency]), ...inputs })

  const inChannel = (channel: string) => standIns.slack.messages.filter(m => m.channel === channel)
  /** What a reader sees of a message: its text and blocks, without its place and time. */
  const seen = (channel: string) =>
    inChannel(channel).map(m => ({ text: m.text, blocks: m.blocks }))
  const puts = () => standIns.s3.requests.filter(r => r.method === 'PUT')
  const messagesOutput = (result: ActionRun) =>
    JSON.parse(result.outputs['slack-messages'] ?? 'null') as { channel: string; ts: string }[]

  test('the same report in every channel; the graphs rendered, stored and signed once', async () => {
    const result = await run({ 'slack-channel': `${CHANNEL}, ${OPS}\n${TEAM}` })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.cloudwatchRequests).toHaveLength(2)
    expect(puts()).toHaveLength(2)
    expect(standIns.slack.messages.map(m => m.channel)).toEqual([CHANNEL, OPS, TEAM])
    expect(seen(OPS)).toEqual(seen(CHANNEL))
    expect(seen(TEAM)).toEqual(seen(CHANNEL))
    // Every message, in order; slack-ts and slack-channel are the first channel's first message.
    expect(messagesOutput(result)).toEqual(
      standIns.slack.messages.map(({ channel, ts }) => ({ channel, ts }))
    )
    expect(result.outputs['slack-ts']).toBe(standIns.slack.messages[0]?.ts)
    expect(result.outputs['slack-channel']).toBe(CHANNEL)
    expect(JSON.parse(result.outputs['image-urls'] ?? '[]')).toHaveLength(2)
    expect(result.summary).toContain('Posted 3 messages to 3 Slack channels')
  })

  test('slack-thread: images: each channel has a thread of its own', async () => {
    const result = await run({ 'slack-channel': `${CHANNEL},${OPS}`, 'slack-thread': 'images' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    for (const channel of [CHANNEL, OPS]) {
      const [header, ...replies] = inChannel(channel)
      expect(header?.thread_ts).toBeUndefined()
      expect(replies).toHaveLength(2)
      expect(replies.every(reply => reply.thread_ts === header?.ts)).toBe(true)
    }
    expect(messagesOutput(result)).toHaveLength(6)
  })

  test.each([
    ['the app is not in it', NOT_JOINED, /not_in_channel: invite the Slack app/],
    [
      'it is archived',
      ARCHIVED,
      /is_archived: the channel is archived: unarchive it, or post to a channel that is not/
    ]
  ])(
    'a first channel that refuses (%s): the others get the report, the run fails naming it',
    async (_case, refusing, why) => {
      const result = await run({ 'slack-channel': `${refusing}\n${OPS}\n${TEAM}` })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(
        /The report did not fully reach 1 of 3 channels \(2 got all of it\)/
      )
      expect(result.errors[0]).toContain(
        `- '${refusing}': Slack refused message 1 of 1 to '${refusing}'`
      )
      expect(result.errors[0]).toMatch(why)
      expect(inChannel(refusing)).toEqual([])
      expect(seen(TEAM)).toEqual(seen(OPS))
      expect(seen(OPS)).toHaveLength(1)
      // The outputs still say where the report is: the first message posted, and every message.
      expect(result.outputs['slack-channel']).toBe(OPS)
      expect(result.outputs['slack-ts']).toBe(inChannel(OPS)[0]?.ts)
      expect(messagesOutput(result).map(m => m.channel)).toEqual([OPS, TEAM])
      expect(result.summary).toContain('Part of the report did not reach Slack')
    }
  )

  test('every channel refuses: nothing posted, each named', async () => {
    const result = await run({ 'slack-channel': `${NOT_JOINED},${ARCHIVED}` })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^Nothing was posted: each of the 2 channels refused the report:/
    )
    expect(result.errors[0]).toContain(`- '${NOT_JOINED}': `)
    expect(result.errors[0]).toContain(`- '${ARCHIVED}': `)
    expect(standIns.slack.messages).toEqual([])
  })

  test('a token Slack refuses stops at the first channel: every channel would refuse it', async () => {
    const result = await run({ 'slack-channel': `${CHANNEL},${OPS}`, 'slack-token': 'xoxb-wrong' })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/invalid_auth/)
    expect(standIns.slack.rejected.map(r => r.method)).toEqual(['chat.postMessage'])
  })

  test('delivery: slack-upload: the files uploaded and shared under each channel’s header', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    const result = await run(
      { delivery: 'slack-upload', 'slack-channel': `${CHANNEL}\n${NOT_JOINED}\n${OPS}` },
      slackOnly
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /did not fully reach 1 of 3 channels.*\n- 'C0NOTJOIN1': .*not_in_channel/
    )
    expect(standIns.aws.cloudwatchRequests).toHaveLength(2) // rendered once
    for (const channel of [CHANNEL, OPS]) {
      const shared = standIns.slack.uploads.filter(u => u.completed && u.channel === channel)
      expect(shared.map(u => u.title).sort()).toEqual(['ALB latency', 'CPU'])
      expect(inChannel(channel)).toHaveLength(1) // the header
    }
    expect(messagesOutput(result).map(m => m.channel)).toEqual([CHANNEL, OPS])
    // The permalinks are the first channel's.
    const urls = JSON.parse(result.outputs['image-urls'] ?? '[]') as string[]
    expect(urls).toHaveLength(2)
  })

  test('delivery: slack-upload: graphs not shared in one channel are named with it; the others have them', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    standIns.slack.faults.inject(
      { kind: 'status', status: 200, code: 'restricted_action' },
      { operation: 'files.completeUploadExternal' }
    )
    const result = await run(
      { delivery: 'slack-upload', 'slack-channel': `${CHANNEL},${OPS}` },
      slackOnly
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^The report did not fully reach 1 of 2 channels \(1 got all of it\):\n- 'C0GRAPHS01': 2 graphs not shared there \(01 CPU, 02 ALB latency\): .*restricted_action/
    )
    // Every graph reached a channel: none is a failed graph, and the permalinks are OPS's.
    expect(result.errors[0]).not.toMatch(/graphs failed/)
    const shared = standIns.slack.uploads.filter(u => u.completed)
    expect(shared.map(u => u.channel)).toEqual([OPS, OPS])
    expect(JSON.parse(result.outputs['image-urls'] ?? '[]')).toHaveLength(2)
  })

  test.each<[string, Record<string, string>, RegExp]>([
    [
      'a channel twice',
      { 'slack-channel': `${OPS}\n#ops, ops, ${OPS}` },
      /Input 'slack-channel' names '.*' twice/
    ],
    [
      'a channel with a space',
      { 'slack-channel': 'ops team' },
      /Input 'slack-channel': 'ops team' is not a channel id/
    ],
    [
      'slack-thread-ts with several channels',
      { 'slack-channel': `${OPS},${TEAM}`, 'slack-thread-ts': '1732868400.123456' },
      /Input 'slack-thread-ts' is a message of one channel, but slack-channel names 2/
    ],
    [
      'more than 20 channels',
      {
        'slack-channel': Array.from(
          { length: 21 },
          (_, i) => `C0CHAN${String(i).padStart(4, '0')}`
        ).join(',')
      },
      /Input 'slack-channel' names 21 channels; a report goes to at most 20/
    ]
  ])('%s is refused before any call', async (_case, inputs, error) => {
    const result = await run(inputs)
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(error)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expectNoSideEffects(standIns)
  })
})
