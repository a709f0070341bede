// Fault and latency injection shared by every stand-in. A stand-in asks the plan, once per request,
// whether to misbehave; how a fault looks on the wire (S3 XML, AWS JSON, Slack JSON) is the
// stand-in's business.

export type Fault =
  /** Answer with this HTTP status and the service's own error shape. */
  | { kind: 'status'; status: number; code?: string; message?: string; retryAfterSeconds?: number }
  /** Destroy the connection without answering (the client sees ECONNRESET / socket hang up). */
  | { kind: 'reset' }
  /** The service's own throttling answer (CloudWatch: HTTP 400 Throttling; Slack: 429 ratelimited). */
  | { kind: 'throttle'; retryAfterSeconds?: number }
  /** Accept the request, read it, and never answer: the connection stays open until the client
   * gives up on it (or the stand-in closes). */
  | { kind: 'hang' }
  /**
   * Do what was asked (Slack stores the message, shares the files), then lose the answer: reset
   * the connection, never answer, or answer this HTTP status as a proxy in between would. Only the
   * Slack stand-in acts first; the others lose the answer of a request they did not act on.
   */
  | { kind: 'lost'; answer: 'reset' | 'hang' | { status: number } }

interface FaultRule {
  fault: Fault
  remaining: number
  /** Matching requests still to let through before the fault applies. */
  skip: number
  /** Only requests for this operation (e.g. 'GetMetricWidgetImage', 'PutObject', 'chat.postMessage'). */
  operation?: string
  /** Only requests whose body (or path) contains this text, e.g. one graph's title. */
  matching?: string
}

export class FaultPlan {
  /** Added before every answer, in milliseconds. */
  latencyMs = 0
  private readonly rules: FaultRule[] = []

  /** Misbehave on the next `times` matching requests (default 1), after letting `after` pass. */
  inject(
    fault: Fault,
    options: { times?: number; operation?: string; after?: number; matching?: string } = {}
  ): void {
    this.rules.push({
      fault,
      remaining: options.times ?? 1,
      skip: options.after ?? 0,
      operation: options.operation,
      matching: options.matching
    })
  }

  /**
   * The fault for this request, if any; consumes one use of the first matching rule. `detail` is
   * what `matching` is looked for in (the request's body or path).
   */
  take(operation: string, detail = ''): Fault | undefined {
    const rule = this.rules.find(
      r =>
        r.remaining > 0 &&
        (r.operation === undefined || r.operation === operation) &&
        (r.matching === undefined || detail.includes(r.matching))
    )
    if (!rule) return undefined
    if (rule.skip > 0) {
      rule.skip -= 1
      return undefined
    }
    rule.remaining -= 1
    return rule.fault
  }

  clear(): void {
    this.rules.length = 0
    this.latencyMs = 0
  }

  async delay(): Promise<void> {
    // Unref'd: a long injected latency must not keep the test process alive after the test.
    if (this.latencyMs > 0) {
      await new Promise(resolve => setTimeout(resolve, this.latencyMs).unref())
    }
  }
}

export interface TimelineEvent {
  /** Milliseconds since the epoch, fractional (performance.timeOrigin + performance.now()). */
  at: number
  service: string
  operation: string
  /** When the answer was sent, same clock; undefined while in flight. */
  doneAt?: number
}

/** When each request arrived at a stand-in: the benchmark prints it to show where time goes. */
export class Timeline {
  readonly events: TimelineEvent[] = []

  start(service: string, operation: string): TimelineEvent {
    const event: TimelineEvent = { at: now(), service, operation }
    this.events.push(event)
    return event
  }

  finish(event: TimelineEvent): void {
    event.doneAt = now()
  }
}

export function now(): number {
  return performance.timeOrigin + performance.now()
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
