// The same report to every channel: a channel that refuses is named at the end while the others
// get the report; what no channel could get past ends the run at once.
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { ActionError, PostError, SetupError } from '../../src/domain/errors.js'

jest.unstable_mockModule('@actions/core', () => core)
const { toEveryChannel } = await import('../../src/delivery/channels.js')

beforeEach(() => jest.clearAllMocks())

const post = (channel: string, n = 1) =>
  Array.from({ length: n }, (_, i) => ({ channel, ts: `17000000${i}.000100` }))

/** Slack's refusal as @slack/web-api throws it, wrapped the way posting wraps it. */
function refusal(code: string, channel: string): ActionError {
  const slack = Object.assign(new Error(`An API error occurred: ${code}`), {
    data: { error: code }
  })
  return new ActionError(`Slack refused message 1 of 1 to '${channel}': ${code}`, { cause: slack })
}

test('every channel in order; every message; no failure', async () => {
  const asked: string[] = []
  const result = await toEveryChannel(['C1', 'C2'], async channel => {
    asked.push(channel)
    return { posts: post(channel, 2), value: channel.toLowerCase() }
  })
  expect(asked).toEqual(['C1', 'C2'])
  expect(result).toEqual({ posts: [...post('C1', 2), ...post('C2', 2)], values: ['c1', 'c2'] })
  expect(core.info.mock.calls.map(([line]) => line)).toEqual([
    'Posted 2 message(s) to C1 (ts 170000000.000100)',
    'Posted 2 message(s) to C2 (ts 170000000.000100)'
  ])
})

test('a channel that refuses: the next ones still get the report; it is named at the end', async () => {
  const result = await toEveryChannel(['C1', 'C2', 'C3'], async channel => {
    if (channel === 'C2') throw refusal('not_in_channel', channel)
    return { posts: post(channel) }
  })
  expect(result.posts).toEqual([...post('C1'), ...post('C3')])
  expect(result.failure).toBe(
    "The report did not fully reach 1 of 3 channels (2 got all of it):\n- 'C2': Slack refused message 1 of 1 to 'C2': not_in_channel"
  )
  expect(core.warning).toHaveBeenCalledWith(
    "Not all of the report reached 'C2': Slack refused message 1 of 1 to 'C2': not_in_channel"
  )
})

test('messages posted before a refusal count as posted; a channel may say what it misses', async () => {
  const result = await toEveryChannel(['C1', 'C2'], async channel => {
    if (channel === 'C1') throw new PostError('message 2 refused', post('C1'))
    return { posts: post(channel), failure: '1 graph not shared there' }
  })
  expect(result.posts).toEqual([...post('C1'), ...post('C2')])
  expect(result.failure).toContain("- 'C1': message 2 refused\n- 'C2': 1 graph not shared there")
  expect(result.failure).toMatch(/^The report did not fully reach 2 of 2 channels \(0 got all/)
})

test('one channel: its own words, as before there were several', async () => {
  const partial = await toEveryChannel(['C1'], async () => {
    throw new PostError('message 2 refused (1 of 2 messages were posted before it)', post('C1'))
  })
  expect(partial).toEqual({
    posts: post('C1'),
    values: [],
    failure: 'message 2 refused (1 of 2 messages were posted before it)'
  })
  const error = refusal('not_in_channel', 'C1')
  await expect(toEveryChannel(['C1'], () => Promise.reject(error))).rejects.toBe(error)
  expect(core.warning).not.toHaveBeenCalled()
})

test('nothing posted anywhere: one error naming each channel', async () => {
  const failing = toEveryChannel(['C1', 'C2'], async channel => {
    throw refusal(channel === 'C1' ? 'not_in_channel' : 'is_archived', channel)
  })
  await expect(failing).rejects.toThrow(
    "Nothing was posted: each of the 2 channels refused the report:\n- 'C1': Slack refused message 1 of 1 to 'C1': not_in_channel\n- 'C2': Slack refused message 1 of 1 to 'C2': is_archived"
  )
})

test.each([
  ['a token Slack refuses', refusal('invalid_auth', 'C1')],
  ['a missing scope', refusal('missing_scope', 'C1')],
  ['a setup error', new SetupError('no credentials')]
])('%s stops at the first channel: every other would meet it', async (_case, error) => {
  const asked: string[] = []
  const failing = toEveryChannel(['C1', 'C2', 'C3'], async channel => {
    asked.push(channel)
    throw error
  })
  await expect(failing).rejects.toBe(error)
  expect(asked).toEqual(['C1'])
})

test('messages posted before a cause every channel would meet: kept, and the rest not tried', async () => {
  const unreadable = refusal('missing_scope', 'C1') // the history could not be read
  const asked: string[] = []
  const result = await toEveryChannel(['C1', 'C2'], async channel => {
    asked.push(channel)
    throw new PostError('Slack may or may not have posted message 2 of 2', post('C1'), {
      cause: unreadable
    })
  })
  expect(asked).toEqual(['C1'])
  expect(result.posts).toEqual(post('C1'))
  expect(result.failure).toContain("- 'C1': Slack may or may not have posted message 2 of 2")
  expect(result.failure).toContain(
    "- 'C2': not posted: the run stopped at 'C1', whose cause every channel would meet"
  )
})
