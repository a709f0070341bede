import {
  REPORT_EVENT_TYPE,
  describeRun,
  isSameMessage,
  reportMetadata
} from '../../src/domain/metadata.js'

const run = { runId: '987654321', runAttempt: '2', report: 'c0ffee' }

test("each message's metadata: the run, its attempt, the step's report id, the message's number", () => {
  expect(reportMetadata(run, 3)).toEqual({
    event_type: 'cloudwatch_graphs_report',
    event_payload: { run_id: '987654321', run_attempt: '2', report: 'c0ffee', message: 3 }
  })
  expect(REPORT_EVENT_TYPE).toMatch(/^[a-z0-9_]+$/) // Slack's rule for event types
})

describe('isSameMessage: metadata read back from the channel', () => {
  const expected = reportMetadata(run, 1)
  test.each<[string, unknown, boolean]>([
    ['the same', expected, true],
    [
      'the same, numbers as text',
      { ...expected, event_payload: { ...expected.event_payload, message: '1' } },
      true
    ],
    [
      'another message of the report',
      { ...expected, event_payload: { ...expected.event_payload, message: 2 } },
      false
    ],
    [
      'another attempt',
      { ...expected, event_payload: { ...expected.event_payload, run_attempt: '3' } },
      false
    ],
    ['another event type', { ...expected, event_type: 'deploy' }, false],
    ['no payload', { event_type: REPORT_EVENT_TYPE }, false],
    ['none', undefined, false],
    ['not an object', 'cloudwatch_graphs_report', false]
  ])('%s: %s', (_case, candidate, same) => {
    expect(isSameMessage(candidate, expected)).toBe(same)
  })
})

test('describeRun: the run and attempt, or this run when outside Actions', () => {
  expect(describeRun(run)).toBe('run 987654321, attempt 2')
  expect(describeRun({ runId: '', runAttempt: '', report: 'x' })).toBe('this run')
  expect(describeRun({ runId: '5', runAttempt: '', report: 'x' })).toBe('run 5, attempt 1')
})
