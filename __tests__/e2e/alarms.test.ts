// Input 'alarms' on the built bundle: DescribeAlarms followed through its pages, each metric alarm
// (metric math too) drawn as its own graph after the widgets' graphs, composite alarms as text,
// a word when nothing fires, and the refusals (an unknown name, a missing permission, bad input)
// before anything is uploaded or posted.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  nodesToTest,
  postedNames,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import type { StandInAlarm } from '../../test-support/cloudwatch-alarms.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import { REGION, type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(120000)

const HOUR = 3600_000
const arn = (name: string) => `arn:aws:cloudwatch:${REGION}:123456789012:alarm:${name}`

/** 250 service alarms, three of them firing (one of metric math), and a firing composite. */
function account(): StandInAlarm[] {
  const since = new Date(Date.now() - (3 * HOUR + 20 * 60_000 + 30_000))
  const service = Array.from({ length: 250 }, (_, i): StandInAlarm => {
    const name = `svc-${String(i).padStart(3, '0')}`
    return {
      name,
      metric: { namespace: 'AWS/EC2', name: 'CPUUtilization', dimensions: { InstanceId: name } },
      threshold: 80
    }
  })
  const fire = (index: number, more: Partial<StandInAlarm>) =>
    Object.assign(service[index] as StandInAlarm, { state: 'ALARM', since, ...more })
  fire(10, { reason: 'Threshold Crossed: 1 datapoint [91.5] was greater than <80.0> & rising.' })
  fire(130, {
    reason: 'Threshold Crossed: the error rate was 7.1 %.',
    metric: undefined,
    threshold: 5,
    metrics: [
      { id: 'e', metric: { namespace: 'AWS/Lambda', name: 'Errors', stat: 'Sum' } },
      { id: 'i', metric: { namespace: 'AWS/Lambda', name: 'Invocations', stat: 'Sum' } },
      { id: 'rate', expression: '100 * e / i', label: 'Error rate', returnData: true }
    ]
  })
  fire(240, { reason: 'Threshold Crossed: '.padEnd(900, 'x') })
  return [
    ...service,
    { name: 'db-cpu', threshold: 90 },
    { name: 'db-memory', state: 'ALARM', threshold: 95, since },
    {
      name: 'svc-all',
      state: 'ALARM',
      since,
      reason: 'ALARM(svc-010) OR ALARM(svc-130)',
      rule: 'ALARM(svc-010) OR ALARM(svc-130)'
    }
  ]
}

/** Every text of the messages' blocks, in order (sections and headers). */
function texts(standIns: StandIns, index?: number): string[] {
  const messages = index === undefined ? standIns.slack.messages : [standIns.slack.messages[index]!]
  return messages.flatMap(message =>
    message.blocks.flatMap(block => {
      const text = (block as { text?: { text?: string } }).text?.text
      return text === undefined ? [] : [`${block.type}: ${text}`]
    })
  )
}

/** The most DescribeAlarms calls that were out at once. */
function mostAtOnce(standIns: StandIns): number {
  const calls = standIns.aws.alarmsRequests
  return Math.max(0, ...calls.map(c => calls.filter(o => o.at <= c.at && c.at < o.end).length))
}

describe.each(nodesToTest())('alarms, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
    standIns.aws.alarms.push(...account())
  })
  afterEach(async () => standIns.close())

  async function run(inputs: Record<string, string>, base = standIns.baseInputs()) {
    const result = await runAction({
      node,
      inputs: { ...base, ...ssmSigner, ...inputs },
      env: standIns.actionEnv(),
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    return result
  }

  function expectNothingDone(result: ActionRun): void {
    expect(result.exitCode).toBe(1)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expectNoSideEffects(standIns)
  }

  test('firing, over three pages: each firing metric alarm drawn after the widgets, with its line', async () => {
    // The service looks at 100 alarms a page and returns those in ALARM: short pages, each with
    // a NextToken, until the last.
    standIns.aws.alarmPaging = 'scanned'
    const result = await run({ widgets: JSON.stringify([cpu]), alarms: 'firing' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const calls = standIns.aws.alarmsRequests.map(r => r.input)
    expect(calls).toHaveLength(3)
    for (const input of calls) {
      expect(input).toMatchObject({
        StateValue: 'ALARM',
        AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
        MaxRecords: 100
      })
    }
    expect(calls.map(c => c.NextToken === undefined)).toEqual([true, false, false])
    // Widgets first, then the metric alarms by name; the composite one is never rendered.
    expect(postedNames(standIns)).toEqual(['CPU', 'db-memory', 'svc-010', 'svc-130', 'svc-240'])
    const widgets = standIns.aws.cloudwatchRequests.map(r => JSON.parse(r.widget) as object)
    expect(widgets.slice(1)).toEqual(
      ['db-memory', 'svc-010', 'svc-130', 'svc-240'].map(name => ({
        title: name,
        annotations: { alarms: [arn(name)] },
        width: 800,
        height: 300
      }))
    )
    expect(JSON.stringify(widgets)).not.toContain(arn('svc-all'))
    const lines = texts(standIns)
    expect(lines).toContain('header: Alarms')
    expect(lines).toContain(
      'section: :red_circle: *svc-010* *ALARM* for 3h 20m\nThreshold Crossed: 1 datapoint [91.5] was greater than &lt;80.0&gt; &amp; rising.'
    )
    expect(lines).toContain(
      'section: :red_circle: *svc-all* (composite) *ALARM* for 3h 20m\nALARM(svc-010) OR ALARM(svc-130)'
    )
    const long = lines.find(line => line.includes('*svc-240*'))!
    expect(long.split('\n')[1]).toHaveLength(300)
    // Each alarm's line is right above its graph.
    const blocks = standIns.slack.messages[0]!.blocks
    const image = blocks.findIndex(b => b.type === 'image' && b.alt_text === 'svc-130')
    expect(JSON.stringify(blocks[image - 1])).toContain('*svc-130* *ALARM*')
    expect(JSON.parse(result.outputs['object-keys']!)).toHaveLength(5)
    expect(result.summary).toContain('Alarms: 5 alarms firing, 4 with a graph; composite, as text')
  })

  test('firing, and none is: the widgets posted, and one line that says so', async () => {
    for (const alarm of standIns.aws.alarms) alarm.state = 'OK'
    const result = await run({ widgets: JSON.stringify([cpu]), alarms: 'FIRING' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(postedNames(standIns)).toEqual(['CPU'])
    expect(texts(standIns)).toContain('section: :large_green_circle: No alarm is firing.')
  })

  test('alarms: firing alone, none firing: a message with the line and no graph', async () => {
    for (const alarm of standIns.aws.alarms) alarm.state = 'OK'
    const result = await run({ alarms: 'firing' })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expect(standIns.s3.requests.filter(r => r.method === 'PUT')).toEqual([])
    expect(standIns.slack.messages).toHaveLength(1)
    expect(texts(standIns)).toContain('section: :large_green_circle: No alarm is firing.')
    expect(result.summary).toContain('no alarm is firing')
  })

  test('names and prefixes: in the order given, at most max-concurrency calls at once', async () => {
    standIns.aws.faults.latencyMs = 150
    const result = await run({
      alarms: 'svc-240\ndb-*, svc-13*\nsvc-01*\nnothing-*',
      'max-concurrency': '2'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const calls = standIns.aws.alarmsRequests.map(r => r.input)
    // The exact names in one call, each prefix in its own (recorded as they are answered).
    expect(calls.map(c => JSON.stringify(c.AlarmNames ?? c.AlarmNamePrefix)).sort()).toEqual(
      ['["svc-240"]', '"db-"', '"nothing-"', '"svc-01"', '"svc-13"'].sort()
    )
    expect(mostAtOnce(standIns)).toBe(2)
    const names = postedNames(standIns)
    expect(names.slice(0, 3)).toEqual(['svc-240', 'db-cpu', 'db-memory'])
    expect(names.slice(3, 13)).toEqual(Array.from({ length: 10 }, (_, i) => `svc-13${i}`))
    expect(names.slice(13)).toEqual(Array.from({ length: 10 }, (_, i) => `svc-01${i}`))
    expect(result.warnings).toContain(
      `Input 'alarms': no alarm name starts with 'nothing-' in ${REGION}`
    )
    // 23 alarms, each a line and a graph, and the heading: 47 blocks, with the text and the
    // context line one full message (chunking past 50 is the domain's test).
    expect(standIns.slack.messages.map(m => m.blocks.length)).toEqual([49])
  })

  test('an exact name that does not exist: named, with the case and the region, before any upload', async () => {
    const result = await run({ widgets: JSON.stringify([cpu]), alarms: 'svc-010, SVC-011' })
    expectNothingDone(result)
    expect(result.errors[0]).toMatch(
      new RegExp(
        `^Input 'alarms': no alarm named 'SVC-011' in ${REGION}\\. Check the name \\(case matters\\) and aws-region`
      )
    )
  })

  test('no cloudwatch:DescribeAlarms: the error names the permission, nothing is posted', async () => {
    standIns.aws.denied = ['cloudwatch:DescribeAlarms']
    const result = await run({ widgets: JSON.stringify([cpu]), alarms: 'firing' })
    expectNothingDone(result)
    expect(result.errors[0]).toMatch(
      /DescribeAlarms\) failed: AccessDenied: .*The workflow's role needs cloudwatch:DescribeAlarms/
    )
  })

  test('delivery: slack-upload: every alarm line in the header, the files named after the alarms', async () => {
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    const result = await runAction({
      node,
      inputs: { ...slackOnly, delivery: 'slack-upload', alarms: 'svc-010\nsvc-all' },
      env: standIns.actionEnv(),
      run: RUN
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.uploads.map(u => u.title)).toEqual(['svc-010'])
    const header = texts(standIns, 0)
    expect(header).toContain('header: Alarms')
    expect(header.join('\n')).toMatch(/\*svc-010\* \*ALARM\*[\s\S]*\*svc-all\* \(composite\)/)
  })

  test('delivery: slack-upload, firing alone and none firing: the header with the line, no file', async () => {
    for (const alarm of standIns.aws.alarms) alarm.state = 'OK'
    const { 's3-bucket': _b, 's3-force-path-style': _s, ...slackOnly } = standIns.baseInputs()
    const result = await runAction({
      node,
      inputs: { ...slackOnly, delivery: 'slack-upload', alarms: 'firing' },
      env: standIns.actionEnv(),
      run: RUN
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.uploads).toEqual([])
    expect(texts(standIns)).toContain('section: :large_green_circle: No alarm is firing.')
  })

  test('slack-thread: images: each alarm reply carries its line and graph; composites in the header', async () => {
    const result = await run({
      widgets: JSON.stringify([cpu]),
      alarms: 'svc-010, svc-all',
      'slack-thread': 'images'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    const [header, ...replies] = standIns.slack.messages
    expect(texts(standIns, 0).join('\n')).toContain('*svc-all* (composite)')
    expect(texts(standIns, 0).join('\n')).not.toContain('*svc-010*')
    expect(replies.map(r => r.thread_ts)).toEqual([header!.ts, header!.ts])
    expect(replies[1]!.blocks.map(b => b.type)).toEqual(['section', 'image'])
    expect(texts(standIns, 2)[0]).toMatch(/^section: :red_circle: \*svc-010\* \*ALARM\*/)
  })

  test.each<[string, string, RegExp]>([
    ['a bare *', '*', /'\*' alone would post every alarm/],
    ['* inside a name', 'svc-*-cpu', /'\*' may only end a name/],
    ['a name twice', 'svc-010\nsvc-010', /names 'svc-010' twice/],
    ['firing among names', 'firing, svc-010', /'firing' stands alone/]
  ])('bad alarms input: %s, refused before any call', async (_case, alarms, message) => {
    const result = await run({ widgets: JSON.stringify([cpu]), alarms })
    expectNothingDone(result)
    expect(result.errors[0]).toMatch(/^Input 'alarms'/)
    expect(result.errors[0]).toMatch(message)
    expect(standIns.aws.alarmsRequests).toEqual([])
  })
})
