// The run's report: which graphs reached their audience, why the run fails although it finished,
// and the step's outputs, for both deliveries.
import {
  type GraphOutcome,
  type PresignedReport,
  type SlackHostedReport,
  delivered,
  describeFailures,
  expiresAt,
  failed,
  formatTimings,
  outputValues,
  runFailure
} from '../../src/domain/report.js'
import { effectiveExpiry } from '../../src/domain/signing.js'

const signedAt = new Date('2026-11-29T08:00:00Z')
const week = effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'long-term' })
const unknownEnd = effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'temporary' })

const graph = (position: number, name: string) => ({ position, name, metricWidget: '{}' })

/** Graph 1 stored and checked, graph 2 failed to render, graph 3 stored and checked. */
function presignedOutcomes(): GraphOutcome[] {
  return [
    { graph: graph(1, 'CPU'), bytes: 10, key: 'p/01-cpu.png', url: 'https://b/p/01-cpu.png?sig=1' },
    { graph: graph(2, 'Memory'), failure: 'CloudWatch could not render graph 2' },
    {
      graph: graph(3, 'Disk'),
      bytes: 30,
      key: 'p/03-disk.png',
      url: 'https://b/p/03-disk.png?sig=3'
    }
  ]
}

function presigned(overrides: Partial<PresignedReport> = {}): PresignedReport {
  return {
    delivery: 'presigned-url',
    graphs: presignedOutcomes(),
    posts: [{ channel: 'C0GRAPHS', ts: '1764403200.000100' }],
    dryRun: false,
    bucket: 'graphs-bucket',
    signing: 'long-term',
    expiry: week,
    embedImages: false,
    ...overrides
  }
}

function slackHosted(overrides: Partial<SlackHostedReport> = {}): SlackHostedReport {
  return {
    delivery: 'slack-upload',
    graphs: [
      { graph: graph(1, 'CPU'), bytes: 10, url: 'https://slack/files/F1' },
      { graph: graph(2, 'Memory'), bytes: 20, url: 'https://slack/files/F2' }
    ],
    posts: [{ channel: 'C0GRAPHS', ts: '1764403200.000200' }],
    dryRun: false,
    ...overrides
  }
}

describe('delivered and failed', () => {
  test('delivered: the graphs with a URL and no failure, in graph order', () => {
    expect(delivered(presignedOutcomes()).map(o => o.graph.position)).toEqual([1, 3])
  })

  test('a graph stored but whose URL check failed is not delivered', () => {
    const outcomes: GraphOutcome[] = [
      { graph: graph(1, 'CPU'), key: 'k', url: 'https://b/k', failure: 'SignatureDoesNotMatch' },
      { graph: graph(2, 'Memory'), bytes: 5 }
    ]
    expect(delivered(outcomes)).toEqual([])
    expect(failed(outcomes).map(o => o.graph.name)).toEqual(['CPU'])
  })
})

describe('describeFailures', () => {
  test('one line per cause, naming every graph it cost', () => {
    const outcomes: GraphOutcome[] = [
      { graph: graph(1, 'CPU'), failure: 'SignatureDoesNotMatch' },
      { graph: graph(2, 'Memory'), url: 'https://b/2' },
      { graph: graph(3, 'Disk'), failure: 'Throttling' },
      { graph: graph(12, 'Network'), failure: 'SignatureDoesNotMatch' }
    ]
    expect(describeFailures(outcomes)).toBe(
      '- 01 CPU, 12 Network: SignatureDoesNotMatch\n- 03 Disk: Throttling'
    )
  })

  test('nothing to say when nothing failed', () => {
    expect(describeFailures([{ graph: graph(1, 'CPU'), url: 'https://b/1' }])).toBe('')
  })
})

describe('runFailure', () => {
  test('undefined when every graph made it', () => {
    expect(runFailure(slackHosted())).toBeUndefined()
  })

  test('some graphs failed: how many, that the others were posted, and each cause', () => {
    expect(runFailure(presigned())).toBe(
      '1 of 3 graphs failed; the other 2 were posted:\n- 02 Memory: CloudWatch could not render graph 2'
    )
  })

  test('on a dry run the others were only rendered', () => {
    expect(runFailure(presigned({ dryRun: true, posts: [] }))).toMatch(
      /^1 of 3 graphs failed; the other 2 were rendered:\n/
    )
  })

  test("Slack's refusal is the run's failure too, after the graphs that failed", () => {
    const postFailure = 'Slack refused message 2 of 2 (1 of 2 messages were posted before it)'
    const failure = runFailure(presigned({ postFailure }))
    expect(failure).toMatch(/^1 of 3 graphs failed; the other 2 were posted:\n- 02 Memory: /)
    expect(failure?.endsWith(`\n${postFailure}`)).toBe(true)
    expect(runFailure(slackHosted({ postFailure }))).toBe(postFailure)
  })
})

describe('expiresAt', () => {
  test('presigned URLs signed by long-term keys: the requested time, in ISO 8601 UTC', () => {
    expect(expiresAt(presigned())).toBe('2026-12-06T08:00:00Z')
  })

  test('empty when a session signed and its end is unknown', () => {
    expect(expiresAt(presigned({ signing: 'temporary', expiry: unknownEnd }))).toBe('')
  })

  test('empty for Slack-hosted files: they do not expire', () => {
    expect(expiresAt(slackHosted())).toBe('')
  })
})

describe('outputValues', () => {
  test('presigned-url: the delivered graphs only, the real expiry, the signer, the first message', () => {
    expect(outputValues(presigned())).toEqual({
      'image-urls': JSON.stringify([
        'https://b/p/01-cpu.png?sig=1',
        'https://b/p/03-disk.png?sig=3'
      ]),
      'object-keys': JSON.stringify(['p/01-cpu.png', 'p/03-disk.png']),
      'expires-at': '2026-12-06T08:00:00Z',
      'signing-credentials': 'long-term',
      'slack-ts': '1764403200.000100',
      'slack-channel': 'C0GRAPHS',
      'slack-messages': '[{"channel":"C0GRAPHS","ts":"1764403200.000100"}]'
    })
  })

  test('presigned-url signed by a session of unknown end: temporary, expires-at empty', () => {
    const values = outputValues(presigned({ signing: 'temporary', expiry: unknownEnd }))
    expect(values['signing-credentials']).toBe('temporary')
    expect(values['expires-at']).toBe('')
  })

  test('slack-upload: permalinks, no object keys, nothing signed, no expiry', () => {
    expect(outputValues(slackHosted())).toEqual({
      'image-urls': JSON.stringify(['https://slack/files/F1', 'https://slack/files/F2']),
      'object-keys': '[]',
      'expires-at': '',
      'signing-credentials': 'none',
      'slack-ts': '1764403200.000200',
      'slack-channel': 'C0GRAPHS',
      'slack-messages': '[{"channel":"C0GRAPHS","ts":"1764403200.000200"}]'
    })
  })

  test('several channels: slack-messages lists every message; slack-ts is the first one', () => {
    const posts = [
      { channel: 'C0AAAAAAAA', ts: '1764403200.000100' },
      { channel: 'C0AAAAAAAA', ts: '1764403201.000100' },
      { channel: 'C0BBBBBBBB', ts: '1764403202.000100' }
    ]
    const values = outputValues(presigned({ posts }))
    expect(JSON.parse(values['slack-messages'] ?? '')).toEqual(posts)
    expect(values['slack-ts']).toBe('1764403200.000100')
    expect(values['slack-channel']).toBe('C0AAAAAAAA')
  })

  test('a dry run posts nothing: slack-ts and slack-channel are empty', () => {
    const values = outputValues(presigned({ dryRun: true, posts: [] }))
    expect(values['slack-messages']).toBe('[]')
    expect(values['slack-ts']).toBe('')
    expect(values['slack-channel']).toBe('')
  })

  test('a graph stored but not checked keeps neither its URL nor its key in the outputs', () => {
    const graphs: GraphOutcome[] = [
      { graph: graph(1, 'CPU'), key: 'p/01-cpu.png', url: 'https://b/1', failure: 'AccessDenied' }
    ]
    const values = outputValues(presigned({ graphs }))
    expect(values['image-urls']).toBe('[]')
    expect(values['object-keys']).toBe('[]')
  })
})

test('formatTimings: each phase in seconds with two decimals, in the order measured', () => {
  expect(formatTimings({ render: 1204, deliver: 395.4, total: 1600 })).toBe(
    'render 1.20 s, deliver 0.40 s, total 1.60 s'
  )
  expect(formatTimings({})).toBe('')
})
