// Slack's failures read one way: what each means for a retry (refused, rate-limited, never sent,
// or sent with its answer lost), and Slack's details gathered from wherever it put them.
import { ErrorCode } from '@slack/web-api'
import { ProxyError } from '../../src/domain/network-errors.js'
import { parseProxyUrl } from '../../src/domain/proxy.js'
import { classifySlackFailure, slackDetails, slackErrorText } from '../../src/slack/errors.js'

const platform = (error: string) => ({ code: ErrorCode.PlatformError, data: { ok: false, error } })
const http = (statusCode: number) => ({ code: ErrorCode.HTTPError, statusCode })
const request = (original: unknown) => ({ code: ErrorCode.RequestError, original })
const refusal = new ProxyError(parseProxyUrl('http://proxy.corp:3128', 'HTTPS_PROXY'), {
  kind: 'status',
  status: 407,
  target: 'slack.com:443'
})
const fetchFailed = (code: string) =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) })

test.each<[string, unknown, string]>([
  ['a refusal', platform('channel_not_found'), 'refused'],
  ["Slack's fatal_error (it may have acted)", platform('fatal_error'), 'lost'],
  ["Slack's internal_error", platform('internal_error'), 'lost'],
  ["Slack's service_unavailable (it did not act)", platform('service_unavailable'), 'not-sent'],
  ['a 429', { code: ErrorCode.RateLimitedError, retryAfter: 30 }, 'rate-limited'],
  ['a 503 (a proxy, or Slack)', http(503), 'lost'],
  ['a 408', http(408), 'lost'],
  ['a 403 from a proxy', http(403), 'refused'],
  ['connection refused', request(fetchFailed('ECONNREFUSED')), 'not-sent'],
  ['no such host', request(fetchFailed('ENOTFOUND')), 'not-sent'],
  ['no connection in time', request(fetchFailed('UND_ERR_CONNECT_TIMEOUT')), 'not-sent'],
  ['a reset after sending', request(fetchFailed('ECONNRESET')), 'lost'],
  ['the other side closed', request(fetchFailed('UND_ERR_SOCKET')), 'lost'],
  [
    'no answer in time',
    request(new DOMException('aborted due to timeout', 'TimeoutError')),
    'lost'
  ],
  // Never retried: the next attempt would meet the same proxy, and the run ends with its words.
  ['a proxy that refused the tunnel', request(refusal), 'refused'],
  ['a proxy refusal, however wrapped', request(new TypeError('x', { cause: refusal })), 'refused'],
  ['not an error of the Slack client', new Error('bug'), 'refused'],
  ['nothing at all', undefined, 'refused']
])('%s: %s', (_case, error, kind) => {
  expect(classifySlackFailure(error)).toBe(kind)
})

describe('slackDetails: from errors, response_metadata.messages, or both', () => {
  const detail = 'downloading image failed [json-pointer:/blocks/1/image_url]'
  test.each([
    ['errors', { errors: [detail] }],
    ['response_metadata', { response_metadata: { messages: [`[ERROR] ${detail}`] } }],
    [
      'both, said once',
      { errors: [detail], response_metadata: { messages: [`[ERROR] ${detail}`] } }
    ]
  ])('%s', (_where, data) => {
    expect(slackDetails(data)).toEqual([detail])
  })

  test('none, or not strings', () => {
    expect(slackDetails(undefined)).toEqual([])
    expect(slackDetails({ errors: [{ pointer: '/blocks/1' }] })).toEqual([
      '{"pointer":"/blocks/1"}'
    ])
  })
})

describe('slackErrorText for requests Slack did not answer', () => {
  test('an HTTP error: its status', () => {
    expect(slackErrorText(http(502))).toBe("HTTP 502 from Slack's address")
  })

  test('no answer in time, and a failed connection', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError')
    expect(slackErrorText(request(timeout))).toBe(
      "no answer from Slack in time (each attempt is limited by input 'timeout')"
    )
    expect(slackErrorText(request(new TypeError('fetch failed (ECONNREFUSED)')))).toBe(
      'the request to Slack failed (fetch failed (ECONNREFUSED))'
    )
  })
})
