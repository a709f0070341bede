import { jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inputEnv } from '../test-support/action-env.js'
import { InputError } from '../src/domain/errors.js'
import { type Inputs, type PresignedInputs, describeInputs, getInputs } from '../src/inputs.js'

const widget = JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']], title: 'CPU' })
const minimal = {
  widgets: widget,
  's3-bucket': 'graphs-bucket',
  'aws-region': 'eu-west-1',
  'slack-token': 'xoxb-1-2-abc',
  'slack-channel': 'C0123ABCDEF'
}

let saved: NodeJS.ProcessEnv
let stdout: string[]

beforeEach(() => {
  saved = { ...process.env }
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('AWS_')) delete process.env[name]
  }
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout.push(String(chunk))
    return true
  })
})

afterEach(() => {
  process.env = saved
  jest.restoreAllMocks()
})

function withInputs(given: Record<string, string>, env: Record<string, string> = {}) {
  Object.assign(process.env, inputEnv(given), env)
  return getInputs(process.env)
}

/** The presigned-url part of the inputs (the default delivery). */
function presigned(inputs: Inputs): PresignedInputs {
  if (inputs.delivery.kind !== 'presigned-url')
    throw new Error(`delivery is ${inputs.delivery.kind}`)
  return inputs.delivery
}

describe('getInputs: defaults', () => {
  test('action.yml defaults give a complete, typed result', async () => {
    const inputs = await withInputs(minimal)
    expect(inputs).toMatchObject({
      awsRegion: 'eu-west-1',
      delivery: {
        kind: 'presigned-url',
        s3: {
          bucket: 'graphs-bucket',
          region: 'eu-west-1',
          keyPrefix: 'cloudwatch-graphs/',
          forcePathStyle: false
        },
        signer: { kind: 'workflow' },
        signing: { expiresInSeconds: 604800, temporaryCredentials: 'warn' },
        verifyUrls: true
      },
      slack: { token: 'xoxb-1-2-abc', channels: ['C0123ABCDEF'], apiUrl: 'https://slack.com/api/' },
      dryRun: false,
      maxConcurrency: 5
    })
    expect(inputs.graphs.map(g => g.name)).toEqual(['CPU'])
    expect(inputs.window).toEqual({}) // no window or zone: each widget's own
  })

  test('slack-channel: several, one per line or comma-separated, in order', async () => {
    const inputs = await withInputs({
      ...minimal,
      'slack-channel': 'C0AAAAAAAA,\n #ops ,C0BBBBBBBB\n'
    })
    expect(inputs.slack?.channels).toEqual(['C0AAAAAAAA', '#ops', 'C0BBBBBBBB'])
  })

  test('time-range and timezone: the window every widget without one gets', async () => {
    const inputs = await withInputs({ ...minimal, 'time-range': '7d', timezone: '+05:30' })
    expect(inputs.window).toEqual({ start: '-P7D', seconds: 604800, timezone: '+0530' })
  })

  test('the region comes from AWS_REGION, then AWS_DEFAULT_REGION', async () => {
    const { 'aws-region': _, ...rest } = minimal
    expect(
      (await withInputs(rest, { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'eu-central-1' }))
        .awsRegion
    ).toBe('us-west-2')
    delete process.env.AWS_REGION
    expect((await getInputs(process.env)).awsRegion).toBe('eu-central-1')
  })

  test('s3-region overrides the bucket region only', async () => {
    const inputs = await withInputs({ ...minimal, 's3-region': 'us-east-1' })
    expect(presigned(inputs).s3.region).toBe('us-east-1')
    expect(inputs.awsRegion).toBe('eu-west-1')
  })

  test('an empty key prefix is allowed', async () => {
    expect(presigned(await withInputs({ ...minimal, 's3-key-prefix': '' })).s3.keyPrefix).toBe('')
  })

  test('signing keys from inputs and from SSM', async () => {
    expect(
      presigned(
        await withInputs({
          ...minimal,
          'presign-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
          'presign-secret-access-key': 'wJalr/secret'
        })
      ).signer
    ).toEqual({
      kind: 'inputs',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalr/secret'
    })
    process.env = { ...saved }
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name]
    expect(
      presigned(
        await withInputs({
          ...minimal,
          'presign-access-key-id-parameter': '/graphs/signer/key-id',
          'presign-secret-access-key-parameter': '/graphs/signer/secret'
        })
      ).signer
    ).toEqual({
      kind: 'ssm',
      accessKeyIdParameter: '/graphs/signer/key-id',
      secretAccessKeyParameter: '/graphs/signer/secret'
    })
  })

  test('secrets are masked, the access key id is not', async () => {
    await withInputs({
      ...minimal,
      'presign-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
      'presign-secret-access-key': 'wJalr/secret'
    })
    const log = stdout.join('')
    expect(log).toContain('::add-mask::wJalr/secret')
    expect(log).toContain('::add-mask::xoxb-1-2-abc')
    expect(log).not.toContain('::add-mask::AKIA')
  })

  test('dry run needs no Slack inputs', async () => {
    const inputs = await withInputs({
      widgets: widget,
      's3-bucket': 'graphs-bucket',
      'aws-region': 'eu-west-1',
      'dry-run': 'true'
    })
    expect(inputs.dryRun).toBe(true)
    expect(inputs.slack).toBeUndefined()
  })

  test('a dry run checks a Slack input given alone, and needs not the other', async () => {
    const inputs = await withInputs({
      widgets: widget,
      's3-bucket': 'graphs-bucket',
      'aws-region': 'eu-west-1',
      'dry-run': 'true',
      'slack-token': 'xoxb-1-2-abc'
    })
    expect(inputs.slack).toBeUndefined()
  })

  test("Slack's rotating tokens (xoxe.xoxb-…) are tokens", async () => {
    expect((await withInputs({ ...minimal, 'slack-token': 'xoxe.xoxb-1-abc' })).slack?.token).toBe(
      'xoxe.xoxb-1-abc'
    )
  })

  test('plain http only for a Slack stand-in on this machine', async () => {
    expect(
      (await withInputs({ ...minimal, 'slack-api-url': 'http://127.0.0.1:8080/api' })).slack?.apiUrl
    ).toBe('http://127.0.0.1:8080/api/')
  })

  test('credential-expiration, with the quotes configure-aws-credentials leaves on it', async () => {
    const inputs = await withInputs({
      ...minimal,
      'credential-expiration': '"2026-11-29T10:00:00.000Z"'
    })
    expect(presigned(inputs).signing.credentialExpiration?.toISOString()).toBe(
      '2026-11-29T10:00:00.000Z'
    )
  })

  test('AWS_CREDENTIAL_EXPIRATION is read; a malformed one is ignored with a warning', async () => {
    expect(
      presigned(
        await withInputs(minimal, { AWS_CREDENTIAL_EXPIRATION: '2026-11-29T10:00:00Z' })
      ).signing.environmentCredentialExpiration?.toISOString()
    ).toBe('2026-11-29T10:00:00.000Z')
    process.env.AWS_CREDENTIAL_EXPIRATION = 'tomorrow'
    expect(
      presigned(await getInputs(process.env)).signing.environmentCredentialExpiration
    ).toBeUndefined()
    expect(stdout.join('')).toContain('::warning::AWS_CREDENTIAL_EXPIRATION')
    // Ignored everywhere: the SDK's credential provider reads the variable too.
    expect(process.env.AWS_CREDENTIAL_EXPIRATION).toBeUndefined()
  })

  test('widgets-file is read relative to the workspace', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'cw-inputs-'))
    writeFileSync(
      path.join(workspace, 'graphs.yml'),
      `- metrics: [[AWS/EC2, CPUUtilization]]\n  title: From file\n`
    )
    const { widgets: _, ...rest } = minimal
    try {
      const inputs = await withInputs(
        { ...rest, 'widgets-file': 'graphs.yml' },
        { GITHUB_WORKSPACE: workspace }
      )
      expect(inputs.graphs.map(g => g.name)).toEqual(['From file'])
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})

// action.yml: "At least one of `widgets`, `widgets-file`, `dashboard` and `alarms` is required, and
// `widgets` and `widgets-file` cannot both be given." (__tests__/docs.test.ts keeps the sentence there.)
describe('getInputs: what the graphs need, as action.yml says', () => {
  const { widgets: _w, ...noGraphs } = minimal
  test.each<[string, Record<string, string>]>([
    ['widgets alone', { widgets: widget }],
    ['dashboard alone', { dashboard: 'Operations' }],
    ['widgets and dashboard', { widgets: widget, dashboard: 'Operations' }],
    ['alarms alone', { alarms: 'firing' }]
  ])('%s is enough', (_case, given) => {
    const inputs = withInputs({ ...noGraphs, ...given })
    expect(
      inputs.graphs.length + inputs.dashboards.length + (inputs.alarms ? 1 : 0)
    ).toBeGreaterThan(0)
  })

  test('alarms: the selection, and the log line says it', () => {
    const inputs = withInputs({ ...noGraphs, alarms: 'api-5xx\nprod-*' })
    expect(inputs.alarms).toEqual({
      firing: false,
      patterns: [
        { name: 'api-5xx', prefix: false },
        { name: 'prod-', prefix: true }
      ]
    })
    expect(inputs.graphs).toEqual([])
    expect(describeInputs(inputs)).toMatch(/^0 graphs \+ alarms api-5xx, prod-\*; CloudWatch/)
    const firing = withInputs({ ...minimal, alarms: 'firing' })
    expect(describeInputs(firing)).toMatch(/^1 graph \+ alarms firing; /)
  })

  test.each<[string, Record<string, string>, RegExp]>([
    ['none of them', {}, /is required/],
    ['widgets and widgets-file', { widgets: widget, 'widgets-file': 'graphs.yml' }, /not both/]
  ])('%s is refused', (_case, given, message) => {
    expect(() => withInputs({ ...noGraphs, ...given })).toThrow(message)
  })
})

describe('getInputs: every bad input names itself and the fix', () => {
  const { widgets: _w, ...noWidgets } = minimal
  const { 'aws-region': _r, ...noRegion } = minimal
  test.each<[string, Record<string, string>, string, RegExp]>([
    ['no widgets at all', noWidgets, 'widgets', /is required/],
    [
      'both widgets and widgets-file',
      { ...minimal, 'widgets-file': 'x.yml' },
      'widgets',
      /not both/
    ],
    [
      'a missing widgets file',
      { ...noWidgets, 'widgets-file': 'missing.yml' },
      'widgets-file',
      /no such file.*actions\/checkout/
    ],
    ['malformed widgets', { ...minimal, widgets: '[{' }, 'widgets', /not valid YAML or JSON/],
    ['no region anywhere', noRegion, 'aws-region', /AWS_REGION/],
    [
      'a channel twice, once with #',
      { ...minimal, 'slack-channel': 'ops, #OPS' },
      'slack-channel',
      /names '#OPS' twice/
    ],
    [
      'slack-thread-ts with two channels',
      { ...minimal, 'slack-channel': 'C1, C2', 'slack-thread-ts': '1.2' },
      'slack-thread-ts',
      /a message of one channel, but slack-channel names 2/
    ],
    ['a time-range in words', { ...minimal, 'time-range': 'yesterday' }, 'time-range', /24h, 7d/],
    ['a time-range of years', { ...minimal, 'time-range': '999d' }, 'time-range', /455 days/],
    ['a time zone by name', { ...minimal, timezone: 'Asia/Tokyo' }, 'timezone', /\+HHMM/],
    ['a made-up region', { ...minimal, 'aws-region': 'Europe' }, 'aws-region', /not an AWS region/],
    ['a bad s3-region', { ...minimal, 's3-region': 'eu_west_1' }, 's3-region', /not an AWS region/],
    ['no bucket', { ...minimal, 's3-bucket': '' }, 's3-bucket', /is required/],
    ['a bucket URL', { ...minimal, 's3-bucket': 's3://graphs' }, 's3-bucket', /name only/],
    [
      'an upper-case bucket',
      { ...minimal, 's3-bucket': 'Graphs' },
      's3-bucket',
      /not a valid bucket name/
    ],
    [
      'a two-letter bucket',
      { ...minimal, 's3-bucket': 'ab' },
      's3-bucket',
      /not a valid bucket name/
    ],
    [
      'a bucket like an IP',
      { ...minimal, 's3-bucket': '192.168.1.1' },
      's3-bucket',
      /not a valid bucket name/
    ],
    [
      'a bucket with ..',
      { ...minimal, 's3-bucket': 'a..b' },
      's3-bucket',
      /not a valid bucket name/
    ],
    [
      'a prefix with a leading slash',
      { ...minimal, 's3-key-prefix': '/graphs/' },
      's3-key-prefix',
      /leading slash/
    ],
    ['expires-in over a week', { ...minimal, 'expires-in': '8d' }, 'expires-in', /7 days/],
    ['expires-in zero', { ...minimal, 'expires-in': '0' }, 'expires-in', /1 second/],
    ['expires-in words', { ...minimal, 'expires-in': 'a week' }, 'expires-in', /not a duration/],
    [
      'only a key id',
      { ...minimal, 'presign-access-key-id': 'AKIAIOSFODNN7EXAMPLE' },
      'presign-secret-access-key',
      /go together/
    ],
    [
      'only a secret',
      { ...minimal, 'presign-secret-access-key': 's' },
      'presign-access-key-id',
      /go together/
    ],
    [
      'only one SSM parameter',
      { ...minimal, 'presign-access-key-id-parameter': '/a' },
      'presign-secret-access-key-parameter',
      /go together/
    ],
    [
      'only the other SSM parameter',
      { ...minimal, 'presign-secret-access-key-parameter': '/b' },
      'presign-access-key-id-parameter',
      /go together/
    ],
    [
      'both credential sources',
      {
        ...minimal,
        'presign-access-key-id': 'AKIAIOSFODNN7EXAMPLE',
        'presign-secret-access-key': 's',
        'presign-access-key-id-parameter': '/a',
        'presign-secret-access-key-parameter': '/b'
      },
      'presign-access-key-id',
      /one way/
    ],
    [
      'a temporary key id',
      {
        ...minimal,
        'presign-access-key-id': 'ASIAIOSFODNN7EXAMPLE',
        'presign-secret-access-key': 's'
      },
      'presign-access-key-id',
      /temporary \(ASIA…\)/
    ],
    [
      'a secret in the key id',
      {
        ...minimal,
        'presign-access-key-id': 'wJalrXUtnFEMI/K7MDENG',
        'presign-secret-access-key': 's'
      },
      'presign-access-key-id',
      /not an AWS access key id/
    ],
    [
      'a bad parameter name',
      {
        ...minimal,
        'presign-access-key-id-parameter': 'has space',
        'presign-secret-access-key-parameter': '/b'
      },
      'presign-access-key-id-parameter',
      /not an SSM parameter name/
    ],
    [
      'a malformed expiration',
      { ...minimal, 'credential-expiration': 'tomorrow' },
      'credential-expiration',
      /ISO 8601/
    ],
    [
      'an expiration without a zone',
      { ...minimal, 'credential-expiration': '2026-11-29T10:00:00' },
      'credential-expiration',
      /ISO 8601/
    ],
    [
      'an impossible date',
      { ...minimal, 'credential-expiration': '2026-13-45T10:00:00Z' },
      'credential-expiration',
      /ISO 8601/
    ],
    [
      'an unknown temporary-credentials',
      { ...minimal, 'temporary-credentials': 'ignore' },
      'temporary-credentials',
      /warn, fail/
    ],
    ['no Slack token', { ...minimal, 'slack-token': '' }, 'slack-token', /dry-run/],
    ['no Slack channel', { ...minimal, 'slack-channel': '' }, 'slack-channel', /dry-run/],
    [
      'a webhook as token',
      { ...minimal, 'slack-token': 'https://hooks.slack.com/services/T/B/X' },
      'slack-token',
      /webhook/
    ],
    [
      'a channel with spaces',
      { ...minimal, 'slack-channel': 'my channel' },
      'slack-channel',
      /not a channel/
    ],
    [
      'a bad thread ts',
      { ...minimal, 'slack-thread-ts': 'yesterday' },
      'slack-thread-ts',
      /not a message ts/
    ],
    [
      'a bad API URL',
      { ...minimal, 'slack-api-url': 'slack.com/api' },
      'slack-api-url',
      /not a URL/
    ],
    [
      'a non-http API URL',
      { ...minimal, 'slack-api-url': 'ftp://slack.com/api/' },
      'slack-api-url',
      /http/
    ],
    ['a malformed dry-run', { ...minimal, 'dry-run': 'maybe' }, 'dry-run', /true or false/],
    ['a malformed verify-urls', { ...minimal, 'verify-urls': '1' }, 'verify-urls', /true or false/],
    [
      'a malformed s3-force-path-style',
      { ...minimal, 's3-force-path-style': 'y' },
      's3-force-path-style',
      /true or false/
    ],
    ['max-concurrency zero', { ...minimal, 'max-concurrency': '0' }, 'max-concurrency', /1 to 20/],
    [
      'max-concurrency too high',
      { ...minimal, 'max-concurrency': '50' },
      'max-concurrency',
      /1 to 20/
    ],
    [
      'max-concurrency not a number',
      { ...minimal, 'max-concurrency': 'five' },
      'max-concurrency',
      /1 to 20/
    ],
    [
      'a .. segment in the key prefix',
      { ...minimal, 's3-key-prefix': 'a/../b/' },
      's3-key-prefix',
      /segment/
    ],
    [
      'a tab in the key prefix',
      { ...minimal, 's3-key-prefix': 'a\tb/' },
      's3-key-prefix',
      /control character/
    ],
    [
      'a key prefix of 513 bytes',
      { ...minimal, 's3-key-prefix': 'é'.repeat(257) },
      's3-key-prefix',
      /512 bytes/
    ],
    [
      "a bucket named 'sthree-…'",
      { ...minimal, 's3-bucket': 'sthree-graphs' },
      's3-bucket',
      /S3 reserves/
    ],
    [
      "a bucket named '….mrap'",
      { ...minimal, 's3-bucket': 'graphs.mrap' },
      's3-bucket',
      /'\.mrap'/
    ],
    ["a bucket with '-.'", { ...minimal, 's3-bucket': 'graphs-.x' }, 's3-bucket', /not a valid/],
    [
      'a region with a zone letter',
      { ...minimal, 'aws-region': 'eu-west-1b' },
      'aws-region',
      /region/
    ],
    [
      'slack-text of 3001 characters',
      { ...minimal, 'slack-text': 'x'.repeat(3001) },
      'slack-text',
      /3000/
    ]
  ])('%s', async (_case, given, input, message) => {
    let error: unknown
    try {
      await withInputs(given)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).input).toBe(input)
    expect((error as Error).message).toMatch(message)
  })
})

describe('getInputs: impossible times and unsafe URLs', () => {
  test.each<[string, Record<string, string>, string]>([
    [
      'a date that rolls over',
      { 'credential-expiration': '2026-02-30T10:00:00Z' },
      'credential-expiration'
    ],
    ['hour 24', { 'credential-expiration': '2026-11-29T24:00:00Z' }, 'credential-expiration'],
    [
      'plain http to another host',
      { 'slack-api-url': 'http://slack.example/api/' },
      'slack-api-url'
    ]
  ])('%s', (_case, given, input) => {
    expect(() => withInputs({ ...minimal, ...given })).toThrow(new RegExp(`^Input '${input}'`))
  })
})

describe('getInputs: the proxy', () => {
  const PASSWORD = 'pr0xy-s3cret'

  test('none given, none in the environment: no proxy', () => {
    expect(withInputs(minimal).proxy).toBeUndefined()
  })

  test('from the environment, as curl reads it; its password masked', () => {
    const inputs = withInputs(minimal, {
      https_proxy: `http://build:${PASSWORD}@proxy.corp:3128`,
      NO_PROXY: '169.254.169.254,.internal'
    })
    expect(inputs.proxy?.https).toMatchObject({
      host: 'proxy.corp',
      port: 3128,
      username: 'build',
      password: PASSWORD,
      source: 'https_proxy'
    })
    expect(inputs.proxy?.http).toBeUndefined()
    expect(inputs.proxy?.noProxy.map(entry => entry.host)).toEqual(['169.254.169.254', 'internal'])
    expect(stdout.join('')).toContain(`::add-mask::${PASSWORD}`)
  })

  test('http-proxy and no-proxy override the environment', () => {
    const inputs = withInputs(
      { ...minimal, 'http-proxy': 'http://proxy.corp:8080', 'no-proxy': 'slack.com' },
      { HTTPS_PROXY: 'http://other:1', HTTP_PROXY: 'http://other:2', NO_PROXY: 'amazonaws.com' }
    )
    expect(inputs.proxy?.https).toMatchObject({ host: 'proxy.corp', source: 'input http-proxy' })
    expect(inputs.proxy?.http).toBe(inputs.proxy?.https)
    expect(inputs.proxy?.noProxy).toEqual([{ host: 'slack.com' }])
  })

  test('a bad http-proxy is an input error; its password is masked first and never shown', () => {
    const error = (() => {
      try {
        withInputs({ ...minimal, 'http-proxy': `socks5://build:${PASSWORD}@proxy.corp:1080` })
      } catch (caught) {
        return caught as Error
      }
      throw new Error('accepted')
    })()
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toBe(
      "Input 'http-proxy' is a socks5:// URL: only http:// and https:// proxies are supported"
    )
    expect(stdout.join('')).toContain(`::add-mask::${PASSWORD}`)
  })

  test('a bad proxy in the environment names the variable, not the value', () => {
    expect(() =>
      withInputs(minimal, { HTTPS_PROXY: `http://build:${PASSWORD}@proxy corp:3128` })
    ).toThrow(
      'The proxy in the environment variable HTTPS_PROXY is not a URL: expected http://[user:password@]host:port'
    )
  })
})
