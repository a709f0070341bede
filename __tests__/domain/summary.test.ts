// The job summary's content: where the graphs are, a row per graph, the timings. Presigned URLs
// are bearer links: they appear only when the report allows it, and nothing from outside is
// written into the HTML unescaped.
import type { PresignedReport, SlackHostedReport } from '../../src/domain/report.js'
import { effectiveExpiry } from '../../src/domain/signing.js'
import { MAX_SUMMARY_BYTES, escapeHtml, summaryContent } from '../../src/domain/summary.js'

const signedAt = new Date('2026-11-29T08:00:00Z')
const week = effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'long-term' })
const graph = (position: number, name: string) => ({ position, name, metricWidget: '{}' })
const timings = { render: 1200, deliver: 400 }

function presigned(overrides: Partial<PresignedReport> = {}): PresignedReport {
  return {
    delivery: 'presigned-url',
    graphs: [
      {
        graph: graph(1, 'CPU <p99> & more'),
        bytes: 10,
        key: 'graphs/2026/11/29/1-1/01-cpu-<p99>&more.png',
        url: 'https://b.s3/k1?X-Amz-Signature=a&X-Amz-Expires=604800'
      },
      { graph: graph(2, 'Memory'), failure: "AccessDenied (it's <denied>)" }
    ],
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
    graphs: [{ graph: graph(1, 'CPU'), bytes: 10, url: 'https://slack/files/F1' }],
    posts: [{ channel: 'C0GRAPHS', ts: '1764403200.000200' }],
    dryRun: false,
    ...overrides
  }
}

describe('presigned-url', () => {
  test('a row per graph, names, keys and causes escaped; no image without permission', () => {
    const content = summaryContent(presigned(), timings)
    expect(content.heading).toBe('CloudWatch graphs to Slack')
    expect(content.table).toEqual([
      ['#', 'Graph', 'Object key', 'Status'],
      [
        '1',
        'CPU &#60;p99&#62; &#38; more',
        '<code>graphs/2026/11/29/1-1/01-cpu-&#60;p99&#62;&#38;more.png</code>',
        'stored'
      ],
      ['2', 'Memory', '', 'failed: AccessDenied (it&#39;s &#60;denied&#62;)']
    ])
    expect(JSON.stringify(content)).not.toContain('X-Amz-Signature')
  })

  test('the sentence says where the graphs are, who signed and until when links work', () => {
    const { intro, closing } = summaryContent(presigned(), timings)
    expect(intro).toBe(
      '<p>2 graphs in <code>s3://graphs-bucket</code>, signed with long-term credentials; links work until <b>2026-12-06T08:00:00Z</b>. Posted 1 message to Slack (channel C0GRAPHS, ts 1764403200.000100).</p>'
    )
    expect(closing).toBe('<p>Timings: render 1.20 s, deliver 0.40 s</p>')
  })

  test('a session of unknown end: the links end with it', () => {
    const expiry = effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'temporary' })
    const { intro } = summaryContent(presigned({ signing: 'temporary', expiry }), timings)
    expect(intro).toContain(
      'signed with temporary credentials; links work until <b>unknown: they end with the signing session</b>'
    )
  })

  test('embedded images when allowed: the URL and the name escaped inside the img tag', () => {
    const { table } = summaryContent(presigned({ embedImages: true }), timings)
    expect(table[0]).toEqual(['#', 'Graph', 'Object key', 'Image'])
    expect(table[1]?.[3]).toBe(
      '<img src="https://b.s3/k1?X-Amz-Signature=a&#38;X-Amz-Expires=604800" alt="CPU &#60;p99&#62; &#38; more" width="300">'
    )
    // A failed graph still says why, with or without images.
    expect(table[2]?.[3]).toBe('failed: AccessDenied (it&#39;s &#60;denied&#62;)')
  })

  test('several channels: each with its count; a channel that refused is pointed at', () => {
    const posts = [
      { channel: 'C0AAAAAAAA', ts: '1.1' },
      { channel: 'C0AAAAAAAA', ts: '1.2' },
      { channel: 'C0BBBBBBBB', ts: '2.1' }
    ]
    const postFailure =
      "The report did not fully reach 1 of 3 channels: - 'C0CCCCCCCC': not_in_channel"
    expect(summaryContent(presigned({ posts, postFailure }), timings).intro).toContain(
      'Posted 3 messages to 2 Slack channels: C0AAAAAAAA (2), C0BBBBBBBB (1). Part of the report did not reach Slack: the step&#39;s error says where.'
    )
  })

  test('several messages, a dry run, nothing posted', () => {
    const posts = [
      { channel: 'C0GRAPHS', ts: '1.1' },
      { channel: 'C0GRAPHS', ts: '1.2' }
    ]
    expect(summaryContent(presigned({ posts }), timings).intro).toContain(
      'Posted 2 messages to Slack (channel C0GRAPHS, ts 1.1).'
    )
    expect(summaryContent(presigned({ dryRun: true, posts: [] }), timings).intro).toContain(
      'Dry run: nothing was posted to Slack.'
    )
    expect(summaryContent(presigned({ posts: [] }), timings).intro).toContain(
      'Nothing was posted to Slack.'
    )
  })
})

describe('slack-upload', () => {
  test('hosted by Slack, no key, uploaded with a link to Slack; never an image', () => {
    const content = summaryContent(slackHosted(), {})
    expect(content.intro).toBe(
      '<p>1 graph hosted by Slack (no expiry). Posted 1 message to Slack (channel C0GRAPHS, ts 1764403200.000200).</p>'
    )
    expect(content.table).toEqual([
      ['#', 'Graph', 'Object key', 'Status'],
      ['1', 'CPU', '', 'uploaded: <a href="https://slack/files/F1">in Slack</a>']
    ])
    expect(content.closing).toBe('<p>Timings: </p>')
  })

  test('a dry run only rendered the graphs', () => {
    const content = summaryContent(slackHosted({ dryRun: true, posts: [] }), timings)
    expect(content.table[1]?.[3]).toBe('rendered')
    expect(content.intro).toContain('Dry run: nothing was posted to Slack.')
  })
})

test('escapeHtml: every character HTML reads as markup or as the end of an attribute', () => {
  expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
    '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;'
  )
  expect(escapeHtml('plain text')).toBe('plain text')
})

describe('the summary stays under GitHub’s 1 MiB', () => {
  test('past the limit, one row says how many graphs were left out', () => {
    const graphs = Array.from({ length: 3000 }, (_, i) => ({
      graph: graph(i + 1, `Graph ${i + 1} ${'n'.repeat(300)}`),
      key: `graphs/2026/11/29/1-1/${'k'.repeat(400)}-${i}.png`,
      failure: `AccessDenied ${'x'.repeat(2000)}`
    }))
    const content = summaryContent(presigned({ graphs }), timings)
    const html = content.table.flat().join('')
    expect(new TextEncoder().encode(html).length).toBeLessThanOrEqual(MAX_SUMMARY_BYTES)
    const last = content.table.at(-1)!
    expect(last[1]).toMatch(/^\d+ more graphs not shown: the summary is cut/)
    const shown = content.table.length - 2
    expect(Number(/^(\d+)/.exec(last[1]!)?.[1])).toBe(3000 - shown)
  })

  test('a long name and a long cause are cut in their cells, and say so', () => {
    const graphs = [{ graph: graph(1, 'N'.repeat(5000)), failure: 'F'.repeat(5000) }]
    const [, row] = summaryContent(presigned({ graphs }), timings).table
    expect(row![1]).toMatch(/^N{200}… \(4800 more characters cut\)$/)
    expect(row![3]).toMatch(/^failed: F{1000}… \(4000 more characters cut\)$/)
  })
})

describe('the alarms line', () => {
  const readAt = new Date('2026-12-04T09:00:00Z')
  const alarm = (name: string, kind: 'metric' | 'composite') => ({
    name,
    arn: `arn:aws:cloudwatch:eu-west-2:1:alarm:${name}`,
    kind,
    state: 'ALARM',
    reason: ''
  })

  test('none: no line', () => {
    expect(summaryContent(slackHosted(), timings).intro).not.toContain('Alarms')
  })

  test('firing and none is: said', () => {
    const report = slackHosted({ alarms: { firing: true, alarms: [], readAt } })
    expect(summaryContent(report, timings).intro).toContain('<p>Alarms: no alarm is firing.</p>')
  })

  test('composite alarms by name and state, escaped; metric ones counted (their graphs are rows)', () => {
    const alarms = [alarm('high <cpu>', 'metric'), alarm('all & bad', 'composite')]
    const report = slackHosted({ alarms: { firing: true, alarms, readAt } })
    expect(summaryContent(report, timings).intro).toContain(
      '<p>Alarms: 2 alarms firing, 1 with a graph; composite, as text: all &#38; bad (ALARM).</p>'
    )
  })
})
