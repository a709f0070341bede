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

test('awsErrorText: a certificate Node does not trust says what to do (NODE_EXTRA_CA_CERTS)', () => {
  const untrusted = Object.assign(new Error('unable to get local issuer certificate'), {
    code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
  })
  expect(awsErrorText(untrusted)).toBe(
    'unable to get local issuer certificate (UNABLE_TO_GET_ISSUER_CERT_LOCALLY). The server’s certificate is not signed by a CA Node trusts: behind a proxy that re-signs TLS with a corporate CA, set NODE_EXTRA_CA_CERTS to that CA’s PEM file (in the job’s env)'
  )
})
