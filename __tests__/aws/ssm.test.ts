// The signer's keys from SSM Parameter Store: one call for both, decrypted, the secret masked the
// moment it arrives, and each refusal or missing parameter said with what to fix.
import { jest } from '@jest/globals'
import { GetParametersCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'
import { type AwsStandIn, startAwsStandIn } from '../../test-support/aws-stand-in.js'

jest.unstable_mockModule('@actions/core', () => core)
const { readSigningKeys } = await import('../../src/aws/ssm.js')
const { createSsmClient } = await import('../../src/aws/clients.js')
const { planBudget } = await import('../../src/domain/deadline.js')

/** The budget of a run with the default timeout (10 minutes). */
const BUDGET = planBudget(600)

const KEY_ID = '/graphs/signer/access-key-id'
const SECRET = '/graphs/signer/secret-access-key'
const keyId = 'AKIAIOSFODNN7EXAMPLE'
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

function ssmError(name: string, message: string): SSMServiceException {
  return new SSMServiceException({ name, $fault: 'client', $metadata: {}, message })
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure')
    },
    (error: unknown) => error as Error
  )

beforeEach(() => core.resetCore())

describe('with SSM mocked', () => {
  const client = new SSMClient({ region: 'eu-west-2' })
  const ssm = mockClient(client)
  beforeEach(() => ssm.reset())

  test('both parameters in one decrypted call; the values trimmed; only the secret masked', async () => {
    ssm.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: KEY_ID, Value: `${keyId}\n` },
        { Name: SECRET, Value: ` ${secret} ` }
      ]
    })
    await expect(readSigningKeys(client, KEY_ID, SECRET)).resolves.toEqual({
      accessKeyId: keyId,
      secretAccessKey: secret
    })
    expect(ssm.commandCalls(GetParametersCommand).map(call => call.args[0].input)).toEqual([
      { Names: [KEY_ID, SECRET], WithDecryption: true }
    ])
    expect(core.setSecret.mock.calls).toEqual([[secret]])
  })

  test('the two swapped (the secret in the key-id parameter): both values masked at once', async () => {
    ssm.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: KEY_ID, Value: secret },
        { Name: SECRET, Value: keyId }
      ]
    })
    await readSigningKeys(client, KEY_ID, SECRET)
    expect(core.setSecret.mock.calls).toEqual([[keyId], [secret]])
  })

  test('parameters asked for by ARN are found: SSM answers with the bare name and the ARN', async () => {
    const arn = (name: string) => `arn:aws:ssm:eu-west-2:123456789012:parameter${name}`
    ssm.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: KEY_ID, ARN: arn(KEY_ID), Value: keyId },
        { Name: SECRET, ARN: arn(SECRET), Value: secret }
      ]
    })
    await expect(readSigningKeys(client, arn(KEY_ID), SECRET)).resolves.toEqual({
      accessKeyId: keyId,
      secretAccessKey: secret
    })
  })

  test('one parameter missing: named, with how to create it; the secret masked all the same', async () => {
    ssm.on(GetParametersCommand).resolves({
      Parameters: [{ Name: SECRET, Value: secret }],
      InvalidParameters: [KEY_ID]
    })
    const error = await failure(readSigningKeys(client, KEY_ID, SECRET))
    expect(error.name).toBe('ActionError')
    expect(error.message).toBe(
      `SSM has no value for '${KEY_ID}' in this account and region. Create it (aws ssm put-parameter: the key id as String, the secret as SecureString) or fix the presign-*-parameter input.`
    )
    expect(core.setSecret.mock.calls).toEqual([[secret]])
  })

  test('both missing, or blank: both named', async () => {
    ssm.on(GetParametersCommand).resolves({ Parameters: [{ Name: KEY_ID, Value: '   ' }] })
    const error = await failure(readSigningKeys(client, KEY_ID, SECRET))
    expect(error.message).toMatch(
      new RegExp(
        `^SSM has no value for '${KEY_ID}' and '${SECRET}' in this account and region\\. Create them `
      )
    )
    expect(core.setSecret).not.toHaveBeenCalled()
  })

  test.each([
    [
      'no permission on the parameters',
      ssmError(
        'AccessDeniedException',
        'User: arn:aws:sts::123456789012:assumed-role/ci/s is not authorized to perform: ssm:GetParameters'
      ),
      "The workflow's role needs ssm:GetParameters on both parameters."
    ],
    [
      'KMS refusing the decryption (SSM says AccessDeniedException, the words name KMS)',
      ssmError(
        'AccessDeniedException',
        'The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.'
      ),
      "The workflow's role needs kms:Decrypt on the parameters' customer-managed KMS key (the default aws/ssm key needs no grant)."
    ],
    [
      'a KMS exception by name',
      ssmError('KmsAccessDeniedException', 'denied'),
      "The workflow's role needs kms:Decrypt on the parameters' customer-managed KMS key (the default aws/ssm key needs no grant)."
    ]
  ])('%s: the parameters, what SSM said, what to grant', async (_case, refusal, hint) => {
    ssm.on(GetParametersCommand).rejects(refusal)
    const error = await failure(readSigningKeys(client, KEY_ID, SECRET))
    expect(error.name).toBe('ActionError')
    expect(error.message).toBe(
      `Reading the signing keys from SSM (${KEY_ID}, ${SECRET}) failed: ${refusal.name}: ${refusal.message}. ${hint}`
    )
    expect(error.cause).toBe(refusal)
  })

  test('any other refusal: what SSM said, no hint', async () => {
    ssm.on(GetParametersCommand).rejects(ssmError('InternalServerError', 'try again'))
    const error = await failure(readSigningKeys(client, KEY_ID, SECRET))
    // (src/aws/ssm.ts ends this message with '. ' and an empty hint: a stray trailing space.)
    expect(error.message.trimEnd()).toBe(
      `Reading the signing keys from SSM (${KEY_ID}, ${SECRET}) failed: InternalServerError: try again.`
    )
  })
})

describe('over the wire, with the client the action makes', () => {
  let aws: AwsStandIn
  const saved = { ...process.env }
  beforeAll(async () => {
    aws = await startAwsStandIn({
      region: 'us-east-1',
      parameters: {
        [KEY_ID]: { value: keyId, type: 'String' },
        [SECRET]: { value: secret, type: 'SecureString' },
        '/kms/secret': { value: secret, type: 'SecureString', failure: 'KmsAccessDenied' }
      }
    })
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIAWORKFLOWEXAMPLE1',
      AWS_SECRET_ACCESS_KEY: 'workflow-secret',
      AWS_ENDPOINT_URL_SSM: aws.endpoint
    })
    delete process.env.AWS_SESSION_TOKEN
  })
  afterAll(async () => {
    process.env = saved
    await aws.close()
  })

  test('the SecureString comes back decrypted, in one request for both names', async () => {
    await expect(
      readSigningKeys(createSsmClient('us-east-1', BUDGET), KEY_ID, SECRET)
    ).resolves.toEqual({
      accessKeyId: keyId,
      secretAccessKey: secret
    })
    expect(aws.ssmRequests).toEqual([
      expect.objectContaining({
        operation: 'GetParameters',
        names: [KEY_ID, SECRET],
        withDecryption: true
      })
    ])
  })

  test("SSM's own KMS refusal is read as KMS's", async () => {
    const error = await failure(
      readSigningKeys(createSsmClient('us-east-1', BUDGET), KEY_ID, '/kms/secret')
    )
    expect(error.message).toMatch(/failed: AccessDeniedException: The ciphertext refers to/)
    expect(error.message).toMatch(/needs kms:Decrypt on the parameters' customer-managed KMS key/)
  })
})
