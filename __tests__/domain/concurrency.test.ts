// At most `limit` tasks in flight, the rest started in the order they asked: observed with tasks
// that finish only when the test says so, never with real waiting.
import { Limiter, mapWithConcurrency } from '../../src/domain/concurrency.js'
import { flush as settle } from '../../test-support/deferred.js'

/** A task the test finishes by hand. */
function controlled<T>(value: T) {
  let finish: () => void = () => {}
  const done = new Promise<void>(resolve => (finish = resolve))
  return { value, finish, done }
}

test('never more than the limit in flight, results in input order', async () => {
  const tasks = [0, 1, 2, 3, 4, 5].map(controlled)
  const running: number[] = []
  let peak = 0
  const mapping = mapWithConcurrency(tasks, 3, async (task, index) => {
    running.push(index)
    peak = Math.max(peak, running.length)
    await task.done
    running.splice(running.indexOf(index), 1)
    return index * 10
  })
  await settle()
  expect(running).toEqual([0, 1, 2])
  // Finishing out of order: the freed slot goes to the next item.
  tasks[1]!.finish()
  await settle()
  expect(running).toEqual([0, 2, 3])
  for (const task of tasks) task.finish()
  expect(await mapping).toEqual([0, 10, 20, 30, 40, 50])
  expect(peak).toBe(3)
})

test('an empty list gives an empty result', async () => {
  expect(await mapWithConcurrency([], 5, async () => 1)).toEqual([])
})

test('a failure rejects the whole map', async () => {
  await expect(
    mapWithConcurrency([1, 2, 3], 2, async n => {
      if (n === 2) throw new Error('graph 2 failed')
      return n
    })
  ).rejects.toThrow('graph 2 failed')
})

describe('Limiter', () => {
  test('never more than the limit in flight; waiting tasks start in the order they asked', async () => {
    const limiter = new Limiter(2)
    const tasks = [1, 2, 3, 4, 5].map(controlled)
    const started: number[] = []
    const runs = tasks.map(task =>
      limiter.run(async () => {
        started.push(task.value)
        await task.done
        return task.value
      })
    )
    await settle()
    expect(started).toEqual([1, 2])
    // Task 2 finishes first: 3 takes its slot, while 1 still runs.
    tasks[1]!.finish()
    await settle()
    expect(started).toEqual([1, 2, 3])
    tasks[0]!.finish()
    await settle()
    expect(started).toEqual([1, 2, 3, 4])
    for (const task of tasks) task.finish()
    expect(await Promise.all(runs)).toEqual([1, 2, 3, 4, 5])
    expect(started).toEqual([1, 2, 3, 4, 5])
  })

  test('a newcomer cannot jump the queue: a freed slot goes to the oldest waiter', async () => {
    const limiter = new Limiter(1)
    const first = controlled('first')
    const order: string[] = []
    const a = limiter.run(async () => (order.push('a'), first.done))
    const b = limiter.run(async () => void order.push('b'))
    first.finish()
    const c = limiter.run(async () => void order.push('c'))
    await Promise.all([a, b, c])
    expect(order).toEqual(['a', 'b', 'c'])
  })

  test('a failing task frees its slot', async () => {
    const limiter = new Limiter(1)
    await expect(limiter.run(async () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await limiter.run(async () => 'next')).toBe('next')
  })
})
