// CloudWatch allows 20 GetMetricWidgetImage calls per second per account. While it does not
// throttle, nothing here slows the action down. Once it answers Throttling, every later attempt
// (retries included) is spaced to the quota's pace, so the remaining graphs flow at 20 per second
// instead of bursting into the quota again and backing off ever longer.
import type { Pluggable } from '@smithy/types'

export const CLOUDWATCH_QUOTA_PER_SECOND = 20

export class ThrottlePacer {
  private throttled = false
  private nextSlot = 0

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = ms =>
      new Promise(resolve => setTimeout(resolve, ms))
  ) {}

  /** Resolves when this attempt may go: at once until the service has throttled. */
  async slot(): Promise<void> {
    if (!this.throttled) return
    const now = this.clock()
    const at = Math.max(now, this.nextSlot)
    // A little over the quota's interval, so clock skew with the service does not tip it over.
    this.nextSlot = at + 1050 / this.perSecond
    if (at > now) await this.sleep(at - now)
  }

  onThrottled(): void {
    this.throttled = true
  }

  get pacing(): boolean {
    return this.throttled
  }
}

/** True for the error codes AWS uses for throttling. */
export function isThrottling(error: unknown): boolean {
  const name =
    (error as { name?: string; Code?: string } | undefined)?.Code ?? (error as Error)?.name
  return (
    name === 'Throttling' ||
    name === 'ThrottlingException' ||
    name === 'TooManyRequestsException' ||
    name === 'RequestLimitExceeded'
  )
}

/**
 * A middleware in the deserialize step: it runs for every attempt, inside the SDK's retry loop, so
 * retries wait for their slot too.
 */
export function pacerPlugin<Input extends object, Output extends object>(
  pacer: ThrottlePacer
): Pluggable<Input, Output> {
  return {
    applyToStack: stack => {
      stack.add(
        next => async args => {
          await pacer.slot()
          try {
            return await next(args)
          } catch (error) {
            if (isThrottling(error)) pacer.onThrottled()
            throw error
          }
        },
        { step: 'deserialize', name: 'throttlePacer', priority: 'low' }
      )
    }
  }
}
