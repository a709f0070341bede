// The Slack messages, built without I/O: a section with the text, one image block per graph, and
// a context line with the real expiry and a link to the run. Slack takes 50 blocks per message.
import { alarmBlock, alarmTextBlocks, alarmUnits } from './alarm-message.js'
import type { Alarm, AlarmsPart } from './alarms.js'
import type { Expiry } from './signing.js'
import { escapeMrkdwn, plural, truncate } from './text.js'
import { offsetMinutes } from './time-window.js'

/** What Slack refuses beyond: a message's blocks, an image block's URL, a block's texts. */
const LIMITS = { blocks: 50, imageUrl: 3000, altText: 2000, title: 2000, sectionText: 3000 }

export interface PostedGraph {
  name: string
  url: string
  /** The metric alarm it draws: its line goes right above it. */
  alarm?: Alarm
}

export interface Block {
  type: string
  [field: string]: unknown
}

export interface SlackMessage {
  /** Notification and fallback text. */
  text: string
  blocks: Block[]
}

/** The images' lifetime: presigned URLs expire, Slack-hosted files do not. */
export type Hosting = Expiry | 'slack'

export interface MessageOptions {
  text: string
  graphs: readonly PostedGraph[]
  expiry: Hosting
  runUrl?: string
  /** Names of graphs that failed: said in the context line, so readers know the report is partial. */
  missing?: readonly string[]
  /** The alarms part (input 'alarms'), after the other graphs. */
  alarms?: AlarmsPart
  /** The report's time window and zone, when the inputs set them: `Last 24 hours, times in UTC+09:00`. */
  window?: string
}

/** One or more messages; each repeats the text (marked as continued) and ends with the context line. */
export function buildMessages(options: MessageOptions): SlackMessage[] {
  const units = [
    ...options.graphs.filter(graph => !(options.alarms && graph.alarm)).map(g => [graphBlock(g)]),
    ...alarmUnits(options.alarms, options.graphs, graphBlock)
  ]
  const chunks = inChunks(units, LIMITS.blocks - 2) // the section and the context line
  const context = contextBlock(options)
  return chunks.map((chunk, index) => {
    const text =
      chunks.length === 1 ? options.text : `${options.text} (${index + 1}/${chunks.length})`
    return {
      text,
      blocks: [sectionBlock(text), ...chunk, context]
    }
  })
}

/** The units' blocks in chunks of at most `room`, a unit never split; one chunk when none. */
function inChunks(units: readonly Block[][], room: number): Block[][] {
  const chunks: Block[][] = [[]]
  for (const unit of units) {
    const last = chunks[chunks.length - 1] as Block[]
    if (last.length > 0 && last.length + unit.length > room) chunks.push([...unit])
    else last.push(...unit)
  }
  return chunks
}

export interface ThreadMessages {
  /** The text and the context line: the thread's parent. */
  header: SlackMessage
  /** One reply per graph, in order. */
  replies: SlackMessage[]
}

/** slack-thread: images: a header message, then each graph as a reply in its thread. */
export function buildThread(options: MessageOptions): ThreadMessages {
  const { alarms } = options
  return {
    header: buildHeader(options),
    // An alarm's reply carries its line above its graph.
    replies: options.graphs.map(graph => ({
      text: graph.name,
      blocks:
        alarms && graph.alarm
          ? [alarmBlock(graph.alarm, alarms), graphBlock(graph)]
          : [graphBlock(graph)]
    }))
  }
}

/**
 * The text and the context line: the parent of a thread, or the words above uploaded files. With
 * alarms, their lines between the two, but for those whose graphs are in `graphs` (the replies).
 */
export function buildHeader(
  options: Omit<MessageOptions, 'graphs'> & { graphs?: readonly PostedGraph[] }
): SlackMessage {
  return {
    text: options.text,
    blocks: [
      sectionBlock(options.text),
      ...alarmTextBlocks(options.alarms, options.graphs ?? [], LIMITS.blocks - 2),
      contextBlock(options)
    ]
  }
}

function sectionBlock(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) } }
}

/** An image block, or a link when the URL is over Slack's image_url limit (long session tokens). */
export function graphBlock(graph: PostedGraph): Block {
  if (graph.url.length > LIMITS.imageUrl) return linkBlock(graph.name, graph.url)
  return {
    type: 'image',
    image_url: graph.url,
    alt_text: truncate(graph.name, LIMITS.altText),
    title: { type: 'plain_text', text: truncate(graph.name, LIMITS.title), emoji: true }
  }
}

/** A link that Slack need not download: for URLs it cannot take as images. */
function linkBlock(name: string, url: string): Block {
  return {
    type: 'rich_text',
    elements: [
      {
        type: 'rich_text_section',
        elements: [{ type: 'link', url, text: truncate(name, LIMITS.title) }]
      }
    ]
  }
}

/**
 * The same message with every image as a link. Slack rejects a whole message when it cannot
 * download one image (invalid_blocks), even a valid one; links still reach the channel.
 */
export function imagesAsLinks(message: SlackMessage): SlackMessage {
  return {
    text: message.text,
    blocks: message.blocks.map(block =>
      block.type === 'image' ? linkBlock(String(block.alt_text), String(block.image_url)) : block
    )
  }
}

/** The window, the images' lifetime, the graphs that failed, and a link to the run. */
function contextBlock(options: Omit<MessageOptions, 'graphs' | 'text'>): Block {
  const { expiry, runUrl, missing = [], window } = options
  const parts = [expiryText(expiry)]
  if (window) parts.unshift(escapeMrkdwn(window))
  if (missing.length > 0) {
    const names = escapeMrkdwn(truncate(missing.join(', '), 500))
    parts.push(`${plural(missing.length, 'graph')} failed: ${names}`)
  }
  if (runUrl) parts.push(`<${runUrl}|Workflow run>`)
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncate(parts.join(' · '), LIMITS.sectionText) }]
  }
}

/** Slack's date formatting shows each reader their local time; the fallback is UTC. */
export function expiryText(expiry: Hosting): string {
  if (expiry === 'slack') return 'Images hosted by Slack.'
  if (!expiry.effective) {
    return 'Images last only as long as the signing session (temporary credentials, often 1 hour).'
  }
  const seconds = Math.floor(expiry.effective.getTime() / 1000)
  const fallback = expiry.effective.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
  return `Images available until <!date^${seconds}^{date_short_pretty} at {time}|${fallback}>`
}

/**
 * The default text: names the day, so a channel full of reports stays readable; the day in the
 * report's time zone when it has one (`+0900`), so a morning report in Tokyo names that morning.
 */
export function defaultText(now: Date, timezone?: string): string {
  const local = new Date(now.getTime() + offsetMinutes(timezone) * 60_000)
  return `CloudWatch graphs for ${local.toISOString().slice(0, 10)}`
}
