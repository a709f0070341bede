// What the Slack stand-in received, as a folder a person can open: message.json (the messages as
// Slack got them), the images Slack downloaded (or the files uploaded to it) and preview.html (the
// messages as Slack lays them out). `npm run demo` writes it once; `npm run stand-ins` after each
// call.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { SlackStandIn } from '../test-support/slack-stand-in.js'
import { renderPreview } from './preview.js'

interface Written {
  messages: number
  images: number
}

/** A file name for an image: its own name, made unique within the folder. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name
  for (let n = 2; used.has(candidate); n += 1) candidate = `${n}-${name}`
  used.add(candidate)
  return candidate
}

export function writeSlackFolder(dir: string, slack: SlackStandIn): Written {
  mkdirSync(dir, { recursive: true })
  const used = new Set<string>()
  const keys: string[] = []
  const files: string[] = []
  const messages = slack.messages.map(({ channel, text, blocks, thread_ts, ts }) => ({
    channel,
    text,
    blocks,
    thread_ts,
    ts
  }))
  for (const download of slack.messages.flatMap(m => m.downloads)) {
    if (download.status !== 200) continue
    const pathname = new URL(download.url).pathname
    const file = uniqueName(path.basename(pathname), used)
    writeFileSync(path.join(dir, file), download.body)
    keys.push(pathname.slice(1))
    files.push(file)
  }
  // slack-upload: the files themselves, shown as the message Slack makes of them.
  const uploads = slack.uploads.filter(upload => upload.completed && upload.bytes)
  if (uploads.length > 0) {
    const blocks = uploads.map(upload => {
      const file = uniqueName(upload.filename, used)
      writeFileSync(path.join(dir, file), upload.bytes ?? Buffer.alloc(0))
      keys.push(upload.fileId)
      files.push(file)
      const title = { type: 'plain_text', text: upload.title ?? upload.filename }
      return { type: 'image', image_url: `upload:/${upload.fileId}`, alt_text: '', title }
    })
    const comment = uploads.find(upload => upload.initialComment)?.initialComment ?? ''
    const section = { type: 'section', text: { type: 'mrkdwn', text: comment } }
    messages.push({
      channel: uploads[0]?.channel ?? '',
      text: comment,
      blocks: comment ? [section, ...blocks] : blocks,
      thread_ts: uploads[0]?.threadTs,
      ts: ''
    })
  }
  writeFileSync(path.join(dir, 'message.json'), `${JSON.stringify(messages, null, 2)}\n`)
  writeFileSync(path.join(dir, 'preview.html'), renderPreview(messages, keys, files))
  return { messages: messages.length, images: files.length }
}
