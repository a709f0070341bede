// The S3 stand-in, driven by the real SDK and by plain fetch (what Slack does with an image URL).
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type ServiceInputTypes,
  type ServiceOutputTypes
} from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { FinalizeRequestMiddleware } from '@smithy/types'
import { sleep } from '../../test-support/faults.js'
import {
  longTermIdentity,
  s3Operation,
  startS3StandIn,
  type Identity,
  type S3StandIn
} from '../../test-support/s3-stand-in.js'
import { parseRange } from '../../test-support/s3-store.js'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const BUCKET = 'graphs'
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0xff, 0x0d, 0x0a, 0x80])

let s3: S3StandIn
let owner: Identity

beforeAll(async () => {
  owner = longTermIdentity()
  s3 = await startS3StandIn({ identities: [owner], buckets: [BUCKET] })
})
afterAll(async () => {
  await s3.close()
})
beforeEach(() => s3.faults.clear())

function client(credentials: Identity, options: { region?: string; maxAttempts?: number } = {}) {
  return new S3Client({
    region: options.region ?? s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials,
    maxAttempts: options.maxAttempts ?? 1
  })
}

async function put(key: string, body: Buffer = PNG, as: Identity = owner): Promise<void> {
  await client(as).send(
    new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'image/png' })
  )
}

async function presign(
  key: string,
  as: Identity = owner,
  options: { expiresIn?: number; region?: string; signingDate?: Date } = {}
): Promise<string> {
  const command = new GetObjectCommand({ Bucket: BUCKET, Key: key })
  return getSignedUrl(client(as, { region: options.region }), command, {
    expiresIn: options.expiresIn ?? 3600,
    signingDate: options.signingDate
  })
}

/** The S3 error of a failed SDK call. */
async function sdkError(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise
  } catch (error) {
    if (error instanceof S3ServiceException) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex')
}

/** Status and <Code> of a plain GET, the way Slack would fetch the URL. */
async function fetchCode(url: string): Promise<{ status: number; code?: string; body: string }> {
  const res = await fetch(url)
  const body = await res.text()
  return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(body)?.[1], body }
}

describe('with the SDK', () => {
  test('PutObject then GetObject round-trips binary bytes and the content type', async () => {
    await put('round/trip.png')
    expect(await s3.getObject(BUCKET, 'round/trip.png')).toEqual({
      body: PNG,
      contentType: 'image/png'
    })
    const got = await client(owner).send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'round/trip.png' })
    )
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(PNG)
    expect(got.ContentType).toBe('image/png')
    expect(await s3.listKeys(BUCKET)).toContain('round/trip.png')
  })

  test('a stream body (sent aws-chunked with a checksum trailer) is stored unframed', async () => {
    // Several SDK chunks' worth, so the framing has more than one data chunk to take apart.
    const bytes = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7) % 256))
    const parts = [bytes.subarray(0, 70_000), bytes.subarray(70_000)]
    const put = await client(owner).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'streamed.bin',
        Body: Readable.from(parts),
        ContentLength: bytes.length,
        ContentType: 'application/x-test'
      })
    )
    expect(s3.requests.at(-1)).toMatchObject({ operation: 'PutObject', status: 200 })
    expect(put.ETag).toBe(`"${md5(bytes)}"`)
    expect(await s3.getObject(BUCKET, 'streamed.bin')).toEqual({
      body: bytes,
      contentType: 'application/x-test'
    })
    const got = await client(owner).send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'streamed.bin' })
    )
    expect(got.ContentLength).toBe(bytes.length)
    expect(got.ETag).toBe(put.ETag)
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(bytes)
  })

  test('HeadObject answers the size; requests are recorded with their operation', async () => {
    await put('head.png')
    const head = await client(owner).send(
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'head.png' })
    )
    expect(head.ContentLength).toBe(PNG.length)
    expect(s3.requests.at(-1)).toMatchObject({
      method: 'HEAD',
      path: `/${BUCKET}/head.png`,
      operation: 'HeadObject',
      accessKeyId: owner.accessKeyId,
      status: 200
    })
    expect(s3.timeline.events.at(-1)).toMatchObject({ service: 's3', operation: 'HeadObject' })
  })

  test('a wrong secret is 403 SignatureDoesNotMatch', async () => {
    const error = await sdkError(put('x.png', PNG, { ...owner, secretAccessKey: 'not-the-secret' }))
    expect(error.name).toBe('SignatureDoesNotMatch')
    expect(error.$metadata.httpStatusCode).toBe(403)
  })

  test('an unknown key id is 403 InvalidAccessKeyId', async () => {
    const error = await sdkError(put('x.png', PNG, longTermIdentity()))
    expect(error.name).toBe('InvalidAccessKeyId')
    expect(error.$metadata.httpStatusCode).toBe(403)
  })

  test('a wrong region is 400 AuthorizationHeaderMalformed naming the right one', async () => {
    const command = new PutObjectCommand({ Bucket: BUCKET, Key: 'x.png', Body: PNG })
    const error = await sdkError(client(owner, { region: 'eu-west-3' }).send(command))
    expect(error.name).toBe('AuthorizationHeaderMalformed')
    expect(error.$metadata.httpStatusCode).toBe(400)
    expect(error.message).toBe(
      "The authorization header is malformed; the region 'eu-west-3' is wrong; expecting 'us-east-1'"
    )
    expect((error as unknown as { Region?: string }).Region).toBe('us-east-1')
  })
})

describe('the store', () => {
  /** 0, 1, …, 99: any slice of it shows which bytes it came from. */
  const BYTES = Buffer.from(Array.from({ length: 100 }, (_, i) => i))
  beforeAll(() => put('store/bytes.bin', BYTES))

  async function getRange(range: string) {
    const got = await client(owner).send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'store/bytes.bin', Range: range })
    )
    const body = Buffer.from(await got.Body!.transformToByteArray())
    return { status: got.$metadata.httpStatusCode, contentRange: got.ContentRange, body }
  }

  test.each([
    ['bytes=10-19', 'bytes 10-19/100', 10, 20],
    ['bytes=95-200', 'bytes 95-99/100', 95, 100],
    ['bytes=90-', 'bytes 90-99/100', 90, 100],
    ['bytes=-5', 'bytes 95-99/100', 95, 100],
    ['bytes=-500', 'bytes 0-99/100', 0, 100]
  ])('Range: %s is 206 with Content-Range %s', async (range, contentRange, start, end) => {
    expect(await getRange(range)).toEqual({
      status: 206,
      contentRange,
      body: BYTES.subarray(start, end)
    })
  })

  test('a range it cannot read (two ranges, another unit) is ignored: 200 and the whole object', async () => {
    for (const range of ['bytes=0-1,5-6', 'items=0-1', 'bytes=9-3']) {
      expect(await getRange(range)).toEqual({ status: 200, contentRange: undefined, body: BYTES })
    }
  })

  test('a range past the end is 416 InvalidRange naming the size', async () => {
    const error = await sdkError(getRange('bytes=100-'))
    expect(error.name).toBe('InvalidRange')
    expect(error.$metadata.httpStatusCode).toBe(416)
    const url = await presign('store/bytes.bin')
    const res = await fetch(url, { headers: { Range: 'bytes=-0' } })
    expect(res.status).toBe(416)
    const body = await res.text()
    expect(body).toMatch(/^<\?xml [^>]*\?>\n<Error><Code>InvalidRange<\/Code>/)
    expect(body).toContain('<RangeRequested>bytes=-0</RangeRequested>')
    expect(body).toContain('<ActualObjectSize>100</ActualObjectSize>')
  })

  test('Content-Type, ETag (quoted MD5), Last-Modified and Content-Length come back', async () => {
    const before = Date.now()
    const text = Buffer.from('plain text, stored as such\n')
    const put = await client(owner).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'store/note.txt',
        Body: text,
        ContentType: 'text/plain; charset=utf-8'
      })
    )
    expect(put.ETag).toBe(`"${md5(text)}"`)
    const res = await fetch(await presign('store/note.txt'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(res.headers.get('etag')).toBe(put.ETag)
    expect(res.headers.get('content-length')).toBe(String(text.length))
    expect(res.headers.get('accept-ranges')).toBe('bytes')
    const lastModified = Date.parse(res.headers.get('last-modified') ?? '')
    expect(lastModified).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000)
    expect(lastModified).toBeLessThanOrEqual(Date.now())
    expect(Buffer.from(await res.arrayBuffer())).toEqual(text)
  })

  test('an object stored without a Content-Type is served as binary/octet-stream', async () => {
    // The SDK sends application/octet-stream by default: take it off before the request is signed.
    const sdk = client(owner)
    const dropContentType: FinalizeRequestMiddleware<ServiceInputTypes, ServiceOutputTypes> =
      next => args => {
        delete (args.request as { headers: Record<string, string> }).headers['content-type']
        return next(args)
      }
    sdk.middlewareStack.addRelativeTo(dropContentType, {
      relation: 'before',
      toMiddleware: 'httpSigningMiddleware'
    })
    await sdk.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'store/untyped', Body: PNG }))
    const res = await fetch(await presign('store/untyped'))
    expect(res.headers.get('content-type')).toBe('binary/octet-stream')
    expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG)
  })

  test('an empty object is 200 with no bytes, and any range of it is 416', async () => {
    await put('store/empty', Buffer.alloc(0))
    const res = await fetch(await presign('store/empty'))
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe(`"${md5(Buffer.alloc(0))}"`)
    expect((await res.arrayBuffer()).byteLength).toBe(0)
    const ranged = await fetch(await presign('store/empty'), { headers: { Range: 'bytes=0-0' } })
    expect(ranged.status).toBe(416)
  })

  test('a second PutObject replaces the object', async () => {
    await put('store/again.png', Buffer.from('first'))
    await put('store/again.png', PNG)
    expect((await s3.getObject(BUCKET, 'store/again.png'))?.body).toEqual(PNG)
  })

  test('HeadObject: the headers of GetObject, without a body; a range is answered 206', async () => {
    const url = await getSignedUrl(
      client(owner),
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'store/bytes.bin' }),
      { expiresIn: 60 }
    )
    const res = await fetch(url, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('100')
    expect(res.headers.get('etag')).toBe(`"${md5(BYTES)}"`)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(await res.text()).toBe('')
    const ranged = await fetch(url, { method: 'HEAD', headers: { Range: 'bytes=0-0' } })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toBe('bytes 0-0/100')
    expect(ranged.headers.get('content-length')).toBe('1')
  })

  test('a missing key is 404 NoSuchKey naming the key; HEAD answers 404 with no body', async () => {
    const error = await sdkError(
      client(owner).send(new GetObjectCommand({ Bucket: BUCKET, Key: 'store/none.png' }))
    )
    expect(error.name).toBe('NoSuchKey')
    expect(error.$metadata.httpStatusCode).toBe(404)
    const answer = await fetchCode(await presign('store/not here.png'))
    expect(answer).toMatchObject({ status: 404, code: 'NoSuchKey' })
    expect(answer.body).toContain('<Key>store/not here.png</Key>')
    expect(s3.requests.at(-1)).toMatchObject({ operation: 'GetObject', status: 404 })

    const head = await getSignedUrl(
      client(owner),
      new HeadObjectCommand({ Bucket: BUCKET, Key: 'store/none.png' }),
      { expiresIn: 60 }
    )
    const res = await fetch(head, { method: 'HEAD' })
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('')
  })

  test('an unknown bucket is 404 NoSuchBucket for GET, HEAD and PUT', async () => {
    const other = { Bucket: 'no-such-bucket', Key: 'graph.png' }
    const get = await sdkError(client(owner).send(new GetObjectCommand(other)))
    expect([get.name, get.$metadata.httpStatusCode]).toEqual(['NoSuchBucket', 404])
    expect((get as unknown as { BucketName?: string }).BucketName).toBe('no-such-bucket')
    const putError = await sdkError(
      client(owner).send(new PutObjectCommand({ ...other, Body: PNG }))
    )
    expect([putError.name, putError.$metadata.httpStatusCode]).toEqual(['NoSuchBucket', 404])
    // HEAD has no body, so the SDK can only name the status.
    const head = await sdkError(client(owner).send(new HeadObjectCommand(other)))
    expect(head.$metadata.httpStatusCode).toBe(404)
    expect(await s3.listKeys('no-such-bucket')).toEqual([])
  })

  test('CreateBucket makes a bucket to put into; bad names are 400 InvalidBucketName', async () => {
    await client(owner).send(new CreateBucketCommand({ Bucket: 'made-by-sdk' }))
    // us-east-1 answers a second CreateBucket of one's own bucket with 200, for history's sake.
    await client(owner).send(new CreateBucketCommand({ Bucket: 'made-by-sdk' }))
    await client(owner).send(
      new PutObjectCommand({ Bucket: 'made-by-sdk', Key: 'b.png', Body: PNG })
    )
    await client(owner).send(
      new PutObjectCommand({ Bucket: 'made-by-sdk', Key: 'a.png', Body: PNG })
    )
    expect(await s3.listKeys('made-by-sdk')).toEqual(['a.png', 'b.png'])
    const error = await sdkError(
      client(owner).send(new CreateBucketCommand({ Bucket: 'Not_A_Bucket' }))
    )
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InvalidBucketName', 400])
  })

  test('outside us-east-1, creating an own bucket again is 409 BucketAlreadyOwnedByYou', async () => {
    const paris = await startS3StandIn({
      region: 'eu-west-3',
      identities: [owner],
      buckets: [BUCKET]
    })
    try {
      const sdk = new S3Client({
        region: 'eu-west-3',
        endpoint: paris.endpoint,
        forcePathStyle: true,
        credentials: owner,
        maxAttempts: 1
      })
      const error = await sdkError(sdk.send(new CreateBucketCommand({ Bucket: BUCKET })))
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['BucketAlreadyOwnedByYou', 409])
    } finally {
      await paris.close()
    }
  })

  test('an operation the store does not keep is 501 NotImplemented', async () => {
    const error = await sdkError(client(owner).send(new ListObjectsV2Command({ Bucket: BUCKET })))
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['NotImplemented', 501])
    expect(s3.requests.at(-1)).toMatchObject({ operation: 'ListObjectsV2', status: 501 })
  })

  test('what getObject hands out is a copy: changing it changes nothing served', async () => {
    const copy = await s3.getObject(BUCKET, 'store/bytes.bin')
    copy!.body.fill(0)
    expect((await s3.getObject(BUCKET, 'store/bytes.bin'))?.body).toEqual(BYTES)
  })
})

describe('presigned URLs fetched like Slack does', () => {
  beforeAll(() => put('shared/graph.png'))

  test('200 with the exact bytes, and 206 with one byte for Range: bytes=0-0', async () => {
    const url = await presign('shared/graph.png')
    const full = await fetch(url)
    expect(full.status).toBe(200)
    expect(full.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await full.arrayBuffer())).toEqual(PNG)

    const first = await fetch(url, { headers: { Range: 'bytes=0-0' } })
    expect(first.status).toBe(206)
    expect(first.headers.get('content-range')).toBe(`bytes 0-0/${PNG.length}`)
    expect(Buffer.from(await first.arrayBuffer())).toEqual(PNG.subarray(0, 1))
  })

  test('keys with spaces, plus signs and unicode work', async () => {
    const key = 'dash board/cpu+mem é (1).png'
    await put(key)
    expect((await fetchCode(await presign(key))).status).toBe(200)
  })

  test('a tampered URL is 403 SignatureDoesNotMatch', async () => {
    await put('shared/other.png')
    const url = await presign('shared/graph.png')
    expect(await fetchCode(url.replace('graph.png', 'other.png'))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch'
    })
    expect(await fetchCode(url.replace('X-Amz-Expires=3600', 'X-Amz-Expires=3601'))).toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch'
    })
  })

  test('a wrong region is 400 AuthorizationQueryParametersError with <Region>', async () => {
    const answer = await fetchCode(
      await presign('shared/graph.png', owner, { region: 'eu-west-1' })
    )
    expect(answer).toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' })
    expect(answer.body).toContain(
      "<Message>Error parsing the X-Amz-Credential parameter; the region 'eu-west-1' is wrong; expecting 'us-east-1'</Message><Region>us-east-1</Region>"
    )
  })

  test('an unknown key id is 403 InvalidAccessKeyId', async () => {
    const url = await presign('shared/graph.png', longTermIdentity())
    expect(await fetchCode(url)).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' })
  })

  test('past X-Amz-Date + X-Amz-Expires is 403 AccessDenied "Request has expired"', async () => {
    const signingDate = new Date(Date.now() - 120_000)
    const answer = await fetchCode(
      await presign('shared/graph.png', owner, { expiresIn: 60, signingDate })
    )
    expect(answer).toMatchObject({ status: 403, code: 'AccessDenied' })
    expect(answer.body).toContain('<Message>Request has expired</Message>')
  })

  test('X-Amz-Expires beyond a week is 400 AuthorizationQueryParametersError', async () => {
    const url = await presign('shared/graph.png', owner, { expiresIn: 604800 })
    const answer = await fetchCode(url.replace('X-Amz-Expires=604800', 'X-Amz-Expires=604801'))
    expect(answer).toMatchObject({ status: 400, code: 'AuthorizationQueryParametersError' })
    expect(answer.body).toContain('X-Amz-Expires must be less than a week')
  })

  test('an anonymous request is 403 AccessDenied', async () => {
    expect(await fetchCode(`${s3.endpoint}/${BUCKET}/shared/graph.png`)).toMatchObject({
      status: 403,
      code: 'AccessDenied'
    })
  })
})

describe('temporary credentials', () => {
  test('a URL signed by a session dies with the session, whatever X-Amz-Expires says', async () => {
    const session = s3.mintSession({ durationSeconds: 2 })
    expect(session.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/)
    await put('session/graph.png', PNG, session)
    const url = await presign('session/graph.png', session, { expiresIn: 604800 })
    expect(url).toContain('X-Amz-Security-Token=')
    expect((await fetchCode(url)).status).toBe(200)

    await sleep(2500)
    const answer = await fetchCode(url)
    expect(answer).toMatchObject({ status: 400, code: 'ExpiredToken' })
    expect(answer.body).toContain('<Message>The provided token has expired.</Message>')
    // The long-term key's URL for the same object still works: the object is fine.
    expect((await fetchCode(await presign('session/graph.png'))).status).toBe(200)
  })

  test('a wrong session token is 400 InvalidToken; a missing one makes the key unknown', async () => {
    const session = s3.mintSession({ durationSeconds: 900 })
    const wrongToken = await presign('shared/graph.png', { ...session, sessionToken: 'forged' })
    expect(await fetchCode(wrongToken)).toMatchObject({ status: 400, code: 'InvalidToken' })
    const noToken = await presign('shared/graph.png', { ...session, sessionToken: undefined })
    expect(await fetchCode(noToken)).toMatchObject({ status: 403, code: 'InvalidAccessKeyId' })
  })
})

describe('faults', () => {
  test('a 500 once: the SDK retries and succeeds', async () => {
    s3.faults.inject({ kind: 'status', status: 500 }, { operation: 'PutObject' })
    const before = s3.requests.length
    await client(owner, { maxAttempts: 3 }).send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'retried.png',
        Body: PNG,
        ContentType: 'image/png'
      })
    )
    expect(s3.requests.slice(before).map(r => [r.status, r.code])).toEqual([
      [500, 'InternalError'],
      [200, undefined]
    ])
    expect((await s3.getObject(BUCKET, 'retried.png'))?.body).toEqual(PNG)
  })

  test('a reset once: the SDK retries and succeeds', async () => {
    await put('reset.png')
    s3.faults.inject({ kind: 'reset' }, { operation: 'GetObject' })
    const before = s3.requests.length
    const got = await client(owner, { maxAttempts: 3 }).send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'reset.png' })
    )
    expect(Buffer.from(await got.Body!.transformToByteArray())).toEqual(PNG)
    expect(s3.requests.slice(before).map(r => r.status)).toEqual([0, 200])
  })

  test('throttling is 503 SlowDown, and latency is added per request', async () => {
    const url = await presign('shared/graph.png')
    s3.faults.inject({ kind: 'throttle' })
    expect(await fetchCode(url)).toMatchObject({ status: 503, code: 'SlowDown' })
    s3.faults.latencyMs = 150
    const started = Date.now()
    expect((await fetchCode(url)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })
})

describe('helpers', () => {
  test.each<[string, number, ReturnType<typeof parseRange>]>([
    ['bytes=0-0', 10, [0, 0]],
    ['bytes=2-', 10, [2, 9]],
    ['bytes=-3', 10, [7, 9]],
    ['bytes=5-100', 10, [5, 9]],
    ['bytes=10-', 10, 'unsatisfiable'],
    ['bytes=0-1,4-5', 10, 'ignore'],
    ['items=0-1', 10, 'ignore']
  ])('parseRange(%s, %d)', (range, size, expected) => {
    expect(parseRange(range, size)).toEqual(expected)
  })

  test.each([
    ['PUT', '/b', {}, 'CreateBucket'],
    ['PUT', '/b/k/x.png?x-id=PutObject', {}, 'PutObject'],
    ['PUT', '/b/k', { 'x-amz-copy-source': '/b/j' }, 'CopyObject'],
    ['GET', '/b/k?X-Amz-Signature=0', {}, 'GetObject'],
    ['HEAD', '/b/k', {}, 'HeadObject'],
    ['GET', '/b?list-type=2', {}, 'ListObjectsV2'],
    ['GET', '/', {}, 'ListBuckets']
  ])('s3Operation(%s %s)', (method, url, headers, operation) => {
    expect(s3Operation(method, url, headers)).toBe(operation)
  })
})
