// Slack's external upload flow, for a future "upload instead of presign" mode:
// files.getUploadURLExternal (filename, length) -> upload_url + file_id; POST the bytes to
// upload_url (the WebClient sends multipart/form-data, curl-style clients send raw bytes);
// files.completeUploadExternal (files=[{id,title}], channel_id, initial_comment, thread_ts).
import { now } from './faults.js'

export interface SlackUpload {
  fileId: string
  filename: string
  /** The length announced in files.getUploadURLExternal. */
  length: number
  /** The bytes POSTed to the upload URL (undefined until then). */
  bytes?: Buffer
  title?: string
  channel?: string
  initialComment?: string
  threadTs?: string
  completed: boolean
  at: number
}

export type SlackArgs = Record<string, unknown>
type SlackAnswer = Record<string, unknown> & { ok: boolean }

/** The first part of a multipart/form-data body, or the body itself when it is not multipart. */
export function fileBytes(contentType: string | undefined, body: Buffer): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '')
  if (!contentType?.startsWith('multipart/form-data') || !boundary) return body
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`)
  const start = body.indexOf(delimiter)
  const headersEnd = body.indexOf('\r\n\r\n', start)
  if (start < 0 || headersEnd < 0) return body
  const contentStart = headersEnd + 4
  const end = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), contentStart)
  return body.subarray(contentStart, end < 0 ? body.length : end)
}

function mimetype(filename: string): string {
  if (/\.png$/i.test(filename)) return 'image/png'
  if (/\.jpe?g$/i.test(filename)) return 'image/jpeg'
  return 'application/octet-stream'
}

export class UploadStore {
  readonly uploads: SlackUpload[] = []
  private counter = 0

  /** `baseUrl` is read per call: the port is only known once the server listens. */
  constructor(private readonly baseUrl: () => string) {}

  getUploadUrl(args: SlackArgs): SlackAnswer {
    const length = Number(args.length)
    if (typeof args.filename !== 'string' || args.filename === '') {
      return { ok: false, error: 'invalid_arguments' }
    }
    if (!Number.isInteger(length) || length < 1) return { ok: false, error: 'invalid_arguments' }
    this.counter += 1
    const fileId = `F0STANDIN${String(this.counter).padStart(4, '0')}`
    this.uploads.push({ fileId, filename: args.filename, length, completed: false, at: now() })
    return { ok: true, upload_url: `${this.baseUrl()}/upload/v1/${fileId}`, file_id: fileId }
  }

  /** The POST to an upload URL; answers like files.slack.com (200 "OK - <bytes>"). */
  receive(fileId: string, contentType: string | undefined, body: Buffer): [number, string] {
    const upload = this.uploads.find(u => u.fileId === fileId)
    if (!upload || upload.completed) return [404, 'Not Found']
    upload.bytes = fileBytes(contentType, body)
    return [200, `OK - ${upload.bytes.length}`]
  }

  /** `channelError` answers the channel checks chat.postMessage also applies. */
  complete(args: SlackArgs, channelError: (channel: string) => string | undefined): SlackAnswer {
    let files: unknown = args.files
    if (typeof files === 'string') {
      try {
        files = JSON.parse(files)
      } catch {
        return { ok: false, error: 'invalid_arguments' }
      }
    }
    if (!Array.isArray(files) || files.length === 0)
      return { ok: false, error: 'invalid_arguments' }
    const channel = typeof args.channel_id === 'string' ? args.channel_id : undefined
    const problem = channel === undefined ? undefined : channelError(channel)
    if (problem) return { ok: false, error: problem }

    const picked: Array<[SlackUpload, string | undefined]> = []
    for (const entry of files as Array<Record<string, unknown>>) {
      const upload = this.uploads.find(u => u.fileId === entry?.id)
      if (!upload || upload.completed || !upload.bytes)
        return { ok: false, error: 'file_not_found' }
      picked.push([upload, typeof entry.title === 'string' ? entry.title : undefined])
    }
    const answer = picked.map(([upload, title]) => {
      Object.assign(upload, {
        completed: true,
        title: title ?? upload.filename,
        channel,
        initialComment: typeof args.initial_comment === 'string' ? args.initial_comment : undefined,
        threadTs: typeof args.thread_ts === 'string' ? args.thread_ts : undefined
      })
      return {
        id: upload.fileId,
        name: upload.filename,
        title: upload.title,
        mimetype: mimetype(upload.filename),
        size: upload.bytes?.length ?? 0,
        created: Math.floor(upload.at / 1000),
        // Like Slack's: a link to the file's page in the workspace (not served here).
        permalink: `${this.baseUrl()}/files/U0STANDIN/${upload.fileId}/${upload.filename}`
      }
    })
    return { ok: true, files: answer }
  }
}
