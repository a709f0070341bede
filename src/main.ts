// The action, read top to bottom: inputs → graphs → render → deliver → report. Everything that can
// be checked without a side effect is checked first; one place turns an error into the step's
// failure.
import * as core from '@actions/core'
import { Deadline } from './domain/deadline.js'
import { formatSeconds } from './domain/durations.js'
import { ActionError, describeError } from './domain/errors.js'
import { findProxyError } from './domain/network-errors.js'
import { formatTimings, runFailure } from './domain/report.js'
import { renderGraphs } from './delivery/render.js'
import { setOutputs, writeSummary } from './github/outputs.js'
import { Phases } from './github/log.js'
import { collectGraphs } from './graphs.js'
import { describeInputs, getInputs } from './inputs.js'
import { cut, logLine } from './domain/text.js'

export async function run(): Promise<void> {
  const phases = new Phases()
  const timings: Record<string, number> = {}
  const startedAt = performance.now()
  const since = (mark: number) => performance.now() - mark
  let deadline: Deadline | undefined
  let stop: NodeJS.Timeout | undefined
  try {
    phases.enter('reading inputs')
    const inputs = getInputs()
    core.info(logLine(describeInputs(inputs)))
    // The run's clock: per-attempt limits and the end of the work before posting. Should anything
    // still hang, the stop at the deadline itself ends the process.
    deadline = new Deadline(inputs.timeoutSeconds)
    stop = startDeadline(inputs.timeoutSeconds, phases)

    // The one lazy-load boundary: the AWS SDK and the Slack client load once the inputs are valid.
    const { connect } = await import('./connect.js')
    const { cloudwatch, delivery } = connect(inputs, phases, deadline)
    const { graphs, alarms } = await collectGraphs(inputs, cloudwatch, phases)

    phases.enter('rendering graphs')
    const renderStart = performance.now()
    const outcomes = await renderGraphs(graphs, cloudwatch, delivery, inputs.maxConcurrency)
    timings.render = since(renderStart)

    const deliverStart = performance.now()
    const report = await delivery.finish(outcomes, alarms)
    timings.deliver = since(deliverStart)
    timings.total = since(startedAt)

    phases.enter('reporting')
    setOutputs(report)
    await writeSummary(report, timings)
    phases.end()
    core.info(logLine(`Done in ${formatTimings(timings)}`))
    const failure = runFailure(report)
    if (failure) throw new ActionError(failure)
  } catch (error) {
    phases.end()
    if (core.isDebug() && error instanceof Error && error.stack) core.debug(error.stack)
    // A refusing proxy is the cause, however deep a client wrapped it: say it first.
    core.setFailed(cut(describeError(findProxyError(error) ?? error), MAX_ERROR))
  } finally {
    clearTimeout(stop)
    deadline?.stop()
  }
}

/** An error's text at most: a service's answer or a title can be of any length. */
const MAX_ERROR = 10_000

/** A scheduled run must never hang: past the deadline the action fails and exits. */
function startDeadline(seconds: number, phases: Phases): NodeJS.Timeout {
  const timer = setTimeout(() => {
    const phase = phases.name
    phases.end()
    core.setFailed(
      `The action did not finish within ${formatSeconds(seconds)} (input 'timeout') and was stopped while ${phase}.`
    )
    process.exit(1)
  }, seconds * 1000)
  timer.unref()
  return timer
}
