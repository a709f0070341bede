// The proxy as curl and the runner read it: the URL, which variables win, NO_PROXY's exceptions,
// and how the proxy is shown (never with its password).
import { ActionError, InputError } from '../../src/domain/errors.js'
import {
  type ProxySettings,
  describeProxy,
  hostPort,
  parseNoProxy,
  parseProxyUrl,
  proxyFor,
  proxyPasswords,
  readProxySettings,
  redactUrl
} from '../../src/domain/proxy.js'

describe('parseProxyUrl', () => {
  test.each([
    ['http://proxy.corp:3128', { protocol: 'http:', host: 'proxy.corp', port: 3128 }],
    ['proxy.corp:3128', { protocol: 'http:', host: 'proxy.corp', port: 3128 }],
    ['http://proxy.corp', { protocol: 'http:', host: 'proxy.corp', port: 80 }],
    ['http://proxy.corp:80', { protocol: 'http:', host: 'proxy.corp', port: 80 }],
    ['https://proxy.corp', { protocol: 'https:', host: 'proxy.corp', port: 443 }],
    ['HTTP://Proxy.Corp:8080/', { protocol: 'http:', host: 'proxy.corp', port: 8080 }],
    ['http://10.1.2.3:3128', { protocol: 'http:', host: '10.1.2.3', port: 3128 }],
    ['http://[fd00::1]:3128', { protocol: 'http:', host: 'fd00::1', port: 3128 }]
  ])('%s', (value, expected) => {
    const proxy = parseProxyUrl(value, 'HTTPS_PROXY')
    expect(proxy).toEqual({
      ...expected,
      username: undefined,
      password: undefined,
      source: 'HTTPS_PROXY'
    })
  })

  test('credentials are decoded (percent-encoding is how a URL carries @ and :)', () => {
    const proxy = parseProxyUrl('http://build%40corp:p%40ss%3Aw0rd@proxy.corp:3128', 'x')
    expect(proxy).toMatchObject({ username: 'build@corp', password: 'p@ss:w0rd', port: 3128 })
  })

  test('a malformed percent-encoding is kept as written', () => {
    expect(parseProxyUrl('http://u:100%@proxy:1', 'x').password).toBe('100%')
  })

  test.each([
    ['socks5://proxy.corp:1080', /socks5:\/\/ URL: only http:\/\/ and https:\/\/ proxies/],
    ['http://proxy.corp:99999', /is not a URL/],
    ['http://', /is not a URL/],
    ['http://user:secret@proxy corp:3128', /is not a URL/]
  ])('%s is refused, without showing the value', (value, message) => {
    const error = (() => {
      try {
        parseProxyUrl(value, 'input http-proxy')
      } catch (caught) {
        return caught as Error
      }
      throw new Error('no error')
    })()
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^Input 'http-proxy' /)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain('secret')
    expect(error.message).not.toContain('proxy.corp')
  })

  test('from the environment: an ActionError naming the variable', () => {
    expect(() => parseProxyUrl('ftp://p:1', 'HTTPS_PROXY')).toThrow(ActionError)
    expect(() => parseProxyUrl('ftp://p:1', 'HTTPS_PROXY')).toThrow(
      /^The proxy in the environment variable HTTPS_PROXY is a ftp:\/\/ URL/
    )
  })
})

describe('readProxySettings: which proxy, as curl reads the environment', () => {
  const none = { httpProxy: '', noProxy: '' }
  const at = (settings: ProxySettings | undefined) => ({
    https: settings?.https && `${settings.https.host} (${settings.https.source})`,
    http: settings?.http && `${settings.http.host} (${settings.http.source})`
  })

  test.each([
    ['nothing set: no proxy', none, {}, { https: undefined, http: undefined }],
    [
      'HTTPS_PROXY: https targets only',
      none,
      { HTTPS_PROXY: 'a:1' },
      { https: 'a (HTTPS_PROXY)', http: undefined }
    ],
    ['https_proxy', none, { https_proxy: 'b:1' }, { https: 'b (https_proxy)', http: undefined }],
    [
      'lower case wins',
      none,
      { https_proxy: 'b:1', HTTPS_PROXY: 'a:1' },
      { https: 'b (https_proxy)', http: undefined }
    ],
    [
      'an empty lower-case variable does not hide the upper-case one',
      none,
      { https_proxy: ' ', HTTPS_PROXY: 'a:1' },
      { https: 'a (HTTPS_PROXY)', http: undefined }
    ],
    [
      'HTTP_PROXY: http targets only',
      none,
      { HTTP_PROXY: 'c:1' },
      { https: undefined, http: 'c (HTTP_PROXY)' }
    ],
    [
      'http_proxy',
      none,
      { http_proxy: 'd:1', HTTP_PROXY: 'c:1' },
      { https: undefined, http: 'd (http_proxy)' }
    ],
    [
      'both',
      none,
      { HTTPS_PROXY: 'a:1', HTTP_PROXY: 'c:1' },
      { https: 'a (HTTPS_PROXY)', http: 'c (HTTP_PROXY)' }
    ],
    [
      'the input http-proxy overrides both, for every target',
      { httpProxy: 'e:1', noProxy: '' },
      { HTTPS_PROXY: 'a:1', http_proxy: 'd:1' },
      { https: 'e (input http-proxy)', http: 'e (input http-proxy)' }
    ]
  ])('%s', (_case, inputs, env, expected) => {
    expect(at(readProxySettings(inputs, env))).toEqual(expected)
  })

  test('no proxy at all: undefined, whatever NO_PROXY says', () => {
    expect(readProxySettings(none, { NO_PROXY: 'a' })).toBeUndefined()
  })

  test.each([
    ['NO_PROXY', none, { NO_PROXY: 'a.corp' }, ['a.corp']],
    ['no_proxy wins', none, { no_proxy: 'b.corp', NO_PROXY: 'a.corp' }, ['b.corp']],
    [
      'the input no-proxy overrides them',
      { httpProxy: '', noProxy: 'c.corp' },
      { NO_PROXY: 'a.corp' },
      ['c.corp']
    ]
  ])('exceptions: %s', (_case, inputs, env, hosts) => {
    const settings = readProxySettings(inputs, { HTTPS_PROXY: 'p:1', ...env })
    expect(settings?.noProxy.map(entry => entry.host)).toEqual(hosts)
  })
})

describe('proxyFor: through the proxy, or direct', () => {
  const proxy = parseProxyUrl('http://proxy.corp:3128', 'HTTPS_PROXY')
  const plain = parseProxyUrl('http://plain.corp:3128', 'HTTP_PROXY')
  const settings = (noProxy: string): ProxySettings => ({
    https: proxy,
    http: plain,
    noProxy: parseNoProxy(noProxy)
  })

  test.each([
    // [NO_PROXY, host, port, goes direct]
    ['', 'monitoring.us-east-1.amazonaws.com', 443, false],
    ['*', 'slack.com', 443, true],
    ['slack.com', 'slack.com', 443, true],
    ['slack.com', 'files.slack.com', 443, true],
    ['slack.com', 'notslack.com', 443, false],
    ['.slack.com', 'slack.com', 443, true],
    ['.slack.com', 'files.slack.com', 443, true],
    ['*.slack.com', 'files.slack.com', 443, true],
    ['SLACK.com.', 'Files.Slack.COM', 443, true],
    ['slack.com', 'slack.com.', 443, true],
    ['amazonaws.com,slack.com', 's3.eu-west-1.amazonaws.com', 443, true],
    [' amazonaws.com , slack.com ', 'slack.com', 443, true],
    ['amazonaws.com slack.com', 'slack.com', 443, true],
    ['slack.com:443', 'slack.com', 443, true],
    ['slack.com:8443', 'slack.com', 443, false],
    ['127.0.0.1', '127.0.0.1', 9000, true],
    ['127.0.0.1', '127.0.0.2', 9000, false],
    ['127.0.0.1:9000', '127.0.0.1', 9000, true],
    ['127.0.0.1:9000', '127.0.0.1', 9001, false],
    ['10.0.0.0/8', '10.20.30.40', 443, true],
    ['10.0.0.0/8', '11.0.0.1', 443, false],
    ['192.168.1.0/24', '192.168.1.255', 443, true],
    ['192.168.1.0/24', '192.168.2.1', 443, false],
    ['0.0.0.0/0', '8.8.8.8', 443, true],
    ['10.0.0.0/8', 'ten.example', 443, false],
    ['0.0.1', '10.0.0.1', 443, false],
    ['::1', '[::1]', 443, true],
    ['[::1]', '::1', 443, true],
    ['[::1]:8080', '::1', 8080, true],
    ['[::1]:8080', '::1', 443, false],
    ['localhost', 'localhost', 80, true],
    ['localhost', '127.0.0.1', 80, false]
  ])('NO_PROXY=%j, %s:%d → direct: %s', (noProxy, host, port, direct) => {
    expect(proxyFor(settings(noProxy), 'https:', host, port)).toBe(direct ? undefined : proxy)
  })

  test('https targets take HTTPS_PROXY, http targets HTTP_PROXY', () => {
    expect(proxyFor(settings(''), 'https:', 'a', 443)).toBe(proxy)
    expect(proxyFor(settings(''), 'http:', 'a', 80)).toBe(plain)
    expect(proxyFor({ https: proxy, noProxy: [] }, 'http:', 'a', 80)).toBeUndefined()
  })

  test('no settings: direct', () => {
    expect(proxyFor(undefined, 'https:', 'a', 443)).toBeUndefined()
  })
})

describe('the password', () => {
  test.each([
    ['http://user:s3cret@proxy:3128', ['s3cret']],
    ['user:s3cret@proxy:3128', ['s3cret']],
    ['http://user:p%40ss@proxy:3128', ['p%40ss', 'p@ss']],
    ['http://user:a:b@proxy:3128', ['a:b']],
    ['http://user@proxy:3128', []],
    ['http://proxy:3128', []],
    ['http://proxy:3128/path@x', []],
    ['', []]
  ])('to mask in %j: %j', (value, secrets) => {
    expect(proxyPasswords(value)).toEqual(secrets)
  })

  test.each([
    ['http://user:s3cret@proxy:3128', 'http://user:***@proxy:3128'],
    ['user:s3cret@proxy:3128', 'user:***@proxy:3128'],
    ['http://user@proxy:3128', 'http://user@proxy:3128'],
    ['http://proxy:3128', 'http://proxy:3128']
  ])('redactUrl(%j) = %j', (value, shown) => {
    expect(redactUrl(value)).toBe(shown)
  })
})

test('hostPort brackets IPv6', () => {
  expect(hostPort('proxy.corp', 3128)).toBe('proxy.corp:3128')
  expect(hostPort('fd00::1', 3128)).toBe('[fd00::1]:3128')
})

test('describeProxy: where each kind of target goes, never a password', () => {
  const settings = readProxySettings(
    { httpProxy: '', noProxy: '127.0.0.1, .corp:8443' },
    { HTTPS_PROXY: 'http://u:s3cret@proxy.corp:3128' }
  )
  expect(describeProxy(settings)).toBe(
    'proxy: https via proxy.corp:3128 (HTTPS_PROXY), http direct, direct to 127.0.0.1, corp:8443'
  )
  expect(describeProxy(readProxySettings({ httpProxy: 'p:1', noProxy: '' }, {}))).toBe(
    'proxy: https via p:1 (input http-proxy), http via p:1 (input http-proxy)'
  )
  expect(describeProxy(undefined)).toBe('')
})
