// The run's phases as collapsible log groups: one open at a time, closed before the result.
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { Phases } = await import('../../src/github/log.js')

/** The log's group commands, in order. */
function groups(): string[] {
  const calls = [
    ...core.startGroup.mock.calls.map((call, i) => ({
      order: core.startGroup.mock.invocationCallOrder[i] ?? 0,
      line: `start ${call[0]}`
    })),
    ...core.endGroup.mock.invocationCallOrder.map(order => ({ order, line: 'end' }))
  ]
  return calls.sort((a, b) => a.order - b.order).map(call => call.line)
}

beforeEach(() => core.resetCore())

test('each phase is a group named with a capital; entering the next closes the previous', () => {
  const phases = new Phases()
  phases.enter('reading inputs')
  phases.enter('rendering graphs')
  phases.end()
  expect(groups()).toEqual(['start Reading inputs', 'end', 'start Rendering graphs', 'end'])
})

test('end closes only an open group, once', () => {
  const phases = new Phases()
  phases.end()
  expect(groups()).toEqual([])
  phases.enter('reporting')
  phases.end()
  phases.end()
  expect(groups()).toEqual(['start Reporting', 'end'])
})

test("the phase's name, for the deadline's error: 'starting' before the first and after the end", () => {
  const phases = new Phases()
  expect(phases.name).toBe('starting')
  phases.enter('uploading to Slack')
  expect(phases.name).toBe('uploading to Slack')
  phases.end()
  expect(phases.name).toBe('starting')
})
