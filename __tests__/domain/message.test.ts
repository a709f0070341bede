import { effectiveExpiry } from '../../src/domain/signing.js'
import {
  buildHeader,
  buildMessages,
  buildThread,
  defaultText,
  expiryText,
  graphBlock,
  imagesAsLinks
} from '../../src/domain/message.js'

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

test("the default text names the day in the report's time zone", () => {
  const lateUtc = new Date('2026-11-29T23:30:00Z')
  expect(defaultText(lateUtc, '+0900')).toBe('CloudWatch graphs for 2026-11-30')
  expect(defaultText(signedAt, '-1000')).toBe('CloudWatch graphs for 2026-11-28')
  expect(defaultText(lateUtc, '+0000')).toBe('CloudWatch graphs for 2026-11-29')
})

test('the context line states the window and zone first, escaped; none when unset', () => {
  const context = (window?: string) => {
    const [message] = buildMessages({ text: 'Report', graphs: graphs(1), expiry: 'slack', window })
    const block = message!.blocks.at(-1) as unknown as { elements: { text: string }[] }
    return block.elements[0]!.text
  }
  expect(context('Last 24 hours, times in UTC+09:00')).toBe(
    'Last 24 hours, times in UTC+09:00 · Images hosted by Slack.'
  )
  expect(context('a <b> & c')).toBe('a &lt;b&gt; &amp; c · Images hosted by Slack.')
  expect(context(undefined)).toBe('Images hosted by Slack.')
  expect(context('')).toBe('Images hosted by Slack.')
  const header = buildHeader({ text: 'Report', expiry: 'slack', window: 'Last 7 days' })
  expect(JSON.stringify(header.blocks.at(-1))).toContain('Last 7 days · Images hosted by Slack.')
})

/** The text of a message's context line (its last block). */
const contextText = (blocks: { type: string; [field: string]: unknown }[]) => {
  const context = blocks.at(-1) as { type: string; elements: { text: string }[] }
  expect(context.type).toBe('context')
  return context.elements[0]?.text
}

describe('the context line', () => {
  test('names the graphs that failed, escaped for mrkdwn, so readers know the report is partial', () => {
    const [message] = buildMessages({
      text: 'T',
      graphs: graphs(1),
      expiry: weekExpiry,
      missing: ['p99 <latency>', 'Errors & faults']
    })
    expect(contextText(message!.blocks)).toBe(
      `Images available until <!date^${Date.parse('2026-12-06T08:00:00Z') / 1000}^{date_short_pretty} at {time}|2026-12-06 08:00 UTC> · 2 graphs failed: p99 &lt;latency&gt;, Errors &amp; faults`
    )
  })

  test('one failed graph is "1 graph"; a long list of names is cut', () => {
    const one = buildHeader({ text: 'T', expiry: 'slack', missing: ['CPU'] })
    expect(contextText(one.blocks)).toBe('Images hosted by Slack. · 1 graph failed: CPU')
    const many = buildHeader({
      text: 'T',
      expiry: 'slack',
      missing: Array.from({ length: 100 }, (_, i) => `Graph number ${i + 1}`)
    })
    const text = contextText(many.blocks) ?? ''
    expect(text).toMatch(/^Images hosted by Slack\. · 100 graphs failed: Graph number 1, /)
    expect(text.endsWith('…')).toBe(true)
    expect(text.length).toBeLessThan(600)
  })

  test('every continued message ends with the same context line', () => {
    const messages = buildMessages({
      text: 'T',
      graphs: graphs(60),
      expiry: weekExpiry,
      runUrl: 'https://github.com/o/r/actions/runs/1'
    })
    const lines = messages.map(m => contextText(m.blocks))
    expect(new Set(lines).size).toBe(1)
    expect(lines[0]).toContain('<https://github.com/o/r/actions/runs/1|Workflow run>')
  })
})

test('a text longer than a section takes is cut to 3000 characters', () => {
  const [message] = buildMessages({ text: 'x'.repeat(3500), graphs: graphs(1), expiry: weekExpiry })
  const section = message!.blocks[0] as unknown as { text: { text: string } }
  expect(section.text.text).toHaveLength(3000)
  expect(section.text.text.endsWith('…')).toBe(true)
  // The notification text is Slack's fallback and is not cut.
  expect(message!.text).toHaveLength(3500)
})

describe('buildHeader and buildThread', () => {
  test('the header alone: the text and the context line, no image', () => {
    expect(buildHeader({ text: 'Morning report', expiry: 'slack' })).toEqual({
      text: 'Morning report',
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: 'Morning report' } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Images hosted by Slack.' }] }
      ]
    })
  })

  test('a thread: the header as parent, then one reply per graph, in order, named after it', () => {
    const thread = buildThread({ text: 'T', graphs: graphs(3), expiry: weekExpiry })
    expect(thread.header.blocks.map(b => b.type)).toEqual(['section', 'context'])
    expect(thread.replies).toEqual(graphs(3).map(g => ({ text: g.name, blocks: [graphBlock(g)] })))
    expect(thread.replies[0]?.blocks[0]).toMatchObject({
      type: 'image',
      image_url: graphs(1)[0]?.url
    })
  })
})

describe('imagesAsLinks', () => {
  test('every image becomes a link with its name; the other blocks are kept as they are', () => {
    const [message] = buildMessages({ text: 'T', graphs: graphs(2), expiry: weekExpiry })
    const linked = imagesAsLinks(message!)
    expect(linked.text).toBe('T')
    expect(linked.blocks[0]).toEqual(message!.blocks[0])
    expect(linked.blocks[3]).toEqual(message!.blocks[3])
    expect(linked.blocks[1]).toEqual({
      type: 'rich_text',
      elements: [
        {
          type: 'rich_text_section',
          elements: [{ type: 'link', url: 'https://b.s3/k1?sig', text: 'Graph 1' }]
        }
      ]
    })
    expect(linked.blocks.some(b => b.type === 'image')).toBe(false)
  })
})

test('Slack-hosted images say so instead of an expiry', () => {
  expect(expiryText('slack')).toBe('Images hosted by Slack.')
})
