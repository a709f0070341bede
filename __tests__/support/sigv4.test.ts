// The verifier is checked three ways: against the vectors AWS publishes (hand-computed by AWS, so
// they pin the spec, not our reading of it), against what the real SDK signs (an independent
// implementation), and against tampering.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import {
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
  decodeAwsChunked,
  parseAuth,
  signingKey,
  splitTarget,
  stringToSign,
  uriEncode,
  verifySignature,
  type HeaderBag,
  type ParsedAuth
} from '../../test-support/sigv4.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

function parsed(method: string, url: string, headers: HeaderBag): ParsedAuth {
  const result = parseAuth(method, url, headers)
  if (result.kind === 'error') throw new Error(`unexpected auth error: ${result.message}`)
  return result
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

describe('the S3 documentation examples (examplebucket, AKIAIOSFODNN7EXAMPLE, 20130524)', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'
  const host = 'examplebucket.s3.amazonaws.com'
  const scope = 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request'
  const authorization = (signedHeaders: string, signature: string) =>
    `AWS4-HMAC-SHA256 Credential=${scope},SignedHeaders=${signedHeaders},Signature=${signature}`

  test('presigned GET of test.txt, X-Amz-Expires=86400', () => {
    const url =
      `https://${host}/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256` +
      `&X-Amz-Credential=${encodeURIComponent(scope)}&X-Amz-Date=20130524T000000Z` +
      '&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
      '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404'
    const auth = parsed('GET', url, { host })
    const canonical = canonicalRequest(auth)
    expect(canonical).toBe(
      'GET\n/test.txt\n' +
        'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n' +
        `host:${host}\n\nhost\nUNSIGNED-PAYLOAD`
    )
    expect(stringToSign(auth, canonical).split('\n').pop()).toBe(
      '3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04'
    )
    expect(auth).toMatchObject({ kind: 'query', expiresSeconds: 86400 })
    expect(verifySignature(auth, secret)).toBe(true)
  })

  test('GET test.txt with Range: bytes=0-9', () => {
    const auth = parsed('GET', '/test.txt', {
      host,
      range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': '20130524T000000Z',
      authorization: authorization(
        'host;range;x-amz-content-sha256;x-amz-date',
        'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'
      )
    })
    expect(stringToSign(auth, canonicalRequest(auth))).toBe(
      'AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n' +
        '7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972'
    )
    expect(verifySignature(auth, secret)).toBe(true)
  })

  test('PUT test$file.text: a raw "$" in the path is signed as %24', () => {
    const auth = parsed('PUT', '/test$file.text', {
      host,
      date: 'Fri, 24 May 2013 00:00:00 GMT',
      'x-amz-date': '20130524T000000Z',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
      authorization: authorization(
        'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
        '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'
      )
    })
    expect(canonicalRequest(auth).split('\n')[1]).toBe('/test%24file.text')
    expect(verifySignature(auth, secret, Buffer.from('Welcome to Amazon S3.'))).toBe(true)
  })

  test.each([
    ['/?lifecycle', 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'],
    ['/?max-keys=2&prefix=J', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7']
  ])('GET %s (bucket sub-resource, list query)', (url, signature) => {
    const auth = parsed('GET', url, {
      host,
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': '20130524T000000Z',
      authorization: authorization('host;x-amz-content-sha256;x-amz-date', signature)
    })
    expect(verifySignature(auth, secret)).toBe(true)
  })
})

describe('the generic SigV4 test suite (AKIDEXAMPLE, service "service", 20150830T123600Z)', () => {
  const secret = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
  test.each([
    ['get-vanilla', '/', '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31'],
    [
      'get-vanilla-query-order-key-case',
      '/?Param2=value2&Param1=value1',
      'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'
    ],
    [
      'get-space',
      '/example space/',
      '652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741'
    ],
    [
      'get-slashes',
      '//example//',
      '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84'
    ]
  ])('%s', (_name, url, signature) => {
    const auth = parsed('GET', url, {
      host: 'example.amazonaws.com',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ' +
        `SignedHeaders=host;x-amz-date, Signature=${signature}`
    })
    expect(verifySignature(auth, secret)).toBe(true)
  })

  test('IAM ListUsers, the example of the general reference', () => {
    const auth = parsed('GET', '/?Action=ListUsers&Version=2010-05-08', {
      host: 'iam.amazonaws.com',
      'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
      'x-amz-date': '20150830T123600Z',
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
        'SignedHeaders=content-type;host;x-amz-date, ' +
        'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7'
    })
    expect(verifySignature(auth, secret)).toBe(true)
    expect(signingKey(secret, '20150830', 'us-east-1', 'iam').toString('hex')).toBe(
      'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9'
    )
  })
})

describe('pure helpers', () => {
  test('S3 encodes the path once, other services encode the encoded path again', () => {
    expect(canonicalUri('/bucket/a%20b%2Bc.png', 's3')).toBe('/bucket/a%20b%2Bc.png')
    expect(canonicalUri('/bucket/a b+c.png', 's3')).toBe('/bucket/a%20b%2Bc.png')
    expect(canonicalUri('/a%20b', 'monitoring')).toBe('/a%2520b')
    expect(canonicalUri('/', 'ssm')).toBe('/')
    // S3 keeps empty and dot segments: they are part of the key.
    expect(canonicalUri('/b//./k', 's3')).toBe('/b//./k')
    expect(canonicalUri('/a/./b/../c', 'ssm')).toBe('/a/c')
  })

  test('query: RFC 3986 encoding, sorted by encoded name then value', () => {
    expect(
      canonicalQueryString([
        ['b', '2'],
        ['a', 'x y'],
        ['a', '!'],
        ['X-Amz-Security-Token', 'a+b/c=']
      ])
    ).toBe('X-Amz-Security-Token=a%2Bb%2Fc%3D&a=%21&a=x%20y&b=2')
    expect(uriEncode("~-._*'()é")).toBe('~-._%2A%27%28%29%C3%A9')
  })

  test('splitTarget keeps the path as sent and decodes the query', () => {
    expect(splitTarget('http://h:1/b/a%2Bb?x=%2B&y&z=')).toEqual({
      path: '/b/a%2Bb',
      query: [
        ['x', '+'],
        ['y', ''],
        ['z', '']
      ]
    })
    expect(splitTarget('/?bad=%E0%A4%A').query).toBeUndefined()
  })

  test('aws-chunked bodies decode to the bytes, with their trailer', () => {
    const framed = Buffer.concat([
      Buffer.from('4\r\n'),
      Buffer.from([0, 13, 10, 255]),
      Buffer.from('\r\n2;chunk-signature=abc\r\nhi\r\n0\r\nx-amz-checksum-crc32:qcr/Tg==\r\n\r\n')
    ])
    expect(decodeAwsChunked(framed)).toEqual({
      data: Buffer.concat([Buffer.from([0, 13, 10, 255]), Buffer.from('hi')]),
      trailers: { 'x-amz-checksum-crc32': 'qcr/Tg==' }
    })
    expect(decodeAwsChunked(Buffer.from('5\r\nhi\r\n0\r\n\r\n'))).toBeUndefined()
    expect(decodeAwsChunked(Buffer.from('zz\r\n'))).toBeUndefined()
  })
})

describe('parseAuth errors', () => {
  const date = { 'x-amz-date': '20240101T000000Z' }
  test.each<[string, string, HeaderBag, string, string | undefined]>([
    ['no auth at all', '/b/k', { host: 'h' }, 'anonymous', undefined],
    [
      'header and query auth',
      '/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256',
      { authorization: 'AWS4-HMAC-SHA256 x' },
      'conflicting',
      undefined
    ],
    [
      'a header without Signature',
      '/',
      { ...date, authorization: 'AWS4-HMAC-SHA256 Credential=A/20240101/r/s3/aws4_request' },
      'malformed',
      'header'
    ],
    [
      'a mal-formed Credential',
      '/',
      {
        ...date,
        authorization: 'AWS4-HMAC-SHA256 Credential=A/r/s3, SignedHeaders=host, Signature=0'
      },
      'malformed',
      'header'
    ],
    [
      'no date',
      '/',
      {
        authorization:
          'AWS4-HMAC-SHA256 Credential=A/20240101/r/s3/aws4_request, SignedHeaders=host, Signature=0'
      },
      'missing-date',
      'header'
    ],
    [
      'another algorithm in the query',
      '/?X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=A%2F20240101%2Fr%2Fs3%2Faws4_request' +
        '&X-Amz-Date=20240101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=0',
      {},
      'malformed',
      'query'
    ],
    ['a query without X-Amz-Date', '/?X-Amz-Signature=0', {}, 'malformed', 'query']
  ])('%s', (_name, url, headers, reason, location) => {
    const expected = location === undefined ? { reason } : { reason, location }
    expect(parseAuth('GET', url, headers)).toMatchObject({ kind: 'error', ...expected })
  })
})

// ---- agreement with the SDK's own signer ----

interface Captured {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** A loopback server that records requests as they arrive on the wire and answers `reply`. */
async function captureServer(reply: { type: string; body: string }) {
  const captured: Captured[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      captured.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      res.writeHead(200, { 'content-type': reply.type })
      res.end(reply.body)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const close = () =>
    new Promise<void>(resolve => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  return { endpoint, captured, close }
}

const SESSION = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE00',
  secretAccessKey: 'session/secret+key=',
  sessionToken: 'IQoJb3JpZ2luX2VjE+/token=='
}

describe('agreement with the real SDK', () => {
  const s3 = new S3Client({
    region: 'eu-west-1',
    endpoint: 'http://127.0.0.1:9',
    forcePathStyle: true,
    credentials: SESSION
  })

  test('presigned GET URLs verify, whatever the key looks like, and tampering is caught', async () => {
    const key = "reports/2024 Q1/a+b=c&d~e!'()*é.png"
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'bkt', Key: key }), {
      expiresIn: 604800
    })
    const host = { host: '127.0.0.1:9' }
    const auth = parsed('GET', url, host)
    expect(auth).toMatchObject({
      kind: 'query',
      sessionToken: SESSION.sessionToken,
      expiresSeconds: 604800,
      credential: { accessKeyId: SESSION.accessKeyId, region: 'eu-west-1', service: 's3' }
    })
    expect(verifySignature(auth, SESSION.secretAccessKey)).toBe(true)

    const sig = /X-Amz-Signature=([0-9a-f]{64})/.exec(url)?.[1] ?? ''
    const flipped = sig.replace(/^./, c => (c === '0' ? '1' : '0'))
    expect(
      verifySignature(parsed('GET', url.replace(sig, flipped), host), SESSION.secretAccessKey)
    ).toBe(false)
    expect(verifySignature(auth, 'another secret')).toBe(false)
    expect(
      verifySignature(
        parsed('GET', url.replace('/bkt/reports', '/bkt/report'), host),
        SESSION.secretAccessKey
      )
    ).toBe(false)
    expect(
      verifySignature(
        parsed('GET', url.replace('X-Amz-Expires=604800', 'X-Amz-Expires=604799'), host),
        SESSION.secretAccessKey
      )
    ).toBe(false)
    expect(
      verifySignature(parsed('GET', url, { host: '127.0.0.1:10' }), SESSION.secretAccessKey)
    ).toBe(false)
    expect(verifySignature(parsed('HEAD', url, host), SESSION.secretAccessKey)).toBe(false)
  })

  test('header-signed PutObject as sent on the wire verifies; changed headers do not', async () => {
    const server = await captureServer({ type: 'application/xml', body: '' })
    try {
      const client = new S3Client({
        region: 'eu-west-1',
        endpoint: server.endpoint,
        forcePathStyle: true,
        credentials: SESSION,
        maxAttempts: 1
      })
      const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 13, 10, 255])
      await client.send(
        new PutObjectCommand({
          Bucket: 'bkt',
          Key: 'a b/c+d.png',
          Body: body,
          ContentType: 'image/png'
        })
      )
      const [request] = server.captured
      if (!request) throw new Error('nothing captured')
      const auth = parsed(request.method, request.url, request.headers)
      expect(auth).toMatchObject({ kind: 'header', sessionToken: SESSION.sessionToken })
      expect(request.body).toEqual(body)
      expect(verifySignature(auth, SESSION.secretAccessKey, request.body)).toBe(true)
      const changed = { ...request.headers, 'content-type': 'text/html' }
      expect(
        verifySignature(parsed(request.method, request.url, changed), SESSION.secretAccessKey)
      ).toBe(false)
      const otherKey = request.url.replace('c%2Bd', 'c%2Be')
      expect(
        verifySignature(parsed(request.method, otherKey, request.headers), SESSION.secretAccessKey)
      ).toBe(false)
    } finally {
      await server.close()
    }
  })

  test('a JSON service (SSM): the payload hash is the body hash, so a changed body fails', async () => {
    const server = await captureServer({
      type: 'application/x-amz-json-1.1',
      body: '{"Parameters":[],"InvalidParameters":[]}'
    })
    try {
      const ssm = new SSMClient({
        region: 'eu-west-1',
        endpoint: server.endpoint,
        credentials: SESSION,
        maxAttempts: 1
      })
      await ssm.send(new GetParametersCommand({ Names: ['/signing/key-id'], WithDecryption: true }))
      const [request] = server.captured
      if (!request) throw new Error('nothing captured')
      const auth = parsed(request.method, request.url, request.headers)
      expect(auth.credential.service).toBe('ssm')
      expect(verifySignature(auth, SESSION.secretAccessKey, request.body)).toBe(true)
      const tampered = Buffer.from(request.body.toString().replace('key-id', 'secret'))
      expect(verifySignature(auth, SESSION.secretAccessKey, tampered)).toBe(false)
    } finally {
      await server.close()
    }
  })
})
