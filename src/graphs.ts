// The run's graphs: those of widgets / widgets-file first, then every metric widget of each
// dashboard, in reading order, numbered from 1; each with the report's time window and zone laid
// over what its widget does not set.
import * as core from '@actions/core'
import { dashboardGraphs, numberGraphs } from './domain/dashboards.js'
import type { DashboardGraph } from './domain/dashboards.js'
import { mapWithConcurrency } from './domain/concurrency.js'
import { ActionError } from './domain/errors.js'
import { type WindowSettings, applyWindow } from './domain/time-window.js'
import type { Graph } from './domain/widgets.js'
import type { GraphSource } from './delivery/delivery.js'
import type { Phases } from './github/log.js'
import type { Inputs } from './inputs.js'
import { logLine } from './domain/text.js'

export async function collectGraphs(
  inputs: Inputs,
  cloudwatch: GraphSource,
  phases: Phases,
  now = new Date()
): Promise<Graph[]> {
  const windowed = (graphs: readonly DashboardGraph[], settings: WindowSettings) =>
    graphs.map(graph => ({
      ...graph,
      metricWidget: applyWindow(graph.metricWidget, settings, now)
    }))
  const given = windowed(inputs.graphs, inputs.window)
  if (inputs.dashboards.length === 0) return numberGraphs(given)
  phases.enter('reading dashboards')
  const bodies = await mapWithConcurrency(inputs.dashboards, inputs.maxConcurrency, name =>
    cloudwatch.readDashboard(name)
  )
  const fromDashboards = inputs.dashboards.flatMap((name, i) => {
    const content = dashboardGraphs(name, bodies[i] ?? '{}')
    for (const widget of content.skipped) {
      core.notice(
        `Dashboard '${name}': skipped the ${widget.type} widget '${widget.title}' (only metric widgets are graphs)`
      )
    }
    core.info(
      logLine(
        `Dashboard '${name}': ${content.graphs.length} graph(s), ${content.skipped.length} other widget(s) skipped`
      )
    )
    return windowed(content.graphs, { ...inputs.window, autoPeriod: content.autoPeriod })
  })
  const graphs = numberGraphs([...given, ...fromDashboards])
  if (graphs.length === 0) {
    throw new ActionError(
      `The dashboards ${inputs.dashboards.join(', ')} have no metric widgets: nothing to post`
    )
  }
  return graphs
}
