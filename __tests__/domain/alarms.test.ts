import {
  type Alarm,
  type AlarmSelection,
  MAX_REASON,
  alarmGraphs,
  alarmQueries,
  alarmText,
  alarmWidget,
  durationText,
  selectAlarms
} from '../../src/domain/alarms.js'

const arn = (name: string) => `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`
const alarm = (name: string, more: Partial<Alarm> = {}): Alarm => ({
  name,
  arn: arn(name),
  kind: 'metric',
  state: 'ALARM',
  reason: 'Threshold Crossed',
  ...more
})
const names = (...list: string[]): AlarmSelection => ({
  firing: false,
  patterns: list.map(name =>
    name.endsWith('*') ? { name: name.slice(0, -1), prefix: true } : { name, prefix: false }
  )
})

describe('alarmQueries', () => {
  test('firing: one paged call', () => {
    expect(alarmQueries({ firing: true })).toEqual([{ kind: 'firing' }])
  })

  test('exact names in calls of 100, then each prefix alone', () => {
    const many = Array.from({ length: 150 }, (_, i) => `alarm-${i}`)
    const queries = alarmQueries(names(...many.slice(0, 60), 'api-*', ...many.slice(60), 'db-*'))
    expect(queries.map(q => q.kind)).toEqual(['names', 'names', 'prefix', 'prefix'])
    expect(queries[0]).toEqual({ kind: 'names', names: many.slice(0, 100) })
    expect(queries[1]).toEqual({ kind: 'names', names: many.slice(100) })
    expect(queries.slice(2)).toEqual([
      { kind: 'prefix', prefix: 'api-' },
      { kind: 'prefix', prefix: 'db-' }
    ])
  })
})

describe('selectAlarms', () => {
  test('firing: by name, each once', () => {
    const found = [alarm('b'), alarm('a'), alarm('b')]
    expect(selectAlarms({ firing: true }, found).alarms.map(a => a.name)).toEqual(['a', 'b'])
  })

  test('names: in the order listed, a prefix by name, an alarm matched twice once', () => {
    const found = [alarm('db-2'), alarm('db-1'), alarm('api'), alarm('zeta')]
    const selected = selectAlarms(names('zeta', 'db-*', 'db-1', 'api'), found)
    expect(selected.alarms.map(a => a.name)).toEqual(['zeta', 'db-1', 'db-2', 'api'])
    expect(selected.missing).toEqual([])
    expect(selected.unmatched).toEqual([])
  })

  test('an exact name found nowhere is missing (case matters); an empty prefix is unmatched', () => {
    const selected = selectAlarms(names('API', 'web-*'), [alarm('api')])
    expect(selected.missing).toEqual(['API'])
    expect(selected.unmatched).toEqual(['web-'])
    expect(selected.alarms).toEqual([])
  })
})

describe('the alarm graph', () => {
  test('an alarm widget: the name as title, the ARN as the alarm annotation, a size', () => {
    expect(JSON.parse(alarmWidget(alarm('High CPU')))).toEqual({
      title: 'High CPU',
      annotations: { alarms: [arn('High CPU')] },
      width: 800,
      height: 300
    })
  })

  test('metric alarms only: composite alarms have no graph', () => {
    const graphs = alarmGraphs([alarm('a'), alarm('c', { kind: 'composite' }), alarm('b')])
    expect(graphs.map(g => g.name)).toEqual(['a', 'b'])
    expect(graphs[0]!.alarm.arn).toBe(arn('a'))
  })
})

describe('the alarm line', () => {
  const now = new Date('2026-12-04T09:00:00Z')
  test.each<[number, string]>([
    [20, 'for less than a minute'],
    [59 * 60 + 59, 'for 59m'],
    [3 * 3600 + 20 * 60 + 15, 'for 3h 20m'],
    [2 * 86400 + 5 * 3600 + 40 * 60, 'for 2d 5h'],
    [-30, 'for less than a minute']
  ])('in its state for %i s: %s', (seconds, text) => {
    expect(durationText(new Date(now.getTime() - seconds * 1000), now)).toBe(text)
  })

  test('no time known: nothing said', () => {
    expect(durationText(undefined, now)).toBe('')
  })

  test('name, state, duration and the reason, escaped for mrkdwn', () => {
    const line = alarmText(
      alarm('p99 <latency> & errors', {
        since: new Date('2026-12-04T05:40:00Z'),
        reason: 'Threshold Crossed: 1 datapoint [5.2 (04/12/26 05:39:00)] was\ngreater than <5>'
      }),
      now
    )
    expect(line).toBe(
      ':red_circle: *p99 &lt;latency&gt; &amp; errors* *ALARM* for 3h 20m\nThreshold Crossed: 1 datapoint [5.2 (04/12/26 05:39:00)] was greater than &lt;5&gt;'
    )
  })

  test('a long reason is shortened; composite alarms say so; other states their mark', () => {
    const line = alarmText(
      alarm('all', { kind: 'composite', state: 'OK', reason: 'x'.repeat(5000) }),
      now
    )
    expect(line.startsWith(':large_green_circle: *all* (composite) *OK*\n')).toBe(true)
    expect(line.split('\n')[1]).toHaveLength(MAX_REASON)
    expect(alarmText(alarm('n', { state: 'INSUFFICIENT_DATA', reason: '' }), now)).toBe(
      ':white_circle: *n* *INSUFFICIENT_DATA*'
    )
  })
})
