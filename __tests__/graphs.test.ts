// The run's graphs: the widgets input's first, then every metric widget of each dashboard in
// reading order, numbered from 1; dashboards read at most max-concurrency at once.
import { jest } from '@jest/globals'
import * as core from '../__fixtures__/core.js'
import type { Alarm, AlarmQuery } from '../src/domain/alarms.js'
import type { GraphSource } from '../src/delivery/delivery.js'
import type { Inputs } from '../src/inputs.js'

jest.unstable_mockModule('@actions/core', () => core)
const { collectGraphs } = await import('../src/graphs.js')
const { Phases } = await import('../src/github/log.js')

function inputs(overrides: Partial<Inputs> = {}): Inputs {
  return {
    graphs: [],
    dashboards: [],
    window: {},
    awsRegion: 'eu-west-2',
    delivery: { kind: 'slack-upload' },
    dryRun: true,
    maxConcurrency: 5,
    timeoutSeconds: 600,
    ...overrides
  }
}

const inline = {
  position: 1,
  name: 'Inline CPU',
  metricWidget: '{"metrics":[["AWS/EC2","CPUUtilization"]]}'
}

const metric = (title: string, x: number, y: number, extra: Record<string, unknown> = {}) => ({
  type: 'metric',
  x,
  y,
  width: 12,
  height: 6,
  properties: { title, metrics: [['AWS/Lambda', 'Errors']], region: 'eu-west-2', ...extra }
})

/** A CloudWatch whose dashboards are the given bodies; fetchImage is not for this stage. */
function dashboards(bodies: Record<string, string>): GraphSource & { asked: string[] } {
  const asked: string[] = []
  return {
    asked,
    fetchImage: async () => {
      throw new Error('collectGraphs renders nothing')
    },
    readAlarms: async () => [],
    readDashboard: async name => {
      asked.push(name)
      const body = bodies[name]
      if (body === undefined) throw new Error(`no dashboard ${name}`)
      return body
    }
  }
}

/** The error a call rejects with (the test fails if it resolves). */
async function failure<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    return error as E
  }
  throw new Error('expected a failure')
}

beforeEach(() => core.resetCore())

test('without dashboards: the widgets input’s graphs as they are, nothing read', async () => {
  const source = dashboards({})
  const { graphs } = await collectGraphs(inputs({ graphs: [inline] }), source, new Phases())
  expect(graphs).toEqual([inline])
  expect(source.asked).toEqual([])
  expect(core.startGroup).not.toHaveBeenCalled()
})

test('widgets first, then each dashboard’s metric widgets in reading order, numbered from 1', async () => {
  const source = dashboards({
    ops: JSON.stringify({
      widgets: [metric('Right', 12, 0), metric('Below', 0, 6), metric('Left', 0, 0)]
    }),
    billing: JSON.stringify({ widgets: [metric('Spend', 0, 0)] })
  })
  const { graphs } = await collectGraphs(
    inputs({ graphs: [inline], dashboards: ['ops', 'billing'] }),
    source,
    new Phases()
  )
  expect(graphs.map(g => [g.position, g.name])).toEqual([
    [1, 'Inline CPU'],
    [2, 'Left'],
    [3, 'Right'],
    [4, 'Below'],
    [5, 'Spend']
  ])
  expect(graphs[0]).toEqual(inline)
  // A dashboard widget reaches CloudWatch as its properties, sized from its grid size.
  expect(JSON.parse(graphs[1]?.metricWidget ?? '')).toMatchObject({
    title: 'Left',
    metrics: [['AWS/Lambda', 'Errors']],
    width: 600,
    height: 300
  })
  expect(core.startGroup.mock.calls).toEqual([['Reading dashboards']])
})

test('widgets that are not graphs are skipped with a notice; each dashboard is summed up', async () => {
  const source = dashboards({
    ops: JSON.stringify({
      widgets: [
        {
          type: 'text',
          x: 0,
          y: 0,
          width: 24,
          height: 2,
          properties: { markdown: '# On-call notes\nmore' }
        },
        metric('Errors', 0, 2),
        {
          type: 'log',
          x: 0,
          y: 8,
          properties: { title: 'Recent errors', query: 'fields @message' }
        },
        { type: 'alarm', x: 0, y: 14, properties: {} }
      ]
    })
  })
  await collectGraphs(inputs({ dashboards: ['ops'] }), source, new Phases())
  expect(core.notice.mock.calls.map(([text]) => text)).toEqual([
    "Dashboard 'ops': skipped the text widget 'On-call notes' (only metric widgets are graphs)",
    "Dashboard 'ops': skipped the log widget 'Recent errors' (only metric widgets are graphs)",
    "Dashboard 'ops': skipped the alarm widget '(untitled)' (only metric widgets are graphs)"
  ])
  expect(core.info.mock.calls.map(([text]) => text)).toContain(
    "Dashboard 'ops': 1 graph(s), 3 other widget(s) skipped"
  )
})

test('no metric widget in any dashboard, and no widgets input: nothing to post', async () => {
  const source = dashboards({
    a: JSON.stringify({ widgets: [{ type: 'text', properties: { markdown: 'hi' } }] }),
    b: JSON.stringify({ widgets: [] })
  })
  const error = await failure<Error>(
    collectGraphs(inputs({ dashboards: ['a', 'b'] }), source, new Phases())
  )
  expect(error.name).toBe('ActionError')
  expect(error.message).toBe('The dashboards a, b have no metric widgets: nothing to post')
})

test('empty dashboards beside a widgets input: the input’s graphs alone', async () => {
  const source = dashboards({ a: JSON.stringify({ widgets: [] }) })
  const { graphs } = await collectGraphs(
    inputs({ graphs: [inline], dashboards: ['a'] }),
    source,
    new Phases()
  )
  expect(graphs).toEqual([inline])
})

test.each([
  ['not JSON', '{"widgets": [', /^Dashboard 'broken' cannot be read: .*JSON/],
  [
    'no widgets list',
    '{"start":"-PT3H"}',
    /^Dashboard 'broken' cannot be read: dashboard 'broken' has no widgets list$/
  ]
])('a dashboard body that is %s: the dashboard cannot be read', async (_case, body, message) => {
  const source = dashboards({ broken: body })
  await expect(
    collectGraphs(inputs({ dashboards: ['broken'] }), source, new Phases())
  ).rejects.toThrow(message)
})

test('a dashboard CloudWatch will not give: its error ends the run', async () => {
  const source = dashboards({})
  await expect(
    collectGraphs(inputs({ dashboards: ['missing'] }), source, new Phases())
  ).rejects.toThrow('no dashboard missing')
})

test('dashboards are read at most max-concurrency at once, all of them, results in order', async () => {
  const names = ['d1', 'd2', 'd3', 'd4', 'd5']
  const pending = new Map<string, (body: string) => void>()
  let inFlight = 0
  let most = 0
  const source: GraphSource = {
    fetchImage: async () => new Uint8Array(),
    readAlarms: async () => [],
    readDashboard: name =>
      new Promise<string>(resolve => {
        inFlight += 1
        most = Math.max(most, inFlight)
        pending.set(name, body => {
          inFlight -= 1
          resolve(body)
        })
      })
  }
  const body = (title: string) => JSON.stringify({ widgets: [metric(title, 0, 0)] })
  const collecting = collectGraphs(
    inputs({ dashboards: names, maxConcurrency: 2 }),
    source,
    new Phases()
  )
  // Every promise that can settle has settled once the event loop turns.
  const settle = () => new Promise<void>(resolve => setImmediate(resolve))
  await settle()
  expect([...pending.keys()]).toEqual(['d1', 'd2'])
  // Answers in another order than asked: the third starts once one of the first two is done.
  pending.get('d2')?.(body('two'))
  await settle()
  expect([...pending.keys()]).toEqual(['d1', 'd2', 'd3'])
  for (const name of ['d3', 'd1']) pending.get(name)?.(body(name))
  await settle()
  for (const name of ['d4', 'd5']) pending.get(name)?.(body(name))
  const { graphs } = await collecting
  expect(most).toBe(2)
  expect(graphs.map(g => g.name)).toEqual(['d1', 'two', 'd3', 'd4', 'd5'])
})

describe('alarms', () => {
  const arn = (name: string) => `arn:aws:cloudwatch:eu-west-2:123456789012:alarm:${name}`
  const alarm = (name: string, kind: Alarm['kind'] = 'metric'): Alarm => ({
    name,
    arn: arn(name),
    kind,
    state: 'ALARM',
    reason: 'crossed'
  })
  /** A CloudWatch whose DescribeAlarms answers each query from `all`, counting calls in flight. */
  function alarmSource(all: Alarm[]) {
    const queries: AlarmQuery[] = []
    let inFlight = 0
    const source: GraphSource & { queries: AlarmQuery[]; most: number } = {
      queries,
      most: 0,
      fetchImage: async () => new Uint8Array(),
      readDashboard: async () => '{"widgets":[]}',
      readAlarms: async query => {
        queries.push(query)
        inFlight += 1
        source.most = Math.max(source.most, inFlight)
        await new Promise(resolve => setImmediate(resolve))
        inFlight -= 1
        if (query.kind === 'firing') return all.filter(a => a.state === 'ALARM')
        if (query.kind === 'prefix') return all.filter(a => a.name.startsWith(query.prefix))
        return all.filter(a => query.names.includes(a.name))
      }
    }
    return source
  }
  const names = (...list: string[]): Inputs['alarms'] => ({
    firing: false,
    patterns: list.map(n =>
      n.endsWith('*') ? { name: n.slice(0, -1), prefix: true } : { name: n, prefix: false }
    )
  })

  test('after the widgets and dashboards: a graph per metric alarm, composites only in the part', async () => {
    const source = alarmSource([alarm('b-high'), alarm('a-all', 'composite'), alarm('c-slow')])
    const { graphs, alarms } = await collectGraphs(
      inputs({ graphs: [inline], alarms: { firing: true } }),
      source,
      new Phases()
    )
    expect(graphs.map(g => [g.position, g.name])).toEqual([
      [1, 'Inline CPU'],
      [2, 'b-high'],
      [3, 'c-slow']
    ])
    expect(graphs[1]?.alarm?.arn).toBe(arn('b-high'))
    expect(JSON.parse(graphs[1]?.metricWidget ?? '')).toMatchObject({
      title: 'b-high',
      annotations: { alarms: [arn('b-high')] }
    })
    expect(alarms?.firing).toBe(true)
    expect(alarms?.alarms.map(a => a.name)).toEqual(['a-all', 'b-high', 'c-slow'])
    expect(core.startGroup).toHaveBeenCalledWith('Reading alarms')
  })

  test('firing and none is: no graph, and no error', async () => {
    const { graphs, alarms } = await collectGraphs(
      inputs({ alarms: { firing: true } }),
      alarmSource([]),
      new Phases()
    )
    expect(graphs).toEqual([])
    expect(alarms).toMatchObject({ firing: true, alarms: [] })
  })

  test('names and prefixes: in the order listed, at most max-concurrency calls at once', async () => {
    const all = ['db-1', 'db-2', 'api', 'web-1', 'web-2', 'q-1'].map(n => alarm(n))
    const source = alarmSource(all)
    const { graphs } = await collectGraphs(
      inputs({ alarms: names('web-*', 'api', 'db-*', 'q-*', 'x-*'), maxConcurrency: 2 }),
      source,
      new Phases()
    )
    expect(graphs.map(g => g.name)).toEqual(['web-1', 'web-2', 'api', 'db-1', 'db-2', 'q-1'])
    expect(source.queries).toHaveLength(5)
    expect(source.most).toBe(2)
    expect(core.warning).toHaveBeenCalledWith(
      "Input 'alarms': no alarm name starts with 'x-' in eu-west-2"
    )
  })

  test('an exact name that does not exist: an error naming it, the case and the region', async () => {
    await expect(
      collectGraphs(
        inputs({ alarms: names('API', 'db-*') }),
        alarmSource([alarm('api')]),
        new Phases()
      )
    ).rejects.toThrow(
      /^Input 'alarms': no alarm named 'API' in eu-west-2\. Check the name \(case matters\) and aws-region: alarms are regional/
    )
  })
})

describe('the report’s time window and zone', () => {
  const now = new Date('2026-12-04T23:00:00Z')
  const window = { start: '-PT24H', seconds: 86400, timezone: '+0900' }

  test('laid over the widgets input’s graphs that set none; a widget’s own window wins', async () => {
    const own = { position: 2, name: 'Own', metricWidget: '{"metrics":[],"start":"-PT1H"}' }
    const { graphs } = await collectGraphs(
      inputs({ graphs: [inline, own], window }),
      dashboards({}),
      new Phases(),
      now
    )
    expect(JSON.parse(graphs[0]!.metricWidget)).toEqual({
      metrics: [['AWS/EC2', 'CPUUtilization']],
      start: '-PT24H',
      timezone: '+0900'
    })
    expect(JSON.parse(graphs[1]!.metricWidget)).toEqual({
      metrics: [],
      start: '-PT1H',
      timezone: '+0900'
    })
  })

  test('a dashboard’s own start and periodOverride first; time-range fills what is still unset', async () => {
    const source = dashboards({
      timed: JSON.stringify({
        start: '-P7D',
        periodOverride: 'auto',
        widgets: [metric('Week', 0, 0), metric('Minutely', 0, 6, { period: 60 })]
      }),
      open: JSON.stringify({ periodOverride: 'auto', widgets: [metric('Day', 0, 0)] }),
      plain: JSON.stringify({ widgets: [metric('Plain', 0, 0)] })
    })
    const { graphs } = await collectGraphs(
      inputs({ dashboards: ['timed', 'open', 'plain'], window }),
      source,
      new Phases(),
      now
    )
    const sent = graphs.map(graph => JSON.parse(graph.metricWidget))
    expect(sent[0]).toMatchObject({ start: '-P7D', period: 3600, timezone: '+0900' })
    expect(sent[1]).toMatchObject({ start: '-P7D', period: 60 })
    expect(sent[2]).toMatchObject({ start: '-PT24H', period: 300 })
    expect(sent[3]).toMatchObject({ start: '-PT24H', timezone: '+0900' })
    expect(sent[3].period).toBeUndefined() // inherit: CloudWatch's own default
  })
})

test('alarm graphs take the report’s window and zone too', async () => {
  const alarm: Alarm = {
    name: 'api-5xx',
    arn: 'arn:aws:cloudwatch:eu-west-2:123456789012:alarm:api-5xx',
    kind: 'metric',
    state: 'ALARM',
    reason: 'crossed'
  }
  const source: GraphSource = {
    fetchImage: async () => new Uint8Array(),
    readDashboard: async () => '{"widgets":[]}',
    readAlarms: async () => [alarm]
  }
  const { graphs } = await collectGraphs(
    inputs({ alarms: { firing: true }, window: { start: '-P7D', timezone: '+0900' } }),
    source,
    new Phases()
  )
  expect(JSON.parse(graphs[0]!.metricWidget)).toMatchObject({
    title: 'api-5xx',
    annotations: { alarms: [alarm.arn] },
    start: '-P7D',
    timezone: '+0900'
  })
})
