import { awsErrorCode, awsErrorText } from '../../src/aws/errors.js'

function sdkError(name: string, message: string, Code?: string): Error {
  const error = new Error(message)
  error.name = name
  return Code === undefined ? error : Object.assign(error, { Code })
}

test.each<[string, unknown, string]>([
  [
    'the wire code wins over the class name',
    sdkError('DashboardInvalidInputError', 'x', 'InvalidParameterInput'),
    'InvalidParameterInput'
  ],
  ['the class name when there is no code', sdkError('AccessDenied', 'x'), 'AccessDenied'],
  ['the class name when the code is empty', sdkError('NoSuchBucket', 'x', ''), 'NoSuchBucket'],
  ['nothing for what is not an error', 'Throttling', ''],
  ['nothing for undefined', undefined, '']
])('awsErrorCode: %s', (_case, error, code) => {
  expect(awsErrorCode(error)).toBe(code)
})

test('awsErrorText: the code, then the message; a plain Error is its message', () => {
  expect(awsErrorText(sdkError('ThrottlingException', 'Rate exceeded', 'Throttling'))).toBe(
    'Throttling: Rate exceeded'
  )
  expect(awsErrorText(new Error('socket hang up'))).toBe('socket hang up')
})

test('awsErrorText: every attempt timed out, said in words, with how many attempts', () => {
  const timeout = Object.assign(new Error('a request has exceeded the configured 2000 ms'), {
    name: 'TimeoutError',
    $metadata: { attempts: 5 }
  })
  expect(awsErrorText(timeout)).toBe(
    "TimeoutError: no answer in time (5 attempts, each stopped at the per-attempt limit that input 'timeout' sets)"
  )
  const once = Object.assign(new Error('x'), { name: 'TimeoutError' })
  expect(awsErrorText(once)).toMatch(/\(1 attempt, /)
})

test("awsErrorText: a call the run's work signal stopped says the signal's reason", () => {
  const work = new AbortController()
  work.abort(new Error('not done in time: stopped 3s before the end'))
  const aborted = Object.assign(new Error('Request aborted'), { name: 'AbortError' })
  expect(awsErrorText(aborted, work.signal)).toBe('not done in time: stopped 3s before the end')
  expect(awsErrorText(aborted, new AbortController().signal)).toBe('AbortError: Request aborted')
})
