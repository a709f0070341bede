// Connections that accept a request and never answer, on the built bundle. Every outside call has
// a per-attempt limit derived from input 'timeout' (15s here: 2 s an attempt, the last 3 s kept
// for posting), is retried within that budget, and the run ends with what worked.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  latency,
  nodesToTest,
  postedNames,
  runOnStandIns,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import { BUCKET, type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(60000)

const HANG = { kind: 'hang' } as const
const stuck = { ...cpu, title: 'Stuck' }
const nodes = nodesToTest()
/** The runs that wait for the work deadline take 12 s: on Node 24 alone (action.yml's runtime). */
const [newest] = nodes.slice(-1)

describe.each(nodes)('a connection that never answers, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  const run = (inputs: Record<string, string>): Promise<ActionRun> =>
    runOnStandIns(node, standIns, {
      ...standIns.baseInputs(),
      ...ssmSigner,
      timeout: '15s',
      ...inputs
    })

  test.each([
    ['CloudWatch (GetMetricWidgetImage)', 'aws', 'GetMetricWidgetImage'],
    ['SSM (GetParameters)', 'aws', 'GetParameters'],
    ['S3 (PutObject)', 's3', 'PutObject'],
    ['the URL check (GetObject)', 's3', 'GetObject'],
    ['Slack (chat.postMessage)', 'slack', 'chat.postMessage']
  ] as const)(
    '%s hangs on the first attempt: retried, everything posted once, exit 0',
    async (_what, service, operation) => {
      standIns[service].faults.inject(HANG, { operation })
      const result = await run({ widgets: JSON.stringify([cpu, latency]) })
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
      expect(result.durationMs).toBeLessThan(12000)
    }
  )

  test('Slack-hosted images: an upload URL that hangs once is retried', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    standIns.slack.faults.inject(HANG, { operation: 'upload' })
    const result = await runAction({
      node,
      inputs: {
        ...slackOnly,
        delivery: 'slack-upload',
        timeout: '15s',
        widgets: '[' + JSON.stringify(cpu) + ']'
      },
      env: standIns.actionEnv(),
      run: RUN
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.uploads.filter(u => u.completed)).toHaveLength(1)
  })
})

describe(`a graph that hangs on every attempt, on ${newest![0]}`, () => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  /** CPU, Stuck and ALB latency, within a 15-second timeout. */
  const runStuck = () =>
    runOnStandIns(newest![1], standIns, {
      ...standIns.baseInputs(),
      ...ssmSigner,
      timeout: '15s',
      widgets: JSON.stringify([cpu, stuck, latency])
    })

  test('its render stops before the deadline; the other 2 are posted and it is named', async () => {
    standIns.aws.faults.inject(HANG, {
      operation: 'GetMetricWidgetImage',
      matching: 'Stuck',
      times: 100
    })
    const result = await runStuck()
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/1 of 3 graphs failed; the other 2 were posted/)
    expect(result.errors[0]).toMatch(
      /02 Stuck: CloudWatch could not render graph 2 \('Stuck'\): not done in time: stopped 3s before the end of input 'timeout' \(15s\)/
    )
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
    expect(JSON.stringify(standIns.slack.messages[0]!.blocks.at(-1))).toContain(
      '1 graph failed: Stuck'
    )
    expect(await standIns.s3.listKeys(BUCKET)).toHaveLength(2)
    // Stopped at the work deadline (12 s), then posted: well within the timeout.
    expect(result.durationMs).toBeGreaterThan(11000)
    expect(result.durationMs).toBeLessThan(15000)
  })

  test('an upload that hangs on every attempt: that graph is named, the others posted', async () => {
    standIns.s3.faults.inject(HANG, { operation: 'PutObject', matching: '-stuck.png', times: 100 })
    const result = await runStuck()
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/1 of 3 graphs failed; the other 2 were posted/)
    expect(result.errors[0]).toMatch(/02 Stuck: Upload to s3:\/\/graphs-bucket\/\S+-stuck\.png/)
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
    expect(result.durationMs).toBeLessThan(15000)
  })
})
