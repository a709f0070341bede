// Faults the action survives, and the failures it explains, on the built bundle.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  graphs,
  latency,
  nodesToTest,
  postedNames,
  postedUrls,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import {
  BUCKET,
  SIGNER_SECRET_PARAMETER,
  type StandIns,
  startStandIns
} from '../../test-support/stand-ins.js'

jest.setTimeout(90000)

const [machineNode] = nodesToTest()

describe.each(nodesToTest())('faults, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  async function run(
    inputs: Record<string, string>,
    options: { run?: { id: number; attempt: number } } = {}
  ): Promise<ActionRun> {
    const result = await runAction({
      node,
      inputs: { ...standIns.baseInputs(), ...ssmSigner, ...inputs },
      env: standIns.actionEnv(),
      run: options.run ?? RUN
    })
    expectNoSecretsLeaked(result, standIns)
    return result
  }

  function expectPostedOnce(names: string[]): void {
    expect(postedNames(standIns)).toEqual(names)
  }

  test('CloudWatch: 5xx, throttling and a reset connection are retried', async () => {
    const faults = standIns.aws.faults
    faults.inject({ kind: 'status', status: 500 }, { operation: 'GetMetricWidgetImage', times: 2 })
    faults.inject({ kind: 'throttle' }, { operation: 'GetMetricWidgetImage', times: 2 })
    faults.inject({ kind: 'reset' }, { operation: 'GetMetricWidgetImage', times: 1 })
    const result = await run({ widgets: JSON.stringify([cpu, latency]) })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.errors.filter(e => e.operation === 'GetMetricWidgetImage').length).toBe(4)
    expectPostedOnce(['CPU', 'ALB latency'])
  })

  test('S3 and SSM: 5xx and reset connections are retried', async () => {
    standIns.s3.faults.inject({ kind: 'status', status: 500 }, { operation: 'PutObject', times: 2 })
    standIns.s3.faults.inject({ kind: 'reset' }, { operation: 'PutObject', times: 1 })
    standIns.aws.faults.inject({ kind: 'status', status: 503 }, { operation: 'GetParameters' })
    standIns.aws.faults.inject({ kind: 'reset' }, { operation: 'GetParameters' })
    const result = await run({ widgets: JSON.stringify([cpu, latency]) })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(await standIns.s3.listKeys(BUCKET)).toHaveLength(2)
    expectPostedOnce(['CPU', 'ALB latency'])
  })

  test("CloudWatch's 20-per-second quota: 50 graphs at max-concurrency 20 all arrive", async () => {
    standIns.aws.throttle = { perSecond: 20 }
    const result = await run({ widgets: JSON.stringify(graphs(50)), 'max-concurrency': '20' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.errors.some(e => e.code === 'Throttling')).toBe(true)
    expectPostedOnce(graphs(50).map(g => (g as { title: string }).title))
  })

  test('a graph CloudWatch rejects fails the run by name; the others are posted once', async () => {
    const bad = { ...cpu, title: 'Bad view', view: 'sparkles' }
    const result = await run({ widgets: JSON.stringify([cpu, bad, latency]) })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/1 of 3 graphs failed; the other 2 were posted/)
    expect(result.errors[0]).toMatch(
      /02 Bad view: CloudWatch could not render graph 2 \('Bad view'\): InvalidParameterInput/
    )
    expectPostedOnce(['CPU', 'ALB latency'])
    const context = JSON.stringify(standIns.slack.messages[0]!.blocks.at(-1))
    expect(context).toContain('1 graph failed: Bad view')
    expect(JSON.parse(result.outputs['object-keys']!)).toHaveLength(2)
    expect(await standIns.s3.listKeys(BUCKET)).toHaveLength(2)
  })

  test('when every graph fails, nothing is posted (never an empty message)', async () => {
    standIns.aws.faults.inject(
      {
        kind: 'status',
        status: 400,
        code: 'InvalidParameterInput',
        message: 'The metric widget is invalid'
      },
      { operation: 'GetMetricWidgetImage', times: 10 }
    )
    const result = await run({ widgets: JSON.stringify([cpu, latency]) })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/No graph could be rendered.*nothing was posted/s)
    expect(result.errors[0]).toContain('01 CPU')
    expect(result.errors[0]).toContain('02 ALB latency')
    expectNoSideEffects(standIns)
  })

  test('Slack: 429 with Retry-After and a 5xx are retried; the message is posted once', async () => {
    standIns.slack.faults.inject(
      { kind: 'throttle', retryAfterSeconds: 1 },
      { operation: 'chat.postMessage' }
    )
    standIns.slack.faults.inject({ kind: 'status', status: 503 }, { operation: 'chat.postMessage' })
    const result = await run({ widgets: JSON.stringify([cpu]) })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.messages).toHaveLength(1)
    expect(standIns.slack.rejected.map(r => r.error)).toEqual(['ratelimited', expect.any(String)])
  })

  test('Slack cannot download an image: the graphs reach the channel as links, with a warning', async () => {
    standIns.slack.faults.inject({ kind: 'status', status: 500 }, { operation: 'image download' })
    const result = await run({ widgets: JSON.stringify([cpu, latency]) })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.warnings.some(w => /posted them as links/.test(w))).toBe(true)
    expect(standIns.slack.rejected.map(r => r.error)).toEqual(['invalid_blocks'])
    expect(standIns.slack.messages).toHaveLength(1)
    const blocks = standIns.slack.messages[0]!.blocks
    expect(blocks.filter(b => b.type === 'image')).toEqual([])
    const urls = JSON.parse(result.outputs['image-urls']!) as string[]
    for (const url of urls)
      expect(JSON.stringify(blocks)).toContain(JSON.stringify(url).slice(1, -1))
    expectPostedOnce(['CPU', 'ALB latency'])
  })

  test('Slack refuses the second message: the first stays, is reported, and the run fails saying so', async () => {
    standIns.slack.faults.inject(
      { kind: 'status', status: 200, code: 'is_archived' },
      { operation: 'chat.postMessage', after: 1 }
    )
    const result = await run({ widgets: JSON.stringify(graphs(60)), 'max-concurrency': '10' })
    expect(result.exitCode).toBe(1)
    expect(standIns.slack.messages).toHaveLength(1)
    expect(result.errors[0]).toMatch(/message 2 of 2.*is_archived.*1 of 2 messages were posted/s)
    expect(result.outputs['slack-ts']).toBe(standIns.slack.messages[0]!.ts)
    expect(result.summary).toContain('Posted 1 message')
  })

  test('a re-run (attempt 2) writes new keys and posts once more', async () => {
    const first = await run({ widgets: JSON.stringify([cpu]) })
    const second = await run(
      { widgets: JSON.stringify([cpu]) },
      { run: { id: RUN.id, attempt: 2 } }
    )
    expect([first.exitCode, second.exitCode]).toEqual([0, 0])
    const [firstKey] = JSON.parse(first.outputs['object-keys']!) as string[]
    const [secondKey] = JSON.parse(second.outputs['object-keys']!) as string[]
    expect(firstKey).toMatch(/\/987654321-1\/01-cpu\.png$/)
    expect(secondKey).toMatch(/\/987654321-2\/01-cpu\.png$/)
    expect(await standIns.s3.listKeys(BUCKET)).toHaveLength(2)
    expect(standIns.slack.messages).toHaveLength(2)
    expect(new Set(postedUrls(standIns)).size).toBe(2)
  })

  test.each([
    ['not_in_channel', /not_in_channel: invite the Slack app to the channel/],
    ['channel_not_found', /channel_not_found: check slack-channel/],
    ['invalid_auth', /invalid_auth: slack-token is not valid/],
    ['missing_scope', /missing_scope: the app lacks a scope: chat:write/]
  ])('Slack %s is explained', async (code, message) => {
    standIns.slack.faults.inject(
      { kind: 'status', status: 200, code },
      { operation: 'chat.postMessage' }
    )
    const result = await run({ widgets: JSON.stringify([cpu]) })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(message)
    expect(standIns.slack.messages).toEqual([])
  })

  test('SSM: a missing parameter is named, before any upload', async () => {
    delete standIns.aws.parameters[SIGNER_SECRET_PARAMETER]
    const result = await run({ widgets: JSON.stringify([cpu]) })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toContain(`SSM has no value for '${SIGNER_SECRET_PARAMETER}'`)
    expectNoSideEffects(standIns)
  })

  test.each([
    ['AccessDenied', /AccessDeniedException.*ssm:GetParameters/],
    ['KmsAccessDenied', /kms:Decrypt/]
  ])('SSM %s is explained, before any upload', async (failure, message) => {
    standIns.aws.parameters[SIGNER_SECRET_PARAMETER]!.failure = failure as 'AccessDenied'
    const result = await run({ widgets: JSON.stringify([cpu]) })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(message)
    expectNoSideEffects(standIns)
  })

  test('a wrong s3-region is explained', async () => {
    const result = await run({ widgets: JSON.stringify([cpu]), 's3-region': 'eu-west-1' })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/region/)
    expect(result.errors[0]).toMatch(/s3-region/)
    expect(standIns.slack.messages).toEqual([])
  })
})

describe(`the overall deadline, on ${machineNode![0]}`, () => {
  let standIns: StandIns
  afterEach(async () => standIns.close())

  test('a hanging Slack cannot hold a scheduled run past its timeout: each attempt times out', async () => {
    standIns = await startStandIns()
    standIns.slack.faults.latencyMs = 60000
    const result = await runAction({
      node: machineNode![1],
      inputs: {
        ...standIns.baseInputs(),
        ...ssmSigner,
        widgets: JSON.stringify([cpu]),
        timeout: '10s'
      },
      env: standIns.actionEnv(),
      run: RUN
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /Slack may or may not have posted message 1 of 1 to 'C0GRAPHS01': Slack's answer was lost \(no answer in time\), and the app cannot read the channel to find out \(no answer from Slack in time/
    )
    expect(result.durationMs).toBeLessThan(10000)
  })
})
