// CloudWatch alarms in the stand-in: DescribeAlarms as the service answers it over AWS JSON 1.0
// (filters, the metric-alarms-only default of AlarmTypes, pages of MaxRecords with an opaque
// NextToken, timestamps as epoch seconds), and what an alarm widget draws in GetMetricWidgetImage:
// the alarm's metric (or its metric math) and a horizontal line at its threshold.
import { AwsError } from './aws-json.js'

export type AlarmState = 'ALARM' | 'OK' | 'INSUFFICIENT_DATA'

export interface AlarmMetric {
  namespace: string
  name: string
  dimensions?: Record<string, string>
}

/** A metric-math query of an alarm (`Metrics`): a metric with a stat, or an expression. */
export interface AlarmQueryRow {
  id: string
  metric?: AlarmMetric & { stat?: string; period?: number }
  expression?: string
  label?: string
  /** The row the alarm watches (exactly one). */
  returnData?: boolean
}

export interface StandInAlarm {
  name: string
  /** OK unless given. */
  state?: AlarmState
  reason?: string
  /** StateTransitionedTimestamp (and StateUpdatedTimestamp); an hour ago unless given. */
  since?: Date
  /** A metric alarm on one metric. */
  metric?: AlarmMetric & { statistic?: string; period?: number }
  /** A metric-math alarm. */
  metrics?: AlarmQueryRow[]
  threshold?: number
  comparison?: string
  /** A composite alarm: its rule, and no metric. */
  rule?: string
}

/** A DescribeAlarms call: its input, and when it was answered (to see how many overlapped). */
export interface AlarmsRequest {
  at: number
  end: number
  input: Record<string, unknown>
}

/**
 * How a page is filled: `filled`, MaxRecords matching alarms a page; `scanned`, MaxRecords alarms
 * looked at a page, of which only those in the state asked for are returned (a page may then be
 * short, even empty, and still have a NextToken: callers must follow it to the end).
 */
export type AlarmPaging = 'filled' | 'scanned'

export interface AlarmContext {
  alarms: StandInAlarm[]
  paging?: AlarmPaging
  region: string
  accountId: string
}

export function alarmArn(alarm: StandInAlarm, region: string, accountId: string): string {
  return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${alarm.name}`
}

const isComposite = (alarm: StandInAlarm) => alarm.rule !== undefined

const epochSeconds = (date: Date) => date.getTime() / 1000

function dimensionsOf(metric: AlarmMetric) {
  return Object.entries(metric.dimensions ?? {}).map(([Name, Value]) => ({ Name, Value }))
}

/** The alarm as DescribeAlarms returns it (the fields the SDK's model names). */
function wireAlarm(alarm: StandInAlarm, context: AlarmContext): Record<string, unknown> {
  const since = epochSeconds(alarm.since ?? new Date(Date.now() - 3600_000))
  const common = {
    AlarmName: alarm.name,
    AlarmArn: alarmArn(alarm, context.region, context.accountId),
    ActionsEnabled: true,
    StateValue: alarm.state ?? 'OK',
    StateReason: alarm.reason ?? 'Threshold Crossed',
    StateUpdatedTimestamp: since,
    StateTransitionedTimestamp: since,
    AlarmConfigurationUpdatedTimestamp: since - 86400
  }
  if (isComposite(alarm)) return { ...common, AlarmRule: alarm.rule }
  const threshold = { Threshold: alarm.threshold ?? 0, EvaluationPeriods: 1 }
  const comparison = { ComparisonOperator: alarm.comparison ?? 'GreaterThanThreshold' }
  if (alarm.metrics) {
    const Metrics = alarm.metrics.map(row => ({
      Id: row.id,
      ...(row.expression ? { Expression: row.expression } : {}),
      ...(row.label ? { Label: row.label } : {}),
      ReturnData: row.returnData === true,
      ...(row.metric
        ? {
            MetricStat: {
              Metric: {
                Namespace: row.metric.namespace,
                MetricName: row.metric.name,
                Dimensions: dimensionsOf(row.metric)
              },
              Period: row.metric.period ?? 300,
              Stat: row.metric.stat ?? 'Average'
            }
          }
        : {})
    }))
    return { ...common, ...threshold, ...comparison, Metrics }
  }
  const metric = alarm.metric ?? { namespace: 'AWS/EC2', name: 'CPUUtilization' }
  return {
    ...common,
    ...threshold,
    ...comparison,
    Namespace: metric.namespace,
    MetricName: metric.name,
    Dimensions: dimensionsOf(metric),
    Statistic: metric.statistic ?? 'Average',
    Period: metric.period ?? 300
  }
}

const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : undefined)

/** The alarms of the types, names or prefix asked for, by name as the service orders them. */
function selected(input: Record<string, unknown>, alarms: StandInAlarm[]): StandInAlarm[] {
  const names = strings(input.AlarmNames)
  const prefix = typeof input.AlarmNamePrefix === 'string' ? input.AlarmNamePrefix : undefined
  if (names && prefix !== undefined) {
    throw new AwsError(
      400,
      'InvalidParameterCombination',
      'AlarmNamePrefix and AlarmNames cannot be used together.'
    )
  }
  if (names && names.length > 100) {
    throw new AwsError(400, 'InvalidParameterValue', 'AlarmNames must have at most 100 items.')
  }
  const types = strings(input.AlarmTypes) ?? ['MetricAlarm']
  return alarms
    .filter(alarm => types.includes(isComposite(alarm) ? 'CompositeAlarm' : 'MetricAlarm'))
    .filter(alarm => !names || names.includes(alarm.name))
    .filter(alarm => prefix === undefined || alarm.name.startsWith(prefix))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** An opaque token: where the next page starts, for this very filter. */
function token(offset: number, input: Record<string, unknown>): string {
  const { NextToken: _token, ...filter } = input
  return Buffer.from(JSON.stringify({ offset, filter })).toString('base64url')
}

function offsetOf(input: Record<string, unknown>): number {
  if (input.NextToken === undefined) return 0
  const expected = (offset: number) => token(offset, input) === input.NextToken
  try {
    const { offset } = JSON.parse(Buffer.from(String(input.NextToken), 'base64url').toString()) as {
      offset: unknown
    }
    if (typeof offset === 'number' && expected(offset)) return offset
  } catch {
    // falls through to the service's refusal
  }
  throw new AwsError(400, 'InvalidNextToken', 'The service returned an invalid next token.')
}

export function describeAlarms(
  input: Record<string, unknown>,
  context: AlarmContext
): Record<string, unknown> {
  const max = input.MaxRecords === undefined ? 50 : Number(input.MaxRecords)
  if (!Number.isInteger(max) || max < 1 || max > 100) {
    throw new AwsError(400, 'InvalidParameterValue', 'MaxRecords must be between 1 and 100.')
  }
  const inState = (alarm: StandInAlarm) =>
    input.StateValue === undefined || (alarm.state ?? 'OK') === input.StateValue
  const scanned = context.paging === 'scanned'
  const all = scanned
    ? selected(input, context.alarms)
    : selected(input, context.alarms).filter(inState)
  const start = offsetOf(input)
  const page = all.slice(start, start + max).filter(inState)
  const more = start + max < all.length
  return {
    MetricAlarms: page.filter(a => !isComposite(a)).map(a => wireAlarm(a, context)),
    CompositeAlarms: page.filter(isComposite).map(a => wireAlarm(a, context)),
    ...(more ? { NextToken: token(start + max, input) } : {})
  }
}

function metricRow(metric: AlarmMetric, options: Record<string, unknown>): unknown[] {
  const dimensions = Object.entries(metric.dimensions ?? {}).flat()
  return [metric.namespace, metric.name, ...dimensions, options]
}

/**
 * The widget CloudWatch draws for an alarm widget: the alarms' metrics and thresholds in place of
 * `annotations.alarms`. An ARN of this account and region that names no alarm, or a composite one,
 * is refused as CloudWatch does; ARNs of elsewhere (the shared corpus's widgets come from other
 * accounts) are left to the generic drawing.
 */
export function drawnAlarmWidget(widgetText: string, context: AlarmContext): string {
  const widget = JSON.parse(widgetText) as Record<string, unknown>
  const annotations = (widget.annotations ?? {}) as Record<string, unknown>
  const local = `arn:aws:cloudwatch:${context.region}:${context.accountId}:alarm:`
  const all = Array.isArray(annotations.alarms) ? annotations.alarms.map(String) : []
  const arns = all.filter(arn => arn.startsWith(local))
  if (arns.length === 0) return widgetText
  const metrics: unknown[][] = []
  const horizontal: unknown[] = []
  for (const arn of arns) {
    const alarm = context.alarms.find(a => alarmArn(a, context.region, context.accountId) === arn)
    if (!alarm || isComposite(alarm)) {
      const why = alarm ? 'is a composite alarm, which has no metric to graph' : 'does not exist'
      throw new AwsError(400, 'InvalidParameterInput', `The alarm ${arn} ${why}.`)
    }
    if (alarm.metrics) {
      for (const row of alarm.metrics) {
        const options = { id: row.id, label: row.label ?? row.id, visible: row.returnData === true }
        if (row.expression) metrics.push([{ ...options, expression: row.expression }])
        else if (row.metric)
          metrics.push(metricRow(row.metric, { ...options, stat: row.metric.stat }))
      }
    } else {
      const metric = alarm.metric ?? { namespace: 'AWS/EC2', name: 'CPUUtilization' }
      metrics.push(metricRow(metric, { stat: metric.statistic ?? 'Average' }))
    }
    horizontal.push({
      value: alarm.threshold ?? 0,
      label: `${alarm.name} threshold`,
      color: '#d62728'
    })
  }
  const elsewhere = all.filter(arn => !arns.includes(arn))
  const { alarms: _alarms, ...others } = annotations
  const drawn = { ...others, horizontal, ...(elsewhere.length > 0 ? { alarms: elsewhere } : {}) }
  return JSON.stringify({ ...widget, metrics, annotations: drawn })
}
