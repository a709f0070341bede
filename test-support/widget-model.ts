// What a MetricWidget asks CloudWatch to draw, read the way GetMetricWidgetImage reads it: the
// metric rows (with the "." and "..." shorthands), labels, colours, axes, the time range over
// start/end/period in the widget's timezone, stacking and annotations. The values are synthetic
// (widget-data.ts) and the same for the same widget at the same time.
import { type Unit, clamp, fitProfile, hash, profileOf, seriesValues } from './widget-data.js'

type Json = Record<string, unknown>

export interface Series {
  label: string
  color: string | undefined
  axis: 'left' | 'right'
  unit: Unit
  values: number[]
}

export interface Axis {
  label: string | undefined
  min: number | undefined
  max: number | undefined
}

export interface Line {
  value: number | string
  label: string
  color: string | undefined
}

export interface WidgetModel {
  title: string
  width: number
  height: number
  view: string
  stacked: boolean
  legend: 'bottom' | 'right' | 'hidden'
  /** Start of each point, milliseconds since the epoch (UTC). */
  times: number[]
  /** The widget's timezone as minutes east of UTC (`+0130` is 90). */
  offsetMinutes: number
  series: Series[]
  axes: { left: Axis; right: Axis }
  horizontal: Line[]
  vertical: Line[]
}

const MAX_POINTS = 360

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

/** `-PT3H`, `-P1D`, `-PT15M` (relative to now) or an ISO time; undefined when neither. */
export function timeOf(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined
  const relative = /^-?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(value)
  if (relative) {
    const [w, d, h, m, s] = relative.slice(1).map(part => Number(part ?? 0)) as number[]
    const seconds = ((((w ?? 0) * 7 + (d ?? 0)) * 24 + (h ?? 0)) * 60 + (m ?? 0)) * 60 + (s ?? 0)
    return now - seconds * 1000
  }
  const absolute = Date.parse(value)
  return Number.isNaN(absolute) ? undefined : absolute
}

/** `+0130`, `-0500`, `UTC`: minutes east of UTC (0 when absent or unreadable). */
export function offsetOf(timezone: string | undefined): number {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(timezone ?? '')
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

function timeRange(widget: Json, now: number): number[] {
  const end = timeOf(text(widget.end), now) ?? now
  const start = timeOf(text(widget.start), now) ?? end - 3 * 3600_000
  let period = (numberOf(widget.period) ?? 300) * 1000
  const span = Math.max(end - start, period)
  // CloudWatch widens the period when the range holds more points than the graph can show.
  while (span / period > MAX_POINTS) period *= 2
  const first = Math.ceil(start / period) * period
  const times: number[] = []
  for (let t = first; t <= end; t += period) times.push(t)
  return times.length > 1 ? times : [end - period, end]
}

interface Row {
  names: string[]
  options: Json
}

/** The rows with their shorthands expanded: "." repeats the row above's value, "..." its start. */
export function expandRows(metrics: unknown): Row[] {
  if (!Array.isArray(metrics)) return []
  const rows: Row[] = []
  let previous: string[] = []
  for (const raw of metrics) {
    if (!Array.isArray(raw)) continue
    const last: unknown = raw[raw.length - 1]
    const options = isObject(last) ? last : {}
    const given = (isObject(last) ? raw.slice(0, -1) : raw).map(String)
    let names: string[]
    if (given[0] === '...') {
      const rest = given.slice(1)
      names = [...previous.slice(0, Math.max(previous.length - rest.length, 0)), ...rest]
    } else {
      names = given.map((name, i) => (name === '.' ? (previous[i] ?? '') : name))
    }
    if (names.length > 0) previous = names
    rows.push({ names, options })
  }
  return rows
}

function labelOf(row: Row, index: number, sameName: boolean): string {
  const label = text(row.options.label)
  if (label !== undefined) return label
  if (row.names.length === 0) return text(row.options.id) ?? `expression ${index + 1}`
  const metric = row.names[1] ?? row.names[0] ?? ''
  const dimensions = row.names.slice(2).filter((_, i) => i % 2 === 1)
  return sameName && dimensions.length > 0 ? `${dimensions.join(' ')} ${metric}` : metric
}

/** Labels that would repeat get the row's own stat, else a number: each legend entry is distinct. */
function distinct(series: Series[], rows: Row[]): Series[] {
  const seen = new Set<string>()
  return series.map((item, index) => {
    let label = item.label
    if (seen.has(label)) label = `${label} ${text(rows[index]?.options.stat) ?? ''}`.trim()
    for (let n = 2; seen.has(label); n += 1) label = `${item.label} (${n})`
    seen.add(label)
    return { ...item, label }
  })
}

function seriesOf(widget: Json, rows: Row[], count: number): Series[] {
  const visible = rows.filter(row => row.options.visible !== false)
  return distinct(drawSeries(widget, visible, count), visible)
}

function drawSeries(widget: Json, visible: Row[], count: number): Series[] {
  const metricNames = visible.map(row => row.names[1])
  const seed = hash(JSON.stringify(widget))
  const stat = text(widget.stat) ?? 'Average'
  return visible.map((row, index) => {
    const sameName = metricNames.filter(name => name === row.names[1]).length > 1
    const label = labelOf(row, index, sameName)
    const name = row.names[1] ?? `${label} ${text(row.options.expression) ?? ''}`
    const axis = row.options.yAxis === 'right' ? 'right' : 'left'
    const { min, max } = bounds(widget.yAxis, axis)
    const profile = fitProfile(profileOf(name, text(row.options.stat) ?? stat), min, max)
    return {
      label,
      color: text(row.options.color),
      axis,
      unit: profile.unit,
      values: clamp(seriesValues(seed + index * 7919, count, profile), min, max)
    }
  })
}

function bounds(yAxis: unknown, side: 'left' | 'right'): { min?: number; max?: number } {
  const axis = isObject(yAxis) && isObject(yAxis[side]) ? yAxis[side] : {}
  return { min: numberOf(axis.min), max: numberOf(axis.max) }
}

function axisOf(yAxis: unknown, side: 'left' | 'right', units: Unit[]): Axis {
  const axis = isObject(yAxis) && isObject(yAxis[side]) ? yAxis[side] : {}
  // The unit shows when the axis's series share one (mixed units: no label, as CloudWatch).
  const unit = new Set(units).size === 1 && units[0] !== 'None' ? units[0] : undefined
  const label = text(axis.label) ?? (axis.showUnits === false ? undefined : unit)
  return { label, min: numberOf(axis.min), max: numberOf(axis.max) }
}

function linesOf(annotations: unknown, kind: 'horizontal' | 'vertical'): Line[] {
  const list = isObject(annotations) ? annotations[kind] : undefined
  if (!Array.isArray(list)) return []
  // A band is a pair [from, to]: both edges are drawn.
  return list.flat().flatMap((item: unknown) => {
    if (!isObject(item)) return []
    const value = kind === 'horizontal' ? numberOf(item.value) : text(item.value)
    if (value === undefined) return []
    return [{ value, label: text(item.label) ?? '', color: text(item.color) }]
  })
}

/** An alarm-only widget draws the alarm's metric against its threshold. */
function alarmRows(widget: Json): Row[] {
  const alarms = isObject(widget.annotations) ? widget.annotations.alarms : undefined
  if (!Array.isArray(alarms)) return []
  return alarms.map(arn => ({ names: [], options: { label: String(arn).split(':').at(-1) } }))
}

export function widgetModel(widgetText: string, now: number): WidgetModel {
  const widget = JSON.parse(widgetText) as Json
  const times = timeRange(widget, now)
  const rows = widget.metrics === undefined ? alarmRows(widget) : expandRows(widget.metrics)
  const series = seriesOf(widget, rows, times.length)
  const legend = isObject(widget.legend) ? text(widget.legend.position) : undefined
  const sideUnits = (side: string) => series.filter(s => s.axis === side).map(s => s.unit)
  return {
    title: text(widget.title) ?? '',
    width: numberOf(widget.width) ?? 600,
    height: numberOf(widget.height) ?? 400,
    view: text(widget.view) ?? 'timeSeries',
    stacked: widget.stacked === true,
    legend: legend === 'right' || legend === 'hidden' ? legend : 'bottom',
    times,
    offsetMinutes: offsetOf(text(widget.timezone)),
    series,
    axes: {
      left: axisOf(widget.yAxis, 'left', sideUnits('left')),
      right: axisOf(widget.yAxis, 'right', sideUnits('right'))
    },
    horizontal: linesOf(widget.annotations, 'horizontal'),
    vertical: linesOf(widget.annotations, 'vertical')
  }
}
