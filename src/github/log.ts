// The run's phases in the log: each one is a collapsible group, and the deadline's error names the
// phase the action was in when it stopped.
import * as core from '@actions/core'

export class Phases {
  private current: string | undefined

  /** Ends the previous phase's log group and starts this one's ('rendering graphs'). */
  enter(phase: string): void {
    if (this.current) core.endGroup()
    this.current = phase
    core.startGroup(phase.charAt(0).toUpperCase() + phase.slice(1))
  }

  /** Closes the last group, so what follows (the result, an error) is not folded away. */
  end(): void {
    if (this.current) core.endGroup()
    this.current = undefined
  }

  /** The phase the run is in: 'starting' before the first. */
  get name(): string {
    return this.current ?? 'starting'
  }
}
