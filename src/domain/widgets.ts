// The graphs to render, from the `widgets` input's document: validated the way CloudWatch would
// validate them, and passed on exactly as written.
import type { Alarm } from './alarms.js'
import { InputError, describeError } from './errors.js'
import { type JsonObject, isObject, truncate } from './text.js'

/** One graph to render: its display name and the exact MetricWidget string CloudWatch receives. */
export interface Graph {
  /** 1-based position in the order given. */
  position: number
  name: string
  /** Sent to GetMetricWidgetImage as is: the user's string, or their object serialised unchanged. */
  metricWidget: string
  /** The metric alarm this graph draws (input 'alarms'): the message says its state above it. */
  alarm?: Alarm
}

/** GetMetricWidgetImage renders 1 to 2000 pixels in each direction. */
export const MAX_PIXELS = 2000

/**
 * The graphs of the `widgets` input (or the `widgets-file` content), read as a document (YAML or
 * JSON): one graph or a list. Each item is validated on a copy; what CloudWatch receives is never
 * rewritten.
 */
export function parseGraphs(document: unknown, input: string): Graph[] {
  if (document === null || document === undefined) {
    throw new InputError(input, 'is empty: give a metric widget or a list of them')
  }
  const items = Array.isArray(document) ? document : [document]
  if (items.length === 0) {
    throw new InputError(input, 'is an empty list: give at least one metric widget')
  }
  return items.map((item, index) => parseItem(item, index + 1, input))
}

function parseItem(item: unknown, position: number, input: string): Graph {
  const where = `item ${position}`
  if (!isObject(item)) {
    throw new InputError(
      input,
      `${where} is ${describeType(item)}; expected a metric widget object`
    )
  }
  if (!('widget' in item) && 'name' in item) {
    // Not a MetricWidget key: the name would reach CloudWatch as part of the widget.
    throw new InputError(
      input,
      `${where} has 'name' but no 'widget': write it as {name: ..., widget: {metrics: ...}}`
    )
  }
  if ('widget' in item) {
    const name = item['name']
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
      throw new InputError(input, `${where}: 'name' must be a non-empty string`)
    }
    return buildGraph(item['widget'], position, input, typeof name === 'string' ? name : undefined)
  }
  return buildGraph(item, position, input, undefined)
}

function buildGraph(
  widget: unknown,
  position: number,
  input: string,
  name: string | undefined
): Graph {
  const where = `item ${position}${name ? ` ('${name}')` : ''}`
  let properties: unknown
  let metricWidget: string
  if (typeof widget === 'string') {
    try {
      properties = JSON.parse(widget)
    } catch (error) {
      throw new InputError(input, `${where}: 'widget' is not valid JSON: ${describeError(error)}`)
    }
    metricWidget = widget
  } else {
    properties = widget
    metricWidget = ''
  }
  if (isObject(properties) && 'properties' in properties && 'type' in properties) {
    // A dashboard widget as the console's dashboard source shows it: render its properties.
    if (properties['type'] !== 'metric') {
      throw new InputError(
        input,
        `${where} is a '${String(properties['type'])}' dashboard widget; only 'metric' widgets are graphs`
      )
    }
    properties = properties['properties']
    metricWidget = ''
  }
  if (!isObject(properties)) {
    throw new InputError(
      input,
      `${where}: the widget is ${describeType(properties)}; expected an object`
    )
  }
  checkDepth(properties, where, input)
  checkMetricWidget(properties, where, input)
  const title = typeof properties['title'] === 'string' ? properties['title'].trim() : ''
  const sent = metricWidget || JSON.stringify(properties)
  const bytes = new TextEncoder().encode(sent).length
  if (bytes > MAX_WIDGET_BYTES) {
    throw new InputError(
      input,
      `${where}: the widget is ${(bytes / 1024).toFixed(0)} KiB as JSON; GetMetricWidgetImage takes at most 100 KiB`
    )
  }
  return { position, name: name?.trim() || title || `graph-${position}`, metricWidget: sent }
}

/** GetMetricWidgetImage refuses a MetricWidget over 100 KB. */
const MAX_WIDGET_BYTES = 100 * 1024

/**
 * Real widgets are a few levels deep (7 at most in the corpus of dashboards in __fixtures__); one
 * nested far deeper is a mistake or an attack, and would overflow the stack when serialised.
 */
const MAX_DEPTH = 32

function checkDepth(widget: JsonObject, where: string, input: string): void {
  // Breadth first, without recursion: the point is not to overflow the stack on the way.
  let level: unknown[] = [widget]
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_DEPTH) {
      throw new InputError(
        input,
        `${where}: the widget is nested more than ${MAX_DEPTH} levels deep; a metric widget is a few levels deep`
      )
    }
    level = level.flatMap(value =>
      typeof value === 'object' && value !== null ? Object.values(value) : []
    )
  }
}

/** The checks CloudWatch itself would make, so a bad widget fails before anything is uploaded. */
function checkMetricWidget(widget: JsonObject, where: string, input: string): void {
  const metrics = widget['metrics']
  const annotations = widget['annotations']
  const alarms = isObject(annotations) ? annotations['alarms'] : undefined
  const hasMetrics = Array.isArray(metrics) && metrics.length > 0
  const hasAlarms = Array.isArray(alarms) && alarms.length > 0
  if (metrics !== undefined && !Array.isArray(metrics)) {
    throw new InputError(input, `${where}: 'metrics' must be a list of metric rows`)
  }
  if (!hasMetrics && !hasAlarms) {
    throw new InputError(
      input,
      `${where} has no 'metrics' and no alarm annotation ('annotations.alarms'): CloudWatch needs one of them to draw a graph`
    )
  }
  for (const side of ['width', 'height'] as const) {
    const value = widget[side]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_PIXELS) {
      throw new InputError(
        input,
        `${where}: '${side}' is ${JSON.stringify(value)}; GetMetricWidgetImage takes whole pixels from 1 to ${MAX_PIXELS}`
      )
    }
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value, 40))}`
  return `a ${typeof value}`
}
