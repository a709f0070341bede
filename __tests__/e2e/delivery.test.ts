// Whole dashboards, Slack-hosted images, and threads, on the built bundle.
import { jest } from '@jest/globals'
import { corpusDashboards } from '../../__fixtures__/corpus.js'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  latency,
  nodesToTest,
  postedNames,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import { CHANNEL, type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(90000)

const dashboard = (prefix: string) => {
  const found = corpusDashboards().find(d => d.file.startsWith(prefix))
  if (!found) throw new Error(`no corpus dashboard ${prefix}`)
  return found.text
}

describe.each(nodesToTest())('dashboards, Slack uploads and threads, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  /** The base inputs without the bucket: delivery: slack-upload refuses one. */
  function slackOnlyInputs(): Record<string, string> {
    const { 's3-bucket': _bucket, 's3-force-path-style': _style, ...rest } = standIns.baseInputs()
    return rest
  }

  async function run(
    inputs: Record<string, string>,
    base = standIns.baseInputs()
  ): Promise<ActionRun> {
    const result = await runAction({
      node,
      inputs: { ...base, ...inputs },
      env: standIns.actionEnv(),
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    return result
  }

  test('a dashboard: every metric widget, in reading order, after the widgets given', async () => {
    standIns.aws.dashboards['service-health'] = dashboard('01-')
    const result = await run({
      ...ssmSigner,
      widgets: JSON.stringify([cpu]),
      dashboard: 'service-health'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const body = JSON.parse(dashboard('01-')) as {
      widgets: {
        type: string
        x: number
        y: number
        width: number
        properties: { title?: string }
      }[]
    }
    const metrics = body.widgets
      .filter(w => w.type === 'metric')
      .sort((a, b) => a.y - b.y || a.x - b.x)
    expect(postedNames(standIns)).toEqual(['CPU', ...metrics.map(w => w.properties.title)])
    // The log widget is skipped, with a note.
    expect(result.stdout).toMatch(/::notice::Dashboard 'service-health': skipped the log widget/)
    // Sized from the grid.
    const rendered = standIns.aws.cloudwatchRequests.map(
      r => JSON.parse(r.widget) as { title?: string; width: number }
    )
    for (const widget of metrics) {
      const request = rendered.find(r => r.title === widget.properties.title)
      expect(request?.width).toBe(Math.max(300, widget.width * 50))
    }
  })

  test('two dashboards, the CDK one with 17 metric widgets among text headers', async () => {
    standIns.aws.dashboards.facade = dashboard('04-')
    standIns.aws.dashboards.logs = dashboard('05-')
    const result = await run({ ...ssmSigner, dashboard: 'facade\nlogs', 'max-concurrency': '10' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.cloudwatchRequests).toHaveLength(18)
    expect(JSON.parse(result.outputs['object-keys']!)).toHaveLength(18)
  })

  test('an unknown dashboard is named, with the real causes (name, account), before any upload', async () => {
    const result = await run({ ...ssmSigner, dashboard: 'no-such-board' })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /Reading dashboard 'no-such-board' failed: ResourceNotFound.*check the name \(case matters\) and the account\. Dashboards are global/
    )
    expectNoSideEffects(standIns)
  })

  test('delivery: slack-upload: no bucket, no signer; Slack hosts the exact PNGs', async () => {
    const slackOnly = slackOnlyInputs()
    const result = await run(
      { delivery: 'slack-upload', widgets: JSON.stringify([cpu, latency]) },
      slackOnly
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.s3.requests).toEqual([])
    expect(standIns.aws.ssmRequests).toEqual([])
    const uploads = standIns.slack.uploads
    // Uploaded concurrently, shared in order: the permalinks (image-urls) follow the graphs.
    expect(uploads.map(u => u.title).sort()).toEqual(['ALB latency', 'CPU'])
    expect(
      uploads.every(u => u.completed && u.channel === CHANNEL && u.threadTs === undefined)
    ).toBe(true)
    const images = standIns.aws.cloudwatchRequests.map(r => r.image)
    for (const upload of uploads)
      expect(images.some(image => image.equals(upload.bytes!))).toBe(true)
    // The header message says the images are Slack's, and names the run.
    expect(standIns.slack.messages).toHaveLength(1)
    expect(JSON.stringify(standIns.slack.messages[0]!.blocks)).toContain('Images hosted by Slack')
    expect(result.outputs).toMatchObject({
      'object-keys': '[]',
      'expires-at': '',
      'signing-credentials': 'none',
      'slack-ts': standIns.slack.messages[0]!.ts
    })
    const links = JSON.parse(result.outputs['image-urls']!) as string[]
    expect(links).toHaveLength(2)
    const byTitle = (title: string) => uploads.find(u => u.title === title)!.fileId
    expect(links[0]).toContain(byTitle('CPU'))
    expect(links[1]).toContain(byTitle('ALB latency'))
  })

  test('delivery: slack-upload survives a failed upload and a 5xx from Slack', async () => {
    const slackOnly = slackOnlyInputs()
    standIns.slack.faults.inject({ kind: 'status', status: 500 }, { operation: 'upload' })
    standIns.slack.faults.inject(
      { kind: 'status', status: 503 },
      { operation: 'files.completeUploadExternal' }
    )
    const result = await run(
      { delivery: 'slack-upload', widgets: JSON.stringify([cpu]) },
      slackOnly
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.uploads.filter(u => u.completed)).toHaveLength(1)
  })

  test('delivery: slack-upload without files:write: nothing reaches the channel, not even the header', async () => {
    standIns.slack.faults.inject(
      { kind: 'status', status: 200, code: 'missing_scope' },
      { operation: 'files.getUploadURLExternal', times: 10 }
    )
    const result = await run(
      { delivery: 'slack-upload', widgets: JSON.stringify([cpu, latency]) },
      slackOnlyInputs()
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /No graph could be uploaded to Slack.*missing_scope.*files:write/s
    )
    expect(standIns.slack.messages).toEqual([])
  })

  test('delivery: slack-upload with slack-thread: images: each graph a reply in the thread', async () => {
    const slackOnly = slackOnlyInputs()
    const result = await run(
      {
        delivery: 'slack-upload',
        'slack-thread': 'images',
        widgets: JSON.stringify([cpu, latency])
      },
      slackOnly
    )
    expect(result.exitCode).toBe(0)
    const header = standIns.slack.messages[0]!
    expect(standIns.slack.uploads.map(u => u.threadTs)).toEqual([header.ts, header.ts])
  })

  test('slack-thread: images: a header, then each graph as a reply, one a second', async () => {
    const result = await run({
      ...ssmSigner,
      'slack-thread': 'images',
      widgets: JSON.stringify([cpu, latency, cpu])
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const [header, ...replies] = standIns.slack.messages
    expect(header!.thread_ts).toBeUndefined()
    expect(header!.blocks.some(b => b.type === 'image')).toBe(false)
    expect(replies.map(r => r.thread_ts)).toEqual([header!.ts, header!.ts, header!.ts])
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency', 'CPU'])
    const times = standIns.slack.messages.map(m => m.at)
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(950)
    expect(result.outputs['slack-ts']).toBe(header!.ts)
  })

  test('slack-thread-ts: the message goes into an existing thread', async () => {
    const result = await run({
      ...ssmSigner,
      'slack-thread-ts': '1764400000.000100',
      widgets: JSON.stringify([cpu])
    })
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.messages[0]!.thread_ts).toBe('1764400000.000100')
  })

  test.each<[string, Record<string, string>, string]>([
    ['slack-upload with a bucket', { delivery: 'slack-upload' }, 's3-bucket'],
    [
      'slack-upload with signing keys',
      { delivery: 'slack-upload', 's3-bucket': '', ...ssmSigner },
      'presign-access-key-id-parameter'
    ],
    [
      'slack-upload without a Slack token',
      { delivery: 'slack-upload', 's3-bucket': '', 'slack-token': '' },
      'slack-token'
    ],
    [
      'slack-thread-ts with slack-thread: images',
      { 'slack-thread': 'images', 'slack-thread-ts': '1764400000.000100' },
      'slack-thread-ts'
    ],
    ['an unknown delivery', { delivery: 's3' }, 'delivery'],
    ['an unknown slack-thread', { 'slack-thread': 'replies' }, 'slack-thread'],
    ['a malformed dashboard name', { dashboard: 'ops dashboard' }, 'dashboard']
  ])('bad combination: %s', async (_case, inputs, input) => {
    const result = await run({ widgets: JSON.stringify([cpu]), ...inputs })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(new RegExp(`^Input '${input}'`))
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expectNoSideEffects(standIns)
    expect(standIns.slack.uploads).toEqual([])
  })

  test('dry run with slack-upload: graphs rendered, nothing uploaded', async () => {
    const result = await runAction({
      node,
      inputs: { delivery: 'slack-upload', 'dry-run': 'true', widgets: JSON.stringify([cpu]) },
      env: standIns.actionEnv(),
      run: RUN
    })
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.cloudwatchRequests).toHaveLength(1)
    expect(standIns.slack.uploads).toEqual([])
    expect(standIns.slack.messages).toEqual([])
  })
})
