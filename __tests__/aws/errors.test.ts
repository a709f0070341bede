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
