import { effectiveExpiry } from '../../src/domain/signing.js'
import { buildMessages, defaultText, expiryText, graphBlock } from '../../src/domain/message.js'

const signedAt = new Date('2026-11-29T08:00:00Z')
const weekExpiry = effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'long-term' })
const graphs = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `Graph ${i + 1}`,
    url: `https://b.s3/k${i + 1}?sig`
  }))

describe('buildMessages', () => {
  test('a section, one image block per graph in order, and a context line', () => {
    const [message, ...rest] = buildMessages({
      text: 'Morning report',
      graphs: graphs(2),
      expiry: weekExpiry,
      runUrl: 'https://github.com/o/r/actions/runs/1/attempts/1'
    })
    expect(rest).toEqual([])
    expect(message!.text).toBe('Morning report')
    expect(message!.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Morning report' } },
      {
        type: 'image',
        image_url: 'https://b.s3/k1?sig',
        alt_text: 'Graph 1',
        title: { type: 'plain_text', text: 'Graph 1', emoji: true }
      },
      {
        type: 'image',
        image_url: 'https://b.s3/k2?sig',
        alt_text: 'Graph 2',
        title: { type: 'plain_text', text: 'Graph 2', emoji: true }
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Images available until <!date^${Date.parse('2026-12-06T08:00:00Z') / 1000}^{date_short_pretty} at {time}|2026-12-06 08:00 UTC> · <https://github.com/o/r/actions/runs/1/attempts/1|Workflow run>`
          }
        ]
      }
    ])
  })

  test('over 50 blocks: further messages, each at most 50 blocks, every graph once in order', () => {
    const messages = buildMessages({ text: 'T', graphs: graphs(100), expiry: weekExpiry })
    expect(messages).toHaveLength(3)
    for (const message of messages) expect(message.blocks.length).toBeLessThanOrEqual(50)
    const urls = messages.flatMap(m =>
      m.blocks.filter(b => b.type === 'image').map(b => b.image_url)
    )
    expect(urls).toEqual(graphs(100).map(g => g.url))
    expect(messages.map(m => m.text)).toEqual(['T (1/3)', 'T (2/3)', 'T (3/3)'])
  })

  test('exactly 48 graphs fit one message', () => {
    expect(buildMessages({ text: 'T', graphs: graphs(48), expiry: weekExpiry })).toHaveLength(1)
    expect(buildMessages({ text: 'T', graphs: graphs(49), expiry: weekExpiry })).toHaveLength(2)
  })
})

describe('graphBlock', () => {
  test('a URL over 3000 characters becomes a link', () => {
    const url = `https://b.s3/k?${'x'.repeat(3000)}`
    const block = graphBlock({ name: 'Long', url })
    expect(block.type).toBe('rich_text')
    expect(JSON.stringify(block)).toContain(url)
  })

  test('a URL of exactly 3000 characters is still an image', () => {
    const url = `https://b/${'x'.repeat(3000 - 'https://b/'.length)}`
    expect(graphBlock({ name: 'Edge', url }).type).toBe('image')
  })

  test('names longer than Slack allows are cut', () => {
    const block = graphBlock({ name: 'n'.repeat(2500), url: 'https://b/k' })
    expect((block.alt_text as string).length).toBe(2000)
  })
})

describe('expiryText', () => {
  test('an unknown expiry says the images last as long as the session', () => {
    const expiry = effectiveExpiry({ signedAt, expiresInSeconds: 604800, kind: 'temporary' })
    expect(expiryText(expiry)).toMatch(/only as long as the signing session/)
  })
})

test('the default text names the date', () => {
  expect(defaultText(signedAt)).toBe('CloudWatch graphs for 2026-11-29')
})
