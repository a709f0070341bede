// Which credentials sign the URLs, and what the action says about how long the URLs live. The SSM
// parameters are read by the real SDK from the loopback AWS stand-in; the workflow's credentials
// come from the S3 client handed in; every URL is presigned with the real getSignedUrl.
import { jest } from '@jest/globals'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { AwsCredentialIdentity } from '@smithy/types'
import * as core from '../../__fixtures__/core.js'
import type { ResolvedSigner } from '../../src/delivery/signer.js'
import type { SigningPolicy } from '../../src/domain/signing.js'
import type { PresignedInputs } from '../../src/inputs.js'
import { type AwsStandIn, startAwsStandIn } from '../../test-support/aws-stand-in.js'
import { longTermIdentity, temporaryIdentity } from '../../test-support/s3-stand-in.js'
import { Deadline } from '../../src/domain/deadline.js'

jest.unstable_mockModule('@actions/core', () => core)
const { resolveSigner } = await import('../../src/delivery/signer.js')

/** The run's clock, as main makes it for the default timeout (10 minutes). */
const DEADLINE = new Deadline(600)

const REGION = 'us-east-1'
const BUCKET = 'graphs-bucket'
const KEY_ID_PARAMETER = '/graphs/signer/access-key-id'
const SECRET_PARAMETER = '/graphs/signer/secret-access-key'
const ASIA_KEY_ID_PARAMETER = '/graphs/session/access-key-id'
const SIGNED_AT = new Date('2026-03-02T09:00:00Z')
const SEVEN_DAYS = 604800
const at = (iso: string) => new Date(iso)

const signerUser = longTermIdentity()
const workflowSession = temporaryIdentity(3600)
let aws: AwsStandIn
let savedEnv: NodeJS.ProcessEnv

beforeAll(async () => {
  aws = await startAwsStandIn({
    region: REGION,
    identities: [workflowSession],
    parameters: {
      [KEY_ID_PARAMETER]: { value: signerUser.accessKeyId, type: 'String' },
      [SECRET_PARAMETER]: { value: signerUser.secretAccessKey, type: 'SecureString' },
      [ASIA_KEY_ID_PARAMETER]: { value: temporaryIdentity(60).accessKeyId, type: 'String' },
      '/graphs/denied/access-key-id': { value: signerUser.accessKeyId, failure: 'AccessDenied' }
    }
  })
  savedEnv = { ...process.env }
  // What configure-aws-credentials leaves for the action: the SSM client reads the parameters with it.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: workflowSession.accessKeyId,
    AWS_SECRET_ACCESS_KEY: workflowSession.secretAccessKey,
    AWS_SESSION_TOKEN: workflowSession.sessionToken,
    AWS_ENDPOINT_URL_SSM: aws.endpoint
  })
})
afterAll(async () => {
  process.env = savedEnv
  await aws.close()
})
beforeEach(() => {
  core.resetCore()
  aws.ssmRequests.length = 0
})

function inputs(
  signer: PresignedInputs['signer'],
  signing: Partial<SigningPolicy> = {}
): PresignedInputs {
  return {
    kind: 'presigned-url',
    s3: { bucket: BUCKET, region: REGION, keyPrefix: 'cloudwatch-graphs/', forcePathStyle: true },
    signer,
    signing: { expiresInSeconds: SEVEN_DAYS, temporaryCredentials: 'warn', ...signing },
    verifyUrls: true,
    summaryImages: false
  }
}

const ssmSigner = (accessKeyIdParameter = KEY_ID_PARAMETER): PresignedInputs['signer'] => ({
  kind: 'ssm',
  accessKeyIdParameter,
  secretAccessKeyParameter: SECRET_PARAMETER
})

/** The uploader: an S3 client on the workflow's credentials, as the SDK's chain would give them. */
function workflowClient(identity: () => Promise<AwsCredentialIdentity>): S3Client {
  return new S3Client({ region: REGION, credentials: identity, forcePathStyle: true })
}
const unusedWorkflow = workflowClient(async () => {
  throw new Error('the workflow credentials are not asked for')
})

function resolve(
  given: PresignedInputs,
  client: S3Client = unusedWorkflow
): Promise<ResolvedSigner> {
  return resolveSigner(given, REGION, client, DEADLINE, () => SIGNED_AT)
}

/** A GET URL presigned by the signer's client, read back as its query parameters. */
async function presign(signer: ResolvedSigner): Promise<URLSearchParams> {
  const command = new GetObjectCommand({ Bucket: BUCKET, Key: 'cloudwatch-graphs/01-cpu.png' })
  const url = await getSignedUrl(signer.client, command, { expiresIn: 3600 })
  return new URL(url).searchParams
}
const keyIdOf = (query: URLSearchParams) => query.get('X-Amz-Credential')?.split('/')[0]

const said = () => ({
  info: core.info.mock.calls.map(([line]) => line),
  warnings: core.warning.mock.calls,
  secrets: core.setSecret.mock.calls.map(([secret]) => secret)
})

describe('long-term keys sign for the full expires-in', () => {
  test('keys from the inputs: no SSM read, URLs signed with them and no session token', async () => {
    const signer = await resolve(
      inputs({
        kind: 'inputs',
        accessKeyId: signerUser.accessKeyId,
        secretAccessKey: signerUser.secretAccessKey
      })
    )
    expect(signer.kind).toBe('long-term')
    expect(signer.signedAt).toEqual(SIGNED_AT)
    expect(signer.expiry).toEqual({
      requested: at('2026-03-09T09:00:00Z'),
      effective: at('2026-03-09T09:00:00Z'),
      cutShort: false
    })
    const query = await presign(signer)
    expect(keyIdOf(query)).toBe(signerUser.accessKeyId)
    expect(query.get('X-Amz-Expires')).toBe('3600')
    expect(query.has('X-Amz-Security-Token')).toBe(false)
    expect(said().info).toEqual([
      `Signing with presign-access-key-id / presign-secret-access-key: key id ${signerUser.accessKeyId}, long-term; links work until 2026-03-09T09:00:00Z`
    ])
    expect(said().warnings).toEqual([])
    expect(aws.ssmRequests).toEqual([])
  })

  test('keys from SSM: one GetParameters call, decrypted; the secret masked; URLs signed with them, not the workflow', async () => {
    const signer = await resolve(inputs(ssmSigner()))
    expect(aws.ssmRequests).toEqual([
      {
        at: expect.any(Number),
        operation: 'GetParameters',
        names: [KEY_ID_PARAMETER, SECRET_PARAMETER],
        withDecryption: true
      }
    ])
    expect(said().secrets).toEqual([signerUser.secretAccessKey])
    expect(signer.kind).toBe('long-term')
    const query = await presign(signer)
    expect(keyIdOf(query)).toBe(signerUser.accessKeyId)
    expect(keyIdOf(query)).not.toBe(workflowSession.accessKeyId)
    expect(query.has('X-Amz-Security-Token')).toBe(false)
    expect(said().info).toEqual([
      `Signing with the SSM parameters presign-access-key-id-parameter / presign-secret-access-key-parameter: key id ${signerUser.accessKeyId}, long-term; links work until 2026-03-09T09:00:00Z`
    ])
    expect(said().info.join('\n')).not.toContain(signerUser.secretAccessKey)
  })

  test('the workflow signs with its own long-term keys: its secret is masked, its key id is not', async () => {
    const user = longTermIdentity()
    const signer = await resolve(
      inputs({ kind: 'workflow' }),
      workflowClient(async () => user)
    )
    expect(signer.kind).toBe('long-term')
    expect(keyIdOf(await presign(signer))).toBe(user.accessKeyId)
    expect(said().secrets).toEqual([user.secretAccessKey])
    expect(said().info).toEqual([
      `Signing with the workflow's own AWS credentials: key id ${user.accessKeyId}, long-term; links work until 2026-03-09T09:00:00Z`
    ])
    expect(said().warnings).toEqual([])
  })
})

describe('what SSM may answer', () => {
  test('a missing parameter: the error names it and says how to create it', async () => {
    await expect(
      resolve(inputs({ ...ssmSigner('/graphs/nowhere/access-key-id') }))
    ).rejects.toThrow(
      "SSM has no value for '/graphs/nowhere/access-key-id' in this account and region. Create it (aws ssm put-parameter: the key id as String, the secret as SecureString) or fix the presign-*-parameter input."
    )
  })

  test('an ASIA key id read from SSM is refused, naming the parameter it came from', async () => {
    await expect(resolve(inputs(ssmSigner(ASIA_KEY_ID_PARAMETER)))).rejects.toThrow(
      `SSM parameter '${ASIA_KEY_ID_PARAMETER}' (presign-access-key-id-parameter) holds a temporary (ASIA…) key id, which cannot sign URLs that last: store a dedicated IAM user's long-term (AKIA…) key id there, and its secret in '${SECRET_PARAMETER}'.`
    )
  })

  test('the two parameters swapped: said so, both values masked, neither in the error', async () => {
    const signer = {
      kind: 'ssm' as const,
      accessKeyIdParameter: SECRET_PARAMETER,
      secretAccessKeyParameter: KEY_ID_PARAMETER
    }
    const error = (await resolve(inputs(signer)).catch((e: unknown) => e)) as Error
    expect(error.message).toBe(
      `The two SSM parameters look swapped: SSM parameter '${SECRET_PARAMETER}' (presign-access-key-id-parameter) holds something that is not an access key id, and '${KEY_ID_PARAMETER}' (presign-secret-access-key-parameter) holds one; both values are masked. Swap the two inputs, or the values stored in the parameters.`
    )
    expect(core.setSecret.mock.calls).toEqual([
      [signerUser.accessKeyId],
      [signerUser.secretAccessKey]
    ])
    expect(error.message).not.toContain(signerUser.secretAccessKey)
  })

  test('a key-id parameter that holds no key id (nor is the other one a key id): said, masked', async () => {
    const signer = {
      kind: 'ssm' as const,
      accessKeyIdParameter: SECRET_PARAMETER,
      secretAccessKeyParameter: SECRET_PARAMETER
    }
    await expect(resolve(inputs(signer))).rejects.toThrow(
      `SSM parameter '${SECRET_PARAMETER}' (presign-access-key-id-parameter) does not hold an access key id (16 to 128 uppercase letters and digits, such as AKIA…); its value is masked. Store the signing IAM user's access key id there, and its secret in '${SECRET_PARAMETER}'.`
    )
    expect(core.setSecret).toHaveBeenCalledWith(signerUser.secretAccessKey)
  })

  test("a parameter the workflow may not read: SSM's refusal and the permission to grant", async () => {
    await expect(resolve(inputs(ssmSigner('/graphs/denied/access-key-id')))).rejects.toThrow(
      /^Reading the signing keys from SSM \(\/graphs\/denied\/access-key-id, \/graphs\/signer\/secret-access-key\) failed: AccessDeniedException: .* The workflow's role needs ssm:GetParameters on both parameters\.$/
    )
  })
})

describe('temporary credentials: the URLs die with the session, and the action says when', () => {
  const session = (expiration?: Date) => async () => ({
    accessKeyId: workflowSession.accessKeyId,
    secretAccessKey: workflowSession.secretAccessKey,
    sessionToken: workflowSession.sessionToken,
    ...(expiration ? { expiration } : {})
  })

  test("the workflow's session signs: temporary, cut short at the provider's expiry, with a warning that names it", async () => {
    const signer = await resolve(
      inputs({ kind: 'workflow' }),
      workflowClient(session(at('2026-03-02T10:00:00Z')))
    )
    expect(signer.kind).toBe('temporary')
    expect(signer.expiry).toEqual({
      requested: at('2026-03-09T09:00:00Z'),
      effective: at('2026-03-02T10:00:00Z'),
      cutShort: true
    })
    const query = await presign(signer)
    expect(keyIdOf(query)).toBe(workflowSession.accessKeyId)
    expect(query.get('X-Amz-Security-Token')).toBe(workflowSession.sessionToken)
    expect(said().secrets).toEqual(
      expect.arrayContaining([workflowSession.sessionToken, workflowSession.secretAccessKey])
    )
    expect(said().info).toEqual([
      `Signing with the workflow's own AWS credentials: key id ${workflowSession.accessKeyId}, temporary; links work until 2026-03-02T10:00:00Z`
    ])
    const [[warning, properties]] = said().warnings as [[string, unknown]]
    expect(properties).toEqual({ title: 'Presigned URLs will expire early' })
    expect(warning).toContain(
      'The presigned URLs are signed with temporary credentials (an STS session: ASIA… key id or a session token)'
    )
    expect(warning).toContain(
      'These URLs stop working at 2026-03-02T10:00:00Z (in 1h, from provider), not after the 7d asked for.'
    )
    expect(warning).toContain('Every URL carries the session token')
    expect(warning).toContain("Sign with a dedicated IAM user's long-term keys instead")
  })

  test.each([
    [
      'credential-expiration wins over AWS_CREDENTIAL_EXPIRATION and the provider',
      { credentialExpiration: at('2026-03-02T09:30:00Z') },
      at('2026-03-02T10:00:00Z'),
      'These URLs stop working at 2026-03-02T09:30:00Z (in 30m, from credential-expiration)'
    ],
    [
      'AWS_CREDENTIAL_EXPIRATION wins over the provider',
      {},
      at('2026-03-02T12:00:00Z'),
      'These URLs stop working at 2026-03-02T11:00:00Z (in 2h, from AWS_CREDENTIAL_EXPIRATION)'
    ]
  ])('%s', async (_case, policy, providerExpiry, words) => {
    const signer = await resolve(
      inputs(
        { kind: 'workflow' },
        { environmentCredentialExpiration: at('2026-03-02T11:00:00Z'), ...policy }
      ),
      workflowClient(session(providerExpiry))
    )
    const effective = /stop working at (\S+) /.exec(words)?.[1] as string
    expect(signer.expiry.effective).toEqual(at(effective))
    expect(said().warnings[0]?.[0]).toContain(words)
  })

  test('a session that outlives expires-in: the URLs last what was asked, and the warning says why', async () => {
    const signer = await resolve(
      inputs({ kind: 'workflow' }, { credentialExpiration: at('2026-03-12T09:00:00Z') }),
      workflowClient(session())
    )
    expect(signer.expiry).toEqual({
      requested: at('2026-03-09T09:00:00Z'),
      effective: at('2026-03-09T09:00:00Z'),
      cutShort: false
    })
    expect(said().warnings[0]?.[0]).toContain(
      'The session lasts until 2026-03-12T09:00:00Z (from credential-expiration), so these URLs last the 7d asked for, but only because the session outlives them.'
    )
  })

  test('a session whose end nobody knows: no effective expiry, and the warning says how to learn it', async () => {
    const signer = await resolve(inputs({ kind: 'workflow' }), workflowClient(session()))
    expect(signer.kind).toBe('temporary')
    expect(signer.expiry.effective).toBeUndefined()
    expect(said().info).toEqual([
      `Signing with the workflow's own AWS credentials: key id ${workflowSession.accessKeyId}, temporary`
    ])
    expect(said().warnings[0]?.[0]).toContain(
      "Their end is unknown (no credential-expiration input, no AWS_CREDENTIAL_EXPIRATION, no expiry from the provider), so expires-at is empty: the URLs live at most as long as the session (1 hour by default for an OIDC role, 12 hours at most), not the 7d asked for. Pass configure-aws-credentials' aws-expiration output as credential-expiration to report the real time."
    )
  })

  test("temporary-credentials: fail turns the warning into the run's error", async () => {
    const run = resolve(
      inputs({ kind: 'workflow' }, { temporaryCredentials: 'fail' }),
      workflowClient(session(at('2026-03-02T10:00:00Z')))
    )
    await expect(run).rejects.toThrow(
      "temporary-credentials is 'fail'. The presigned URLs are signed with temporary credentials"
    )
    await expect(run).rejects.toThrow(
      'These URLs stop working at 2026-03-02T10:00:00Z (in 1h, from provider)'
    )
    expect(said().warnings).toEqual([])
    // The log still says which key was refused, before the error.
    expect(said().info).toEqual([
      `Signing with the workflow's own AWS credentials: key id ${workflowSession.accessKeyId}, temporary; links work until 2026-03-02T10:00:00Z`
    ])
  })

  test.each([
    [
      "the provider's expiry",
      {},
      at('2026-03-02T08:59:00Z'),
      'The signing credentials expired at 2026-03-02T08:59:00Z (from provider): every URL would be dead on arrival.'
    ],
    [
      'credential-expiration',
      { credentialExpiration: SIGNED_AT },
      undefined,
      'The signing credentials expired at 2026-03-02T09:00:00Z (from credential-expiration): every URL would be dead on arrival.'
    ]
  ])(
    'credentials already expired by %s are refused as dead on arrival',
    async (_c, policy, expiry, words) => {
      await expect(
        resolve(inputs({ kind: 'workflow' }, policy), workflowClient(session(expiry)))
      ).rejects.toThrow(words)
      expect(said().warnings).toEqual([])
    }
  )

  test('no workflow credentials at all: the error says how to provide them', async () => {
    const none = workflowClient(async () => {
      throw new Error('Could not load credentials from any providers')
    })
    await expect(resolve(inputs({ kind: 'workflow' }), none)).rejects.toThrow(
      /^No AWS credentials: this step needs the workflow's AWS credentials .* Run aws-actions\/configure-aws-credentials in a step before it, with 'permissions: id-token: write'/
    )
  })

  test('a provider that failed otherwise: its words, and where to look', async () => {
    const failing = workflowClient(async () => {
      throw new Error('Error reading web identity token file')
    })
    await expect(resolve(inputs({ kind: 'workflow' }), failing)).rejects.toThrow(
      "The workflow's AWS credentials could not be loaded: Error reading web identity token file. Check the aws-actions/configure-aws-credentials step before this one."
    )
  })
})
