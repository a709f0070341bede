// delivery: slack-upload: the PNGs go to Slack (its external upload flow), then a header message,
// then the files shared under it. The real @slack/web-api client talks to the loopback Slack
// stand-in; Slack's pace between messages is the injected `pause`, which records where it fell
// (after which Slack call) and returns at once.
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import type { GraphOutcome, SlackHostedReport } from '../../src/domain/report.js'
import type { Graph } from '../../src/domain/widgets.js'
import type { Inputs, SlackInputs } from '../../src/inputs.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'
import { Deadline } from '../../src/domain/deadline.js'

jest.unstable_mockModule('@actions/core', () => core)
const { SlackHostedDelivery } = await import('../../src/delivery/slack-hosted.js')
const { Phases } = await import('../../src/github/log.js')

/** The run's clock, as main makes it for the default timeout (10 minutes). */
const DEADLINE = new Deadline(600)

const CHANNEL = 'C0GRAPHS01'
const NOT_JOINED = 'C0ELSEWHERE'
const RUN_ENV = {
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'octo/graphs',
  GITHUB_SERVER_URL: 'https://github.com'
}
const RUN_URL = 'https://github.com/octo/graphs/actions/runs/4242/attempts/2'

let slack: SlackStandIn
let savedEnv: NodeJS.ProcessEnv

beforeAll(async () => {
  slack = await startSlackStandIn({
    channels: { [CHANNEL]: { joined: true }, [NOT_JOINED]: { joined: false } }
  })
  savedEnv = { ...process.env }
  Object.assign(process.env, RUN_ENV)
})
afterAll(async () => {
  process.env = savedEnv
  await slack.close()
})
beforeEach(() => {
  core.resetCore()
  slack.messages.length = 0
  slack.timeline.events.length = 0
  slack.faults.clear()
  slack.uploads.length = 0
  pauses.length = 0
})

const graph = (position: number, name: string): Graph => ({
  position,
  name,
  metricWidget: JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']], title: name })
})
const png = (seed: number) => renderGraphPng({ width: 60, height: 40, title: 'g', seed })

/** Where each pause fell: its length, after the last Slack call the stand-in saw. */
const pauses: string[] = []
async function pause(ms: number): Promise<void> {
  pauses.push(`${ms} ms after ${slack.timeline.events.at(-1)?.operation ?? 'nothing'}`)
}

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

/** Every graph rendered and accepted (those named in `failures` failed to render), then finish. */
async function deliver(
  given: Inputs,
  graphs: Graph[],
  failures: Record<number, string> = {}
): Promise<{ images: Map<number, Buffer>; finishing: Promise<unknown>; outcomes: GraphOutcome[] }> {
  const delivery = new SlackHostedDelivery(given, new Phases(), DEADLINE, pause)
  delivery.begin()
  const images = new Map<number, Buffer>()
  const outcomes: GraphOutcome[] = []
  for (const g of graphs) {
    const failure = failures[g.position]
    if (failure) {
      outcomes.push({ graph: g, failure })
      continue
    }
    images.set(g.position, png(g.position))
    outcomes.push(await delivery.accept(g, images.get(g.position) as Buffer))
  }
  return { images, outcomes, finishing: delivery.finish(outcomes) }
}

const many = (count: number) =>
  Array.from({ length: count }, (_, i) => graph(i + 1, `Graph ${i + 1}`))
const calls = (method: string) => slack.timeline.events.filter(e => e.operation === method)
const permalink = (fileId: string, filename: string) =>
  `${slack.apiUrl.replace(/\/api\/$/, '')}/files/U0STANDIN/${fileId}/${filename}`

describe('accepting graphs', () => {
  test('a graph is kept for finish: nothing reaches Slack yet, and nothing aborts the renders', async () => {
    const delivery = new SlackHostedDelivery(inputs(), new Phases(), DEADLINE, pause)
    const signal = delivery.begin()
    const image = png(1)
    const outcome = await delivery.accept(graph(1, 'CPU'), image)
    expect(signal.aborted).toBe(false)
    expect(outcome).toEqual({ graph: graph(1, 'CPU'), bytes: image.length })
    expect(core.info.mock.calls).toEqual([[`01 CPU: ${(image.length / 1024).toFixed(1)} KiB`]])
    expect(slack.timeline.events).toEqual([])
  })
})

describe('finish: uploads, then the header, then the files shared under it', () => {
  test('uploads every rendered graph before the header; permalinks become the urls; the report has no bucket or signer', async () => {
    const graphs = [graph(1, 'CPU'), graph(2, 'Memory'), graph(3, 'Disk')]
    const failure = "CloudWatch could not render graph 2 ('Memory'): Throttling: Rate exceeded"
    const { images, finishing } = await deliver(inputs(), graphs, { 2: failure })
    const report = await finishing
    // The report's graphs, as new objects: what the delivery was handed stays as it was.
    const outcomes = (report as SlackHostedReport).graphs

    const order = slack.timeline.events.map(e => e.operation)
    const header = order.indexOf('chat.postMessage')
    expect(order.slice(0, header).sort()).toEqual([
      'files.getUploadURLExternal',
      'files.getUploadURLExternal',
      'upload',
      'upload'
    ])
    expect(order.slice(header)).toEqual(['chat.postMessage', 'files.completeUploadExternal'])
    expect(pauses).toEqual(['1000 ms after chat.postMessage'])

    const [message] = slack.messages
    expect(message?.text).toBe('Morning graphs')
    expect(message?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Morning graphs' } },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Images hosted by Slack. · 1 graph failed: Memory · <${RUN_URL}|Workflow run>`
          }
        ]
      }
    ])
    const uploads = [...slack.uploads].sort((a, b) => a.filename.localeCompare(b.filename))
    expect(uploads.map(u => [u.filename, u.title, u.channel, u.threadTs, u.completed])).toEqual([
      ['01-cpu.png', 'CPU', CHANNEL, undefined, true],
      ['03-disk.png', 'Disk', CHANNEL, undefined, true]
    ])
    expect(uploads[0]?.bytes?.equals(images.get(1) as Buffer)).toBe(true)
    expect(uploads[1]?.bytes?.equals(images.get(3) as Buffer)).toBe(true)

    expect(outcomes.map(outcome => [outcome.url, outcome.failure])).toEqual([
      [permalink(uploads[0]!.fileId, '01-cpu.png'), undefined],
      [undefined, failure],
      [permalink(uploads[1]!.fileId, '03-disk.png'), undefined]
    ])
    expect(report).toEqual({
      delivery: 'slack-upload',
      graphs: outcomes,
      posts: [{ channel: CHANNEL, ts: message?.ts }],
      dryRun: false
    })
    expect(core.startGroup.mock.calls).toEqual([['Uploading to Slack']])
    expect(core.info.mock.calls).toContainEqual([
      `Shared 2 graph(s) in Slack under message ${message?.ts} in ${CHANNEL}`
    ])
  })

  test('files are shared 10 to a message, paced like messages', async () => {
    const { finishing } = await deliver(inputs(), many(12))
    const { graphs: outcomes } = (await finishing) as SlackHostedReport
    expect(calls('files.completeUploadExternal')).toHaveLength(2)
    expect(pauses).toEqual([
      '1000 ms after chat.postMessage',
      '1000 ms after files.completeUploadExternal'
    ])
    expect(outcomes.every(outcome => outcome.url?.includes('/files/') && !outcome.failure)).toBe(
      true
    )
  })

  test('Slack refuses the second share: the first 10 are shared, the last 2 fail with its words', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'is_archived' },
      { operation: 'files.completeUploadExternal', after: 1 }
    )
    const { finishing } = await deliver(inputs(), many(12))
    const report = (await finishing) as SlackHostedReport
    const outcomes = report.graphs
    expect(outcomes.slice(0, 10).every(outcome => outcome.url && !outcome.failure)).toBe(true)
    expect(outcomes.slice(10).map(outcome => [outcome.url, outcome.failure])).toEqual([
      [
        undefined,
        'Slack refused to share it: is_archived: the channel is archived: unarchive it, or post to a channel that is not'
      ],
      [
        undefined,
        'Slack refused to share it: is_archived: the channel is archived: unarchive it, or post to a channel that is not'
      ]
    ])
    expect(report.posts).toEqual([{ channel: CHANNEL, ts: slack.messages[0]?.ts }])
    expect(core.info.mock.calls).toContainEqual([
      `Shared 10 graph(s) in Slack under message ${slack.messages[0]?.ts} in ${CHANNEL}`
    ])
  })

  test('slack-thread: images: each file shared on its own as a reply to the header, paced', async () => {
    const { finishing } = await deliver(inputs({ thread: 'images' }), many(3))
    await finishing
    const [header] = slack.messages
    expect(header?.thread_ts).toBeUndefined()
    expect(calls('files.completeUploadExternal')).toHaveLength(3)
    const byTitle = [...slack.uploads].sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''))
    expect(byTitle.map(u => [u.title, u.threadTs, u.completed])).toEqual(
      ['Graph 1', 'Graph 2', 'Graph 3'].map(title => [title, header?.ts, true])
    )
    expect(pauses).toEqual([
      '1000 ms after chat.postMessage',
      '1000 ms after files.completeUploadExternal',
      '1000 ms after files.completeUploadExternal'
    ])
  })

  test('slack-thread-ts: the header and the files go into the thread the workflow named', async () => {
    const threadTs = '1732868400.123456'
    const { finishing } = await deliver(inputs({ threadTs }), many(2))
    await finishing
    expect(slack.messages.map(m => m.thread_ts)).toEqual([threadTs])
    expect(slack.uploads.map(u => u.threadTs)).toEqual([threadTs, threadTs])
    expect(calls('files.completeUploadExternal')).toHaveLength(1)
  })
})

describe('what cannot reach Slack', () => {
  test("a failed upload is that graph's failure, and the header says so; the rest are shared", async () => {
    slack.faults.inject({ kind: 'status', status: 403 }, { operation: 'upload' })
    const { finishing } = await deliver(inputs(), many(3))
    const { graphs: outcomes } = (await finishing) as SlackHostedReport
    const failed = outcomes.filter(outcome => outcome.failure)
    expect(failed).toHaveLength(1)
    const name = failed[0]?.graph.name
    expect(failed[0]?.failure).toBe(`Uploading '${name}' to Slack failed: HTTP 403`)
    expect(failed[0]?.url).toBeUndefined()
    const shared = outcomes.filter(outcome => !outcome.failure)
    expect(shared.every(outcome => outcome.url?.includes('/files/'))).toBe(true)
    expect(
      slack.uploads
        .filter(u => u.completed)
        .map(u => u.title)
        .sort()
    ).toEqual(shared.map(outcome => outcome.graph.name))
    expect(JSON.stringify(slack.messages[0]?.blocks)).toContain(`1 graph failed: ${name}`)
  })

  test('an upload that meets a 5xx is retried after the injected pause', async () => {
    slack.faults.inject({ kind: 'status', status: 503 }, { operation: 'upload' })
    const { finishing } = await deliver(inputs(), many(1))
    const { graphs: outcomes } = (await finishing) as SlackHostedReport
    expect(outcomes[0]?.failure).toBeUndefined()
    expect(pauses[0]).toBe('1000 ms after upload')
  })

  test('nothing uploaded: the run fails with each cause, and no header is posted', async () => {
    slack.faults.inject(
      { kind: 'status', status: 200, code: 'missing_scope' },
      { operation: 'files.getUploadURLExternal', times: 2 }
    )
    const { finishing } = await deliver(inputs(), [graph(1, 'CPU'), graph(2, 'Memory')])
    const hint =
      'missing_scope: the app lacks a scope: chat:write to post (files:write too with delivery: slack-upload); add it and reinstall the app'
    await expect(finishing).rejects.toThrow(
      'No graph could be uploaded to Slack, so nothing was posted:\n' +
        `- 01 CPU: Slack refused an upload of 'CPU': ${hint}\n` +
        `- 02 Memory: Slack refused an upload of 'Memory': ${hint}`
    )
    expect(calls('chat.postMessage')).toEqual([])
  })

  test('the header refused: the run fails with the fix, and no file is shared', async () => {
    const { finishing } = await deliver(inputs({ channels: [NOT_JOINED] }), many(2))
    await expect(finishing).rejects.toThrow(
      `Slack refused message 1 of 1 to '${NOT_JOINED}': not_in_channel: invite the Slack app to the channel (/invite @your-app)`
    )
    expect(calls('files.completeUploadExternal')).toEqual([])
    expect(slack.uploads.some(u => u.completed)).toBe(false)
  })

  test('no graph rendered: the run fails with each cause, and Slack is not called', async () => {
    const failure = "CloudWatch could not render graph 1 ('CPU'): Throttling: Rate exceeded"
    const { finishing } = await deliver(inputs(), [graph(1, 'CPU')], { 1: failure })
    await expect(finishing).rejects.toThrow(
      `No graph could be rendered, so nothing was posted:\n- 01 CPU: ${failure}`
    )
    expect(slack.timeline.events).toEqual([])
  })

  test('dry run: nothing uploaded, nothing posted; the report says so', async () => {
    const { outcomes, finishing } = await deliver(inputs({}, true), many(2))
    expect(await finishing).toEqual({
      delivery: 'slack-upload',
      graphs: outcomes,
      posts: [],
      dryRun: true
    })
    expect(slack.timeline.events).toEqual([])
    expect(core.info.mock.calls).toContainEqual(['Dry run: nothing uploaded to Slack'])
  })
})

describe('alarms', () => {
  const alarm = (name: string, kind: 'metric' | 'composite') => ({
    name,
    arn: `arn:aws:cloudwatch:us-east-1:1:alarm:${name}`,
    kind,
    state: 'ALARM',
    reason: `${name} crossed`
  })

  test('firing and none is: the header alone, with the line; nothing uploaded', async () => {
    const delivery = new SlackHostedDelivery(inputs(), new Phases(), DEADLINE, pause)
    delivery.begin()
    const report = await delivery.finish([], { firing: true, alarms: [], readAt: new Date() })
    expect(report.posts).toHaveLength(1)
    expect(slack.uploads).toEqual([])
    expect(JSON.stringify(slack.messages[0]?.blocks)).toContain('No alarm is firing.')
  })

  test('every alarm line in the header; the alarm graph is a file titled with its name', async () => {
    const high = alarm('high-cpu', 'metric')
    const all = alarm('all-bad', 'composite')
    const delivery = new SlackHostedDelivery(inputs(), new Phases(), DEADLINE, pause)
    const g = { ...graph(1, 'high-cpu'), alarm: high }
    delivery.begin()
    const outcome = await delivery.accept(g, png(1))
    await delivery.finish([outcome], { firing: false, alarms: [high, all], readAt: new Date() })
    const header = JSON.stringify(slack.messages[0]?.blocks)
    expect(header).toContain('*high-cpu* *ALARM*')
    expect(header).toContain('*all-bad* (composite)')
    expect(slack.uploads.map(u => u.title)).toEqual(['high-cpu'])
  })
})
