// The run's graphs: those of widgets / widgets-file first, then every metric widget of each
// dashboard, in reading order, numbered from 1.
import * as core from '@actions/core'
import { dashboardGraphs, numberGraphs } from './domain/dashboards.js'
import { mapWithConcurrency } from './domain/concurrency.js'
import { ActionError } from './domain/errors.js'
import type { Graph } from './domain/widgets.js'
import type { GraphSource } from './delivery/delivery.js'
import type { Phases } from './github/log.js'
import type { Inputs } from './inputs.js'
import { logLine } from './domain/text.js'

export async function collectGraphs(
  inputs: Inputs,
  cloudwatch: GraphSource,
  phases: Phases
): Promise<Graph[]> {
  if (inputs.dashboards.length === 0) return inputs.graphs
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
    return content.graphs
  })
  const graphs = numberGraphs([...inputs.graphs, ...fromDashboards])
  if (graphs.length === 0) {
    throw new ActionError(
      `The dashboards ${inputs.dashboards.join(', ')} have no metric widgets: nothing to post`
    )
  }
  return graphs
}
