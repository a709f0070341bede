// The one HTTP client outside the AWS SDK: every request stops at the run's per-attempt limit, at
// the run's work deadline, or at its own signal, whichever comes first.
import { createServer, type Server } from 'node:http'
import { fetchWithin, isTimeout } from '../src/http.js'
import { closeServer, hangUp, listenOnLoopback } from '../test-support/http.js'

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') res.writeHead(200).end('fine')
    else void hangUp(req) // accepts, never answers
  })
  base = await listenOnLoopback(server)
})
afterAll(async () => closeServer(server))

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

test('an answer in time is the answer', async () => {
  const response = await fetchWithin(2000)(`${base}/ok`)
  expect(await response.text()).toBe('fine')
})

test('no answer: the attempt stops at its limit, as a timeout', async () => {
  const started = performance.now()
  const error = await failure(fetchWithin(100)(`${base}/hang`))
  expect(isTimeout(error)).toBe(true)
  expect(performance.now() - started).toBeLessThan(2000)
})

test('the work deadline stops it sooner, with its reason', async () => {
  const stop = new AbortController()
  const pending = failure(fetchWithin(10000, stop.signal)(`${base}/hang`))
  stop.abort(new Error('not done in time'))
  expect(await pending).toEqual(new Error('not done in time'))
})

test("a request's own signal still counts", async () => {
  const own = new AbortController()
  own.abort(new Error('caller gave up'))
  const error = await failure(fetchWithin(10000)(`${base}/hang`, { signal: own.signal }))
  expect(error).toEqual(new Error('caller gave up'))
})

test.each([
  [new DOMException('The operation was aborted due to timeout', 'TimeoutError'), true],
  [new Error('TimeoutError: The operation was aborted due to timeout'), true],
  [new DOMException('This operation was aborted', 'AbortError'), false],
  [new Error('socket hang up'), false],
  [undefined, false]
])('isTimeout(%s): %s', (error, expected) => {
  expect(isTimeout(error)).toBe(expected)
})
