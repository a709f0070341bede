import {
  NO_CREDENTIALS,
  awsErrorCode,
  awsErrorText,
  throwIfSetupProblem
} from '../../src/aws/errors.js'
import { SetupError } from '../../src/domain/errors.js'

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

describe('throwIfSetupProblem: what no graph can get past, said with its fix', () => {
  const dns = (code: string) =>
    Object.assign(new Error(`getaddrinfo ${code} monitoring.eu-wset-1.amazonaws.com`), {
      code,
      hostname: 'monitoring.eu-wset-1.amazonaws.com'
    })

  test('no credentials at all: the step needs them, and configure-aws-credentials goes first', () => {
    const none = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError'
    })
    expect(() => throwIfSetupProblem(none, 'aws-region')).toThrow(NO_CREDENTIALS)
    expect(NO_CREDENTIALS).toMatch(
      /Run aws-actions\/configure-aws-credentials in a step before it, with 'permissions: id-token: write'/
    )
  })

  test('a region that does not exist: the host, and the input that names it', () => {
    expect(() => throwIfSetupProblem(dns('ENOTFOUND'), 'aws-region')).toThrow(
      'monitoring.eu-wset-1.amazonaws.com does not resolve (ENOTFOUND: no such host): check aws-region; it must be a region that exists, such as eu-west-1 (or check the AWS_ENDPOINT_URL_* the environment sets).'
    )
    expect(() => throwIfSetupProblem(dns('EAI_AGAIN'), 's3-region')).toThrow(
      /\(EAI_AGAIN: the runner's DNS did not answer\): check s3-region \(it defaults to aws-region\)/
    )
  })

  test('a SetupError; anything else passes', () => {
    let thrown: unknown
    try {
      throwIfSetupProblem(Object.assign(new Error('x'), { code: 'ENOTFOUND' }), 'aws-region')
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SetupError)
    expect((thrown as Error).message).toMatch(/^the AWS endpoint does not resolve/)
    expect(() => throwIfSetupProblem(new Error('AccessDenied'), 'aws-region')).not.toThrow()
    expect(() => throwIfSetupProblem(undefined, 'aws-region')).not.toThrow()
  })
})

test('awsErrorText: a certificate Node does not trust says what to do (NODE_EXTRA_CA_CERTS)', () => {
  const untrusted = Object.assign(new Error('unable to get local issuer certificate'), {
    code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'
  })
  expect(awsErrorText(untrusted)).toBe(
    'unable to get local issuer certificate (UNABLE_TO_GET_ISSUER_CERT_LOCALLY). The server’s certificate is not signed by a CA Node trusts: behind a proxy that re-signs TLS with a corporate CA, set NODE_EXTRA_CA_CERTS to that CA’s PEM file (in the job’s env)'
  )
})
