// A presigned URL checked the way Slack will fetch it, against a loopback server that answers like
// S3. The answer is undefined for an image, otherwise what S3 said and what to change; never the
// URL, which is a bearer link.
//
// The no-answer case: AbortSignal.timeout runs on Node's internal timers, which jest's fake timers
// do not reach, so the test hands checkUrl a signal it aborts by hand (as the timeout would) once
// the server holds the request. The connection-refused case is real. Retries wait on a sleep that
// returns at once.
import { jest } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { checkUrl, hintFor } from '../../src/aws/url-check.js'
import { readProxySettings } from '../../src/domain/proxy.js'
import { useProxy } from '../../src/http.js'
import { closeServer, listenOnLoopback } from '../../test-support/http.js'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
const SIGNATURE = 'X-Amz-Signature=0123456789abcdef'

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/xml' })
    .end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`
    )
}

let server: Server
let base: string
const ranges: (string | undefined)[] = []
let held: { resolve: () => void; request?: IncomingMessage } = { resolve: () => undefined }
let requestHeld = Promise.resolve()
/** Answers still to fail on /graphs/flaky.png (503 SlowDown) and /graphs/reset-once.png (reset). */
let flaky = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    ranges.push(req.headers.range)
    const path = new URL(req.url ?? '/', 'http://s3').pathname
    switch (path) {
      case '/graphs/partial.png':
        res.writeHead(206, { 'content-type': 'image/png', 'content-range': 'bytes 0-0/8' })
        res.end(PNG.subarray(0, 1))
        return
      case '/graphs/whole.png':
        res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
        return
      case '/graphs/wrong-secret.png':
        return s3Error(
          res,
          403,
          'SignatureDoesNotMatch',
          'The request signature we calculated does not match the signature you provided. Check your key and signing method.'
        )
      case '/graphs/expired.png':
        return s3Error(res, 400, 'ExpiredToken', 'The provided token has expired.')
      case '/graphs/odd-code.png':
        return s3Error(res, 503, 'SlowDown', 'Please reduce your request rate.')
      case '/graphs/page.html':
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html></html>')
        return
      case '/graphs/untyped':
        res.writeHead(200).end('bytes')
        return
      case '/graphs/gone.png':
        res.writeHead(404).end()
        return
      case '/graphs/flaky.png':
        if (flaky-- > 0) return s3Error(res, 503, 'SlowDown', 'Please reduce your request rate.')
        res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
        return
      case '/graphs/reset-once.png':
        if (flaky-- > 0) return void req.socket.destroy()
        res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
        return
      case '/graphs/hang.png':
        held.request = req
        held.resolve() // and never answer
        return
      default:
        res.writeHead(500).end()
    }
  })
  base = await listenOnLoopback(server)
})
afterAll(async () => {
  await closeServer(server)
})
beforeEach(() => {
  ranges.length = 0
  flaky = 0
  requestHeld = new Promise<void>(resolve => {
    held = { resolve }
  })
})

const url = (path: string) => `${base}${path}?X-Amz-Expires=604800&${SIGNATURE}`
const waits: number[] = []
const OPTIONS = { attemptMs: 15000, sleep: async (ms: number) => void waits.push(ms) }
const check = (path: string) => checkUrl(url(path), OPTIONS)

test('an image (206 to the one-byte range, or a whole 200): no problem', async () => {
  await expect(check('/graphs/partial.png')).resolves.toBeUndefined()
  await expect(check('/graphs/whole.png')).resolves.toBeUndefined()
  // Only the first byte is asked for, as the check needs no more.
  expect(ranges).toEqual(['bytes=0-0', 'bytes=0-0'])
})

test("a wrong secret: S3's code and message, then the fix", async () => {
  await expect(check('/graphs/wrong-secret.png')).resolves.toBe(
    'SignatureDoesNotMatch (The request signature we calculated does not match the signature you provided. Check your key and signing method.). The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).'
  )
})

test('an expired session: say that temporary credentials signed it', async () => {
  await expect(check('/graphs/expired.png')).resolves.toBe(
    'ExpiredToken (The provided token has expired.). The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.'
  )
})

test('a code without a known fix: what S3 said, nothing made up', async () => {
  await expect(check('/graphs/gone.png')).resolves.toBe('HTTP 404.')
})

describe('transient answers are retried, like every other S3 call', () => {
  beforeEach(() => void (waits.length = 0))

  test('503 SlowDown, then the image: no problem, after a short backoff', async () => {
    flaky = 2
    await expect(check('/graphs/flaky.png')).resolves.toBeUndefined()
    expect(ranges).toHaveLength(3)
    expect(waits).toEqual([200, 400])
  })

  test('a reset connection, then the image: no problem', async () => {
    flaky = 1
    await expect(check('/graphs/reset-once.png')).resolves.toBeUndefined()
    expect(ranges).toHaveLength(2)
  })

  test('SlowDown on every attempt: what S3 said, and how often it was asked', async () => {
    await expect(check('/graphs/odd-code.png')).resolves.toBe(
      'SlowDown (Please reduce your request rate.). (tried 4 times)'
    )
    expect(ranges).toHaveLength(4)
  })

  test('a refusal is not retried', async () => {
    await check('/graphs/wrong-secret.png')
    expect(ranges).toHaveLength(1)
    expect(waits).toEqual([])
  })

  test('a proxy that refuses is not retried: it would refuse the next attempt too', async () => {
    // Port 1 on loopback: nothing listens, so the proxy is unreachable (a ProxyError).
    useProxy(readProxySettings({ httpProxy: 'http://127.0.0.1:1', noProxy: '' }, {}))
    try {
      const problem = await check('/graphs/whole.png')
      expect(problem).toMatch(
        /^the request failed \(Could not connect to the proxy 127\.0\.0\.1:1 \(from input http-proxy\)/
      )
    } finally {
      useProxy(undefined)
    }
    expect(ranges).toEqual([])
    expect(waits).toEqual([])
  })

  test("once the run's work signal has fired: no further attempt, and its reason", async () => {
    const work = new AbortController()
    work.abort(new Error('not done in time'))
    const problem = await checkUrl(url('/graphs/whole.png'), { ...OPTIONS, signal: work.signal })
    expect(problem).toBe('the request failed (not done in time)')
    expect(ranges).toEqual([])
  })
})

test('no S3 error document: the HTTP status', async () => {
  await expect(check('/graphs/gone.png')).resolves.toBe('HTTP 404.')
})

test('served, but not as an image: Slack would refuse it too', async () => {
  await expect(check('/graphs/page.html')).resolves.toBe(
    "S3 serves it as 'text/html; charset=utf-8', not as an image"
  )
  await expect(check('/graphs/untyped')).resolves.toBe("S3 serves it as '', not as an image")
})

test('no server there: the request failed', async () => {
  const closed = createServer()
  const free = await listenOnLoopback(closed)
  await closeServer(closed)
  await expect(checkUrl(`${free}/graphs/k.png?${SIGNATURE}`, OPTIONS)).resolves.toMatch(
    /^the request failed \(.+\) \(tried 4 times\)$/
  )
})

test('no answer: each attempt gives up after its limit, and the check says so', async () => {
  const deadline = new AbortController()
  const timeout = jest.spyOn(AbortSignal, 'timeout').mockReturnValue(deadline.signal)
  try {
    const problem = check('/graphs/hang.png')
    await requestHeld
    deadline.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))
    await expect(problem).resolves.toBe(
      'the request failed (no answer within 15 s) (tried 4 times)'
    )
    expect(timeout.mock.calls).toEqual([[15000], [15000], [15000], [15000]])
  } finally {
    timeout.mockRestore()
    held.request?.socket.destroy()
  }
})

test('the URL (a bearer link) is never in what the check says', async () => {
  for (const path of ['/graphs/wrong-secret.png', '/graphs/page.html', '/graphs/gone.png']) {
    const problem = await check(path)
    expect(problem).not.toContain(SIGNATURE)
    expect(problem).not.toContain(base)
  }
})

describe('hintFor: what each S3 answer to a presigned GET means', () => {
  const region =
    "The URL was signed for another region than the bucket's: set s3-region to the bucket's region."
  const missing = 'The object is not there: check s3-bucket and s3-region.'
  const expired =
    'The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.'
  test.each([
    [
      'InvalidAccessKeyId',
      /^S3 does not know the signing access key id: check presign-access-key-id/
    ],
    [
      'AccessDenied',
      /grant it s3:GetObject on the key prefix \(and kms:Decrypt on an SSE-KMS bucket\)/
    ],
    ['ExpiredToken', expired],
    ['TokenRefreshRequired', expired],
    ['AuthorizationHeaderMalformed', region],
    ['AuthorizationQueryParametersError', region],
    ['PermanentRedirect', region],
    ['IllegalLocationConstraintException', region],
    ['NoSuchBucket', missing],
    ['NoSuchKey', missing],
    ['HTTP 500', ''],
    ['SlowDown', '']
  ])('%s', (code, hint) => {
    if (typeof hint === 'string') expect(hintFor(code)).toBe(hint)
    else expect(hintFor(code)).toMatch(hint)
  })
})
