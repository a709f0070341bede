// One time window and time zone for the whole report (inputs `time-range` and `timezone`), laid
// over each graph's widget without overriding it: a widget that sets its own `start` or `end`
// keeps its window, one that sets `timezone` keeps its zone. A dashboard's `periodOverride: auto`
// gives the widgets that set no `period` one that fits their window, as the console does.
import { InputError } from './errors.js'
import { isObject, plural } from './text.js'

export interface TimeWindow {
  /** The widgets' `start` when they set no window: a relative ISO 8601 duration, `-PT24H`. */
  start?: string
  /** How long that window is, in seconds (it says so in the message). */
  seconds?: number
  /** `+0900`, as CloudWatch writes it. */
  timezone?: string
}

/** What a graph takes from outside its widget: the report's window, its dashboard's period rule. */
export interface WindowSettings extends TimeWindow {
  /** The dashboard says `periodOverride: auto`. */
  autoPeriod?: boolean
}

/** CloudWatch keeps metrics 15 months: a longer window draws nothing more. */
const MAX_RANGE_SECONDS = 455 * 86400
/** A widget with no `start` shows the last 3 hours (GetMetricWidgetImage's default). */
const DEFAULT_RANGE_SECONDS = 3 * 3600

const SHORT_UNITS: Record<string, number> = { m: 60, h: 3600, d: 86400, w: 7 * 86400 }

/** `24h`, `7d`, `2w`, `90m`, or an ISO 8601 duration (`PT3H`, `P7D`, `P1DT12H`): its seconds. */
export function parseTimeRange(text: string, input = 'time-range'): number {
  const trimmed = text.trim()
  const short = /^(\d{1,6})\s*([mhdw])$/i.exec(trimmed)
  const seconds = short
    ? Number(short[1]) * (SHORT_UNITS[(short[2] ?? '').toLowerCase()] ?? 0)
    : isoDurationSeconds(trimmed.replace(/^-/, ''))
  if (seconds === undefined) {
    throw new InputError(
      input,
      `'${text}' is not a time range: give a whole number with m, h, d or w (90m, 24h, 7d, 2w), or an ISO 8601 duration (PT3H, P7D)`
    )
  }
  if (seconds < 60 || seconds > MAX_RANGE_SECONDS) {
    throw new InputError(
      input,
      `'${text}' is out of range: give from 1 minute to 455 days (CloudWatch keeps metrics 15 months)`
    )
  }
  return seconds
}

/** Seconds of `P1DT12H`-style durations (weeks, days, hours, minutes, seconds; `PT0.5H` too). */
function isoDurationSeconds(text: string): number | undefined {
  const n = '(\\d+(?:\\.\\d+)?)'
  const pattern = new RegExp(`^P(?:${n}W)?(?:${n}D)?(?:T(?:${n}H)?(?:${n}M)?(?:${n}S)?)?$`, 'i')
  const match = pattern.exec(text)
  if (!match || text.length < 3 || /T$/i.test(text)) return undefined
  const [weeks, days, hours, minutes, secs] = match.slice(1).map(part => Number(part ?? 0))
  return Math.round(
    (weeks ?? 0) * 7 * 86400 +
      (days ?? 0) * 86400 +
      (hours ?? 0) * 3600 +
      (minutes ?? 0) * 60 +
      (secs ?? 0)
  )
}

/** The widget `start` for a window of this many seconds: `-P7D`, `-PT24H`, `-PT90M`. */
export function relativeStart(seconds: number): string {
  if (seconds % 86400 === 0 && seconds >= 2 * 86400) return `-P${seconds / 86400}D`
  if (seconds % 3600 === 0) return `-PT${seconds / 3600}H`
  if (seconds % 60 === 0) return `-PT${seconds / 60}M`
  return `-PT${seconds}S`
}

/** `+0900`, `-0530`, `+09:00`, or `UTC`: the offset as CloudWatch writes it (`+0900`). */
export function parseTimezone(text: string, input = 'timezone'): string {
  const trimmed = text.trim()
  if (/^(utc|gmt|z)$/i.test(trimmed)) return '+0000'
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(trimmed)
  const hours = Number(match?.[2])
  const minutes = Number(match?.[3])
  if (!match || minutes >= 60 || hours * 60 + minutes > 14 * 60) {
    throw new InputError(
      input,
      `'${text}' is not a UTC offset: give it as CloudWatch writes it, +HHMM or -HHMM (+0900 for Tokyo, -0500 for New York in winter), or UTC`
    )
  }
  return `${match[1]}${match[2]}${match[3]}`
}

/** The offset's minutes east of UTC: `+0530` → 330. */
export function offsetMinutes(timezone: string | undefined): number {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(timezone ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** The message's words for the window: `Last 24 hours, times in UTC+09:00`; '' when unset. */
export function describeWindow(window: TimeWindow): string {
  const parts: string[] = []
  if (window.seconds) parts.push(`Last ${describeLength(window.seconds)}`)
  if (window.timezone) {
    const zone = `UTC${window.timezone.slice(0, 3)}:${window.timezone.slice(3)}`
    parts.push(parts.length > 0 ? `times in ${zone}` : `Times in ${zone}`)
  }
  return parts.join(', ')
}

/** `24 hours`, `7 days`, `90 minutes`, `1 day 12 hours`. */
export function describeLength(seconds: number): string {
  if (seconds % 86400 === 0 && seconds > 86400) return plural(seconds / 86400, 'day')
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour')
  const parts: string[] = []
  let rest = seconds
  for (const [unit, size] of [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1]
  ] as const) {
    if (rest >= size) parts.push(plural(Math.floor(rest / size), unit))
    rest %= size
  }
  return parts.join(' ')
}

/**
 * The MetricWidget CloudWatch receives, with the window laid over it: `start` only where the
 * widget sets neither `start` nor `end`, `timezone` only where it sets none, and the automatic
 * period where its dashboard asks for one and it sets none. Unchanged, it is the string as given.
 */
export function applyWindow(metricWidget: string, settings: WindowSettings, now: Date): string {
  if (!settings.start && !settings.timezone && !settings.autoPeriod) return metricWidget
  const widget: unknown = JSON.parse(metricWidget)
  if (!isObject(widget)) return metricWidget
  const added: Record<string, unknown> = {}
  if (settings.start && widget.start === undefined && widget.end === undefined) {
    added.start = settings.start
  }
  if (settings.timezone && widget.timezone === undefined) added.timezone = settings.timezone
  if (settings.autoPeriod && widget.period === undefined) {
    const start = added.start ?? widget.start
    added.period = autoPeriod(windowSeconds(start, widget.end, now))
  }
  if (Object.keys(added).length === 0) return metricWidget
  return JSON.stringify({ ...widget, ...added })
}

/**
 * CloudWatch's standard periods: the shortest that keeps a graph within about 360 points, what an
 * image a few hundred pixels wide can show (3 hours → 1 minute, 1 day → 5 minutes, 1 week → 1 hour).
 */
const PERIODS = [60, 300, 900, 3600, 21600, 86400]
const MAX_POINTS = 360

export function autoPeriod(seconds: number): number {
  return PERIODS.find(period => seconds / period <= MAX_POINTS) ?? 86400
}

/** The length of a widget's window from its `start` and `end` (relative or absolute). */
export function windowSeconds(start: unknown, end: unknown, now: Date): number {
  const from = instant(start, now)
  const to = end === undefined ? now.getTime() : instant(end, now)
  if (from === undefined || to === undefined || to <= from) return DEFAULT_RANGE_SECONDS
  return Math.round((to - from) / 1000)
}

/**
 * An instant in ms from a time relative to now (`-PT3H` before it, `P0D` now, `+PT1H` after it)
 * or an ISO 8601 date; undefined otherwise.
 */
function instant(value: unknown, now: Date): number | undefined {
  if (typeof value !== 'string') return undefined
  const relative = /^([+-]?)(P.*)$/i.exec(value)
  if (relative) {
    const seconds = isoDurationSeconds(relative[2] ?? '')
    if (seconds === undefined) return undefined
    return now.getTime() + (relative[1] === '-' ? -seconds : seconds) * 1000
  }
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}
