// One time window and time zone for the whole report (time-range, timezone), and a dashboard's own
// start and periodOverride, on the built bundle: what CloudWatch receives, and what Slack says.
import { jest } from '@jest/globals'
import {
  cpu,
  expectNoSideEffects,
  latency,
  nodesToTest,
  runOnStandIns,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(90000)

interface SentWidget {
  title?: string
  start?: string
  end?: string
  timezone?: string
  period?: number
}

describe.each(nodesToTest())('one time window and zone, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  const run = (
    inputs: Record<string, string>,
    base: Record<string, string> = { ...standIns.baseInputs(), ...ssmSigner }
  ) => runOnStandIns(node, standIns, { ...base, ...inputs })

  /** What CloudWatch was asked to draw, by title. */
  function sent(): Map<string, SentWidget> {
    const widgets = standIns.aws.cloudwatchRequests.map(r => JSON.parse(r.widget) as SentWidget)
    return new Map(widgets.map(widget => [widget.title ?? '', widget]))
  }

  /** The text of each message's context line (its last block). */
  function contextLines(): string[] {
    return standIns.slack.messages.map(message => JSON.stringify(message.blocks.at(-1)))
  }

  /** The day in a zone east of UTC by `hours`, as the default text names it. */
  const dayIn = (hours: number, at: number) =>
    new Date(at + hours * 3600_000).toISOString().slice(0, 10)

  test('time-range and timezone reach every widget that sets none; the message states them', async () => {
    const before = Date.now()
    const result = await run({
      widgets: JSON.stringify([cpu, { ...latency, start: '-PT1H', timezone: '-0400' }]),
      'time-range': '24h',
      timezone: '+0900'
    })
    const after = Date.now()
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const widgets = sent()
    expect(widgets.get('CPU')).toMatchObject({ start: '-PT24H', timezone: '+0900' })
    // The widget's own window and zone win.
    expect(widgets.get('ALB latency')).toMatchObject({ start: '-PT1H', timezone: '-0400' })
    const [message] = standIns.slack.messages
    expect(contextLines()[0]).toContain(
      'Last 24 hours, times in UTC+09:00 · Images available until'
    )
    // The default text names the day in Tokyo (the run may straddle midnight there).
    expect([dayIn(9, before), dayIn(9, after)]).toContain(
      message?.text?.replace('CloudWatch graphs for ', '')
    )
    expect(result.stdout).toContain('time-range -PT24H; timezone +0900')
  })

  test('ISO 8601 forms: P7D and a zone with a colon', async () => {
    const result = await run({
      widgets: JSON.stringify(cpu),
      'time-range': 'P7D',
      timezone: '-05:30'
    })
    expect(result.exitCode).toBe(0)
    expect(sent().get('CPU')).toMatchObject({ start: '-P7D', timezone: '-0530' })
    expect(contextLines()[0]).toContain('Last 7 days, times in UTC-05:30')
  })

  test("a dashboard's start and periodOverride: auto come first; time-range fills the rest", async () => {
    const metric = (title: string, y: number, extra: object = {}) => ({
      type: 'metric',
      x: 0,
      y,
      width: 12,
      height: 6,
      properties: { title, metrics: [['AWS/Lambda', 'Errors']], region: 'us-east-1', ...extra }
    })
    standIns.aws.dashboards.weekly = JSON.stringify({
      start: '-P7D',
      periodOverride: 'auto',
      widgets: [metric('Week', 0), metric('Own period', 6, { period: 60 })]
    })
    standIns.aws.dashboards.open = JSON.stringify({
      periodOverride: 'auto',
      widgets: [metric('Open', 0)]
    })
    standIns.aws.dashboards.inherits = JSON.stringify({
      periodOverride: 'inherit',
      widgets: [metric('Inherits', 0)]
    })
    const result = await run({
      dashboard: 'weekly, open, inherits',
      'time-range': '24h',
      timezone: 'UTC'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const widgets = sent()
    expect(widgets.get('Week')).toMatchObject({ start: '-P7D', period: 3600, timezone: '+0000' })
    expect(widgets.get('Own period')).toMatchObject({ start: '-P7D', period: 60 })
    expect(widgets.get('Open')).toMatchObject({ start: '-PT24H', period: 300 })
    expect(widgets.get('Inherits')).toMatchObject({ start: '-PT24H' })
    expect(widgets.get('Inherits')?.period).toBeUndefined()
  })

  test('neither input: each widget reaches CloudWatch exactly as written, no window in the message', async () => {
    const written = '{"metrics":[["AWS/EC2","CPUUtilization"]],  "title":"As written"}'
    const result = await run({ widgets: JSON.stringify([{ widget: written }]) })
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.cloudwatchRequests.map(r => r.widget)).toEqual([written])
    expect(contextLines()[0]).not.toMatch(/Last |Times in/)
  })

  test('delivery: slack-upload: the header states the window', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    const result = await run(
      { delivery: 'slack-upload', widgets: JSON.stringify(cpu), 'time-range': '2w' },
      slackOnly
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(sent().get('CPU')).toMatchObject({ start: '-P14D' })
    expect(contextLines()[0]).toContain('Last 14 days · Images hosted by Slack.')
  })

  test.each<[string, Record<string, string>, RegExp]>([
    [
      'a time zone by name',
      { timezone: 'Asia/Tokyo' },
      /Input 'timezone': 'Asia\/Tokyo' is not a UTC offset.*\+HHMM/
    ],
    [
      'a time-range in words',
      { 'time-range': 'since Monday' },
      /Input 'time-range': 'since Monday' is not a time range/
    ],
    ['a time-range of years', { 'time-range': '3y' }, /Input 'time-range'/]
  ])('%s is refused before any call', async (_case, inputs, error) => {
    const result = await run({ widgets: JSON.stringify(cpu), ...inputs })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(error)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expectNoSideEffects(standIns)
  })
})
