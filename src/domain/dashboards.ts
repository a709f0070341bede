// A CloudWatch dashboard's metric widgets as graphs, in the order a reader sees them: top to
// bottom, then left to right. The image size follows the widget's grid size (24 columns wide), so a
// full-width widget gives a wider image than a half-width one.
import { ActionError, describeError } from './errors.js'
import { type JsonObject, isObject } from './text.js'
import { type Graph, MAX_PIXELS } from './widgets.js'

/**
 * From the dashboard's grid to pixels: 50 a grid unit, so a full-width widget (24 columns) is 1200
 * px wide and a 6-row one 300 px tall; never smaller than a readable graph.
 */
const GRID = { pixelsPerColumn: 50, pixelsPerRow: 50, minWidth: 300, minHeight: 200 }

export interface DashboardGraph {
  name: string
  metricWidget: string
}

export interface SkippedWidget {
  type: string
  title: string
}

export interface DashboardContent {
  graphs: DashboardGraph[]
  skipped: SkippedWidget[]
  /** `periodOverride: auto`: the graphs' periods adapt to their window, as the console shows them. */
  autoPeriod: boolean
}

/** The dashboard's graphs and the widgets skipped; an ActionError when the body is not a dashboard. */
export function dashboardGraphs(dashboard: string, body: string): DashboardContent {
  try {
    return readDashboard(dashboard, JSON.parse(body))
  } catch (error) {
    throw new ActionError(`Dashboard '${dashboard}' cannot be read: ${describeError(error)}`, {
      cause: error
    })
  }
}

/**
 * Numbered from 1 in the order given: the widgets input's graphs first, then each dashboard's,
 * then the alarms'.
 */
export function numberGraphs(graphs: readonly Omit<Graph, 'position'>[]): Graph[] {
  return graphs.map((graph, i) => ({ ...graph, position: i + 1 }))
}

function readDashboard(dashboard: string, parsed: unknown): DashboardContent {
  if (!isObject(parsed) || !Array.isArray(parsed.widgets)) {
    throw new Error(`dashboard '${dashboard}' has no widgets list`)
  }
  const widgets = parsed.widgets.filter(isObject)
  const ordered = widgets
    .map((widget, index) => ({ widget, index }))
    .sort(
      (a, b) =>
        rank(a.widget, 'y') - rank(b.widget, 'y') ||
        rank(a.widget, 'x') - rank(b.widget, 'x') ||
        a.index - b.index
    )
  const graphs: DashboardGraph[] = []
  const skipped: SkippedWidget[] = []
  for (const { widget } of ordered) {
    const properties = isObject(widget.properties) ? widget.properties : {}
    const title = typeof properties.title === 'string' ? properties.title.trim() : ''
    const type = typeof widget.type === 'string' ? widget.type : 'unknown'
    if (type !== 'metric') {
      skipped.push({ type, title: title || firstLine(properties.markdown) || '(untitled)' })
      continue
    }
    graphs.push({
      name: title || `${dashboard} ${graphs.length + 1}`,
      metricWidget: JSON.stringify(renderable(properties, widget, parsed))
    })
  }
  return { graphs, skipped, autoPeriod: parsed.periodOverride === 'auto' }
}

/** Widgets without a position come last, in the order written. */
function rank(widget: JsonObject, axis: 'x' | 'y'): number {
  const value = widget[axis]
  return typeof value === 'number' ? value : Number.MAX_SAFE_INTEGER
}

/**
 * The widget's own properties, plus what the dashboard gives it: a pixel size from its grid size
 * and the dashboard's time range, each only where the widget does not say so itself.
 */
function renderable(properties: JsonObject, widget: JsonObject, body: JsonObject): JsonObject {
  const columns = typeof widget.width === 'number' ? widget.width : 6
  const rows = typeof widget.height === 'number' ? widget.height : 6
  const sized = {
    width: clamp(Math.round(columns * GRID.pixelsPerColumn), GRID.minWidth),
    height: clamp(Math.round(rows * GRID.pixelsPerRow), GRID.minHeight)
  }
  const range: JsonObject = {}
  for (const key of ['start', 'end'] as const) {
    if (typeof body[key] === 'string') range[key] = body[key]
  }
  return { ...range, ...sized, ...properties }
}

function clamp(pixels: number, min: number): number {
  return Math.min(MAX_PIXELS, Math.max(min, pixels))
}

function firstLine(value: unknown): string {
  return typeof value === 'string' ? (value.split('\n')[0] ?? '').replace(/^#+\s*/, '').trim() : ''
}
