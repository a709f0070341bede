// The Slack client's one retry loop, against the Slack stand-in through the real WebClient: what
// is retried (a call that may repeat: anything transient; a post: only what never reached Slack),
// what is waited out (Retry-After, unless it outlasts the run), and what a lost answer becomes.
// Waits go to a recording sleep that returns at once; the run's time is a number the test sets.
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'
import { type SlackStandIn, startSlackStandIn } from '../../test-support/slack-stand-in.js'
import { createServer } from 'node:http'

jest.unstable_mockModule('@actions/core', () => core)
const { AnswerLost, createSlackClient } = await import('../../src/slack/client.js')
const { ActionError } = await import('../../src/domain/errors.js')

let slack: SlackStandIn
beforeAll(async () => {
  slack = await startSlackStandIn({ channels: { C0GRAPHS: { joined: true } } })
})
afterAll(async () => slack.close())
beforeEach(() => {
  core.resetCore()
  slack.faults.clear()
  slack.messages.length = 0
  slack.timeline.events.length = 0
})

/** A client whose run has `remainingMs` left and whose waits are recorded, not slept. */
function client(remainingMs = 600000, attemptMs = 2000, apiUrl = slack.apiUrl) {
  const waits: number[] = []
  const time = { attemptMs, remainingMs: () => remainingMs }
  const instance = createSlackClient(slack.token, apiUrl, time, async ms => void waits.push(ms))
  const post = (text = 'report') =>
    instance.post(() => instance.web.chat.postMessage({ channel: 'C0GRAPHS', text }))
  const call = (text = 'report') =>
    instance.call(() => instance.web.chat.postMessage({ channel: 'C0GRAPHS', text }))
  return { instance, waits, post, call }
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a failure')
}

const chat = { operation: 'chat.postMessage' }

describe('a call that may repeat', () => {
  test('a 5xx and a reset are retried with backoff; the call goes through once', async () => {
    slack.faults.inject({ kind: 'status', status: 503 }, chat)
    slack.faults.inject({ kind: 'reset' }, chat)
    const { call, waits } = client()
    await expect(call()).resolves.toMatchObject({ ok: true })
    expect(waits).toEqual([1000, 2000])
    expect(slack.messages).toHaveLength(1)
  })

  test('four attempts at most, then the last failure', async () => {
    slack.faults.inject({ kind: 'status', status: 502 }, { ...chat, times: 10 })
    const { call, waits } = client()
    const error = await failure(call())
    expect(error.message).toMatch(/statusCode = 502/)
    expect(waits).toEqual([1000, 2000, 4000])
  })

  test('no retry that would end after the run: the failure comes at once', async () => {
    slack.faults.inject({ kind: 'status', status: 503 }, chat)
    const { call, waits } = client(2500)
    await failure(call())
    expect(waits).toEqual([])
  })

  test('a refusal (ok: false) is final', async () => {
    slack.faults.inject({ kind: 'status', status: 200, code: 'is_archived' }, chat)
    const { call, waits } = client()
    const error = await failure(call())
    expect((error as { data?: { error?: string } }).data?.error).toBe('is_archived')
    expect(waits).toEqual([])
  })

  test("Slack's own 'try again' (service_unavailable) is retried", async () => {
    slack.faults.inject({ kind: 'status', status: 200, code: 'service_unavailable' }, chat)
    const { call, waits } = client()
    await expect(call()).resolves.toMatchObject({ ok: true })
    expect(waits).toEqual([1000])
  })
})

describe('a post', () => {
  test.each([
    ['a 5xx from a proxy', { kind: 'status', status: 503 }, /HTTP 503/],
    ['a reset connection', { kind: 'reset' }, /socket|closed|reset/i],
    ['no answer in time', { kind: 'hang' }, /no answer in time/],
    ["Slack's fatal_error", { kind: 'status', status: 200, code: 'fatal_error' }, /fatal_error/]
  ] as const)('%s: the answer is lost, and the post is not repeated', async (_c, fault, why) => {
    slack.faults.inject(fault, chat)
    const { post, waits } = client(600000, 300)
    const error = await failure(post())
    expect(error).toBeInstanceOf(AnswerLost)
    expect(error.message).toMatch(/^Slack's answer was lost \(/)
    expect(error.message).toMatch(why)
    expect(waits).toEqual([])
    expect(slack.timeline.events.filter(e => e.operation === 'chat.postMessage').length).toBe(1)
  })

  test('no connection at all: it never reached Slack, so it is retried', async () => {
    const closed = createServer()
    const base = await listenOnLoopback(closed)
    await closeServer(closed)
    const { post, waits } = client(600000, 2000, `${base}/api/`)
    const error = await failure(post())
    expect(error).not.toBeInstanceOf(AnswerLost)
    expect(error.message).toMatch(/^A request error occurred/)
    expect(waits).toEqual([1000, 2000, 4000])
  })
})

describe('rate limits (429 with Retry-After)', () => {
  test('waited out as Slack asks, and said in the log', async () => {
    slack.faults.inject({ kind: 'throttle', retryAfterSeconds: 3 }, chat)
    const { post, waits } = client()
    await expect(post()).resolves.toMatchObject({ ok: true })
    expect(waits).toEqual([3000])
    expect(core.info).toHaveBeenCalledWith('Slack rate-limited the app: waiting 3 s (Retry-After)')
    expect(slack.messages).toHaveLength(1)
  })

  test('longer than what is left of the timeout: fails at once, saying for how long', async () => {
    slack.faults.inject({ kind: 'throttle', retryAfterSeconds: 3600 }, chat)
    const { post, waits } = client(45000)
    const error = await failure(post())
    expect(error).toBeInstanceOf(ActionError)
    expect(error.message).toBe(
      "Slack rate-limited the app for 3600 seconds (Retry-After), longer than the 45s left of input 'timeout': not waiting. Slack counts every call of the app to a method: post less often (or from fewer workflows at once), or raise timeout."
    )
    expect(waits).toEqual([])
    expect(slack.messages).toEqual([])
  })

  test('after five waits, the sixth 429 is retried like any transient failure', async () => {
    slack.faults.inject({ kind: 'throttle', retryAfterSeconds: 1 }, { ...chat, times: 6 })
    const { post, waits } = client()
    await expect(post()).resolves.toMatchObject({ ok: true })
    expect(waits).toEqual([1000, 1000, 1000, 1000, 1000, 1000])
  })
})
