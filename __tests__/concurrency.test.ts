import { mapWithConcurrency } from '../src/concurrency.js'

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
