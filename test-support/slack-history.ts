// What the Slack stand-in remembers of a channel, and how it answers for it: conversations.history
// (the channel's own messages, newest first) and conversations.replies (a thread, oldest first),
// with message metadata when asked (include_all_metadata), and chat.postMessage's `metadata`
// argument read and checked like Slack does.
import type { SlackArgs } from './slack-files.js'

export interface MessageMetadata {
  event_type: string
  event_payload: Record<string, unknown>
}

/** A message as conversations.history returns it: a post, or the message that shares files. */
export interface HistoryEntry {
  channel: string
  ts: string
  thread_ts?: string
  text?: string
  blocks?: unknown[]
  metadata?: MessageMetadata
  files?: { id: string; permalink?: string }[]
}

type Answer = Record<string, unknown> & { ok: boolean }

/** chat.postMessage's `metadata` (a JSON string in a form body): undefined, or an error code. */
export function parseMetadata(
  value: unknown
): { ok: true; metadata?: MessageMetadata } | { ok: false; error: string } {
  if (value === undefined || value === '') return { ok: true }
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
      return { ok: false, error: 'invalid_metadata_format' }
    }
  }
  const { event_type: type, event_payload: payload } = (parsed ?? {}) as Record<string, unknown>
  if (typeof type !== 'string' || !/^[a-z0-9_]+$/.test(type)) {
    return { ok: false, error: 'invalid_metadata_schema' }
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, error: 'invalid_metadata_schema' }
  }
  return { ok: true, metadata: { event_type: type, event_payload: payload as never } }
}

/** Slack's window arguments: `oldest`/`latest` are exclusive unless `inclusive`. */
function inWindow(ts: string, args: SlackArgs): boolean {
  const at = Number(ts)
  const inclusive = args.inclusive === true || args.inclusive === 'true' || args.inclusive === '1'
  const oldest = args.oldest === undefined ? -Infinity : Number(args.oldest)
  const latest = args.latest === undefined ? Infinity : Number(args.latest)
  return inclusive ? at >= oldest && at <= latest : at > oldest && at < latest
}

function shown(entry: HistoryEntry, args: SlackArgs): Record<string, unknown> {
  const all = args.include_all_metadata === true || args.include_all_metadata === 'true'
  const { channel: _channel, metadata, ...message } = entry
  return {
    type: 'message',
    user: 'U0STANDIN',
    bot_id: 'B0STANDIN',
    ...message,
    ...(all && metadata ? { metadata } : {})
  }
}

function limitOf(args: SlackArgs): number {
  const limit = Number(args.limit ?? 100)
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, 1000) : 100
}

/** conversations.history: the channel's messages (thread replies left out), newest first. */
export function history(entries: readonly HistoryEntry[], args: SlackArgs): Answer {
  const channel = String(args.channel ?? '')
  const found = entries
    .filter(e => e.channel === channel && (e.thread_ts === undefined || e.thread_ts === e.ts))
    .filter(e => inWindow(e.ts, args))
    .sort((a, b) => Number(b.ts) - Number(a.ts))
  const limit = limitOf(args)
  return {
    ok: true,
    messages: found.slice(0, limit).map(e => shown(e, args)),
    has_more: found.length > limit
  }
}

/** conversations.replies: a thread's parent, then its replies, oldest first. */
export function replies(entries: readonly HistoryEntry[], args: SlackArgs): Answer {
  const channel = String(args.channel ?? '')
  const ts = String(args.ts ?? '')
  const parent = entries.find(e => e.channel === channel && e.ts === ts)
  if (!parent) return { ok: false, error: 'thread_not_found' }
  const thread = entries
    .filter(e => e.channel === channel && e.thread_ts === ts && e.ts !== ts)
    .filter(e => inWindow(e.ts, args))
    .sort((a, b) => Number(a.ts) - Number(b.ts))
  const limit = limitOf(args)
  return {
    ok: true,
    messages: [parent, ...thread].slice(0, limit).map(e => shown(e, args)),
    has_more: thread.length + 1 > limit
  }
}
