// The action's pipeline, read as the workflow sees it: inputs checked before anything loads, the
// phases as log groups, the outputs and the summary, the step failed with the reason, and the
// deadline. CloudWatch and the delivery are fakes behind connect(), main's one lazy-load boundary.
import { jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { Deadline } from '../src/domain/deadline.js'
import { ActionError } from '../src/domain/errors.js'
import { ProxyError } from '../src/domain/network-errors.js'
import { parseProxyUrl } from '../src/domain/proxy.js'
import type { GraphOutcome, PresignedReport, RunReport } from '../src/domain/report.js'
import { effectiveExpiry } from '../src/domain/signing.js'
import type { Graph } from '../src/domain/widgets.js'
import type { Delivery, GraphSource } from '../src/delivery/delivery.js'
import type { Phases } from '../src/github/log.js'
import type { Inputs } from '../src/inputs.js'
import { inputEnv } from '../test-support/action-env.js'
import { deferred } from '../test-support/deferred.js'

type Connect = (
  inputs: Inputs,
  phases: Phases,
  deadline: Deadline
) => { cloudwatch: GraphSource; delivery: Delivery }
const connect = jest.fn<Connect>()

jest.unstable_mockModule('@actions/core', () => core)
/** Set when main.ts loads connect.js (the factory runs on the first import only). */
let connectLoaded = false
jest.unstable_mockModule('../src/connect.js', () => {
  connectLoaded = true
  return { connect }
})
const { run } = await import('../src/main.js')

const WIDGETS = JSON.stringify(
  ['CPU', 'Memory', 'Disk'].map(name => ({
    name,
    widget: { metrics: [['AWS/EC2', `${name}Utilization`]] }
  }))
)
const BASE_INPUTS = {
  widgets: WIDGETS,
  'aws-region': 'eu-west-2',
  's3-bucket': 'graphs-bucket',
  'slack-token': 'xoxb-test-token',
  'slack-channel': 'C0GRAPHS'
}
const SIGNED_AT = new Date('2026-11-29T08:00:00Z')
const FIRST_POST = { channel: 'C0GRAPHS', ts: '1764403200.000100' }

interface World {
  /** Rejects to fail that graph's render; pending to hold it. */
  fetchImage?: (graph: Graph) => Promise<Uint8Array>
  dashboards?: Record<string, string>
  /** The delivery's last step; by default it posts one message and reports. */
  finish?: (outcomes: GraphOutcome[], report: PresignedReport) => Promise<RunReport>
}

/** A CloudWatch and a presigned-url delivery that do what a healthy run does, unless told. */
function connectTo(world: World = {}): void {
  connect.mockImplementation((inputs, phases) => {
    const cloudwatch: GraphSource = {
      fetchImage: world.fetchImage ?? (async graph => new Uint8Array(graph.position * 100)),
      readDashboard: async name => world.dashboards?.[name] ?? '{"widgets":[]}',
      readAlarms: async () => []
    }
    const delivery: Delivery = {
      begin: () => new AbortController().signal,
      accept: async (graph, image) => ({
        graph,
        bytes: image.length,
        key: `graphs/2026/11/29/7-1/0${graph.position}.png`,
        url: `https://graphs-bucket.s3/0${graph.position}.png?X-Amz-Signature=${graph.position}`
      }),
      finish: async outcomes => {
        phases.enter('posting to Slack')
        const report: PresignedReport = {
          delivery: 'presigned-url',
          graphs: outcomes,
          posts: [FIRST_POST],
          dryRun: inputs.dryRun,
          bucket: 'graphs-bucket',
          signing: 'long-term',
          expiry: effectiveExpiry({
            signedAt: SIGNED_AT,
            expiresInSeconds: 604800,
            kind: 'long-term'
          }),
          embedImages: false
        }
        return world.finish ? world.finish(outcomes, report) : report
      }
    }
    return { cloudwatch, delivery }
  })
}

/** The log's group commands, in order: 'start X' and 'end'. */
function groups(): string[] {
  const starts = core.startGroup.mock.calls.map((call, i) => ({
    order: core.startGroup.mock.invocationCallOrder[i] ?? 0,
    line: `start ${call[0]}`
  }))
  const ends = core.endGroup.mock.invocationCallOrder.map(order => ({ order, line: 'end' }))
  return [...starts, ...ends].sort((a, b) => a.order - b.order).map(entry => entry.line)
}

const outputs = () => Object.fromEntries(core.setOutput.mock.calls)
const failures = () => core.setFailed.mock.calls.map(([message]) => String(message))
const lastCall = (mock: { mock: { invocationCallOrder: number[] } }) =>
  Math.max(...mock.mock.invocationCallOrder)

const savedEnv = { ...process.env }
function setInputs(given: Record<string, string>): void {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_')) delete process.env[name]
  }
  Object.assign(process.env, inputEnv(given), { GITHUB_STEP_SUMMARY: '/tmp/step-summary.md' })
}

beforeEach(() => {
  core.resetCore()
  connect.mockReset()
  connectTo()
  setInputs(BASE_INPUTS)
})
afterEach(() => {
  process.env = { ...savedEnv }
  jest.useRealTimers()
})

describe('bad input', () => {
  test.each([
    [
      { 's3-bucket': 's3://graphs-bucket' },
      "Input 's3-bucket': 's3://graphs-bucket' is a URL; give the bucket's name only (my-bucket)"
    ],
    [
      { widgets: '' },
      "Input 'widgets' is required: give the graphs inline in 'widgets' (YAML or JSON), a file in 'widgets-file', dashboard names in 'dashboard', or alarms in 'alarms'"
    ],
    [{ timeout: '5s' }, "Input 'timeout': '5s' is out of range: from 10s to 6h"]
  ])(
    '%j fails the step naming the input; nothing is loaded or connected',
    async (given, message) => {
      setInputs({ ...BASE_INPUTS, ...given })
      await run()
      expect(failures()).toEqual([message])
      // These cases run before any other test of this file loads connect.js: bad input never
      // loads it (nor the SDKs and the Slack client behind it).
      expect(connectLoaded).toBe(false)
      expect(connect).not.toHaveBeenCalled()
      expect(core.setOutput).not.toHaveBeenCalled()
      expect(core.summaryParts).toEqual([])
      expect(groups()).toEqual(['start Reading inputs', 'end'])
    }
  )
})

describe('a healthy run', () => {
  test('every output, the job summary, no failure', async () => {
    await run()
    expect(failures()).toEqual([])
    expect(outputs()).toEqual({
      'image-urls': JSON.stringify(
        [1, 2, 3].map(n => `https://graphs-bucket.s3/0${n}.png?X-Amz-Signature=${n}`)
      ),
      'object-keys': JSON.stringify([1, 2, 3].map(n => `graphs/2026/11/29/7-1/0${n}.png`)),
      'expires-at': '2026-12-06T08:00:00Z',
      'signing-credentials': 'long-term',
      'slack-ts': FIRST_POST.ts,
      'slack-channel': FIRST_POST.channel,
      'slack-messages': JSON.stringify([FIRST_POST])
    })
    expect(core.summaryParts.map(([kind]) => kind)).toEqual([
      'heading',
      'raw',
      'table',
      'raw',
      'write'
    ])
    const table = core.summaryParts[2]?.[1] as unknown[][]
    expect(table.slice(1).map(row => row.slice(0, 2))).toEqual([
      ['1', 'CPU'],
      ['2', 'Memory'],
      ['3', 'Disk']
    ])
    expect(String(core.summaryParts[3]?.[1])).toMatch(
      /^<p>Timings: render \d+\.\d\d s, deliver \d+\.\d\d s, total \d+\.\d\d s<\/p>$/
    )
  })

  test('the log: what the run will do, then how long it took', async () => {
    await run()
    const lines = core.info.mock.calls.map(([line]) => String(line))
    expect(lines[0]).toBe(
      '3 graphs; CloudWatch in eu-west-2; s3://graphs-bucket/cloudwatch-graphs/ in eu-west-2; signer: workflow; expires-in 604800 s; max-concurrency 5; Slack: C0GRAPHS'
    )
    expect(lines.at(-1)).toMatch(
      /^Done in render \d+\.\d\d s, deliver \d+\.\d\d s, total \d+\.\d\d s$/
    )
    expect(lines.join('\n')).not.toContain('xoxb-test-token')
  })

  test('each phase opens a log group and closes it; none is left open', async () => {
    await run()
    expect(groups()).toEqual([
      'start Reading inputs',
      'end',
      'start Rendering graphs',
      'end',
      'start Posting to Slack',
      'end',
      'start Reporting',
      'end'
    ])
  })

  test('with dashboards, reading them is a phase of its own', async () => {
    setInputs({ ...BASE_INPUTS, widgets: '', dashboard: 'ops' })
    connectTo({
      dashboards: {
        ops: JSON.stringify({
          widgets: [
            { type: 'metric', x: 0, y: 0, properties: { title: 'Errors', metrics: [['A', 'B']] } }
          ]
        })
      }
    })
    await run()
    expect(failures()).toEqual([])
    expect(groups().filter(line => line.startsWith('start'))).toEqual([
      'start Reading inputs',
      'start Reading dashboards',
      'start Rendering graphs',
      'start Posting to Slack',
      'start Reporting'
    ])
    expect(JSON.parse(outputs()['object-keys'] as string)).toHaveLength(1)
  })
})

describe('a run that fails', () => {
  test('some graphs failed: outputs and summary for the others first, then the step fails', async () => {
    connectTo({
      fetchImage: async graph => {
        if (graph.position === 2) {
          throw new ActionError(
            "CloudWatch could not render graph 2 ('Memory'): Throttling: Rate exceeded"
          )
        }
        return new Uint8Array(100)
      }
    })
    await run()
    expect(failures()).toEqual([
      "1 of 3 graphs failed; the other 2 were posted:\n- 02 Memory: CloudWatch could not render graph 2 ('Memory'): Throttling: Rate exceeded"
    ])
    expect(JSON.parse(outputs()['image-urls'] as string)).toHaveLength(2)
    expect(core.summaryParts.at(-1)).toEqual(['write'])
    expect(lastCall(core.setOutput)).toBeLessThan(lastCall(core.setFailed))
    expect(lastCall(core.summary.write)).toBeLessThan(lastCall(core.setFailed))
  })

  test('Slack refused a message after the first: the posted one is in the outputs, the step fails', async () => {
    const postFailure =
      "Slack refused message 2 of 2 to 'C0GRAPHS': msg_too_long (1 of 2 messages were posted before it, the first at ts 1764403200.000100: a re-run would post them again)"
    connectTo({ finish: async (_outcomes, report) => ({ ...report, postFailure }) })
    await run()
    expect(failures()).toEqual([postFailure])
    expect(outputs()['slack-ts']).toBe(FIRST_POST.ts)
    expect(outputs()['slack-channel']).toBe(FIRST_POST.channel)
    expect(lastCall(core.setOutput)).toBeLessThan(lastCall(core.setFailed))
  })

  test("the delivery gives up: its error is the step's failure; no outputs; groups closed", async () => {
    connectTo({
      finish: async () => {
        throw new ActionError(
          'No graph could be rendered and stored, so nothing was posted:\n- 01 CPU, 02 Memory, 03 Disk: AccessDenied'
        )
      }
    })
    await run()
    expect(failures()).toEqual([
      'No graph could be rendered and stored, so nothing was posted:\n- 01 CPU, 02 Memory, 03 Disk: AccessDenied'
    ])
    expect(core.setOutput).not.toHaveBeenCalled()
    expect(core.summaryParts).toEqual([])
    expect(groups().at(-1)).toBe('end')
    expect(core.startGroup.mock.calls.length).toBe(core.endGroup.mock.calls.length)
    // The failure is printed outside any group, so it is not folded away.
    expect(lastCall(core.endGroup)).toBeLessThan(lastCall(core.setFailed))
  })

  test('the stack trace only in debug mode', async () => {
    const boom = new Error('unexpected')
    connectTo({ finish: async () => Promise.reject(boom) })
    await run()
    expect(failures()).toEqual(['unexpected'])
    expect(core.debug).not.toHaveBeenCalled()

    core.resetCore()
    core.isDebug.mockReturnValue(true)
    try {
      await run()
    } finally {
      core.isDebug.mockReturnValue(false)
    }
    expect(failures()).toEqual(['unexpected'])
    expect(core.debug.mock.calls).toEqual([[boom.stack]])
  })

  test('a refusing proxy: the step fails with its words, however deep a client wrapped them', async () => {
    const refusal = new ProxyError(parseProxyUrl('http://proxy.corp:3128', 'HTTPS_PROXY'), {
      kind: 'status',
      status: 407,
      target: 'slack.com:443'
    })
    const wrapped = Object.assign(new Error('A request error occurred: ...'), { original: refusal })
    connectTo({
      finish: async () => Promise.reject(new ActionError('posting failed', { cause: wrapped }))
    })
    await run()
    expect(failures()).toEqual([refusal.message])
  })

  test('the proxy is in the first line of the log, without its password', async () => {
    setInputs({ ...BASE_INPUTS, 'http-proxy': 'http://build:pr0xy-s3cret@proxy.corp:3128' })
    await run()
    expect(core.setSecret).toHaveBeenCalledWith('pr0xy-s3cret')
    const line = String(core.info.mock.calls[0]?.[0])
    expect(line).toContain('proxy: https via proxy.corp:3128 (input http-proxy)')
    expect(line).not.toContain('pr0xy-s3cret')
    expect(connect.mock.calls[0]?.[0].proxy?.https).toMatchObject({
      host: 'proxy.corp',
      port: 3128
    })
  })

  test('something thrown that is not an Error still fails the step, in words', async () => {
    connectTo({ finish: async () => Promise.reject('the socket closed') })
    await run()
    expect(failures()).toEqual(['the socket closed'])
  })
})

describe('the deadline (input timeout)', () => {
  let exit: { mockRestore(): void } | undefined
  afterEach(() => exit?.mockRestore())

  /** Timers jest drives, and a process.exit that leaves the test process alive. */
  function fakeClock() {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] })
    const spy = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    exit = spy
    return spy
  }

  test('past it, the step fails naming the phase it was in, and the process exits', async () => {
    setInputs({ ...BASE_INPUTS, timeout: '10s' })
    const reached = deferred<void>()
    const held = deferred<RunReport>()
    connectTo({
      finish: () => {
        reached.resolve()
        return held.promise
      }
    })
    const exit = fakeClock()
    const running = run()
    await reached.promise
    await jest.advanceTimersByTimeAsync(9_999)
    expect(failures()).toEqual([])
    expect(exit).not.toHaveBeenCalled()
    await jest.advanceTimersByTimeAsync(1)
    expect(failures()).toEqual([
      "The action did not finish within 10s (input 'timeout') and was stopped while posting to Slack."
    ])
    expect(exit.mock.calls).toEqual([[1]])
    expect(lastCall(core.endGroup)).toBeLessThan(lastCall(core.setFailed))
    // (process.exit is a fake here: let the run end so nothing is left pending.)
    held.reject(new Error('stopped'))
    await running
  })

  test('stuck rendering: the error says so', async () => {
    setInputs({ ...BASE_INPUTS, timeout: '1m' })
    const reached = deferred<void>()
    connectTo({
      fetchImage: () => {
        reached.resolve()
        return new Promise<Uint8Array>(() => undefined)
      }
    })
    const exit = fakeClock()
    void run()
    await reached.promise
    await jest.advanceTimersByTimeAsync(60_000)
    expect(failures()).toEqual([
      "The action did not finish within 1m (input 'timeout') and was stopped while rendering graphs."
    ])
    expect(exit).toHaveBeenCalledWith(1)
  })

  test("connect gets the run's clock: the per-attempt limit, and the work signal before the end", async () => {
    setInputs({ ...BASE_INPUTS, timeout: '1m' })
    const reached = deferred<void>()
    let clock: Deadline | undefined
    connectTo({
      fetchImage: () => {
        reached.resolve()
        return new Promise<Uint8Array>(() => undefined)
      }
    })
    const connected = connect.getMockImplementation()
    connect.mockImplementation((inputs, phases, deadline) => {
      clock = deadline
      return connected!(inputs, phases, deadline)
    })
    fakeClock()
    void run()
    await reached.promise
    expect(clock?.attemptMs).toBe(7500)
    await jest.advanceTimersByTimeAsync(47_999)
    expect(clock?.work.aborted).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(clock?.work.aborted).toBe(true)
    await jest.advanceTimersByTimeAsync(12_000)
  })

  test('a run that finished in time leaves no deadline behind', async () => {
    setInputs({ ...BASE_INPUTS, timeout: '10s' })
    const exit = fakeClock()
    await run()
    await jest.advanceTimersByTimeAsync(60_000)
    expect(failures()).toEqual([])
    expect(exit).not.toHaveBeenCalled()
  })
})
