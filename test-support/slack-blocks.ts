// Block Kit checks the Slack stand-in applies to chat.postMessage, with Slack's own error style:
// `invalid_blocks` plus response_metadata.messages such as
// "[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/image_url]".
// Only the limits the action can run into are modelled: 50 blocks, image blocks (image_url <= 3000,
// alt_text required <= 2000, title plain_text <= 2000), and the common text block limits.
import { sleep } from './faults.js'

/** A block that passed validation: it always has a string `type`. */
export interface Block {
  type: string
  [field: string]: unknown
}

type Json = Record<string, unknown>

export const MAX_BLOCKS = 50
const KNOWN_TYPES = [
  'actions',
  'context',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video'
]

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function tooLong(limit: number, pointer: string): string {
  return `[ERROR] must be less than ${limit + 1} characters [json-pointer:${pointer}]`
}

function missing(field: string, pointer: string): string {
  return `[ERROR] missing required field: ${field} [json-pointer:${pointer}]`
}

/** Checks a text object (`{type, text}`) of the given kinds and length limit. */
function checkText(value: unknown, pointer: string, limit: number, kinds: string[]): string[] {
  if (!isObject(value)) return [`[ERROR] must be an object [json-pointer:${pointer}]`]
  if (typeof value.type !== 'string' || !kinds.includes(value.type)) {
    return [`[ERROR] must be a valid enum value [json-pointer:${pointer}/type]`]
  }
  if (typeof value.text !== 'string') return [missing('text', pointer)]
  return value.text.length > limit ? [tooLong(limit, `${pointer}/text`)] : []
}

function checkImage(block: Json, pointer: string): string[] {
  const errors: string[] = []
  if (typeof block.image_url !== 'string' && !isObject(block.slack_file)) {
    errors.push(missing('image_url', pointer))
  } else if (typeof block.image_url === 'string' && block.image_url.length > 3000) {
    errors.push(tooLong(3000, `${pointer}/image_url`))
  }
  if (typeof block.alt_text !== 'string') errors.push(missing('alt_text', pointer))
  else if (block.alt_text.length > 2000) errors.push(tooLong(2000, `${pointer}/alt_text`))
  if (block.title !== undefined) {
    errors.push(...checkText(block.title, `${pointer}/title`, 2000, ['plain_text']))
  }
  return errors
}

function checkBlock(block: unknown, index: number, ids: Set<string>): string[] {
  const pointer = `/blocks/${index}`
  if (!isObject(block)) return [`[ERROR] must be an object [json-pointer:${pointer}]`]
  const errors: string[] = []
  if (block.block_id !== undefined) {
    const id = String(block.block_id)
    if (id.length > 255) errors.push(tooLong(255, `${pointer}/block_id`))
    if (ids.has(id))
      errors.push(`[ERROR] block_id must be unique [json-pointer:${pointer}/block_id]`)
    ids.add(id)
  }
  switch (block.type) {
    case undefined:
      return [...errors, missing('type', pointer)]
    case 'image':
      return [...errors, ...checkImage(block, pointer)]
    case 'header':
      return [...errors, ...checkText(block.text, `${pointer}/text`, 150, ['plain_text'])]
    case 'section':
      if (block.text === undefined && block.fields === undefined) {
        return [...errors, missing('text', pointer)]
      }
      if (block.text === undefined) return errors
      return [
        ...errors,
        ...checkText(block.text, `${pointer}/text`, 3000, ['plain_text', 'mrkdwn'])
      ]
    case 'context': {
      const elements = block.elements
      if (!Array.isArray(elements) || elements.length === 0) {
        return [...errors, missing('elements', pointer)]
      }
      if (elements.length > 10) {
        errors.push(`[ERROR] no more than 10 items allowed [json-pointer:${pointer}/elements]`)
      }
      return errors
    }
    default:
      if (typeof block.type === 'string' && KNOWN_TYPES.includes(block.type)) return errors
      return [...errors, `[ERROR] failed to match all allowed schemas [json-pointer:${pointer}]`]
  }
}

export type BlocksResult =
  | { ok: true; blocks: Block[] }
  | { ok: false; error: 'invalid_blocks' | 'invalid_blocks_format'; messages?: string[] }

/** `blocks` as the WebClient sends it (a JSON string in a form) or as a JSON body holds it. */
export function parseBlocks(raw: unknown): BlocksResult {
  let blocks = raw
  if (typeof raw === 'string') {
    try {
      blocks = JSON.parse(raw)
    } catch {
      return { ok: false, error: 'invalid_blocks_format' }
    }
  }
  if (!Array.isArray(blocks)) return { ok: false, error: 'invalid_blocks_format' }
  if (blocks.length > MAX_BLOCKS) {
    const messages = [`[ERROR] no more than ${MAX_BLOCKS} items allowed [json-pointer:/blocks]`]
    return { ok: false, error: 'invalid_blocks', messages }
  }
  const ids = new Set<string>()
  const messages = blocks.flatMap((block: unknown, i) => checkBlock(block, i, ids))
  if (messages.length > 0) return { ok: false, error: 'invalid_blocks', messages }
  return { ok: true, blocks: blocks as Block[] }
}

export interface SlackDownload {
  url: string
  /** HTTP status, or 0 when the connection failed (the reason is in `error`). */
  status: number
  contentType: string | undefined
  body: Buffer
  error?: string
}

export interface DownloadOptions {
  /** Extra time Slack spends per image, on top of the real fetch. */
  latencyMs?: number
  timeoutMs?: number
  /**
   * Asked once per image: true makes that download fail on Slack's side (as happens even for
   * valid URLs), without touching the URL.
   */
  failDownload?: () => boolean
  /** Slack's HTTP client (default: fetch). */
  fetch?: typeof fetch
}

async function download(url: string, options: DownloadOptions): Promise<SlackDownload> {
  if (options.latencyMs) await sleep(options.latencyMs)
  if (options.failDownload?.()) {
    return { url, status: 0, contentType: undefined, body: Buffer.alloc(0), error: 'injected' }
  }
  try {
    const response = await (options.fetch ?? fetch)(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000)
    })
    const body = Buffer.from(await response.arrayBuffer())
    const contentType = response.headers.get('content-type') ?? undefined
    return { url, status: response.status, contentType, body }
  } catch (error) {
    return { url, status: 0, contentType: undefined, body: Buffer.alloc(0), error: String(error) }
  }
}

function usable(result: SlackDownload): boolean {
  return result.status >= 200 && result.status < 300 && /^image\//i.test(result.contentType ?? '')
}

/**
 * Fetches every image_url like Slack does while it handles the post (so the time counts towards the
 * request). Returns the downloads and, for each image that failed, Slack's error message.
 */
export async function downloadImages(
  blocks: Block[],
  options: DownloadOptions
): Promise<{ downloads: SlackDownload[]; messages: string[] }> {
  const images = blocks
    .map((block, index) => ({ block, index }))
    .filter(({ block }) => block.type === 'image' && typeof block.image_url === 'string')
  const downloads = await Promise.all(
    images.map(({ block }) => download(block.image_url as string, options))
  )
  const messages = downloads.flatMap((result, i) =>
    usable(result)
      ? []
      : [`[ERROR] downloading image failed [json-pointer:/blocks/${images[i]?.index}/image_url]`]
  )
  return { downloads, messages }
}
