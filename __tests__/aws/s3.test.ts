// S3 as the action uses it: the PNG up with the workflow's credentials, a GET URL signed locally,
// and the workflow's credentials read (and masked) for signing.
import { jest } from '@jest/globals'
import { PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'

jest.unstable_mockModule('@actions/core', () => core)
const { presignGetUrl, uploadPng, workflowCredentials } = await import('../../src/aws/s3.js')
const { createS3Client } = await import('../../src/aws/clients.js')
const { planBudget } = await import('../../src/domain/deadline.js')

/** The budget of a run with the default timeout (10 minutes). */
const BUDGET = planBudget(600)

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const longTerm = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
}

function s3Error(name: string, message: string): S3ServiceException {
  return new S3ServiceException({ name, $fault: 'client', $metadata: {}, message })
}

/** The error a call rejects with (the test fails if it resolves). */
async function failure<E = Error>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    return error as E
  }
  throw new Error('expected a failure')
}

beforeEach(() => core.resetCore())

describe('uploadPng', () => {
  const client = new S3Client({ region: 'eu-west-2' })
  const s3 = mockClient(client)
  beforeEach(() => s3.reset())

  test('puts the bytes under the key, as image/png, from a buffer', async () => {
    s3.on(PutObjectCommand).resolves({})
    await uploadPng(client, 'graphs-bucket', 'graphs/01-cpu.png', png)
    expect(s3.commandCalls(PutObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'graphs-bucket',
      Key: 'graphs/01-cpu.png',
      Body: png,
      ContentType: 'image/png'
    })
  })

  test.each([
    ['NoSuchBucket', 'The specified bucket does not exist', 'Check s3-bucket (and s3-region).'],
    [
      'PermanentRedirect',
      'The bucket you are attempting to access must be addressed using the specified endpoint.',
      "The bucket is in another region: set s3-region to the bucket's region."
    ],
    [
      'AuthorizationHeaderMalformed',
      "The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-2'",
      "The bucket is in another region: set s3-region to the bucket's region."
    ],
    [
      'IllegalLocationConstraintException',
      'The eu-west-2 location constraint is incompatible for the region specific endpoint.',
      "The bucket is in another region: set s3-region to the bucket's region."
    ],
    [
      'ExpiredToken',
      'The provided token has expired.',
      "The workflow's session has expired: configure-aws-credentials' role-duration-seconds may be too short."
    ],
    [
      'AccessDenied',
      'Access Denied',
      "The workflow's credentials need s3:PutObject on the key prefix."
    ]
  ])('%s: the bucket, the key, what S3 said and what to change', async (code, said, hint) => {
    const refusal = s3Error(code, said)
    s3.on(PutObjectCommand).rejects(refusal)
    const error = await failure(uploadPng(client, 'graphs-bucket', 'graphs/01-cpu.png', png))
    expect(error.name).toBe('ActionError')
    expect(error.message).toBe(
      `Upload to s3://graphs-bucket/graphs/01-cpu.png failed: ${code}: ${said}. ${hint}`
    )
    expect(error.cause).toBe(refusal)
  })

  test('a broken connection has no code: its words, and the permission hint', async () => {
    s3.on(PutObjectCommand).rejects(new Error('socket hang up'))
    await expect(uploadPng(client, 'b-1', 'k.png', png)).rejects.toThrow(
      "Upload to s3://b-1/k.png failed: socket hang up. The workflow's credentials need s3:PutObject on the key prefix."
    )
  })

  test("stopped by the run's work signal: its reason, and no hint that would blame a permission", async () => {
    const work = new AbortController()
    s3.on(PutObjectCommand).callsFake(async () => {
      work.abort(new Error('not done in time'))
      throw Object.assign(new Error('Request aborted'), { name: 'AbortError' })
    })
    await expect(uploadPng(client, 'b-1', 'k.png', png, work.signal)).rejects.toThrow(
      /^Upload to s3:\/\/b-1\/k\.png: not done in time$/
    )
  })
})

describe('presignGetUrl', () => {
  const signingDate = new Date('2026-11-29T08:00:00Z')
  const location = { bucket: 'graphs-bucket', region: 'eu-west-2', forcePathStyle: false }

  test('a SigV4 GET URL for the key, signed at the given time, for the given lifetime', async () => {
    const client = createS3Client(location, BUDGET, longTerm)
    const url = new URL(
      await presignGetUrl(client, 'graphs-bucket', 'graphs/01-cpu.png', 604800, signingDate)
    )
    expect(url.origin).toBe('https://graphs-bucket.s3.eu-west-2.amazonaws.com')
    expect(url.pathname).toBe('/graphs/01-cpu.png')
    const query = url.searchParams
    expect(query.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256')
    expect(query.get('X-Amz-Credential')).toBe(
      'AKIAIOSFODNN7EXAMPLE/20261129/eu-west-2/s3/aws4_request'
    )
    expect(query.get('X-Amz-Date')).toBe('20261129T080000Z')
    expect(query.get('X-Amz-Expires')).toBe('604800')
    expect(query.get('X-Amz-SignedHeaders')).toBe('host')
    expect(query.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    expect(query.has('X-Amz-Security-Token')).toBe(false)
    // The secret never travels; only its signature does.
    expect(url.href).not.toContain(longTerm.secretAccessKey)
    expect(url.href).not.toContain(encodeURIComponent(longTerm.secretAccessKey))
  })

  test('the same inputs sign the same URL: signing is local and deterministic', async () => {
    const client = createS3Client(location, BUDGET, longTerm)
    const sign = () => presignGetUrl(client, 'graphs-bucket', 'k.png', 3600, signingDate)
    expect(await sign()).toBe(await sign())
  })

  test('session credentials put their token in the URL', async () => {
    const client = createS3Client(location, BUDGET, {
      ...longTerm,
      sessionToken: 'the-session-token'
    })
    const url = new URL(await presignGetUrl(client, 'graphs-bucket', 'k.png', 3600, signingDate))
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe('the-session-token')
  })
})

describe('workflowCredentials', () => {
  test("the chain's credentials, the secret and the session token masked, the key id not", async () => {
    const client = new S3Client({
      region: 'eu-west-2',
      credentials: { ...longTerm, accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'tok' }
    })
    const identity = await workflowCredentials(client)
    expect(identity).toMatchObject({ accessKeyId: 'ASIAIOSFODNN7EXAMPLE', sessionToken: 'tok' })
    const masked = core.setSecret.mock.calls.map(([secret]) => secret)
    expect(masked.sort()).toEqual(['tok', longTerm.secretAccessKey].sort())
  })

  test('long-term keys: only the secret is masked', async () => {
    const client = new S3Client({ region: 'eu-west-2', credentials: longTerm })
    await workflowCredentials(client)
    expect(core.setSecret.mock.calls).toEqual([[longTerm.secretAccessKey]])
  })

  test('no credentials at all: what the chain said, and how to give the workflow some', async () => {
    const client = new S3Client({
      region: 'eu-west-2',
      credentials: async () => {
        throw new Error('Could not load credentials from any providers')
      }
    })
    const error = await failure(workflowCredentials(client))
    expect(error.name).toBe('SetupError')
    expect(error.message).toBe(
      "No AWS credentials: this step needs the workflow's AWS credentials (to render the graphs, and to store them and read the signer's SSM parameters). Run aws-actions/configure-aws-credentials in a step before it, with 'permissions: id-token: write' on the job for its OIDC role (or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)."
    )
    expect(core.setSecret).not.toHaveBeenCalled()
  })
})
