// Mistakes of the setup, on the built bundle: each fails the run once, naming the input or the
// step that fixes it, before anything reaches S3 or Slack; and a transient S3 answer to a URL
// check is retried instead of dropping a good graph.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  latency,
  nodesToTest,
  postedNames,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import { temporaryIdentity } from '../../test-support/s3-stand-in.js'
import {
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  type StandIns,
  startStandIns
} from '../../test-support/stand-ins.js'

jest.setTimeout(60000)

const NO_CREDENTIALS =
  /^No AWS credentials: this step needs the workflow's AWS credentials .* Run aws-actions\/configure-aws-credentials in a step before it, with 'permissions: id-token: write' on the job/

describe.each(nodesToTest())('errors that name the fix, on %s', (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  async function run(
    inputs: Record<string, string>,
    env: Record<string, string> = standIns.actionEnv()
  ): Promise<ActionRun> {
    const result = await runAction({
      node,
      inputs: { ...standIns.baseInputs(), ...ssmSigner, widgets: JSON.stringify([cpu]), ...inputs },
      env,
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    return result
  }

  /** The stand-ins' endpoints and region, but no credentials of any kind. */
  function withoutCredentials(): Record<string, string> {
    const {
      AWS_ACCESS_KEY_ID: _id,
      AWS_SECRET_ACCESS_KEY: _secret,
      AWS_SESSION_TOKEN: _token,
      ...rest
    } = standIns.actionEnv()
    return rest
  }

  test.each([
    ['signed by SSM keys', {}],
    ['a dry run', { 'dry-run': true, 'slack-token': '', 'slack-channel': '' }],
    [
      'signed by the workflow',
      { 'presign-access-key-id-parameter': '', 'presign-secret-access-key-parameter': '' }
    ]
  ])(
    'no AWS credentials at all (%s): one error, what the step needs and what goes first',
    async (_c, inputs) => {
      const given = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)]))
      const result = await run(
        { widgets: JSON.stringify([cpu, latency]), ...given },
        withoutCredentials()
      )
      expect(result.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(NO_CREDENTIALS)
      expect(result.errors[0]).not.toMatch(/CredentialsProviderError/)
      expectNoSideEffects(standIns)
    }
  )

  test('a region that does not exist (aws-region): its host does not resolve, the input is named', async () => {
    const env = {
      ...standIns.actionEnv(),
      AWS_ENDPOINT_URL_CLOUDWATCH: 'http://monitoring.eu-wset-1.invalid',
      AWS_ENDPOINT_URL_SSM: 'http://ssm.eu-wset-1.invalid'
    }
    const result = await run({ 'aws-region': 'eu-wset-1' }, env)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^(monitoring|ssm)\.eu-wset-1\.invalid does not resolve \((ENOTFOUND|EAI_AGAIN): [^)]*\): check aws-region; it must be a region that exists/
    )
    expectNoSideEffects(standIns)
  })

  test('a bucket region that does not exist (s3-region): the upload names s3-region', async () => {
    const env = { ...standIns.actionEnv(), AWS_ENDPOINT_URL_S3: 'http://s3.eu-wset-1.invalid' }
    const result = await run({ 's3-region': 'eu-wset-1' }, env)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^s3\.eu-wset-1\.invalid does not resolve \([^)]*\): check s3-region \(it defaults to aws-region\)/
    )
    expect(standIns.slack.messages).toEqual([])
  })

  test('a temporary key id in SSM: one clean sentence, nothing stored', async () => {
    standIns.aws.parameters[SIGNER_KEY_ID_PARAMETER]!.value = temporaryIdentity(60).accessKeyId
    const result = await run({})
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      `SSM parameter '${SIGNER_KEY_ID_PARAMETER}' (presign-access-key-id-parameter) holds a temporary (ASIA…) key id, which cannot sign URLs that last: store a dedicated IAM user's long-term (AKIA…) key id there, and its secret in '${SIGNER_SECRET_PARAMETER}'.`
    ])
    expectNoSideEffects(standIns)
  })

  test('the two SSM parameters swapped: both values masked first, and the error says so', async () => {
    const result = await run({
      'presign-access-key-id-parameter': SIGNER_SECRET_PARAMETER,
      'presign-secret-access-key-parameter': SIGNER_KEY_ID_PARAMETER
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/^The two SSM parameters look swapped: /)
    const masks = result.stdout.split('\n').filter(line => line.startsWith('::add-mask::'))
    expect(masks).toEqual(
      expect.arrayContaining([
        `::add-mask::${standIns.signer.secretAccessKey}`,
        `::add-mask::${standIns.signer.accessKeyId}`
      ])
    )
    const firstMask = result.stdout.indexOf(`::add-mask::${standIns.signer.secretAccessKey}`)
    expect(firstMask).toBeLessThan(result.stdout.indexOf('::error::'))
    expectNoSideEffects(standIns)
  })

  test.each([
    ['503 SlowDown', { kind: 'throttle' }],
    ['a 500', { kind: 'status', status: 500 }],
    ['a reset', { kind: 'reset' }]
  ] as const)('a URL check that meets %s is retried; the graph is posted', async (_c, fault) => {
    standIns.s3.faults.inject(fault, { operation: 'GetObject', times: 2 })
    const result = await run({ widgets: JSON.stringify([cpu, latency]) })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
  })
})
