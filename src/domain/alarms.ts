// CloudWatch alarms as the report shows them: which DescribeAlarms calls find the alarms asked
// for, the alarms found put in the order asked, each metric alarm's graph (an alarm widget, so
// CloudWatch draws its metric and its threshold, metric math included), and the words of its line.
import { formatSeconds } from './durations.js'
import { escapeMrkdwn, truncate } from './text.js'

/** `alarms: firing`, or names (a name ending in `*` is a prefix), in the order given. */
export type AlarmSelection = { firing: true } | { firing: false; patterns: AlarmPattern[] }

export interface AlarmPattern {
  /** The name, or the prefix without its `*`. */
  name: string
  prefix: boolean
}

/** One alarm, as DescribeAlarms told it. */
export interface Alarm {
  name: string
  arn: string
  /** Composite alarms have no metric, so no graph: they are listed as text. */
  kind: 'metric' | 'composite'
  /** ALARM, OK or INSUFFICIENT_DATA. */
  state: string
  /** When the alarm entered its state, when known. */
  since?: Date
  reason: string
}

/** What the report says about alarms besides their graphs: every alarm found, in order. */
export interface AlarmsPart {
  /** `alarms: firing`: with none found, the report says that no alarm is firing. */
  firing: boolean
  alarms: Alarm[]
  /** When the alarms were read: how long each has been in its state counts from here. */
  readAt: Date
}

/** One DescribeAlarms call, followed through its pages. */
export type AlarmQuery =
  { kind: 'firing' } | { kind: 'names'; names: string[] } | { kind: 'prefix'; prefix: string }

/** DescribeAlarms takes at most 100 names in one call. */
export const MAX_NAMES_PER_CALL = 100

/** The calls that find the alarms asked for: the exact names in calls of 100, each prefix alone. */
export function alarmQueries(selection: AlarmSelection): AlarmQuery[] {
  if (selection.firing) return [{ kind: 'firing' }]
  const names = selection.patterns.filter(p => !p.prefix).map(p => p.name)
  const queries: AlarmQuery[] = []
  for (let start = 0; start < names.length; start += MAX_NAMES_PER_CALL) {
    queries.push({ kind: 'names', names: names.slice(start, start + MAX_NAMES_PER_CALL) })
  }
  for (const pattern of selection.patterns) {
    if (pattern.prefix) queries.push({ kind: 'prefix', prefix: pattern.name })
  }
  return queries
}

export interface SelectedAlarms {
  /** In the order asked (firing: by name), each alarm once. */
  alarms: Alarm[]
  /** Exact names no alarm has. */
  missing: string[]
  /** Prefixes no alarm starts with. */
  unmatched: string[]
}

/** The alarms the calls found, in the order the user listed the names and prefixes. */
export function selectAlarms(selection: AlarmSelection, found: readonly Alarm[]): SelectedAlarms {
  const byName = (a: Alarm, b: Alarm) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  const seen = new Set<string>()
  const once = (alarms: Alarm[]) => alarms.filter(a => !seen.has(a.arn) && seen.add(a.arn))
  if (selection.firing) return { alarms: once([...found].sort(byName)), missing: [], unmatched: [] }
  const result: SelectedAlarms = { alarms: [], missing: [], unmatched: [] }
  for (const pattern of selection.patterns) {
    const matches = found
      .filter(a => (pattern.prefix ? a.name.startsWith(pattern.name) : a.name === pattern.name))
      .sort(byName)
    if (matches.length === 0) {
      if (pattern.prefix) result.unmatched.push(pattern.name)
      else result.missing.push(pattern.name)
    }
    result.alarms.push(...once(matches))
  }
  return result
}

/** An alarm graph's size: wide enough to read the threshold's label beside the line. */
const ALARM_GRAPH = { width: 800, height: 300 }

/** The widget that draws a metric alarm: its metric (or metric math) and its threshold. */
export function alarmWidget(alarm: Alarm): string {
  return JSON.stringify({
    title: alarm.name,
    annotations: { alarms: [alarm.arn] },
    ...ALARM_GRAPH
  })
}

/** The metric alarms as graphs to render (not numbered yet); composite alarms have none. */
export function alarmGraphs(
  alarms: readonly Alarm[]
): { name: string; metricWidget: string; alarm: Alarm }[] {
  return alarms
    .filter(alarm => alarm.kind === 'metric')
    .map(alarm => ({ name: alarm.name, metricWidget: alarmWidget(alarm), alarm }))
}

/** `for 3h 20m`: minutes once past a minute, hours once past a day. */
export function durationText(since: Date | undefined, now: Date): string {
  if (!since) return ''
  const seconds = Math.max(0, (now.getTime() - since.getTime()) / 1000)
  if (seconds < 60) return 'for less than a minute'
  const unit = seconds >= 86400 ? 3600 : 60
  return `for ${formatSeconds(Math.floor(seconds / unit) * unit)}`
}

/** A StateReason can hold a whole list of data points: the start says why. */
export const MAX_REASON = 300

const STATE_MARK: Record<string, string> = {
  ALARM: ':red_circle:',
  OK: ':large_green_circle:',
  INSUFFICIENT_DATA: ':white_circle:'
}

/** The alarm's line (mrkdwn): name, state, for how long, and why, the reason cut and escaped. */
export function alarmText(alarm: Alarm, now: Date): string {
  const mark = STATE_MARK[alarm.state] ?? ':grey_question:'
  const how = [`*${escapeMrkdwn(alarm.state)}*`, durationText(alarm.since, now)].filter(Boolean)
  const kind = alarm.kind === 'composite' ? ' (composite)' : ''
  const reason = alarm.reason.replace(/\s+/g, ' ').trim()
  const why = reason ? `\n${escapeMrkdwn(truncate(reason, MAX_REASON))}` : ''
  return `${mark} *${escapeMrkdwn(alarm.name)}*${kind} ${how.join(' ')}${why}`
}

/** `alarms: firing` found none: a good morning is news too. */
export const NONE_FIRING = ':large_green_circle: No alarm is firing.'

/** The heading of the message's alarms part. */
export const ALARMS_HEADING = 'Alarms'
