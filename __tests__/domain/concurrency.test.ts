import { Limiter, mapWithConcurrency } from '../../src/domain/concurrency.js'

test('never more than the limit in flight, results in input order', async () => {
  let inFlight = 0
  let peak = 0
  const results = await mapWithConcurrency([30, 10, 20, 5, 15, 25], 3, async (ms, index) => {
    inFlight += 1
    peak = Math.max(peak, inFlight)
    await new Promise(resolve => setTimeout(resolve, ms))
    inFlight -= 1
    return index * 10
  })
  expect(peak).toBe(3)
  expect(results).toEqual([0, 10, 20, 30, 40, 50])
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
    const started: number[] = []
    let inFlight = 0
    let peak = 0
    const task = (n: number, ms: number) => async () => {
      started.push(n)
      inFlight += 1
      peak = Math.max(peak, inFlight)
      await new Promise(resolve => setTimeout(resolve, ms))
      inFlight -= 1
      return n
    }
    const results = await Promise.all([
      limiter.run(task(1, 30)),
      limiter.run(task(2, 5)),
      limiter.run(task(3, 5)),
      limiter.run(task(4, 5)),
      limiter.run(task(5, 5))
    ])
    expect(results).toEqual([1, 2, 3, 4, 5])
    expect(started).toEqual([1, 2, 3, 4, 5])
    expect(peak).toBe(2)
  })

  test('a failing task frees its slot', async () => {
    const limiter = new Limiter(1)
    await expect(limiter.run(async () => Promise.reject(new Error('no')))).rejects.toThrow('no')
    expect(await limiter.run(async () => 'next')).toBe('next')
  })
})
