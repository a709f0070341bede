// delivery: slack-upload: Slack hosts the PNGs, so they never expire and no bucket or signer is
// needed. Slack's external upload flow: files.getUploadURLExternal, the bytes to that URL, then
// files.completeUploadExternal shares them in the channel (or thread).
import { mapWithConcurrency } from '../domain/concurrency.js'
import { ActionError, describeError } from '../domain/errors.js'
import { fileName } from '../domain/naming.js'
import { findProxyError } from '../domain/network-errors.js'
import { isTimeout } from '../http.js'
import { type SlackClient, slackErrorText } from './client.js'
import { postOnce } from './lookup.js'
import type { PostOptions } from './posting.js'

/** Files shared per message: Slack shows up to 10 attachments in one message. */
export const FILES_PER_MESSAGE = 10
const UPLOAD_CONCURRENCY = 5
const UPLOAD_ATTEMPTS = 3

export interface GraphFile {
  name: string
  /** 1-based, as in the object key names of presigned-url delivery. */
  position: number
  png: Uint8Array
}

export interface UploadedFile {
  id: string
  title: string
}

/**
 * The bytes of every file to Slack (not yet shared anywhere), at most a few at once. Each file's
 * result in order: its Slack file id, or why it failed, so one failure does not cost the others.
 */
export async function uploadFiles(
  client: SlackClient,
  files: readonly GraphFile[],
  options: { sleep?: (ms: number) => Promise<void> } = {}
): Promise<(UploadedFile | Error)[]> {
  return mapWithConcurrency(files, UPLOAD_CONCURRENCY, file =>
    uploadBytes(client, file, fileName(file.position, file.name, files.length), options).catch(
      (error: unknown) => (error instanceof Error ? error : new Error(String(error)))
    )
  )
}

export interface ShareResult {
  /** Each file's permalink, in order; undefined for files not shared. */
  permalinks: (string | undefined)[]
  /** Why sharing stopped, when it did: the files from there on were not shared. */
  failure?: string
}

/**
 * Shares the uploaded files in order, `perMessage` files per message (1 in a thread of replies),
 * paced like messages. Stops at the first refusal: the next share would meet the same cause. A
 * share whose answer was lost is looked for in the channel before it is sent again (sharing twice
 * would post the files twice).
 */
export async function shareFiles(
  client: SlackClient,
  channelId: string,
  files: readonly UploadedFile[],
  options: PostOptions & {
    perMessage: number
    /** How a person finds the files in the channel, should a share be in doubt. */
    identifies?: string
  }
): Promise<ShareResult> {
  const permalinks: (string | undefined)[] = files.map(() => undefined)
  for (let start = 0; start < files.length; start += options.perMessage) {
    if (start > 0 && options.paceMs) await (options.sleep ?? client.sleep)(options.paceMs)
    const batch = files.slice(start, start + options.perMessage)
    try {
      const shared = await share(client, channelId, batch, options)
      batch.forEach(({ id }, i) => {
        permalinks[start + i] = shared.get(id) ?? ''
      })
    } catch (error) {
      const failure =
        error instanceof ActionError
          ? error.message
          : `Slack refused to share it: ${slackErrorText(error)}`
      return { permalinks, failure }
    }
  }
  return { permalinks }
}

/** One completeUploadExternal, sent once: its files' permalinks by id. */
async function share(
  client: SlackClient,
  channelId: string,
  batch: readonly UploadedFile[],
  options: { threadTs?: string; identifies?: string }
): Promise<Map<string, string | undefined>> {
  const ids = new Set(batch.map(({ id }) => id))
  const permalinks = (found: { id?: string; permalink?: string }[]) =>
    new Map(found.filter(file => file.id && ids.has(file.id)).map(f => [f.id ?? '', f.permalink]))
  const send = async () => {
    const response = await client.web.files.completeUploadExternal({
      files: batch.map(({ id, title }) => ({ id, title })) as [UploadedFile],
      channel_id: channelId,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {})
    })
    return permalinks(response.files ?? [])
  }
  const names = batch.map(({ title }) => `'${title}'`).join(', ')
  return postOnce(client, send, {
    channel: channelId,
    threadTs: options.threadTs,
    // The message that shares them carries the files: the first one is enough to know it.
    find: messages => {
      const message = messages.find(m => (m.files ?? []).some(file => file.id === batch[0]?.id))
      return message ? permalinks(message.files ?? []) : undefined
    },
    what: `shared ${names} in '${channelId}'`,
    identifies: options.identifies ?? `the files ${names}`
  })
}

async function uploadBytes(
  client: SlackClient,
  file: GraphFile,
  filename: string,
  options: { sleep?: (ms: number) => Promise<void> }
): Promise<{ id: string; title: string }> {
  let target: { upload_url?: string; file_id?: string }
  try {
    target = await client.call(() =>
      client.web.files.getUploadURLExternal({ filename, length: file.png.length })
    )
  } catch (error) {
    throw new ActionError(`Slack refused an upload of '${file.name}': ${slackErrorText(error)}`, {
      cause: error
    })
  }
  if (!target.upload_url || !target.file_id) {
    throw new ActionError(`Slack gave no upload URL for '${file.name}'`)
  }
  await sendBytes(client, target.upload_url, file, options)
  return { id: target.file_id, title: file.name }
}

/**
 * The bytes to Slack's upload URL (sending them again only replaces them); a broken connection, no
 * answer or a 5xx is retried twice, while the run has time for it.
 */
async function sendBytes(
  client: SlackClient,
  url: string,
  file: GraphFile,
  options: { sleep?: (ms: number) => Promise<void> }
): Promise<void> {
  let problem = ''
  let cause: unknown
  for (let attempt = 1; attempt <= UPLOAD_ATTEMPTS; attempt++) {
    if (attempt > 1) {
      const wait = 1000 * 2 ** (attempt - 2)
      if (wait + client.time.attemptMs > client.time.remainingMs()) break
      await (options.sleep ?? client.sleep)(wait)
    }
    try {
      const response = await client.fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'image/png' },
        body: file.png
      })
      if (response.ok) return
      problem = `HTTP ${response.status}`
      if (response.status < 500) break
    } catch (error) {
      problem = isTimeout(error)
        ? `no answer within ${client.time.attemptMs / 1000} s`
        : describeError(error)
      cause = error
      if (findProxyError(error)) break // the proxy refused: the next attempt would meet it too
    }
  }
  throw new ActionError(`Uploading '${file.name}' to Slack failed: ${problem}`, { cause })
}
