import { InputError } from '../../src/domain/errors.js'
import {
  applyWindow,
  autoPeriod,
  describeLength,
  describeWindow,
  offsetMinutes,
  parseTimeRange,
  parseTimezone,
  relativeStart,
  windowSeconds
} from '../../src/domain/time-window.js'

const now = new Date('2026-12-04T23:30:00Z')

describe('parseTimeRange', () => {
  test.each<[string, number]>([
    ['24h', 86400],
    ['7d', 7 * 86400],
    ['2w', 14 * 86400],
    ['90m', 5400],
    [' 12H ', 43200],
    ['PT3H', 10800],
    ['P7D', 7 * 86400],
    ['P1DT12H', 129600],
    ['-PT3H', 10800],
    ['PT0.5H', 1800],
    ['p1w', 7 * 86400]
  ])('%s is %i seconds', (text, seconds) => {
    expect(parseTimeRange(text)).toBe(seconds)
  })

  test.each(['yesterday', '24', '3 hours', 'P', 'PT', 'P1DT', '1y', 'PT3X', ''])(
    "'%s' is refused, naming the input and the forms it takes",
    text => {
      expect(() => parseTimeRange(text)).toThrow(InputError)
      expect(() => parseTimeRange(text)).toThrow(/time-range.*90m, 24h, 7d, 2w.*PT3H, P7D/)
    }
  )

  test.each(['PT30S', 'PT59S', '456d', 'P100W'])("'%s' is out of range", text => {
    expect(() => parseTimeRange(text)).toThrow(/out of range.*1 minute to 455 days/)
  })
})

test('relativeStart: the widget start CloudWatch reads, in the largest whole unit', () => {
  expect(relativeStart(86400)).toBe('-PT24H')
  expect(relativeStart(7 * 86400)).toBe('-P7D')
  expect(relativeStart(5400)).toBe('-PT90M')
  expect(relativeStart(129600)).toBe('-PT36H')
  expect(relativeStart(61)).toBe('-PT61S')
})

describe('parseTimezone', () => {
  test.each<[string, string]>([
    ['+0900', '+0900'],
    ['-0500', '-0500'],
    ['+05:30', '+0530'],
    ['+1400', '+1400'],
    ['UTC', '+0000'],
    ['z', '+0000']
  ])('%s is %s', (text, zone) => {
    expect(parseTimezone(text)).toBe(zone)
  })

  test.each(['Asia/Tokyo', '+9', '0900', '+0960', '+1500', '-1401', 'JST'])(
    "'%s' is refused with the form CloudWatch takes",
    text => {
      expect(() => parseTimezone(text)).toThrow(InputError)
      expect(() => parseTimezone(text)).toThrow(/timezone.*\+HHMM or -HHMM.*\+0900/)
    }
  )
})

test('offsetMinutes: east of UTC is positive', () => {
  expect(offsetMinutes('+0530')).toBe(330)
  expect(offsetMinutes('-0930')).toBe(-570)
  expect(offsetMinutes(undefined)).toBe(0)
})

describe('describeWindow', () => {
  test('the window and the zone, as the message states them', () => {
    expect(describeWindow({ start: '-PT24H', seconds: 86400, timezone: '+0900' })).toBe(
      'Last 24 hours, times in UTC+09:00'
    )
    expect(describeWindow({ timezone: '-0530' })).toBe('Times in UTC-05:30')
    expect(describeWindow({ start: '-P7D', seconds: 7 * 86400 })).toBe('Last 7 days')
    expect(describeWindow({})).toBe('')
  })

  test('lengths read as people say them', () => {
    expect(describeLength(3600)).toBe('1 hour')
    expect(describeLength(5400)).toBe('1 hour 30 minutes')
    expect(describeLength(129600)).toBe('36 hours')
    expect(describeLength(90061)).toBe('1 day 1 hour 1 minute 1 second')
  })
})

describe('applyWindow', () => {
  const widget = (properties: object) => JSON.stringify({ metrics: [['A', 'B']], ...properties })

  test('sets start and timezone on a widget that sets neither', () => {
    const sent = applyWindow(widget({}), { start: '-PT24H', timezone: '+0900' }, now)
    expect(JSON.parse(sent)).toEqual({ metrics: [['A', 'B']], start: '-PT24H', timezone: '+0900' })
  })

  test("a widget's own start, end or zone wins", () => {
    const settings = { start: '-PT24H', timezone: '+0900' }
    expect(JSON.parse(applyWindow(widget({ start: '-PT1H' }), settings, now))).toMatchObject({
      start: '-PT1H',
      timezone: '+0900'
    })
    const ended = JSON.parse(applyWindow(widget({ end: '2026-12-01T00:00:00Z' }), settings, now))
    expect(ended.start).toBeUndefined()
    expect(JSON.parse(applyWindow(widget({ timezone: '-0400' }), settings, now)).timezone).toBe(
      '-0400'
    )
  })

  test('nothing to lay over: the string exactly as written', () => {
    const written = '{ "metrics": [["A","B"]],   "start": "-PT1H", "timezone": "+0100" }'
    expect(applyWindow(written, {}, now)).toBe(written)
    expect(applyWindow(written, { start: '-P7D', timezone: '+0900' }, now)).toBe(written)
  })

  test("a dashboard's automatic period fits the widget's window; its own period wins", () => {
    const auto = { autoPeriod: true }
    expect(JSON.parse(applyWindow(widget({ start: '-P7D' }), auto, now)).period).toBe(3600)
    expect(JSON.parse(applyWindow(widget({}), auto, now)).period).toBe(60) // the default 3 hours
    const inherit = JSON.parse(applyWindow(widget({ start: '-P7D', period: 60 }), auto, now))
    expect(inherit.period).toBe(60)
    // time-range first, then the period from the window it set
    const ranged = applyWindow(widget({}), { ...auto, start: '-PT24H' }, now)
    expect(JSON.parse(ranged)).toMatchObject({ start: '-PT24H', period: 300 })
  })
})

test('autoPeriod: the shortest standard period within about 360 points', () => {
  expect(autoPeriod(3 * 3600)).toBe(60)
  expect(autoPeriod(12 * 3600)).toBe(300)
  expect(autoPeriod(86400)).toBe(300)
  expect(autoPeriod(3 * 86400)).toBe(900)
  expect(autoPeriod(7 * 86400)).toBe(3600)
  expect(autoPeriod(30 * 86400)).toBe(21600)
  expect(autoPeriod(455 * 86400)).toBe(86400)
})

test('windowSeconds: relative and absolute starts and ends, and the default', () => {
  expect(windowSeconds('-PT3H', undefined, now)).toBe(10800)
  expect(windowSeconds('-PT3H', 'P0D', now)).toBe(10800)
  expect(windowSeconds('-PT3H', '-PT1H', now)).toBe(7200)
  expect(windowSeconds('-PT0.5H', '+PT1H', now)).toBe(5400)
  expect(windowSeconds('2026-12-03T23:30:00Z', '2026-12-04T23:30:00Z', now)).toBe(86400)
  expect(windowSeconds(undefined, undefined, now)).toBe(10800)
  expect(windowSeconds('last week', undefined, now)).toBe(10800)
  expect(windowSeconds('-PT1H', '-PT2H', now)).toBe(10800) // an end before the start
})
