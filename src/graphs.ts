// The run's graphs: those of widgets / widgets-file first, then every metric widget of each
// dashboard, in reading order, then each metric alarm's graph; numbered from 1, each with the
// report's time window and zone laid over what its widget does not set. The alarms themselves
// (composite ones too) go with them, for the message's Alarms part.
import * as core from '@actions/core'
import { type AlarmsPart, alarmGraphs, alarmQueries, selectAlarms } from './domain/alarms.js'
import { dashboardGraphs, numberGraphs } from './domain/dashboards.js'
import { mapWithConcurrency } from './domain/concurrency.js'
import { ActionError } from './domain/errors.js'
import { applyWindow } from './domain/time-window.js'
import type { Graph } from './domain/widgets.js'
import type { GraphSource } from './delivery/delivery.js'
import type { Phases } from './github/log.js'
import type { Inputs } from './inputs.js'
import { logLine, plural } from './domain/text.js'

export interface CollectedGraphs {
  graphs: Graph[]
  /** With input 'alarms': every alarm found, in order (the metric ones are also graphs). */
  alarms?: AlarmsPart
}

/** The graphs with the report's window laid over them (and a dashboard's automatic period). */
type LayWindow = <G extends { metricWidget: string }>(
  graphs: readonly G[],
  autoPeriod?: boolean
) => G[]

export async function collectGraphs(
  inputs: Inputs,
  cloudwatch: GraphSource,
  phases: Phases,
  now = new Date()
): Promise<CollectedGraphs> {
  const lay: LayWindow = (graphs, autoPeriod = false) =>
    graphs.map(graph => ({
      ...graph,
      metricWidget: applyWindow(graph.metricWidget, { ...inputs.window, autoPeriod }, now)
    }))
  const given = lay(inputs.graphs)
  if (inputs.dashboards.length === 0 && !inputs.alarms) return { graphs: given }
  const fromDashboards = await readDashboards(inputs, cloudwatch, phases, lay)
  const alarms = await readAlarms(inputs, cloudwatch, phases)
  const graphs = numberGraphs([
    ...given,
    ...fromDashboards,
    ...lay(alarmGraphs(alarms?.alarms ?? []))
  ])
  if (graphs.length === 0 && !alarms) {
    throw new ActionError(
      `The dashboards ${inputs.dashboards.join(', ')} have no metric widgets: nothing to post`
    )
  }
  return { graphs, ...(alarms ? { alarms } : {}) }
}

async function readDashboards(
  inputs: Inputs,
  cloudwatch: GraphSource,
  phases: Phases,
  lay: LayWindow
): Promise<Omit<Graph, 'position'>[]> {
  if (inputs.dashboards.length === 0) return []
  phases.enter('reading dashboards')
  const bodies = await mapWithConcurrency(inputs.dashboards, inputs.maxConcurrency, name =>
    cloudwatch.readDashboard(name)
  )
  return inputs.dashboards.flatMap((name, i) => {
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
    return lay(content.graphs, content.autoPeriod)
  })
}

/**
 * The alarms asked for, read with DescribeAlarms (at most max-concurrency calls at once). An exact
 * name no alarm has is an error; a prefix that matches none, a warning.
 */
async function readAlarms(
  inputs: Inputs,
  cloudwatch: GraphSource,
  phases: Phases
): Promise<AlarmsPart | undefined> {
  const selection = inputs.alarms
  if (!selection) return undefined
  phases.enter('reading alarms')
  const readAt = new Date()
  const found = await mapWithConcurrency(alarmQueries(selection), inputs.maxConcurrency, query =>
    cloudwatch.readAlarms(query)
  )
  const { alarms, missing, unmatched } = selectAlarms(selection, found.flat())
  if (missing.length > 0) {
    const names = missing.map(name => `'${name}'`).join(', ')
    throw new ActionError(
      `Input 'alarms': no alarm named ${names} in ${inputs.awsRegion}. Check the name (case matters) and aws-region: alarms are regional, each is read in the region the action runs against.`
    )
  }
  for (const prefix of unmatched) {
    core.warning(`Input 'alarms': no alarm name starts with '${prefix}' in ${inputs.awsRegion}`)
  }
  const composite = alarms.filter(alarm => alarm.kind === 'composite').length
  core.info(
    logLine(
      `Alarms: ${plural(alarms.length, 'alarm')}${selection.firing ? ' firing' : ''} (${alarms.length - composite} with a graph, ${composite} composite)`
    )
  )
  return { firing: selection.firing, alarms, readAt }
}
