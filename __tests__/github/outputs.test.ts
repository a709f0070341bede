// The step's outputs and its job summary, for both deliveries, as a runner receives them.
import { jest } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import type { PresignedReport, SlackHostedReport } from '../../src/domain/report.js'
import { effectiveExpiry } from '../../src/domain/signing.js'

jest.unstable_mockModule('@actions/core', () => core)
const { setOutputs, writeSummary } = await import('../../src/github/outputs.js')

const signedAt = new Date('2026-11-29T08:00:00Z')
const graph = (position: number, name: string) => ({ position, name, metricWidget: '{}' })

function presigned(overrides: Partial<PresignedReport> = {}): PresignedReport {
  return {
    delivery: 'presigned-url',
    graphs: [
      {
        graph: graph(1, 'p99 <latency> & errors'),
        bytes: 100,
        key: 'graphs/2026/11/29/7-1/01-p99-latency-errors.png',
        url: 'https://graphs-bucket.s3/01.png?X-Amz-Expires=604800&X-Amz-Signature=abc'
      },
      { graph: graph(2, 'Memory'), failure: 'CloudWatch could not render graph 2 (<Throttling>)' },
      {
        graph: graph(3, 'Disk'),
        bytes: 300,
        key: 'graphs/2026/11/29/7-1/03-disk.png',
        url: 'https://graphs-bucket.s3/03.png?X-Amz-Expires=604800&X-Amz-Signature=def'
      }
    ],
    posts: [{ channel: 'C0GRAPHS', ts: '1764403200.000100' }],
    dryRun: false,
    bucket: 'graphs-bucket',
    signing: 'long-term',
    expiry: effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'long-term' }),
    embedImages: false,
    ...overrides
  }
}

const slackHosted: SlackHostedReport = {
  delivery: 'slack-upload',
  graphs: [
    { graph: graph(1, 'CPU'), bytes: 100, url: 'https://slack.example/files/U0/F1/01-cpu.png' },
    { graph: graph(2, 'Memory'), bytes: 200, failure: 'Uploading to Slack failed: HTTP 500' }
  ],
  posts: [{ channel: 'C0GRAPHS', ts: '1764403200.000200' }],
  dryRun: false
}

const outputs = () => Object.fromEntries(core.setOutput.mock.calls)

let savedSummary: string | undefined
beforeEach(() => {
  core.resetCore()
  savedSummary = process.env.GITHUB_STEP_SUMMARY
  process.env.GITHUB_STEP_SUMMARY = '/tmp/step-summary.md'
})
afterEach(() => {
  if (savedSummary === undefined) delete process.env.GITHUB_STEP_SUMMARY
  else process.env.GITHUB_STEP_SUMMARY = savedSummary
})

describe('setOutputs', () => {
  test('presigned-url: every output, with the URLs and keys of the delivered graphs only', () => {
    setOutputs(presigned())
    expect(core.setOutput.mock.calls.map(([name]) => name)).toEqual([
      'image-urls',
      'object-keys',
      'expires-at',
      'signing-credentials',
      'slack-ts',
      'slack-channel',
      'slack-messages'
    ])
    expect(outputs()).toEqual({
      'image-urls': JSON.stringify([
        'https://graphs-bucket.s3/01.png?X-Amz-Expires=604800&X-Amz-Signature=abc',
        'https://graphs-bucket.s3/03.png?X-Amz-Expires=604800&X-Amz-Signature=def'
      ]),
      'object-keys': JSON.stringify([
        'graphs/2026/11/29/7-1/01-p99-latency-errors.png',
        'graphs/2026/11/29/7-1/03-disk.png'
      ]),
      'expires-at': '2026-12-06T08:00:00Z',
      'signing-credentials': 'long-term',
      'slack-ts': '1764403200.000100',
      'slack-channel': 'C0GRAPHS',
      'slack-messages': '[{"channel":"C0GRAPHS","ts":"1764403200.000100"}]'
    })
  })

  test('presigned-url signed by a session of unknown end: expires-at is empty, not a wish', () => {
    setOutputs(
      presigned({
        signing: 'temporary',
        expiry: effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'temporary' })
      })
    )
    expect(outputs()['expires-at']).toBe('')
    expect(outputs()['signing-credentials']).toBe('temporary')
  })

  test("slack-upload: the shared graphs' permalinks, no keys, no expiry, nothing signed", () => {
    setOutputs(slackHosted)
    expect(outputs()).toEqual({
      'image-urls': JSON.stringify(['https://slack.example/files/U0/F1/01-cpu.png']),
      'object-keys': '[]',
      'expires-at': '',
      'signing-credentials': 'none',
      'slack-ts': '1764403200.000200',
      'slack-channel': 'C0GRAPHS',
      'slack-messages': '[{"channel":"C0GRAPHS","ts":"1764403200.000200"}]'
    })
  })
})

describe('writeSummary', () => {
  test('a heading, the sentence, a table with a header row, the timings, then written', async () => {
    await writeSummary(presigned(), { render: 1500, deliver: 250 })
    expect(core.summaryParts).toEqual([
      ['heading', 'CloudWatch graphs to Slack', 2],
      [
        'raw',
        '<p>3 graphs in <code>s3://graphs-bucket</code>, signed with long-term credentials; links work until <b>2026-12-06T08:00:00Z</b>. Posted 1 message to Slack (channel C0GRAPHS, ts 1764403200.000100).</p>',
        true
      ],
      [
        'table',
        [
          [
            { data: '#', header: true },
            { data: 'Graph', header: true },
            { data: 'Object key', header: true },
            { data: 'Status', header: true }
          ],
          [
            '1',
            'p99 &#60;latency&#62; &#38; errors',
            '<code>graphs/2026/11/29/7-1/01-p99-latency-errors.png</code>',
            'stored'
          ],
          ['2', 'Memory', '', 'failed: CloudWatch could not render graph 2 (&#60;Throttling&#62;)'],
          ['3', 'Disk', '<code>graphs/2026/11/29/7-1/03-disk.png</code>', 'stored']
        ]
      ],
      ['raw', '<p>Timings: render 1.50 s, deliver 0.25 s</p>', true],
      ['write']
    ])
  })

  test('no image, and no presigned URL at all, unless the report allows embedding', async () => {
    await writeSummary(presigned(), {})
    expect(JSON.stringify(core.summaryParts)).not.toContain('X-Amz-Signature')
  })

  test('images embedded when allowed (private repository, long-term signer), URL escaped', async () => {
    await writeSummary(presigned({ embedImages: true }), {})
    const table = core.summaryParts.find(part => part[0] === 'table')?.[1] as unknown[][]
    expect(table[0]?.[3]).toEqual({ data: 'Image', header: true })
    expect(table[1]?.[3]).toBe(
      '<img src="https://graphs-bucket.s3/01.png?X-Amz-Expires=604800&#38;X-Amz-Signature=abc" alt="p99 &#60;latency&#62; &#38; errors" width="300">'
    )
    expect(table[2]?.[3]).toMatch(/^failed: /)
  })

  test('slack-upload: hosted by Slack, uploaded or failed', async () => {
    await writeSummary(slackHosted, {})
    expect(core.summaryParts[1]?.[1]).toBe(
      '<p>2 graphs hosted by Slack (no expiry). Posted 1 message to Slack (channel C0GRAPHS, ts 1764403200.000200).</p>'
    )
    const table = core.summaryParts.find(part => part[0] === 'table')?.[1] as unknown[][]
    expect(table.slice(1)).toEqual([
      [
        '1',
        'CPU',
        '',
        'uploaded: <a href="https://slack.example/files/U0/F1/01-cpu.png">in Slack</a>'
      ],
      ['2', 'Memory', '', 'failed: Uploading to Slack failed: HTTP 500']
    ])
  })

  test('outside Actions (no GITHUB_STEP_SUMMARY) there is no summary', async () => {
    delete process.env.GITHUB_STEP_SUMMARY
    await writeSummary(presigned(), { render: 1 })
    expect(core.summaryParts).toEqual([])
  })
})
