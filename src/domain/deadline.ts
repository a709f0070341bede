// How a run spends its `timeout`. Every request to an outside system (AWS, the URL checks, Slack)
// gets the same per-attempt limit, so a connection that never answers costs one attempt, not the
// run; retries fit inside the run. The work before posting (render, store, check) stops early
// enough to leave time to post what did work: its signal aborts the SDK's retry loop, and the graphs
// still out are reported as not rendered in time.
import { formatSeconds } from './durations.js'

/** An attempt waits at least this long (a cold CloudWatch render takes a second or two)… */
const MIN_ATTEMPT_MS = 2000
/** …and at most this long: no single answer is worth more of a scheduled run. */
const MAX_ATTEMPT_MS = 30000
/** Time kept for posting: a fifth of the timeout, from 3 seconds to 2 minutes. */
const MIN_RESERVE_MS = 3000
const MAX_RESERVE_MS = 120000

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))

export interface TimeBudget {
  /** How long one attempt of any request may take. */
  attemptMs: number
  /** What is kept at the end of the run for posting, once rendering and storing stop. */
  reserveMs: number
}

/** The budget of a run of `timeoutSeconds`: attempts of an eighth of it, a fifth kept to post. */
export function planBudget(timeoutSeconds: number): TimeBudget {
  const timeoutMs = timeoutSeconds * 1000
  return {
    attemptMs: Math.round(clamp(timeoutMs / 8, MIN_ATTEMPT_MS, MAX_ATTEMPT_MS)),
    reserveMs: Math.round(clamp(timeoutMs / 5, MIN_RESERVE_MS, MAX_RESERVE_MS))
  }
}

/** The reason the work signal aborts with: the graphs still out did not make it in time. */
export class OutOfTime extends Error {
  constructor(timeoutSeconds: number, reserveMs: number) {
    super(
      `not done in time: stopped ${formatSeconds(reserveMs / 1000)} before the end of input 'timeout' (${formatSeconds(timeoutSeconds)}) to post the graphs that did arrive`
    )
    this.name = 'OutOfTime'
  }
}

/** The run's clock: when it ends, what is left, and the signal that ends the work before posting. */
export class Deadline implements TimeBudget {
  readonly attemptMs: number
  readonly reserveMs: number
  readonly endsAt: number
  /** Aborts (with OutOfTime) when rendering, storing and checking must stop. */
  readonly work: AbortSignal
  private readonly timer: ReturnType<typeof setTimeout>

  constructor(
    readonly timeoutSeconds: number,
    private readonly clock: () => number = Date.now
  ) {
    const budget = planBudget(timeoutSeconds)
    this.attemptMs = budget.attemptMs
    this.reserveMs = budget.reserveMs
    this.endsAt = clock() + timeoutSeconds * 1000
    const controller = new AbortController()
    this.work = controller.signal
    const reason = new OutOfTime(timeoutSeconds, this.reserveMs)
    this.timer = setTimeout(() => controller.abort(reason), this.workRemainingMs())
    // A timer of the run's own budget must never keep the process alive.
    this.timer.unref?.()
  }

  /** Milliseconds until the run's timeout (never below 0). */
  remainingMs(): number {
    return Math.max(0, this.endsAt - this.clock())
  }

  /** Milliseconds until the work before posting must stop (never below 0). */
  workRemainingMs(): number {
    return Math.max(0, this.remainingMs() - this.reserveMs)
  }

  stop(): void {
    clearTimeout(this.timer)
  }
}
