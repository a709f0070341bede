// The run's phases: each one is a collapsible group in the log, and the deadline's error names
// the phase the action was in when it hung.
import * as core from '@actions/core'

let current: string | undefined

/** Ends the previous phase's log group and starts this one's ('rendering graphs'). */
export function enterPhase(phase: string): void {
  if (current) core.endGroup()
  current = phase
  core.startGroup(phase.charAt(0).toUpperCase() + phase.slice(1))
}

/** Closes the last group, so what follows (the result, an error) is not folded away. */
export function endPhases(): void {
  if (current) core.endGroup()
  current = undefined
}

export function currentPhase(): string {
  return current ?? 'starting'
}
