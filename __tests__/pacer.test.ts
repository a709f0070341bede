import { ThrottlePacer, isThrottling } from '../src/aws/pacer.js'

function fakeTime() {
  let now = 0
  const waits: number[] = []
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      waits.push(ms)
      now += ms
    },
    waits
  }
}

test('no wait at all while the service has not throttled', async () => {
  const time = fakeTime()
  const pacer = new ThrottlePacer(20, time.clock, time.sleep)
  for (let i = 0; i < 100; i++) await pacer.slot()
  expect(time.waits).toEqual([])
  expect(pacer.pacing).toBe(false)
})

test('after a Throttling answer, attempts are spaced to the quota', async () => {
  const time = fakeTime()
  const pacer = new ThrottlePacer(20, time.clock, time.sleep)
  pacer.onThrottled()
  await Promise.all(Array.from({ length: 5 }, () => pacer.slot()))
  // The first goes at once; each next one 52.5 ms after the one before (a little over 1000/20).
  expect(time.waits.length).toBe(4)
  expect(time.waits[0]).toBeCloseTo(52.5)
})

test.each([
  [{ name: 'Throttling' }, true],
  [{ name: 'ThrottlingException' }, true],
  [{ name: 'DashboardInvalidInputError', Code: 'InvalidParameterInput' }, false],
  [{ name: 'InternalFailure' }, false],
  [undefined, false]
])('isThrottling(%j) is %s', (error, expected) => {
  expect(isThrottling(error)).toBe(expected)
})
