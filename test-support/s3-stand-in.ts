// The S3 stand-in: a loopback server (path-style, on 127.0.0.1) that answers like S3. Its front
// checks what S3 checks before it touches an object, written from the SigV4 specification and not
// with the SDK that signs (sigv4.ts): signature, region, key id, session token and its expiry,
// presigned expiry. The front also injects faults and records every request. Requests that pass
// go to an in-memory store (s3-store.ts) that keeps the bytes and serves them whole or by range.

import { randomBytes } from 'node:crypto'
import { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import { FaultPlan, Timeline, type Fault } from './faults.js'
import {
  type Serving,
  closeServer,
  createStandInServer,
  listenOnLoopback,
  loseAnswer,
  readBody
} from './http.js'
import { S3Store, sendError, type S3ErrorReply } from './s3-store.js'
import {
  MAX_PRESIGN_EXPIRES_SECONDS,
  canonicalRequest,
  parseAuth,
  sha256Hex,
  splitTarget,
  stringToSign,
  verifySignature,
  type AuthError,
  type ParsedAuth
} from './sigv4.js'

export interface Identity {
  accessKeyId: string
  secretAccessKey: string
  /** Set for temporary (STS-like) credentials: requests must carry it. */
  sessionToken?: string
  /** When the session ends; requests signed with it then fail with ExpiredToken. */
  expiresAt?: Date
}

export interface S3StandInOptions {
  /** The region the "buckets" live in (default us-east-1). */
  region?: string
  identities?: Identity[]
  /** Buckets created at start. */
  buckets?: string[]
  faults?: FaultPlan
  timeline?: Timeline
  /** https, under a host name (default: http on 127.0.0.1). */
  serving?: Serving
}

export interface RecordedRequest {
  method: string
  path: string
  operation: string
  accessKeyId?: string
  /** The status answered; 0 when the connection was reset on purpose. */
  status: number
  /** The S3 error code the front answered with, or 'reset' for an injected reset. */
  code?: string
}

export interface S3StandIn {
  /** http://127.0.0.1:PORT (or as `serving` says), for `endpoint` with `forcePathStyle: true`. */
  endpoint: string
  region: string
  addIdentity(identity: Identity): void
  /** A temporary identity (ASIA… key, session token) that ends `durationSeconds` from now. */
  mintSession(options: { durationSeconds: number }): Identity
  createBucket(name: string): Promise<void>
  getObject(
    bucket: string,
    key: string
  ): Promise<{ body: Buffer; contentType?: string } | undefined>
  listKeys(bucket: string): Promise<string[]>
  /** Every request, recorded once answered. */
  requests: RecordedRequest[]
  faults: FaultPlan
  timeline: Timeline
  close(): Promise<void>
}

/** Long-term credentials shaped like an IAM user's: AKIA + 16 uppercase alphanumerics. */
export function longTermIdentity(): Identity {
  return { accessKeyId: randomKeyId('AKIA'), secretAccessKey: randomSecret() }
}

/** Temporary credentials shaped like STS's: ASIA key id, session token, end of session. */
export function temporaryIdentity(durationSeconds: number): Identity {
  return {
    accessKeyId: randomKeyId('ASIA'),
    secretAccessKey: randomSecret(),
    // base64 with + / = on purpose: they must survive query-string encoding.
    sessionToken: `FwoGZXIvYXdzE${randomBytes(96).toString('base64')}`,
    expiresAt: new Date(Date.now() + durationSeconds * 1000)
  }
}

function randomKeyId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return prefix + Array.from(randomBytes(16), byte => alphabet[byte % 32]).join('')
}

function randomSecret(): string {
  return randomBytes(30).toString('base64')
}

export async function startS3StandIn(options: S3StandInOptions = {}): Promise<S3StandIn> {
  const region = options.region ?? 'us-east-1'
  const faults = options.faults ?? new FaultPlan()
  const timeline = options.timeline ?? new Timeline()
  const identities = new Map<string, Identity>()
  for (const identity of options.identities ?? []) identities.set(identity.accessKeyId, identity)
  const requests: RecordedRequest[] = []
  const store = new S3Store(region)
  for (const name of options.buckets ?? []) store.createBucket(name)

  const front = new Front({ region, faults, timeline, identities, requests, store })
  const server = createStandInServer((req, res) => void front.handle(req, res), options.serving)
  const endpoint = await listenOnLoopback(server, options.serving)

  return {
    endpoint,
    region,
    addIdentity: identity => void identities.set(identity.accessKeyId, identity),
    mintSession: ({ durationSeconds }) => {
      const identity = temporaryIdentity(durationSeconds)
      identities.set(identity.accessKeyId, identity)
      return identity
    },
    createBucket: async name => store.createBucket(name),
    getObject: async (bucket, key) => {
      const object = store.object(bucket, key)
      // A copy: what the caller does with it must not change what S3 serves.
      return object && { body: Buffer.from(object.body), contentType: object.contentType }
    },
    listKeys: async bucket => store.keys(bucket),
    requests,
    faults,
    timeline,
    close: () => closeServer(server)
  }
}

// ---- the front ----

interface FrontContext {
  region: string
  faults: FaultPlan
  timeline: Timeline
  identities: Map<string, Identity>
  requests: RecordedRequest[]
  store: S3Store
}

class Front {
  constructor(private readonly ctx: FrontContext) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    const operation = s3Operation(method, url, req.headers)
    const event = this.ctx.timeline.start('s3', operation)
    const path = splitTarget(url).path
    const entry: RecordedRequest = { method, path, operation, status: 0 }
    try {
      // Read the whole body first: answering before it is read makes clients see EPIPE, not the error.
      const body = await readBody(req)
      await this.ctx.faults.delay()
      const parsed = parseAuth(method, url, req.headersDistinct)
      if (parsed.kind !== 'error') entry.accessKeyId = parsed.credential.accessKeyId
      const fault = this.ctx.faults.take(operation, path)
      if (fault?.kind === 'reset' || fault?.kind === 'hang' || fault?.kind === 'lost') {
        // The connection is dropped, left without an answer, or answered by a "proxy".
        entry.code = fault.kind
        await loseAnswer(req, res, fault.kind === 'lost' ? fault.answer : fault.kind)
        return
      }
      const problem = fault ? faultReply(fault) : this.authenticate(parsed, body)
      if (problem) {
        entry.code = problem.code
        entry.status = sendError(res, method, problem)
        return
      }
      const request = { method, operation, path, headers: req.headers, body }
      entry.status = this.ctx.store.answer(request, res)
    } catch (error) {
      entry.code = 'InternalError'
      const message = `The stand-in failed: ${String(error)}`
      if (res.headersSent) res.destroy()
      else entry.status = sendError(res, method, { status: 500, code: 'InternalError', message })
    } finally {
      this.ctx.requests.push(entry)
      this.ctx.timeline.finish(event)
    }
  }

  /** S3's authentication, in the order S3 reports problems; undefined when the request may pass. */
  private authenticate(parsed: ParsedAuth | AuthError, body: Buffer): S3ErrorReply | undefined {
    if (parsed.kind === 'error') return parseErrorReply(parsed)
    const identity = this.ctx.identities.get(parsed.credential.accessKeyId)
    return (
      checkScope(parsed, this.ctx.region) ??
      checkExpiresParam(parsed) ??
      checkIdentity(parsed, identity) ??
      checkTime(parsed) ??
      checkSignature(parsed, identity, body) ??
      checkPayload(parsed, body)
    )
  }
}

function parseErrorReply({ reason, location, message }: AuthError): S3ErrorReply {
  switch (reason) {
    case 'anonymous':
      // Private bucket: S3 answers an unsigned request like a forbidden one.
      return { status: 403, code: 'AccessDenied', message: 'Access Denied' }
    case 'missing-date':
      return { status: 403, code: 'AccessDenied', message }
    case 'conflicting':
      return { status: 400, code: 'InvalidArgument', message }
    case 'malformed':
      return location === 'query'
        ? { status: 400, code: 'AuthorizationQueryParametersError', message }
        : { status: 400, code: 'AuthorizationHeaderMalformed', message }
  }
}

function malformed(
  parsed: ParsedAuth,
  why: string,
  details?: Record<string, string>
): S3ErrorReply {
  return parsed.kind === 'query'
    ? {
        status: 400,
        code: 'AuthorizationQueryParametersError',
        message: `Error parsing the X-Amz-Credential parameter; ${why}`,
        details
      }
    : {
        status: 400,
        code: 'AuthorizationHeaderMalformed',
        message: `The authorization header is malformed; ${why}`,
        details
      }
}

function checkScope(parsed: ParsedAuth, region: string): S3ErrorReply | undefined {
  const scope = parsed.credential
  if (scope.service !== 's3') {
    return malformed(parsed, `incorrect service "${scope.service}". This endpoint belongs to "s3".`)
  }
  if (scope.region !== region) {
    const why = `the region '${scope.region}' is wrong; expecting '${region}'`
    return malformed(parsed, why, { Region: region })
  }
  return undefined
}

function checkExpiresParam(parsed: ParsedAuth): S3ErrorReply | undefined {
  if (parsed.kind !== 'query') return undefined
  const expires = parsed.expiresSeconds
  const error = (message: string): S3ErrorReply => ({
    status: 400,
    code: 'AuthorizationQueryParametersError',
    message
  })
  if (expires === undefined) {
    return error(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, ' +
        'X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'
    )
  }
  if (expires > MAX_PRESIGN_EXPIRES_SECONDS) {
    return error(
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires ' +
        `must be less than ${MAX_PRESIGN_EXPIRES_SECONDS} seconds`
    )
  }
  if (expires < 0) return error('X-Amz-Expires must be non-negative')
  return undefined
}

/** Key id, session token and the session's own end: the check this project exists for. */
function checkIdentity(
  parsed: ParsedAuth,
  identity: Identity | undefined
): S3ErrorReply | undefined {
  const unknownKey: S3ErrorReply = {
    status: 403,
    code: 'InvalidAccessKeyId',
    message: 'The AWS Access Key Id you provided does not exist in our records.',
    details: { AWSAccessKeyId: parsed.credential.accessKeyId }
  }
  // A temporary key id is only known together with its token.
  if (!identity || (identity.sessionToken && parsed.sessionToken === undefined)) return unknownKey
  if (parsed.sessionToken !== undefined && parsed.sessionToken !== identity.sessionToken) {
    const message = 'The provided token is malformed or otherwise invalid.'
    return {
      status: 400,
      code: 'InvalidToken',
      message,
      details: { 'Token-0': parsed.sessionToken }
    }
  }
  if (identity.expiresAt && Date.now() >= identity.expiresAt.getTime()) {
    if (!identity.sessionToken) return unknownKey // a long-term key that was deleted
    const message = 'The provided token has expired.'
    return {
      status: 400,
      code: 'ExpiredToken',
      message,
      details: { 'Token-0': identity.sessionToken }
    }
  }
  return undefined
}

/** Presigned URLs: X-Amz-Date + X-Amz-Expires. Header auth: at most 15 minutes of clock skew. */
function checkTime(parsed: ParsedAuth): S3ErrorReply | undefined {
  const now = new Date()
  const serverTime = isoSeconds(now)
  if (parsed.kind === 'query') {
    const expires = new Date(parsed.requestTime.getTime() + (parsed.expiresSeconds ?? 0) * 1000)
    if (now.getTime() < expires.getTime()) return undefined
    const details = {
      'X-Amz-Expires': String(parsed.expiresSeconds),
      Expires: isoSeconds(expires),
      ServerTime: serverTime
    }
    return { status: 403, code: 'AccessDenied', message: 'Request has expired', details }
  }
  const maxSkew = 15 * 60 * 1000
  if (Math.abs(now.getTime() - parsed.requestTime.getTime()) <= maxSkew) return undefined
  return {
    status: 403,
    code: 'RequestTimeTooSkewed',
    message: 'The difference between the request time and the current time is too large.',
    details: {
      RequestTime: parsed.amzDate,
      ServerTime: serverTime,
      MaxAllowedSkewMilliseconds: '900000'
    }
  }
}

function checkSignature(
  parsed: ParsedAuth,
  identity: Identity | undefined,
  body: Buffer
): S3ErrorReply | undefined {
  if (identity && verifySignature(parsed, identity.secretAccessKey, body)) {
    return checkUnsignedHeaders(parsed)
  }
  const canonical = canonicalRequest(parsed, body)
  return {
    status: 403,
    code: 'SignatureDoesNotMatch',
    message:
      'The request signature we calculated does not match the signature you provided. ' +
      'Check your key and signing method.',
    details: {
      AWSAccessKeyId: parsed.credential.accessKeyId,
      StringToSign: stringToSign(parsed, canonical),
      SignatureProvided: parsed.signature,
      CanonicalRequest: canonical
    }
  }
}

/** S3 refuses x-amz-* headers that are present but not covered by the signature. */
function checkUnsignedHeaders(parsed: ParsedAuth): S3ErrorReply | undefined {
  const unsigned = Object.keys(parsed.headers).filter(
    name => name.startsWith('x-amz-') && !parsed.signedHeaders.includes(name)
  )
  if (unsigned.length === 0) return undefined
  return {
    status: 403,
    code: 'AccessDenied',
    message: 'There were headers present in the request which were not signed',
    details: { HeadersNotSigned: unsigned.join(', ') }
  }
}

/** Header auth: x-amz-content-sha256 is required, and a hex value must be the body's hash. */
function checkPayload(parsed: ParsedAuth, body: Buffer): S3ErrorReply | undefined {
  if (parsed.kind === 'query') return undefined
  const declared = parsed.declaredPayloadHash
  if (declared === undefined) {
    const message = 'Missing required header for this request: x-amz-content-sha256'
    return { status: 400, code: 'InvalidRequest', message }
  }
  if (!/^[0-9a-f]{64}$/.test(declared) || declared === sha256Hex(body)) return undefined
  return {
    status: 400,
    code: 'XAmzContentSHA256Mismatch',
    message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    details: { ClientComputedContentSHA256: declared, S3ComputedContentSHA256: sha256Hex(body) }
  }
}

function faultReply(fault: Extract<Fault, { kind: 'status' | 'throttle' }>): S3ErrorReply {
  const headers: Record<string, string> =
    fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) }
  if (fault.kind === 'throttle') {
    return { status: 503, code: 'SlowDown', message: 'Please reduce your request rate.', headers }
  }
  const code = fault.code ?? defaultCode(fault.status)
  const message = fault.message ?? defaultMessage(code)
  return { status: fault.status, code, message, headers }
}

function defaultCode(status: number): string {
  if (status === 503) return 'SlowDown'
  if (status >= 500) return 'InternalError'
  return status === 403 ? 'AccessDenied' : 'InvalidRequest'
}

function defaultMessage(code: string): string {
  if (code === 'SlowDown') return 'Please reduce your request rate.'
  if (code === 'InternalError') return 'We encountered an internal error. Please try again.'
  return code === 'AccessDenied' ? 'Access Denied' : 'Injected fault.'
}

/** The S3 operation a request stands for, from its method and path (FaultPlan names). */
export function s3Operation(method: string, url: string, headers: IncomingHttpHeaders): string {
  const { path, query } = splitTarget(url)
  const has = (name: string): boolean => (query ?? []).some(([key]) => key === name)
  const [, bucket = '', ...key] = path.split('/')
  if (bucket === '') return method === 'GET' ? 'ListBuckets' : method
  if (key.join('/') === '') {
    if (method === 'GET' && has('location')) return 'GetBucketLocation'
    if (method === 'GET') return has('list-type') ? 'ListObjectsV2' : 'ListObjects'
    if (method === 'POST' && has('delete')) return 'DeleteObjects'
    const bucketOps: Record<string, string> = {
      PUT: 'CreateBucket',
      HEAD: 'HeadBucket',
      DELETE: 'DeleteBucket'
    }
    return bucketOps[method] ?? method
  }
  if (method === 'PUT' && has('uploadId')) return 'UploadPart'
  if (method === 'PUT' && headers['x-amz-copy-source']) return 'CopyObject'
  if (method === 'POST' && has('uploads')) return 'CreateMultipartUpload'
  if (method === 'POST' && has('uploadId')) return 'CompleteMultipartUpload'
  const objectOps: Record<string, string> = {
    PUT: 'PutObject',
    GET: 'GetObject',
    HEAD: 'HeadObject',
    DELETE: 'DeleteObject'
  }
  return objectOps[method] ?? method
}

function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
