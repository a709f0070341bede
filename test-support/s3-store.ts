// The S3 stand-in's store: buckets of objects held in memory, and S3's answers for the operations
// the action and its tests use: CreateBucket, PutObject (plain or aws-chunked body), GetObject and
// HeadObject (whole, or one byte range). Requests reach it only after the front (s3-stand-in.ts)
// has checked their signature, so nothing here looks at auth. Memory is enough: a run stores a
// handful of small PNGs, and nothing has to outlive the process.

import { createHash, randomBytes } from 'node:crypto'
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import { decodeAwsChunked, headerValue } from './sigv4.js'

export interface StoredObject {
  body: Buffer
  contentType: string
  /** The quoted MD5 hex of the body, as S3 gives it for a single-part upload. */
  etag: string
  lastModified: Date
}

/** An S3 error answer. */
export interface S3ErrorReply {
  status: number
  code: string
  message: string
  /** Extra elements of <Error>, as real S3 adds them (Region, AWSAccessKeyId, Key, …). */
  details?: Record<string, string>
  headers?: Record<string, string>
}

/** What the store reads of a request the front let through. */
export interface StoreRequest {
  method: string
  /** The operation, as s3Operation names it. */
  operation: string
  /** The path as sent, still percent-encoded: /bucket/key. */
  path: string
  headers: IncomingHttpHeaders
  /** The body as received (aws-chunked framing included). */
  body: Buffer
}

/** What S3 records when PutObject names no Content-Type. */
const DEFAULT_CONTENT_TYPE = 'binary/octet-stream'

export class S3Store {
  private readonly buckets = new Map<string, Map<string, StoredObject>>()

  /** The region decides one answer: re-creating an own bucket is 200 only in us-east-1. */
  constructor(private readonly region: string) {}

  createBucket(name: string): void {
    if (!this.buckets.has(name)) this.buckets.set(name, new Map())
  }

  object(bucket: string, key: string): StoredObject | undefined {
    return this.buckets.get(bucket)?.get(key)
  }

  /** The keys of a bucket in S3's listing order; none for an unknown bucket. */
  keys(bucket: string): string[] {
    return [...(this.buckets.get(bucket)?.keys() ?? [])].sort(byUtf8Bytes)
  }

  /** Answers one request; returns the status sent. */
  answer(request: StoreRequest, res: ServerResponse): number {
    const target = bucketAndKey(request.path)
    const outcome = target ? this.perform(request, target, res) : invalidUri(request.path)
    return typeof outcome === 'number' ? outcome : sendError(res, request.method, outcome)
  }

  /** Runs the operation: the status it answered, or the error to answer instead. */
  private perform(
    request: StoreRequest,
    target: Target,
    res: ServerResponse
  ): number | S3ErrorReply {
    switch (request.operation) {
      case 'CreateBucket':
        return this.putBucket(target.bucket, res)
      case 'PutObject':
        return this.putObject(request, target, res)
      case 'GetObject':
      case 'HeadObject':
        return this.getObject(request, target, res)
      default:
        return {
          status: 501,
          code: 'NotImplemented',
          message: 'A header you provided implies functionality that is not implemented'
        }
    }
  }

  private putBucket(name: string, res: ServerResponse): number | S3ErrorReply {
    if (!validBucketName(name)) {
      const message = 'The specified bucket is not valid.'
      return { status: 400, code: 'InvalidBucketName', message, details: { BucketName: name } }
    }
    // Outside us-east-1 S3 refuses to create a bucket twice; us-east-1 answers 200 for history's sake.
    if (this.buckets.has(name) && this.region !== 'us-east-1') {
      const message =
        'Your previous request to create the named bucket succeeded and you already own it.'
      return {
        status: 409,
        code: 'BucketAlreadyOwnedByYou',
        message,
        details: { BucketName: name }
      }
    }
    this.createBucket(name)
    res.writeHead(200, { Location: `/${name}`, 'Content-Length': '0' })
    res.end()
    return 200
  }

  private putObject(
    request: StoreRequest,
    target: Target,
    res: ServerResponse
  ): number | S3ErrorReply {
    const body = unframe(request.headers, request.body)
    if (!body) {
      const message = 'The aws-chunked body could not be decoded.'
      return { status: 400, code: 'IncompleteBody', message }
    }
    const objects = this.buckets.get(target.bucket)
    if (!objects) return noSuchBucket(target.bucket)
    const object: StoredObject = {
      body,
      contentType: headerValue(request.headers, 'content-type') ?? DEFAULT_CONTENT_TYPE,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date()
    }
    objects.set(target.key, object)
    res.writeHead(200, { ETag: object.etag, 'Content-Length': '0' })
    res.end()
    return 200
  }

  private getObject(
    request: StoreRequest,
    target: Target,
    res: ServerResponse
  ): number | S3ErrorReply {
    const objects = this.buckets.get(target.bucket)
    if (!objects) return noSuchBucket(target.bucket)
    const object = objects.get(target.key)
    if (!object) {
      const message = 'The specified key does not exist.'
      return { status: 404, code: 'NoSuchKey', message, details: { Key: target.key } }
    }
    const range = headerValue(request.headers, 'range')
    const span = range === undefined ? 'ignore' : parseRange(range, object.body.length)
    if (span === 'unsatisfiable') {
      const message = 'The requested range is not satisfiable'
      const details = { RangeRequested: range ?? '', ActualObjectSize: String(object.body.length) }
      return { status: 416, code: 'InvalidRange', message, details }
    }
    return sendObject(res, request.method, object, span === 'ignore' ? undefined : span)
  }
}

interface Target {
  bucket: string
  key: string
}

/** Bucket and key of a path-style target; undefined when its percent-encoding is broken. */
function bucketAndKey(path: string): Target | undefined {
  const [, bucket = '', ...key] = path.split('/')
  try {
    return { bucket: decodeURIComponent(bucket), key: decodeURIComponent(key.join('/')) }
  } catch {
    return undefined
  }
}

/** S3's rules for new names: 3 to 63 of a-z 0-9 . -, starting and ending with a letter or digit. */
function validBucketName(name: string): boolean {
  return /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) && !name.includes('..')
}

/** Object keys are listed in the order of their UTF-8 bytes, not of JavaScript's UTF-16 units. */
function byUtf8Bytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

function noSuchBucket(bucket: string): S3ErrorReply {
  const message = 'The specified bucket does not exist'
  return { status: 404, code: 'NoSuchBucket', message, details: { BucketName: bucket } }
}

function invalidUri(path: string): S3ErrorReply {
  const message = "Couldn't parse the specified URI."
  return { status: 400, code: 'InvalidURI', message, details: { URI: path } }
}

/** The whole object (200) or the bytes start..end of it (206); HEAD gets the headers only. */
function sendObject(
  res: ServerResponse,
  method: string,
  object: StoredObject,
  span: [number, number] | undefined
): number {
  const size = object.body.length
  const content = span ? object.body.subarray(span[0], span[1] + 1) : object.body
  const status = span ? 206 : 200
  res.writeHead(status, {
    'Content-Type': object.contentType,
    'Content-Length': String(content.length),
    ...(span ? { 'Content-Range': `bytes ${span[0]}-${span[1]}/${size}` } : {}),
    ETag: object.etag,
    'Last-Modified': object.lastModified.toUTCString(),
    'Accept-Ranges': 'bytes'
  })
  res.end(method === 'HEAD' ? undefined : content)
  return status
}

/** RFC 9110 single byte range; S3 ignores what it cannot parse (multiple ranges included). */
export function parseRange(
  range: string,
  size: number
): [number, number] | 'ignore' | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim())
  if (!match || (match[1] === '' && match[2] === '')) return 'ignore'
  if (match[1] === '') {
    const suffix = Number(match[2])
    return suffix === 0 || size === 0 ? 'unsatisfiable' : [Math.max(0, size - suffix), size - 1]
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  if (match[2] !== '' && Number(match[2]) < start) return 'ignore'
  return start >= size ? 'unsatisfiable' : [start, end]
}

/**
 * The object's bytes: the body as sent, or without its aws-chunked framing (the SDK frames stream
 * bodies, with a checksum trailer). Undefined when the framing is broken or its length is wrong.
 */
function unframe(headers: IncomingHttpHeaders, raw: Buffer): Buffer | undefined {
  const encodings = (headerValue(headers, 'content-encoding') ?? '').split(',')
  if (!encodings.some(encoding => encoding.trim() === 'aws-chunked')) return raw
  const decoded = decodeAwsChunked(raw)
  const declared = headerValue(headers, 'x-amz-decoded-content-length')
  if (!decoded || (declared !== undefined && Number(declared) !== decoded.data.length)) {
    return undefined
  }
  return decoded.data
}

/** Writes S3's XML error, for the store and the front alike (no body for HEAD, as S3 does). */
export function sendError(res: ServerResponse, method: string, error: S3ErrorReply): number {
  const elements = Object.entries(error.details ?? {})
    .map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`)
    .join('')
  const requestId = randomBytes(8).toString('hex').toUpperCase()
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message>${elements}` +
    `<RequestId>${requestId}</RequestId><HostId>${randomBytes(32).toString('base64')}</HostId></Error>`
  res.writeHead(error.status, {
    'Content-Type': 'application/xml',
    'x-amz-request-id': requestId,
    ...error.headers
  })
  res.end(method === 'HEAD' ? undefined : xml)
  return error.status
}

/** Element text only needs <, > and &: real S3 leaves quotes as they are. */
function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
