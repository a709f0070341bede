// A loopback Slack Web API for the real @slack/web-api WebClient (pass `apiUrl` as `slackApiUrl`).
// chat.postMessage behaves like Slack where the action can go wrong: token and channel checks,
// Block Kit limits, message metadata, and above all it DOWNLOADS every image_url while handling
// the post, rejecting the whole message with invalid_blocks if one image cannot be fetched (its
// detail in `errors`, in `response_metadata.messages`, in both or in neither, as Slack varies).
// conversations.history / .replies read back what was posted, metadata included when asked.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { FaultPlan, Timeline, now, type Fault } from './faults.js'
import {
  type Serving,
  closeServer,
  createJsonServer,
  hangUp,
  listenOnLoopback,
  loseAnswer,
  readBody,
  resetConnection,
  sendJson
} from './http.js'
import { downloadImages, parseBlocks, type Block, type SlackDownload } from './slack-blocks.js'
import { UploadStore, type SlackArgs, type SlackUpload } from './slack-files.js'
import {
  type HistoryEntry,
  type MessageMetadata,
  history,
  parseMetadata,
  replies
} from './slack-history.js'

export type { SlackDownload } from './slack-blocks.js'
export type { SlackUpload } from './slack-files.js'

export interface SlackStandInOptions {
  /** The one valid token (default 'xoxb-stand-in-token'). */
  token?: string
  /**
   * Known channels; `joined: false` answers not_in_channel, `archived: true` is_archived (as Slack
   * answers a post to an archived channel). Omitted: every channel exists.
   */
  channels?: Record<string, { joined?: boolean; archived?: boolean }>
  faults?: FaultPlan
  timeline?: Timeline
  /** Extra time Slack spends on each image download (the downloads themselves are real). */
  downloadLatencyMs?: number
  downloadTimeoutMs?: number
  /** How Slack fetches the images (default: fetch), e.g. one that resolves names only a proxy knows. */
  downloadFetch?: typeof fetch
  /** https, under a host name (default: http on 127.0.0.1). */
  serving?: Serving
  /** Called after each Web API call or upload has been answered (`npm run stand-ins` writes then). */
  onCall?: (method: string) => void
}

/** Where Slack puts the detail of an image it could not download (`none`: no detail at all). */
export type ImageErrorShape = 'errors' | 'response_metadata' | 'both' | 'none'

export interface SlackMessage {
  channel: string
  text: string | undefined
  blocks: Block[]
  thread_ts: string | undefined
  ts: string
  at: number
  downloads: SlackDownload[]
  metadata?: MessageMetadata
}

/** Every answer with ok:false (or an HTTP error), in order, with what Slack downloaded for it. */
export interface SlackRejection {
  at: number
  method: string
  error: string
  messages?: string[]
  downloads: SlackDownload[]
}

export interface SlackStandIn {
  /** `http://127.0.0.1:PORT/api/` */
  apiUrl: string
  token: string
  messages: SlackMessage[]
  uploads: SlackUpload[]
  rejected: SlackRejection[]
  /** Every message of every channel, as conversations.history shows them (file shares too). */
  history: HistoryEntry[]
  /** Where invalid_blocks puts "downloading image failed" (default: response_metadata). */
  imageErrors: ImageErrorShape
  /**
   * conversations.history / .replies answer this instead (missing_scope when the app lacks
   * channels:history, not_in_channel when it posts with chat:write.public but is not a member).
   */
  historyError?: 'missing_scope' | 'not_in_channel' | 'channel_not_found'
  faults: FaultPlan
  timeline: Timeline
  close(): Promise<void>
}

const IDENTITY = { team: 'Stand-in', team_id: 'T0STANDIN', user: 'graphs', user_id: 'U0STANDIN' }

class SlackFailure extends Error {
  constructor(
    readonly error: string,
    readonly messages?: string[],
    readonly downloads: SlackDownload[] = [],
    /** Fields of the answer besides ok and error (errors, response_metadata, needed…). */
    readonly fields: Record<string, unknown> = messages ? { response_metadata: { messages } } : {}
  ) {
    super(error)
  }
}

/** invalid_blocks for images Slack could not download, in the shape the stand-in is set to. */
function imageFailure(
  shape: ImageErrorShape,
  messages: string[],
  downloads: SlackDownload[]
): SlackFailure {
  const bare = messages.map(text => text.replace(/^\[ERROR\] /, ''))
  const fields: Record<string, unknown> = {
    errors: { errors: bare },
    response_metadata: { response_metadata: { messages } },
    both: { errors: bare, response_metadata: { messages } },
    none: {}
  }[shape]
  return new SlackFailure('invalid_blocks', messages, downloads, fields)
}

/** Form fields (what the WebClient sends), a JSON body, or the query string. */
function parseArgs(req: IncomingMessage, body: Buffer): SlackArgs {
  const url = new URL(req.url ?? '/', 'http://stand-in')
  const args: SlackArgs = Object.fromEntries(url.searchParams)
  const type = req.headers['content-type'] ?? ''
  if (type.startsWith('application/json')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8') || '{}')
    } catch {
      throw new SlackFailure('invalid_json')
    }
    if (typeof parsed === 'object' && parsed !== null) Object.assign(args, parsed)
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(args, Object.fromEntries(new URLSearchParams(body.toString('utf8'))))
  }
  return args
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const token = options.token ?? 'xoxb-stand-in-token'
  let baseUrl = ''
  let lastTs = 0
  const files = new UploadStore(() => baseUrl)
  const standIn: Omit<SlackStandIn, 'apiUrl' | 'close'> = {
    token,
    messages: [],
    uploads: files.uploads,
    rejected: [],
    history: [],
    imageErrors: 'response_metadata',
    faults: options.faults ?? new FaultPlan(),
    timeline: options.timeline ?? new Timeline()
  }

  function channelError(channel: string): string | undefined {
    if (!options.channels) return undefined
    const known = options.channels[channel]
    if (!known) return 'channel_not_found'
    if (known.archived) return 'is_archived'
    return known.joined === false ? 'not_in_channel' : undefined
  }

  /** Unique, increasing '<seconds>.<microseconds>' like Slack's message ids. */
  function nextTs(): string {
    lastTs = Math.max(Math.floor(now() * 1000), lastTs + 1)
    return `${Math.floor(lastTs / 1e6)}.${String(lastTs % 1e6).padStart(6, '0')}`
  }

  async function postMessage(args: SlackArgs, at: number): Promise<Record<string, unknown>> {
    const channel = typeof args.channel === 'string' ? args.channel : ''
    const problem = channel === '' ? 'channel_not_found' : channelError(channel)
    if (problem) throw new SlackFailure(problem)
    const text = typeof args.text === 'string' ? args.text : undefined
    if (text !== undefined && text.length > 40000) throw new SlackFailure('msg_too_long')
    let blocks: Block[] = []
    if (args.blocks !== undefined && args.blocks !== '') {
      const parsed = parseBlocks(args.blocks)
      if (!parsed.ok) throw new SlackFailure(parsed.error, parsed.messages)
      blocks = parsed.blocks
    }
    if (!text && blocks.length === 0) throw new SlackFailure('no_text')

    const downloadOptions = {
      latencyMs: options.downloadLatencyMs,
      timeoutMs: options.downloadTimeoutMs,
      fetch: options.downloadFetch,
      // FaultPlan operation 'image download': any fault makes that one download fail.
      failDownload: () => standIn.faults.take('image download') !== undefined
    }
    const parsedMetadata = parseMetadata(args.metadata)
    if (!parsedMetadata.ok) throw new SlackFailure(parsedMetadata.error)
    const { downloads, messages } = await downloadImages(blocks, downloadOptions)
    if (messages.length > 0) throw imageFailure(standIn.imageErrors, messages, downloads)

    const ts = nextTs()
    const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined
    const metadata = parsedMetadata.metadata
    standIn.messages.push({
      channel,
      text,
      blocks,
      thread_ts: threadTs,
      ts,
      at,
      downloads,
      metadata
    })
    standIn.history.push({ channel, ts, thread_ts: threadTs, text, blocks, metadata })
    const message = { type: 'message', user: IDENTITY.user_id, bot_id: 'B0STANDIN', text, ts }
    const threaded = threadTs === undefined ? {} : { thread_ts: threadTs }
    return { ok: true, channel, ts, message: { ...message, blocks, ...threaded } }
  }

  async function call(method: string, args: SlackArgs, at: number) {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: `${baseUrl}/`, ...IDENTITY, bot_id: 'B0STANDIN' }
      case 'chat.postMessage':
        return postMessage(args, at)
      case 'files.getUploadURLExternal':
        return files.getUploadUrl(args)
      case 'files.completeUploadExternal':
        return share(files.complete(args, channelError), args)
      case 'conversations.history':
      case 'conversations.replies':
        return readHistory(method, args)
      default:
        throw new SlackFailure('unknown_method')
    }
  }

  /** A completed share is a message in the channel (or thread) that carries the files. */
  function share(answer: Record<string, unknown>, args: SlackArgs): Record<string, unknown> {
    const channel = typeof args.channel_id === 'string' ? args.channel_id : undefined
    if (answer.ok !== true || channel === undefined) return answer
    const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined
    const shared = (answer.files ?? []) as { id: string; permalink?: string }[]
    const files = shared.map(({ id, permalink }) => ({ id, permalink }))
    standIn.history.push({ channel, ts: nextTs(), thread_ts: threadTs, text: '', files })
    return answer
  }

  function readHistory(method: string, args: SlackArgs): Record<string, unknown> {
    const channel = typeof args.channel === 'string' ? args.channel : ''
    if (standIn.historyError === 'missing_scope') {
      throw new SlackFailure('missing_scope', undefined, [], {
        needed: 'channels:history',
        provided: 'chat:write,chat:write.public,files:write'
      })
    }
    const problem = channel === '' ? 'channel_not_found' : channelError(channel)
    const refusal = problem ?? standIn.historyError
    if (refusal) throw new SlackFailure(refusal)
    return method === 'conversations.history'
      ? history(standIn.history, args)
      : replies(standIn.history, args)
  }

  function sendFault(
    res: ServerResponse,
    fault: Extract<Fault, { kind: 'status' | 'throttle' }>
  ): string {
    if (fault.kind === 'throttle' || fault.status === 429) {
      const retryAfter = String(fault.retryAfterSeconds ?? 1)
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': retryAfter })
      return 'ratelimited'
    }
    const error = fault.code ?? (fault.status === 200 ? 'fatal_error' : 'service_unavailable')
    sendJson(res, fault.status, { ok: false, error })
    return error
  }

  /** The answer to an API call: Slack's, or ok:false for a refusal. */
  async function answerCall(
    req: IncomingMessage,
    body: Buffer,
    method: string,
    at: number,
    reject: (error: string, messages?: string[], downloads?: SlackDownload[]) => void
  ): Promise<Record<string, unknown>> {
    try {
      const args = parseArgs(req, body)
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
      const given = bearer ?? (typeof args.token === 'string' ? args.token : undefined)
      if (given === undefined) throw new SlackFailure('not_authed')
      if (given !== token) throw new SlackFailure('invalid_auth')
      const answer = await call(method, args, at)
      if (answer.ok === false) reject(String(answer.error))
      return answer
    } catch (error) {
      if (!(error instanceof SlackFailure)) throw error
      reject(error.error, error.messages, error.downloads)
      return { ok: false, error: error.error, ...error.fields }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req)
    const path = new URL(req.url ?? '/', 'http://stand-in').pathname
    const upload = /^\/upload\/v1\/([^/]+)$/.exec(path)
    const method = upload ? 'upload' : path.replace(/^\/api\//, '')
    const event = standIn.timeline.start('slack', method)
    const reject = (error: string, messages?: string[], downloads: SlackDownload[] = []) =>
      standIn.rejected.push({ at: event.at, method, error, messages, downloads })
    try {
      await standIn.faults.delay()
      const fault = standIn.faults.take(method, body.toString('utf8'))
      if (fault?.kind === 'reset') return resetConnection(req)
      if (fault?.kind === 'hang') return await hangUp(req)
      if (fault && fault.kind !== 'lost') {
        reject(sendFault(res, fault))
        return
      }
      if (upload) {
        const [status, text] = files.receive(upload[1] ?? '', req.headers['content-type'], body)
        if (fault) return await loseAnswer(req, res, fault.answer)
        res.writeHead(status, { 'content-type': 'text/plain' }).end(text)
        return
      }
      const answer = await answerCall(req, body, method, event.at, reject)
      // Done (the message stored, the files shared); only the answer goes astray.
      if (fault) return await loseAnswer(req, res, fault.answer)
      sendJson(res, 200, answer)
    } finally {
      standIn.timeline.finish(event)
      options.onCall?.(method)
    }
  }

  const server = createJsonServer(handle, options.serving)
  baseUrl = await listenOnLoopback(server, options.serving)
  return Object.assign(standIn, { apiUrl: `${baseUrl}/api/`, close: () => closeServer(server) })
}
