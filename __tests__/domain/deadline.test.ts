// How a run spends its `timeout`: the per-attempt limit every outside call gets, the time kept to
// post, and the signal that stops the work before posting.
import { jest } from '@jest/globals'
import { Deadline, OutOfTime, planBudget } from '../../src/domain/deadline.js'

describe('planBudget', () => {
  test.each([
    // timeout, attempt, reserve
    [10, 2000, 3000],
    [15, 2000, 3000],
    [60, 7500, 12000],
    [600, 30000, 120000],
    [6 * 3600, 30000, 120000]
  ])('timeout %ss: attempts of %d ms, %d ms kept to post', (timeout, attemptMs, reserveMs) => {
    expect(planBudget(timeout)).toEqual({ attemptMs, reserveMs })
  })

  test('retries fit: the work window always holds several attempts', () => {
    for (const timeout of [10, 11, 15, 30, 60, 120, 600, 3600]) {
      const { attemptMs, reserveMs } = planBudget(timeout)
      expect(timeout * 1000 - reserveMs).toBeGreaterThanOrEqual(3 * attemptMs)
    }
  })
})

describe('Deadline', () => {
  afterEach(() => jest.useRealTimers())

  test('what is left, of the run and of the work before posting, by its clock', () => {
    let now = 1_000_000
    const deadline = new Deadline(15, () => now)
    expect(deadline.endsAt).toBe(1_015_000)
    expect(deadline.remainingMs()).toBe(15000)
    expect(deadline.workRemainingMs()).toBe(12000)
    now += 13000
    expect(deadline.remainingMs()).toBe(2000)
    expect(deadline.workRemainingMs()).toBe(0)
    now += 5000
    expect(deadline.remainingMs()).toBe(0)
    deadline.stop()
  })

  test('the work signal aborts when the time to post begins, with a reason that says so', async () => {
    jest.useFakeTimers({ now: 0 })
    const deadline = new Deadline(15)
    await jest.advanceTimersByTimeAsync(11999)
    expect(deadline.work.aborted).toBe(false)
    await jest.advanceTimersByTimeAsync(1)
    expect(deadline.work.aborted).toBe(true)
    expect(deadline.work.reason).toBeInstanceOf(OutOfTime)
    expect((deadline.work.reason as Error).message).toBe(
      "not done in time: stopped 3s before the end of input 'timeout' (15s) to post the graphs that did arrive"
    )
  })

  test('stop() clears the timer: the signal never fires', async () => {
    jest.useFakeTimers({ now: 0 })
    const deadline = new Deadline(10)
    deadline.stop()
    await jest.advanceTimersByTimeAsync(20000)
    expect(deadline.work.aborted).toBe(false)
  })
})
