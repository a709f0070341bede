// Posts whose answer is lost, and rate limits that outlast the run, on the built bundle. A post is
// never repeated blindly: its metadata is looked for in the channel first; when the app may not
// read the channel, it is not sent again and the error says the message may be there.
import { jest } from '@jest/globals'
import type { Fault } from '../../test-support/faults.js'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  graphs,
  latency,
  nodesToTest,
  postedNames,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import { type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(60000)

const chat = { operation: 'chat.postMessage' }
const lost = (answer: Extract<Fault, { kind: 'lost' }>['answer']): Fault => ({
  kind: 'lost',
  answer
})

describe.each(nodesToTest())('a post whose answer is lost, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  async function run(
    inputs: Record<string, string>,
    base: Record<string, string> = { ...standIns.baseInputs(), ...ssmSigner }
  ): Promise<ActionRun> {
    const result = await runAction({
      node,
      inputs: { ...base, timeout: '15s', ...inputs },
      env: standIns.actionEnv(),
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    return result
  }

  test.each([
    ['the connection reset', lost('reset')],
    ['a 503 from a proxy', lost({ status: 503 })],
    ['no answer at all', lost('hang')]
  ])('Slack stored it, its answer was lost (%s): found, posted once, exit 0', async (_c, fault) => {
    standIns.slack.faults.inject(fault, chat)
    const result = await run({ widgets: JSON.stringify([cpu, latency]) })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.messages).toHaveLength(1)
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
    expect(result.outputs['slack-ts']).toBe(standIns.slack.messages[0]!.ts)
    expect(result.stdout).toMatch(/answer was lost .*, but Slack has posted message 1 of 1/)
    expect(standIns.slack.messages[0]!.metadata).toEqual({
      event_type: 'cloudwatch_graphs_report',
      event_payload: {
        run_id: String(RUN.id),
        run_attempt: String(RUN.attempt),
        report: expect.any(String),
        message: 1
      }
    })
  })

  test.each([
    ['missing_scope', /the app needs channels:history \(groups:history for a private channel\)/],
    ['not_in_channel', /invite it \(\/invite @your-app\)/]
  ] as const)(
    'the app may not read the channel (%s): not posted again; the run says it may be there',
    async (historyError, fix) => {
      standIns.slack.historyError = historyError
      standIns.slack.faults.inject(lost({ status: 502 }), chat)
      const result = await run({ widgets: JSON.stringify([cpu]) })
      expect(result.exitCode).toBe(1)
      expect(standIns.slack.messages).toHaveLength(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(
        /^Slack may or may not have posted message 1 of 1 to 'C0GRAPHS01': Slack's answer was lost \(HTTP 502\)/
      )
      expect(result.errors[0]).toMatch(fix)
      expect(result.errors[0]).toMatch(
        /It was not sent again, so it is there at most once: look for the report of run 987654321, attempt 1/
      )
    }
  )

  test('a reply of slack-thread: images: found in its thread, each graph once', async () => {
    standIns.slack.faults.inject(lost('reset'), { ...chat, after: 2 })
    const result = await run({
      widgets: JSON.stringify([cpu, latency]),
      'slack-thread': 'images'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.messages).toHaveLength(3)
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
  })

  test('the second of two messages lost and unreadable: the first is reported as posted', async () => {
    standIns.slack.historyError = 'missing_scope'
    standIns.slack.faults.inject(lost('reset'), { ...chat, after: 1 })
    const result = await run({ widgets: JSON.stringify(graphs(50)), 'max-concurrency': '10' })
    expect(result.exitCode).toBe(1)
    expect(standIns.slack.messages).toHaveLength(2)
    expect(result.errors[0]).toMatch(/^Slack may or may not have posted message 2 of 2/)
    expect(result.errors[0]).toMatch(/1 of 2 messages were posted before it/)
    expect(result.outputs['slack-ts']).toBe(standIns.slack.messages[0]!.ts)
  })

  test('slack-upload: a share whose answer is lost is found, not shared twice', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    standIns.slack.faults.inject(lost({ status: 503 }), {
      operation: 'files.completeUploadExternal'
    })
    const result = await run(
      { delivery: 'slack-upload', widgets: JSON.stringify([cpu, latency]) },
      slackOnly
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.history.filter(m => m.files)).toHaveLength(1)
    expect(standIns.slack.uploads.filter(u => u.completed)).toHaveLength(2)
  })

  test('slack-upload: a share in doubt, unreadable channel: not shared again, said so', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    standIns.slack.historyError = 'missing_scope'
    standIns.slack.faults.inject(lost('reset'), { operation: 'files.completeUploadExternal' })
    const result = await run(
      { delivery: 'slack-upload', widgets: JSON.stringify([cpu]) },
      slackOnly
    )
    expect(result.exitCode).toBe(1)
    expect(standIns.slack.history.filter(m => m.files)).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /01 CPU: Slack may or may not have shared 'CPU' in 'C0GRAPHS01'/
    )
  })
})

describe.each(nodesToTest())('Slack rate limits, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  test('a Retry-After longer than what is left of timeout: fails at once, saying how long', async () => {
    standIns.slack.faults.inject({ kind: 'throttle', retryAfterSeconds: 3600 }, chat)
    const result = await runAction({
      node,
      inputs: { ...standIns.baseInputs(), ...ssmSigner, widgets: JSON.stringify([cpu]) },
      env: standIns.actionEnv(),
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(
      /^Slack rate-limited the app for 3600 seconds \(Retry-After\), longer than the \d+m( \d+s)? left of input 'timeout': not waiting\./
    )
    expect(standIns.slack.messages).toEqual([])
    expect(result.durationMs).toBeLessThan(10000)
    expect(standIns.slack.rejected.map(r => r.error)).toEqual(['ratelimited'])
  })
})
