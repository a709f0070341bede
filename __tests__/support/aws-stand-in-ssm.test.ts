// The SSM side of the AWS stand-in and its SigV4 checks, driven by the real SDK clients.
import { CloudWatchClient, GetMetricWidgetImageCommand } from '@aws-sdk/client-cloudwatch'
import { GetParameterCommand, GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { startAwsStandIn, type AwsStandIn } from '../../test-support/aws-stand-in.js'

const KEYS = { accessKeyId: 'AKIASTANDIN0EXAMPLE1', secretAccessKey: 'stand-in-secret' }

describe('AWS stand-in: authentication', () => {
  const session = { ...KEYS, accessKeyId: 'ASIASTANDIN0SESSION1', sessionToken: 'token-1' }
  let standIn: AwsStandIn
  beforeAll(async () => {
    const expired = { ...session, accessKeyId: 'ASIASTANDIN0EXPIRED1', expiresAt: new Date(0) }
    standIn = await startAwsStandIn({ identities: [KEYS, session, expired], region: 'eu-west-1' })
  })
  afterAll(() => standIn.close())

  const call = async (credentials: typeof session | typeof KEYS, region = 'eu-west-1') => {
    const cw = new CloudWatchClient({
      endpoint: standIn.endpoint,
      region,
      credentials,
      maxAttempts: 1
    })
    const ssm = new SSMClient({ endpoint: standIn.endpoint, region, credentials, maxAttempts: 1 })
    const results = await Promise.allSettled([
      cw.send(new GetMetricWidgetImageCommand({ MetricWidget: '{"metrics": [["A", "B"]]}' })),
      ssm.send(new GetParametersCommand({ Names: ['/x'] }))
    ])
    cw.destroy()
    ssm.destroy()
    return results.map(r => (r.status === 'fulfilled' ? 'ok' : String(r.reason.name)))
  }

  test('accepts known keys, with their session token', async () => {
    expect(await call(KEYS)).toEqual(['ok', 'ok'])
    expect(await call(session)).toEqual(['ok', 'ok'])
  })

  test('refuses unknown keys, wrong tokens, expired sessions, bad signatures, other regions', async () => {
    const unknown = { ...KEYS, accessKeyId: 'AKIAUNKNOWN000000000' }
    expect(await call(unknown)).toEqual(['InvalidClientTokenId', 'UnrecognizedClientException'])
    expect(await call({ ...session, sessionToken: 'other' })).toEqual([
      'InvalidClientTokenId',
      'UnrecognizedClientException'
    ])
    const expired = { ...session, accessKeyId: 'ASIASTANDIN0EXPIRED1' }
    expect(await call(expired)).toEqual(['ExpiredToken', 'ExpiredTokenException'])
    const wrongSecret = { ...KEYS, secretAccessKey: 'guessed' }
    expect(await call(wrongSecret)).toEqual(['SignatureDoesNotMatch', 'InvalidSignatureException'])
    expect(await call(KEYS, 'us-east-1')).toEqual([
      'SignatureDoesNotMatch',
      'InvalidSignatureException'
    ])
  })
})

describe('AWS stand-in: SSM parameters', () => {
  let standIn: AwsStandIn
  let ssm: SSMClient
  beforeAll(async () => {
    standIn = await startAwsStandIn({
      parameters: {
        '/graphs/signing-key-id': { value: 'AKIASIGNER0000000001' },
        '/graphs/signing-secret': { value: 's3cr3t', type: 'SecureString' },
        '/graphs/cmk-secret': { value: 'locked', type: 'SecureString', failure: 'KmsAccessDenied' },
        '/graphs/forbidden': { value: 'no', failure: 'AccessDenied' }
      }
    })
    ssm = new SSMClient({
      endpoint: standIn.endpoint,
      region: 'eu-west-1',
      credentials: KEYS,
      maxAttempts: 1
    })
  })
  afterAll(async () => {
    ssm.destroy()
    await standIn.close()
  })

  const names = ['/graphs/signing-key-id', '/graphs/signing-secret', '/graphs/missing']

  test('GetParameters decrypts SecureStrings and lists unknown names', async () => {
    const output = await ssm.send(new GetParametersCommand({ Names: names, WithDecryption: true }))
    expect(output.InvalidParameters).toEqual(['/graphs/missing'])
    expect(output.Parameters).toEqual([
      expect.objectContaining({
        Name: '/graphs/signing-key-id',
        Type: 'String',
        Value: 'AKIASIGNER0000000001',
        Version: 1,
        DataType: 'text',
        ARN: 'arn:aws:ssm:eu-west-1:123456789012:parameter/graphs/signing-key-id',
        LastModifiedDate: expect.any(Date)
      }),
      expect.objectContaining({
        Name: '/graphs/signing-secret',
        Type: 'SecureString',
        Value: 's3cr3t'
      })
    ])
    expect(standIn.ssmRequests.at(-1)).toMatchObject({ operation: 'GetParameters', names })
  })

  test('without WithDecryption a SecureString comes back as ciphertext', async () => {
    const output = await ssm.send(new GetParametersCommand({ Names: ['/graphs/signing-secret'] }))
    const value = output.Parameters?.[0]?.Value ?? ''
    expect(value).toMatch(/^AQICAH[A-Za-z0-9+/]+=*$/)
    expect(value).not.toContain('s3cr3t')
  })

  test('more than 10 names is a ValidationException', async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `/p${i}`)
    await expect(ssm.send(new GetParametersCommand({ Names: eleven }))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('less than or equal to 10')
    })
  })

  test('GetParameter: ParameterNotFound, KMS and IAM denials', async () => {
    await expect(ssm.send(new GetParameterCommand({ Name: '/nope' }))).rejects.toMatchObject({
      name: 'ParameterNotFound'
    })
    const cmk = { Name: '/graphs/cmk-secret', WithDecryption: true }
    await expect(ssm.send(new GetParameterCommand(cmk))).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('AWSKMS')
    })
    // Without decryption the key is not used, so the read works.
    await expect(
      ssm.send(new GetParameterCommand({ Name: '/graphs/cmk-secret' }))
    ).resolves.toBeDefined()
    const forbidden = new GetParametersCommand({ Names: ['/graphs/forbidden'] })
    await expect(ssm.send(forbidden)).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringContaining('ssm:GetParameters')
    })
  })
})

describe('AWS stand-in: reached through AWS_ENDPOINT_URL_* like the action does', () => {
  const saved = { ...process.env }
  let standIn: AwsStandIn
  beforeAll(async () => {
    standIn = await startAwsStandIn({ parameters: { '/p': { value: 'v' } } })
    process.env.AWS_ENDPOINT_URL_CLOUDWATCH = standIn.endpoint
    process.env.AWS_ENDPOINT_URL_SSM = standIn.endpoint
  })
  afterAll(async () => {
    process.env = saved
    await standIn.close()
  })

  test('both clients find the stand-in without an explicit endpoint', async () => {
    const cw = new CloudWatchClient({ region: 'eu-west-1', credentials: KEYS, maxAttempts: 1 })
    const ssm = new SSMClient({ region: 'eu-west-1', credentials: KEYS, maxAttempts: 1 })
    const widget = '{"metrics": [["AWS/EC2", "CPUUtilization"]]}'
    await expect(
      cw.send(new GetMetricWidgetImageCommand({ MetricWidget: widget }))
    ).resolves.toBeDefined()
    await expect(ssm.send(new GetParameterCommand({ Name: '/p' }))).resolves.toMatchObject({
      Parameter: { Value: 'v' }
    })
    expect(standIn.timeline.events.map(e => e.service)).toEqual(['cloudwatch', 'ssm'])
    cw.destroy()
    ssm.destroy()
  })
})
