// The step's outputs and its job summary, from the run's report.
import * as core from '@actions/core'
import { type RunReport, outputValues } from '../domain/report.js'
import { summaryContent } from '../domain/summary.js'

export function setOutputs(report: RunReport): void {
  for (const [name, value] of Object.entries(outputValues(report))) core.setOutput(name, value)
}

/** The job summary; nothing outside Actions (no GITHUB_STEP_SUMMARY). */
export async function writeSummary(
  report: RunReport,
  timings: Readonly<Record<string, number>>
): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  const content = summaryContent(report, timings)
  const [header = [], ...rows] = content.table
  await core.summary
    .addHeading(content.heading, 2)
    .addRaw(content.intro, true)
    .addTable([header.map(data => ({ data, header: true })), ...rows])
    .addRaw(content.closing, true)
    .write()
}
