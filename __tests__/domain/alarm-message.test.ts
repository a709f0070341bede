import type { Alarm, AlarmsPart } from '../../src/domain/alarms.js'
import {
  type Block,
  type PostedGraph,
  buildHeader,
  buildMessages,
  buildThread
} from '../../src/domain/message.js'

const readAt = new Date('2026-12-04T09:00:00Z')
const alarm = (name: string, kind: Alarm['kind'] = 'metric'): Alarm => ({
  name,
  arn: `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`,
  kind,
  state: 'ALARM',
  since: new Date('2026-12-04T08:00:00Z'),
  reason: `${name} crossed`
})
const graph = (name: string, a?: Alarm): PostedGraph => ({
  name,
  url: `https://b.s3/${name}?sig`,
  ...(a ? { alarm: a } : {})
})
const part = (alarms: Alarm[], firing = false): AlarmsPart => ({ firing, alarms, readAt })
const expiry = 'slack' as const

/** Each block as a short word: its type, and for text its first words. */
function shape(blocks: Block[]): string[] {
  return blocks.map(block => {
    if (block.type === 'image') return `image ${String(block.alt_text)}`
    if (block.type === 'header') return 'heading'
    const text = JSON.stringify(block).match(/"text":"([^"\\]*)/)?.[1] ?? ''
    return `${block.type} ${text}`
  })
}

describe('the alarms part of the message', () => {
  test('after the other graphs: a heading, each alarm line above its graph, composites as text', () => {
    const high = alarm('high-cpu')
    const all = alarm('all-bad', 'composite')
    const slow = alarm('slow')
    const [message, ...rest] = buildMessages({
      text: 'Report',
      graphs: [graph('CPU'), graph('high-cpu', high), graph('slow', slow)],
      expiry,
      alarms: part([high, all, slow])
    })
    expect(rest).toEqual([])
    expect(shape(message!.blocks)).toEqual([
      'section Report',
      'image CPU',
      'heading',
      'section :red_circle: *high-cpu* *ALARM* for 1h',
      'image high-cpu',
      'section :red_circle: *all-bad* (composite) *ALARM* for 1h',
      'section :red_circle: *slow* *ALARM* for 1h',
      'image slow',
      'context Images hosted by Slack.'
    ])
  })

  test('a metric alarm whose graph failed keeps its line', () => {
    const high = alarm('high-cpu')
    const [message] = buildMessages({
      text: 'Report',
      graphs: [graph('CPU')],
      expiry,
      missing: ['high-cpu'],
      alarms: part([high])
    })
    expect(shape(message!.blocks)).toEqual([
      'section Report',
      'image CPU',
      'heading',
      'section :red_circle: *high-cpu* *ALARM* for 1h',
      'context Images hosted by Slack. · 1 graph failed: high-cpu'
    ])
  })

  test('firing, and none is: one line says so; a message even without any graph', () => {
    const messages = buildMessages({ text: 'Report', graphs: [], expiry, alarms: part([], true) })
    expect(messages.map(m => shape(m.blocks))).toEqual([
      [
        'section Report',
        'heading',
        'section :large_green_circle: No alarm is firing.',
        'context Images hosted by Slack.'
      ]
    ])
  })

  test('chunks hold 50 blocks at most and never part an alarm line from its graph', () => {
    const alarms = Array.from({ length: 30 }, (_, i) => alarm(`alarm-${i + 1}`))
    const messages = buildMessages({
      text: 'Report',
      graphs: [graph('CPU'), ...alarms.map(a => graph(a.name, a))],
      expiry,
      alarms: part(alarms)
    })
    // 1 graph + heading + 30 × 2 = 62 blocks of content: 1 + 1 + 23 × 2 = 48 in the first
    // message, 7 × 2 = 14 in the next.
    expect(messages.map(m => m.blocks.length)).toEqual([50, 16])
    expect(messages.map(m => m.text)).toEqual(['Report (1/2)', 'Report (2/2)'])
    for (const message of messages) {
      expect(message.blocks.length).toBeLessThanOrEqual(50)
      const blocks = shape(message.blocks)
      blocks.forEach((block, i) => {
        if (block.startsWith('image alarm-')) expect(blocks[i - 1]).toMatch(/^section :red_circle:/)
      })
    }
    const images = messages.flatMap(m => shape(m.blocks)).filter(b => b.startsWith('image'))
    expect(images).toHaveLength(31)
  })

  test('without alarms, graphs go 48 a message as before', () => {
    const graphs = Array.from({ length: 100 }, (_, i) => graph(`g${i}`))
    const messages = buildMessages({ text: 'T', graphs, expiry })
    expect(messages.map(m => m.blocks.length)).toEqual([50, 50, 6])
  })
})

describe('threads and headers with alarms', () => {
  test('slack-thread: images: each alarm reply has its line and graph; composites in the header', () => {
    const high = alarm('high-cpu')
    const all = alarm('all-bad', 'composite')
    const thread = buildThread({
      text: 'Report',
      graphs: [graph('CPU'), graph('high-cpu', high)],
      expiry,
      alarms: part([high, all])
    })
    expect(shape(thread.header.blocks)).toEqual([
      'section Report',
      'heading',
      'section :red_circle: *all-bad* (composite) *ALARM* for 1h',
      'context Images hosted by Slack.'
    ])
    expect(thread.replies.map(r => shape(r.blocks))).toEqual([
      ['image CPU'],
      ['section :red_circle: *high-cpu* *ALARM* for 1h', 'image high-cpu']
    ])
  })

  test('slack-upload: the header has every alarm line; a thousand alarms still fit in 50 blocks', () => {
    const alarms = Array.from({ length: 1000 }, (_, i) => ({
      ...alarm(`alarm-${i + 1}`),
      reason: 'Threshold Crossed: '.repeat(15)
    }))
    const header = buildHeader({ text: 'Report', expiry, alarms: part(alarms) })
    expect(header.blocks.length).toBeLessThanOrEqual(50)
    const text = JSON.stringify(header.blocks)
    expect(text).toContain('*alarm-1* *ALARM*')
    expect(text).toMatch(/…and \d+ more alarms not shown/)
    for (const block of header.blocks) {
      const section = block.text as { text: string } | undefined
      if (block.type === 'section') expect(section!.text.length).toBeLessThanOrEqual(3000)
    }
  })

  test('a header without alarms is the text and the context line, as before', () => {
    expect(shape(buildHeader({ text: 'Report', expiry }).blocks)).toEqual([
      'section Report',
      'context Images hosted by Slack.'
    ])
  })
})
