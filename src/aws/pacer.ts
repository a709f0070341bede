// CloudWatch allows 20 GetMetricWidgetImage calls per second per account. While it does not
// throttle, nothing here slows the action down. Once it answers Throttling, every later attempt
// (retries included) waits until the quota's window has room for it (by the calls this process saw
// admitted) and is spaced to the quota's pace, so the remaining graphs flow at 20 per second instead
// of bursting into the quota again and backing off ever longer.
import type { Pluggable } from '@smithy/types'
import { sleep as wait } from '../domain/concurrency.js'
import { awsErrorCode } from './errors.js'

export const CLOUDWATCH_QUOTA_PER_SECOND = 20

/** The quota's window, a little over a second so clock skew with the service does not tip it. */
const WINDOW_MS = 1050

export class ThrottlePacer {
  private throttled = false
  private nextSlot = 0
  /** No attempt before this: when the quota's window has room again after a throttle. */
  private notBefore = 0
  /** When the latest admitted attempts were sent (at most perSecond of them), oldest first. */
  private readonly admitted: number[] = []

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = wait
  ) {}

  /**
   * Resolves when this attempt may go: at once until the service has throttled. Returns when it
   * went, for onAdmitted. An attempt that wakes to find the window moved (a throttle meanwhile)
   * waits again.
   */
  async slot(): Promise<number> {
    for (;;) {
      const now = this.clock()
      if (!this.throttled) return now
      const at = Math.max(now, this.nextSlot, this.notBefore)
      if (at <= now) {
        this.nextSlot = now + WINDOW_MS / this.perSecond
        return now
      }
      await this.sleep(at - now)
    }
  }

  /** The service answered an attempt sent at `sentAt` (anything but Throttling uses the quota). */
  onAdmitted(sentAt: number): void {
    // The latest perSecond send times, oldest first (answers may come back out of order).
    const index = this.admitted.findIndex(time => time > sentAt)
    this.admitted.splice(index === -1 ? this.admitted.length : index, 0, sentAt)
    if (this.admitted.length > this.perSecond) this.admitted.shift()
  }

  /**
   * The service refused an attempt: its window is full. When this process filled it, the window
   * has room again once the oldest of those calls is a window old; no attempt goes before then.
   */
  onThrottled(): void {
    this.throttled = true
    const oldest = this.admitted[0]
    if (this.admitted.length === this.perSecond && oldest !== undefined) {
      this.notBefore = Math.max(this.notBefore, oldest + WINDOW_MS)
    }
  }

  get pacing(): boolean {
    return this.throttled
  }
}

/** True for the error codes AWS uses for throttling. */
export function isThrottling(error: unknown): boolean {
  const name = awsErrorCode(error)
  return (
    name === 'Throttling' ||
    name === 'ThrottlingException' ||
    name === 'TooManyRequestsException' ||
    name === 'RequestLimitExceeded'
  )
}

/**
 * A middleware in the deserialize step: it runs for every attempt, inside the SDK's retry loop, so
 * retries wait for their slot too. High priority puts it outside the deserializer, where a
 * Throttling answer is an error (inside, it is still a plain HTTP 400 response).
 */
export function pacerPlugin<Input extends object, Output extends object>(
  pacer: ThrottlePacer
): Pluggable<Input, Output> {
  return {
    applyToStack: stack => {
      stack.add(
        next => async args => {
          const sentAt = await pacer.slot()
          try {
            const output = await next(args)
            pacer.onAdmitted(sentAt)
            return output
          } catch (error) {
            if (isThrottling(error)) pacer.onThrottled()
            else pacer.onAdmitted(sentAt)
            throw error
          }
        },
        { step: 'deserialize', name: 'throttlePacer', priority: 'high' }
      )
    }
  }
}
