/**
 * At most `limit` tasks in flight; tasks that wait start in the order they asked. A finishing task
 * hands its slot straight to the next one, so a newcomer cannot jump the queue.
 */
export class Limiter {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < Math.max(1, this.limit)) this.active += 1
    else await new Promise<void>(resolve => this.waiting.push(resolve))
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active -= 1
    }
  }
}

/** Runs `work` on every item with at most `limit` in flight; results keep the items' order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>
): Promise<R[]> {
  const limiter = new Limiter(limit)
  return Promise.all(items.map((item, index) => limiter.run(async () => work(item, index))))
}

/** Waits `ms` milliseconds; every retry and pace takes it as an injectable default. */
export const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))
