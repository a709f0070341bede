import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { nodeFetch } from '../src/node-fetch.js'

let server: Server
let base: string
let handle: (req: IncomingMessage, body: string, res: ServerResponse) => void

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => handle(req, Buffer.concat(chunks).toString('utf8'), res))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

test('a POST with a form body: method, headers, length and body arrive; status, headers and body return', async () => {
  let seen: { method?: string; type?: string; length?: string; agent?: string; body?: string } = {}
  handle = (req, body, res) => {
    seen = {
      method: req.method,
      type: req.headers['content-type'],
      length: req.headers['content-length'],
      agent: req.headers['user-agent'],
      body
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    res.setHeader('X-OAuth-Scopes', 'chat:write')
    res.end(JSON.stringify({ ok: true, channel: 'C1', ts: '1.2' }))
  }
  const body = 'channel=C1&text=caf%C3%A9'
  const response = await nodeFetch(`${base}/api/chat.postMessage`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'test/1' },
    body,
    redirect: 'error'
  })
  expect(seen).toEqual({
    method: 'POST',
    type: 'application/x-www-form-urlencoded',
    length: String(Buffer.byteLength(body)),
    agent: 'test/1',
    body
  })
  expect(response.status).toBe(200)
  expect(response.ok).toBe(true)
  expect(response.url).toBe(`${base}/api/chat.postMessage`)
  expect(response.headers.get('x-oauth-scopes')).toBe('chat:write')
  expect(response.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
  expect(response.headers.get('retry-after')).toBeNull()
  expect(await response.json()).toEqual({ ok: true, channel: 'C1', ts: '1.2' })
})

test('an error status is a response, with its text and headers', async () => {
  handle = (_req, _body, res) => {
    res.writeHead(429, 'Too Many Requests', { 'Retry-After': '3' })
    res.end('slow down')
  }
  const response = await nodeFetch(`${base}/api/chat.postMessage`, { method: 'POST', body: '' })
  expect(response.status).toBe(429)
  expect(response.ok).toBe(false)
  expect(response.statusText).toBe('Too Many Requests')
  expect(Object.fromEntries(response.headers.entries())).toMatchObject({ 'retry-after': '3' })
  expect(await response.text()).toBe('slow down')
})

test("redirect: 'error' refuses a redirect", async () => {
  handle = (_req, _body, res) => {
    res.writeHead(302, { Location: 'https://elsewhere.example/' })
    res.end()
  }
  await expect(
    nodeFetch(`${base}/api/chat.postMessage`, { method: 'POST', body: 'a=1', redirect: 'error' })
  ).rejects.toThrow(/redirect/)
})

test('a dropped connection and a timeout reject, so the Slack client can retry', async () => {
  handle = req => req.socket.destroy()
  await expect(nodeFetch(`${base}/api/x`, { method: 'POST', body: 'a=1' })).rejects.toThrow()
  handle = () => undefined // never answers
  await expect(
    nodeFetch(`${base}/api/x`, { method: 'POST', body: 'a=1', signal: AbortSignal.timeout(50) })
  ).rejects.toThrow(/abort/i)
})

test('a body that is not a string (a multipart upload) goes to the real fetch()', async () => {
  let type: string | undefined
  handle = (req, _body, res) => {
    type = req.headers['content-type']
    res.end('{"ok":true}')
  }
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array([1, 2, 3])]), 'graph.png')
  const response = await nodeFetch(`${base}/upload`, { method: 'POST', body: form })
  expect(response.status).toBe(200)
  expect(type).toMatch(/^multipart\/form-data; boundary=/)
})
