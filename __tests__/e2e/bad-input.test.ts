// Every input's invalid forms, on the built bundle: exit 1, an ::error:: that names the input,
// and no CloudWatch call, no upload, no post.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  nodesToTest,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { runAction } from '../../test-support/run-action.js'
import { type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(120000)

const widget = JSON.stringify([cpu])
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE'

/** [case, inputs to add or override (undefined removes), the input the error must name, pattern] */
type BadInput = [string, Record<string, string | undefined>, string, RegExp]

const cases: BadInput[] = [
  ['no widgets at all', { widgets: undefined }, 'widgets', /is required/],
  ['widgets and widgets-file', { 'widgets-file': 'graphs.yml' }, 'widgets', /not both/],
  [
    'a missing widgets-file',
    { widgets: undefined, 'widgets-file': 'nope.yml' },
    'widgets-file',
    /no such file/
  ],
  ['malformed YAML', { widgets: 'metrics: [[' }, 'widgets', /not valid YAML or JSON/],
  [
    'malformed JSON',
    { widgets: '[{"metrics": [["AWS/EC2" "CPU"]]}]' },
    'widgets',
    /not valid YAML or JSON/
  ],
  ['an empty list', { widgets: '[]' }, 'widgets', /empty list/],
  ['a scalar', { widgets: 'cpu' }, 'widgets', /item 1 is the string/],
  [
    'no metrics, no alarm annotation',
    { widgets: '[{"title": "x", "view": "timeSeries"}]' },
    'widgets',
    /no 'metrics' and no alarm annotation/
  ],
  [
    'an empty alarm annotation',
    { widgets: '[{"annotations": {"alarms": []}}]' },
    'widgets',
    /no 'metrics'/
  ],
  [
    'width over 2000',
    { widgets: JSON.stringify([{ ...cpu, width: 2001 }]) },
    'widgets',
    /'width' is 2001/
  ],
  ['height 0', { widgets: JSON.stringify([{ ...cpu, height: 0 }]) }, 'widgets', /'height' is 0/],
  [
    'a widget string that is not JSON',
    { widgets: '[{"name": "x", "widget": "{metrics"}]' },
    'widgets',
    /not valid JSON/
  ],
  [
    'a text dashboard widget',
    { widgets: '[{"type": "text", "properties": {"markdown": "hi"}}]' },
    'widgets',
    /'text' dashboard widget/
  ],
  ['no region', { 'aws-region': undefined }, 'aws-region', /AWS_REGION/],
  ['a malformed region', { 'aws-region': 'eu west 1' }, 'aws-region', /not an AWS region/],
  ['a malformed s3-region', { 's3-region': 'EU-WEST-1' }, 's3-region', /not an AWS region/],
  ['no bucket', { 's3-bucket': '' }, 's3-bucket', /is required/],
  [
    'a bucket with upper case',
    { 's3-bucket': 'My_Bucket' },
    's3-bucket',
    /not a valid bucket name/
  ],
  ['a bucket URL', { 's3-bucket': 's3://graphs-bucket' }, 's3-bucket', /name only/],
  [
    'a key prefix with a leading slash',
    { 's3-key-prefix': '/graphs/' },
    's3-key-prefix',
    /leading slash/
  ],
  [
    'a malformed s3-force-path-style',
    { 's3-force-path-style': 'sometimes' },
    's3-force-path-style',
    /true or false/
  ],
  ['expires-in over 7 days', { 'expires-in': '8d' }, 'expires-in', /7 days/],
  ['expires-in of 0', { 'expires-in': '0s' }, 'expires-in', /1 second/],
  ['expires-in negative', { 'expires-in': '-1h' }, 'expires-in', /not a duration/],
  ['expires-in in words', { 'expires-in': 'one week' }, 'expires-in', /not a duration/],
  ['expires-in fractional', { 'expires-in': '1.5d' }, 'expires-in', /not a duration/],
  [
    'a key id without its secret',
    { 'presign-access-key-id': KEY_ID },
    'presign-secret-access-key',
    /go together/
  ],
  [
    'a secret without its key id',
    { 'presign-secret-access-key': 'secret' },
    'presign-access-key-id',
    /go together/
  ],
  [
    'one SSM parameter of two',
    { ...ssmSigner, 'presign-secret-access-key-parameter': undefined },
    'presign-secret-access-key-parameter',
    /go together/
  ],
  [
    'both credential sources',
    { ...ssmSigner, 'presign-access-key-id': KEY_ID, 'presign-secret-access-key': 's' },
    'presign-access-key-id',
    /one way/
  ],
  [
    'a temporary key id',
    { 'presign-access-key-id': 'ASIAIOSFODNN7EXAMPLE', 'presign-secret-access-key': 's' },
    'presign-access-key-id',
    /ASIA/
  ],
  [
    'a malformed key id',
    { 'presign-access-key-id': 'akia-lower', 'presign-secret-access-key': 's' },
    'presign-access-key-id',
    /not an AWS access key id/
  ],
  [
    'a malformed parameter name',
    { 'presign-access-key-id-parameter': 'a b', 'presign-secret-access-key-parameter': '/b' },
    'presign-access-key-id-parameter',
    /not an SSM parameter name/
  ],
  [
    'a malformed credential-expiration',
    { 'credential-expiration': '29/11/2026 10:00' },
    'credential-expiration',
    /ISO 8601/
  ],
  [
    'a credential-expiration without zone',
    { 'credential-expiration': '2026-11-29T10:00:00' },
    'credential-expiration',
    /ISO 8601/
  ],
  [
    'an unknown temporary-credentials',
    { 'temporary-credentials': 'allow' },
    'temporary-credentials',
    /warn, fail/
  ],
  ['no Slack token', { 'slack-token': '' }, 'slack-token', /is required/],
  [
    'a webhook URL as Slack token',
    { 'slack-token': 'https://hooks.slack.com/services/T0/B0/X' },
    'slack-token',
    /webhook/
  ],
  ['no Slack channel', { 'slack-channel': '' }, 'slack-channel', /is required/],
  [
    'a Slack channel with spaces',
    { 'slack-channel': 'daily graphs' },
    'slack-channel',
    /not a channel/
  ],
  [
    'a malformed slack-thread-ts',
    { 'slack-thread-ts': '12:30' },
    'slack-thread-ts',
    /not a message ts/
  ],
  ['a malformed slack-api-url', { 'slack-api-url': 'not a url' }, 'slack-api-url', /not a URL/],
  ['a non-http slack-api-url', { 'slack-api-url': 'file:///etc/passwd' }, 'slack-api-url', /http/],
  ['a malformed dry-run', { 'dry-run': 'yes please' }, 'dry-run', /true or false/],
  ['a malformed verify-urls', { 'verify-urls': 'y' }, 'verify-urls', /true or false/],
  ['max-concurrency 0', { 'max-concurrency': '0' }, 'max-concurrency', /1 to 20/],
  ['max-concurrency 21', { 'max-concurrency': '21' }, 'max-concurrency', /1 to 20/],
  ['max-concurrency words', { 'max-concurrency': 'many' }, 'max-concurrency', /1 to 20/],
  ['a timeout too short', { timeout: '5s' }, 'timeout', /10s to 6h/],
  ['a malformed timeout', { timeout: 'soon' }, 'timeout', /not a duration/],
  // What S3 and CloudWatch would refuse, or store under another key, is refused before any call.
  [
    "a key prefix with a '..' segment",
    { 's3-key-prefix': 'graphs/../other/' },
    's3-key-prefix',
    /'\.' or '\.\.' segment/
  ],
  ["a key prefix with a '.' segment", { 's3-key-prefix': './graphs/' }, 's3-key-prefix', /segment/],
  [
    'a key prefix with a line break',
    { 's3-key-prefix': 'graphs/\n::warning::x/' },
    's3-key-prefix',
    /control character/
  ],
  [
    'a key prefix over 512 bytes in UTF-8 (300 characters)',
    { 's3-key-prefix': `${'é'.repeat(300)}/` },
    's3-key-prefix',
    /512 bytes/
  ],
  [
    'a widget over 100 KiB',
    { widgets: JSON.stringify([{ ...cpu, title: 'x'.repeat(110 * 1024) }]) },
    'widgets',
    /100 KiB/
  ],
  [
    'a widget nested 10000 levels deep',
    {
      widgets: `[{"metrics": [["AWS/EC2", "CPUUtilization"]], "x": ${'['.repeat(10000)}${']'.repeat(10000)}}]`
    },
    'widgets',
    /nested more than 32 levels/
  ],
  ["a bucket starting with 'xn--'", { 's3-bucket': 'xn--graphs' }, 's3-bucket', /S3 reserves/],
  ["a bucket ending with '-s3alias'", { 's3-bucket': 'graphs-s3alias' }, 's3-bucket', /reserves/],
  ["a bucket ending with '--ol-s3'", { 's3-bucket': 'graphs--ol-s3' }, 's3-bucket', /reserves/],
  ["a bucket with '.-'", { 's3-bucket': 'graphs.-bucket' }, 's3-bucket', /not a valid bucket/],
  [
    'an availability zone as region',
    { 'aws-region': 'us-east-1a' },
    'aws-region',
    /not an AWS region/
  ],
  ['a region without its parts', { 'aws-region': 'xx-1' }, 'aws-region', /not an AWS region/],
  ['a slack-text over 3000 characters', { 'slack-text': 'x'.repeat(3001) }, 'slack-text', /3000/]
]

const [[label, node]] = nodesToTest() as [[string, string]]

describe(`bad input on ${label}: named, and no side effect`, () => {
  let standIns: StandIns
  beforeAll(async () => {
    standIns = await startStandIns()
  })
  afterAll(async () => standIns.close())

  test('there are at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30)
  })

  test.each(cases)('%s', async (_case, change, input, pattern) => {
    const inputs: Record<string, string> = {
      ...standIns.baseInputs(),
      widgets: widget,
      'aws-region': 'us-east-1'
    }
    for (const [name, value] of Object.entries(change)) {
      if (value === undefined) delete inputs[name]
      else inputs[name] = value
    }
    const env = standIns.actionEnv()
    if (!('aws-region' in inputs)) delete env.AWS_REGION
    const result = await runAction({ node, inputs, env, run: RUN })
    expectNoSecretsLeaked(result, standIns)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(new RegExp(`^Input '${input}'`))
    expect(result.errors[0]).toMatch(pattern)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expect(standIns.aws.ssmRequests).toEqual([])
    expectNoSideEffects(standIns)
  })
})
