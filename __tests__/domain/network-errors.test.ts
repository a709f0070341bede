// A proxy's refusal, in words that name the proxy (host and port only) and what to check; found
// however a client wrapped it; and what an untrusted certificate means.
import { ActionError } from '../../src/domain/errors.js'
import {
  ProxyError,
  type ProxyRefusal,
  certificateHint,
  findProxyError
} from '../../src/domain/network-errors.js'
import { parseProxyUrl } from '../../src/domain/proxy.js'

const withCredentials = parseProxyUrl('http://build:s3cret@proxy.corp:3128', 'HTTPS_PROXY')
const anonymous = parseProxyUrl('http://proxy.corp:3128', 'input http-proxy')
const target = 'monitoring.us-east-1.amazonaws.com:443'

test.each<[string, typeof anonymous, ProxyRefusal, RegExp[]]>([
  [
    '407 with credentials: check them',
    withCredentials,
    { kind: 'status', status: 407, target },
    [
      /^The proxy proxy\.corp:3128 \(from HTTPS_PROXY\) refused the tunnel to monitoring\.us-east-1\.amazonaws\.com:443: 407 Proxy Authentication Required\./,
      /Check the user and password in HTTPS_PROXY \(percent-encode special characters/
    ]
  ],
  [
    '407 without credentials: give them',
    anonymous,
    { kind: 'status', status: 407, target },
    [/wants credentials: give them in input http-proxy as http:\/\/user:password@proxy\.corp:3128/]
  ],
  [
    '403: ask for the host, or go direct',
    anonymous,
    { kind: 'status', status: 403, target },
    [/403 Forbidden\. Ask the proxy's administrators to allow/, /list its host in no-proxy/]
  ],
  [
    '502: the proxy cannot reach it',
    anonymous,
    { kind: 'status', status: 502, target },
    [/502 Bad Gateway\. The proxy could not reach/]
  ],
  [
    'an unknown status',
    anonymous,
    { kind: 'status', status: 418, target },
    [/refused the tunnel to monitoring\.us-east-1\.amazonaws\.com:443: 418\. /]
  ],
  [
    'no connection to the proxy',
    withCredentials,
    { kind: 'unreachable', reason: 'ECONNREFUSED', target },
    [
      /^Could not connect to the proxy proxy\.corp:3128 \(from HTTPS_PROXY\) \(ECONNREFUSED\)/,
      /Check the proxy's host and port in HTTPS_PROXY, and that the proxy runs\./
    ]
  ],
  [
    'no answer',
    anonymous,
    { kind: 'timeout', seconds: 10, target },
    [/did not answer within 10 s/]
  ],
  [
    'not an HTTP proxy',
    anonymous,
    { kind: 'garbled', target },
    [/did not answer like an HTTP proxy/]
  ]
])('%s', (_case, proxy, refusal, messages) => {
  const error = new ProxyError(proxy, refusal)
  expect(error).toBeInstanceOf(ActionError)
  expect(error.name).toBe('ProxyError')
  expect(error.proxy).toBe('proxy.corp:3128')
  for (const message of messages) expect(error.message).toMatch(message)
  // Never the credentials; nothing that makes the AWS SDK retry it.
  expect(error.message).not.toContain('s3cret')
  expect(JSON.stringify(error)).not.toContain('s3cret')
  expect(error.cause).toBeUndefined()
  expect((error as { code?: unknown }).code).toBeUndefined()
})

test('an IPv6 proxy is shown in brackets', () => {
  const error = new ProxyError(parseProxyUrl('http://[fd00::1]:3128', 'HTTPS_PROXY'), {
    kind: 'garbled',
    target
  })
  expect(error.message).toContain('[fd00::1]:3128')
})

describe('findProxyError', () => {
  const refusal = new ProxyError(anonymous, { kind: 'status', status: 407, target })
  test.each([
    ['itself', refusal],
    ['as a cause', new Error('CloudWatch could not render', { cause: refusal })],
    ['two levels down', new Error('a', { cause: new TypeError('b', { cause: refusal }) })],
    [
      "as the Slack client's original",
      Object.assign(new Error('request error'), { original: refusal })
    ]
  ])('finds it %s', (_case, error) => {
    expect(findProxyError(error)).toBe(refusal)
  })

  test.each([
    ['another error', new Error('x', { cause: new Error('y') })],
    ['a string', 'x'],
    ['nothing', undefined]
  ])('none in %s', (_case, error) => {
    expect(findProxyError(error)).toBeUndefined()
  })

  test('a cycle of causes ends', () => {
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    Object.assign(a, { cause: b })
    expect(findProxyError(a)).toBeUndefined()
  })
})

test.each([
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', true],
  ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', true],
  ['SELF_SIGNED_CERT_IN_CHAIN', true],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', true],
  ['CERT_HAS_EXPIRED', false],
  ['ECONNREFUSED', false],
  [undefined, false]
])('certificateHint(%s) points at NODE_EXTRA_CA_CERTS: %s', (code, hinted) => {
  const hint = certificateHint(code)
  if (hinted) expect(hint).toMatch(/set NODE_EXTRA_CA_CERTS to that CA’s PEM file/)
  else expect(hint).toBe('')
})
