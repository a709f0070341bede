import { GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch'
import { createCloudWatchClient } from '../../src/aws/clients.js'
import { planBudget } from '../../src/domain/deadline.js'
import { ThrottlePacer, isThrottling } from '../../src/aws/pacer.js'
import { startStandIns } from '../../test-support/stand-ins.js'

/** The budget of a run with the default timeout (10 minutes). */
const BUDGET = planBudget(600)

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

test('after a burst fills the quota, the next attempt waits until the burst is a window old', async () => {
  const time = fakeTime()
  const pacer = new ThrottlePacer(20, time.clock, time.sleep)
  // 20 calls admitted, 10 ms apart, then a refusal.
  for (let i = 0; i < 20; i++) {
    pacer.onAdmitted(await pacer.slot())
    await time.sleep(10)
  }
  time.waits.length = 0
  pacer.onThrottled()
  const first = await pacer.slot()
  const second = await pacer.slot()
  expect(first).toBeCloseTo(1050) // the burst's first call, 0 ms, plus the window (1050 ms)
  expect(second - first).toBeCloseTo(52.5)
})

test('an attempt already waiting waits again when a throttle moves the window', async () => {
  let now = 0
  const wakes: (() => void)[] = []
  const pacer = new ThrottlePacer(
    20,
    () => now,
    ms =>
      new Promise<void>(resolve =>
        wakes.push(() => {
          now += ms
          resolve()
        })
      )
  )
  for (let i = 0; i < 20; i++) pacer.onAdmitted(i)
  pacer.onThrottled() // the window has room at 0 + 1050
  now = 1100
  expect(await pacer.slot()).toBe(1100)
  const waiting = pacer.slot() // booked for 1152.5
  for (let i = 0; i < 20; i++) pacer.onAdmitted(1100 + i)
  pacer.onThrottled() // now not before 1100 + 1050
  while (wakes.length > 0) {
    wakes.shift()?.()
    await new Promise(resolve => setImmediate(resolve))
  }
  expect(await waiting).toBeGreaterThanOrEqual(2150)
})

test('a refusal after calls this process did not make (another job) only spaces the attempts', async () => {
  const time = fakeTime()
  const pacer = new ThrottlePacer(20, time.clock, time.sleep)
  for (let i = 0; i < 3; i++) pacer.onAdmitted(await pacer.slot())
  pacer.onThrottled()
  expect(await pacer.slot()).toBe(0)
  expect(await pacer.slot()).toBeCloseTo(52.5)
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

test('wired into the CloudWatch client: after a burst is throttled, calls go at the quota’s pace', async () => {
  const standIns = await startStandIns({ throttle: true, latencyMs: 20 })
  const saved = { ...process.env }
  Object.assign(process.env, standIns.actionEnv())
  try {
    const client = createCloudWatchClient('us-east-1', BUDGET)
    const widget = JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']] })
    await Promise.all(
      Array.from({ length: 30 }, () =>
        client.send(new GetMetricWidgetImageCommand({ MetricWidget: widget }))
      )
    )
    const admitted = standIns.aws.cloudwatchRequests.map(request => request.at)
    expect(admitted).toHaveLength(30)
    // The first 20 fill the quota at once; the pacer spaces the other 10 (and their retries).
    const gaps = admitted.slice(20).map((at, i) => at - (admitted[19 + i] as number))
    expect(Math.min(...gaps.slice(1))).toBeGreaterThan(40)
    expect(standIns.aws.errors.filter(error => error.code === 'Throttling').length).toBeLessThan(20)
  } finally {
    process.env = saved
    await standIns.close()
  }
}, 20000)
