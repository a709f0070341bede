// The Slack stand-in driven by the real @slack/web-api WebClient, with a tiny local server
// standing in for S3 so Slack's image downloads are real HTTP GETs.
import { createServer, type Server } from 'node:http'
import { LogLevel, WebClient, type Logger } from '@slack/web-api'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import { startSlackStandIn, type SlackStandIn } from '../../test-support/slack-stand-in.js'

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {}
}

/** `token: null` sends no token at all. */
function client(standIn: SlackStandIn, token: string | null = standIn.token): WebClient {
  return new WebClient(token ?? undefined, {
    slackApiUrl: standIn.apiUrl,
    retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 50 },
    timeout: 5000,
    logger: silent
  })
}

/** What the WebClient throws for ok:false: the answer is in `data`. */
async function slackError(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (error) {
    return (error as { data: Record<string, unknown> }).data
  }
  throw new Error('expected the call to fail')
}

const image = (image_url: string, alt_text = 'graph') => ({ type: 'image', image_url, alt_text })

describe('Slack stand-in', () => {
  const png = renderGraphPng({ width: 200, height: 100, title: 'served', seed: 1 })
  let images: Server
  let imageBase: string
  let standIn: SlackStandIn
  let slack: WebClient

  beforeAll(async () => {
    // Stands for S3: serves the PNG, a 404 and a non-image.
    images = createServer((req, res) => {
      if (req.url?.startsWith('/graph.png'))
        res.writeHead(200, { 'content-type': 'image/png' }).end(png)
      else if (req.url === '/page') res.writeHead(200, { 'content-type': 'text/html' }).end('<p>')
      else res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error/>')
    })
    imageBase = await listenOnLoopback(images)
    standIn = await startSlackStandIn({
      channels: { C0GRAPHS: {}, C0ELSEWHERE: { joined: false } }
    })
    slack = client(standIn)
  })
  afterAll(async () => {
    await standIn.close()
    await closeServer(images)
  })
  afterEach(() => standIn.faults.clear())

  const post = (blocks: unknown[], extra: Record<string, unknown> = {}) =>
    slack.chat.postMessage({ channel: 'C0GRAPHS', text: 'graphs', blocks, ...extra } as never)

  test('posts image blocks after downloading every image', async () => {
    const blocks = [image(`${imageBase}/graph.png`), image(`${imageBase}/graph.png?second`)]
    const answer = await post(blocks)
    expect(answer).toMatchObject({ ok: true, channel: 'C0GRAPHS', message: { text: 'graphs' } })
    expect(answer.ts).toMatch(/^\d{10}\.\d{6}$/)
    const message = standIn.messages.at(-1)
    expect(message).toMatchObject({ channel: 'C0GRAPHS', text: 'graphs', blocks, ts: answer.ts })
    expect(message?.downloads.map(d => [d.status, d.contentType])).toEqual([
      [200, 'image/png'],
      [200, 'image/png']
    ])
    expect(message?.downloads.every(d => d.body.equals(png))).toBe(true)
  })

  test('ts values are unique and increasing; thread_ts is kept', async () => {
    const first = await post([image(`${imageBase}/graph.png`)])
    const reply = await post([image(`${imageBase}/graph.png`)], { thread_ts: first.ts })
    expect(Number(reply.ts)).toBeGreaterThan(Number(first.ts))
    expect(reply.message).toMatchObject({ thread_ts: first.ts })
    expect(standIn.messages.at(-1)?.thread_ts).toBe(first.ts)
  })

  test.each([
    ['a 404', '/missing.png'],
    ['a non-image', '/page']
  ])('one image that answers %s rejects the whole message', async (_name, path) => {
    const before = standIn.messages.length
    const data = await slackError(
      post([image(`${imageBase}/graph.png`), image(`${imageBase}${path}`)])
    )
    expect(data).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      response_metadata: {
        messages: ['[ERROR] downloading image failed [json-pointer:/blocks/1/image_url]']
      }
    })
    expect(standIn.messages).toHaveLength(before)
    expect(standIn.rejected.at(-1)?.downloads.map(d => d.status)).toEqual([
      200,
      path === '/page' ? 200 : 404
    ])
  })

  test('Block Kit limits: 50 blocks, image_url and alt_text', async () => {
    const many = Array.from({ length: 51 }, () => ({ type: 'divider' }))
    expect(await slackError(post(many))).toMatchObject({
      error: 'invalid_blocks',
      response_metadata: {
        messages: ['[ERROR] no more than 50 items allowed [json-pointer:/blocks]']
      }
    })
    const long = `${imageBase}/graph.png?${'x'.repeat(3000)}`
    const data = await slackError(post([{ type: 'divider' }, image(long)]))
    expect(data.response_metadata).toEqual({
      messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/1/image_url]']
    })
    const noAlt = { type: 'image', image_url: `${imageBase}/graph.png` }
    const title = { ...image(`${imageBase}/graph.png`), title: { type: 'mrkdwn', text: '*x*' } }
    expect((await slackError(post([noAlt, title]))).response_metadata).toEqual({
      messages: [
        '[ERROR] missing required field: alt_text [json-pointer:/blocks/0]',
        '[ERROR] must be a valid enum value [json-pointer:/blocks/1/title/type]'
      ]
    })
  })

  test('tokens and channels are checked like Slack', async () => {
    expect(await slackError(client(standIn, 'xoxb-wrong').auth.test())).toMatchObject({
      error: 'invalid_auth'
    })
    expect(await slackError(client(standIn, null).auth.test())).toMatchObject({
      error: 'not_authed'
    })
    await expect(slack.auth.test()).resolves.toMatchObject({ ok: true, user_id: 'U0STANDIN' })
    const elsewhere = slack.chat.postMessage({ channel: 'C0ELSEWHERE', text: 'hi' })
    expect(await slackError(elsewhere)).toMatchObject({ error: 'not_in_channel' })
    const unknown = slack.chat.postMessage({ channel: 'C0UNKNOWN', text: 'hi' })
    expect(await slackError(unknown)).toMatchObject({ error: 'channel_not_found' })
  })

  test('accepts a JSON body with the token in the Authorization header', async () => {
    const response = await fetch(`${standIn.apiUrl}chat.postMessage`, {
      method: 'POST',
      headers: { authorization: `Bearer ${standIn.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'C0GRAPHS', blocks: [image(`${imageBase}/graph.png`)] })
    })
    expect(await response.json()).toMatchObject({ ok: true, channel: 'C0GRAPHS' })
  })

  test('429 with Retry-After 1: the WebClient waits, retries and succeeds', async () => {
    standIn.faults.inject(
      { kind: 'throttle', retryAfterSeconds: 1 },
      { operation: 'chat.postMessage' }
    )
    const started = performance.now()
    await expect(post([image(`${imageBase}/graph.png`)])).resolves.toMatchObject({ ok: true })
    expect(performance.now() - started).toBeGreaterThanOrEqual(990)
    expect(standIn.rejected.at(-1)).toMatchObject({
      method: 'chat.postMessage',
      error: 'ratelimited'
    })
  })

  test('5xx and reset are retried; a Slack-level fault is an ok:false answer', async () => {
    standIn.faults.inject({ kind: 'status', status: 503 })
    standIn.faults.inject({ kind: 'reset' })
    await expect(post([image(`${imageBase}/graph.png`)])).resolves.toMatchObject({ ok: true })
    standIn.faults.inject({ kind: 'status', status: 200, code: 'not_in_channel' })
    expect(await slackError(post([]))).toMatchObject({ ok: false, error: 'not_in_channel' })
  })

  test('latency and image downloads both count towards the request', async () => {
    const slow = await startSlackStandIn({ downloadLatencyMs: 100 })
    slow.faults.latencyMs = 50
    const started = performance.now()
    await client(slow).chat.postMessage({
      channel: 'C0ANY',
      text: 'x',
      blocks: [image(`${imageBase}/graph.png`)]
    })
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
    const event = slow.timeline.events.at(-1)
    expect(event).toMatchObject({ service: 'slack', operation: 'chat.postMessage' })
    expect((event?.doneAt ?? 0) - (event?.at ?? 0)).toBeGreaterThanOrEqual(145)
    await slow.close()
  })

  test('external upload flow: getUploadURLExternal, POST bytes, completeUploadExternal', async () => {
    const answer = await slack.filesUploadV2({
      channel_id: 'C0GRAPHS',
      file: png,
      filename: 'cpu.png',
      title: 'CPU',
      initial_comment: 'graphs',
      thread_ts: '1700000000.000100'
    })
    expect(answer.ok).toBe(true)
    const upload = standIn.uploads.at(-1)
    expect(upload).toMatchObject({
      filename: 'cpu.png',
      length: png.length,
      title: 'CPU',
      channel: 'C0GRAPHS',
      initialComment: 'graphs',
      threadTs: '1700000000.000100',
      completed: true
    })
    expect(upload?.bytes?.equals(png)).toBe(true)
  })

  test('the upload URL also takes raw bytes; completing an unknown file fails', async () => {
    const { upload_url, file_id } = await slack.files.getUploadURLExternal({
      filename: 'raw.png',
      length: png.length
    })
    const posted = await fetch(upload_url ?? '', { method: 'POST', body: png })
    expect(await posted.text()).toBe(`OK - ${png.length}`)
    const done = await slack.files.completeUploadExternal({ files: [{ id: file_id ?? '' }] })
    expect(done.files?.[0]).toMatchObject({ id: file_id, name: 'raw.png', size: png.length })
    const again = slack.files.completeUploadExternal({ files: [{ id: file_id ?? '' }] })
    expect(await slackError(again)).toMatchObject({ error: 'file_not_found' })
  })
})
