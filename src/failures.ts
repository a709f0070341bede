import type { GraphOutcome } from './pipeline.js'
import { label } from './pipeline.js'

/** Failures grouped by cause, so one wrong secret reads as one line, not fifty. */
export function describeFailures(failed: readonly GraphOutcome[]): string {
  const byCause = new Map<string, string[]>()
  for (const outcome of failed) {
    if (!outcome.failure) continue
    byCause.set(outcome.failure, [...(byCause.get(outcome.failure) ?? []), label(outcome.graph)])
  }
  return [...byCause].map(([cause, graphs]) => `- ${graphs.join(', ')}: ${cause}`).join('\n')
}
