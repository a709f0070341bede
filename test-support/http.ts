// Small HTTP plumbing shared by the loopback stand-ins: they all listen on 127.0.0.1 port 0 (the
// kernel picks a free port, so parallel test files never collide) and speak JSON.
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>

/**
 * How a stand-in serves: plain http on 127.0.0.1 (the default), or https with this key and
 * certificate, under a host name its clients use instead of 127.0.0.1 (one only a proxy resolves).
 */
export interface Serving {
  tls?: { key: string; cert: string }
  host?: string
}

export function createStandInServer(listener: RequestListener, serving: Serving = {}): Server {
  return serving.tls
    ? createHttpsServer({ key: serving.tls.key, cert: serving.tls.cert }, listener)
    : createServer(listener)
}

/** A server whose handler errors become a 500 instead of an unhandled rejection. */
export function createJsonServer(handler: Handler, serving: Serving = {}): Server {
  return createStandInServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      sendJson(res, 500, { message: `stand-in error: ${String(error)}` })
    })
  }, serving)
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Listens on 127.0.0.1 with a kernel-chosen port and returns the base URL (no trailing slash):
 * https:// for a TLS server, with `serving.host` instead of 127.0.0.1 when given.
 */
export async function listenOnLoopback(server: Server, serving: Serving = {}): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return `${serving.tls ? 'https' : 'http'}://${serving.host ?? '127.0.0.1'}:${address.port}`
}

/** Closes the server, dropping keep-alive sockets that SDK agents hold open (else close() waits). */
export async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return
  const closed = new Promise<void>((resolve, reject) =>
    server.close(error => (error ? reject(error) : resolve()))
  )
  server.closeAllConnections()
  await closed
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json; charset=utf-8'
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
    ...headers
  })
  res.end(text)
}

/** Drops the connection without an answer: the client sees ECONNRESET / "socket hang up". */
export function resetConnection(req: IncomingMessage): void {
  req.socket.destroy()
}

/** What a proxy in between answers when the service behind it did not: a bare 5xx page. */
export function sendProxyError(res: ServerResponse, status: number): void {
  const text = `<html><body><h1>${status} Bad Gateway</h1></body></html>`
  res.writeHead(status, { 'content-type': 'text/html', 'content-length': String(text.length) })
  res.end(text)
}

/** Loses the answer the way `answer` says: a reset, no answer at all, or a proxy's 5xx. */
export async function loseAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: 'reset' | 'hang' | { status: number }
): Promise<void> {
  if (answer === 'reset') resetConnection(req)
  else if (answer === 'hang') await hangUp(req)
  else sendProxyError(res, answer.status)
}

/**
 * Never answers: resolves once the client gives up on the connection (or the server closes it),
 * so a handler that awaits it holds nothing after that.
 */
export function hangUp(req: IncomingMessage): Promise<void> {
  return new Promise(resolve => {
    if (req.socket.destroyed) resolve()
    else req.socket.once('close', () => resolve())
  })
}
