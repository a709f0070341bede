// The S3 stand-in: s3rver (path-style, on 127.0.0.1) behind a front of ours. s3rver stores and
// serves objects but does not check SigV4, knows only its own key, and would store aws-chunked
// framing as object bytes. So the front answers authentication the way S3 does (signature,
// region, key id, session token and its expiry, presigned expiry), decodes aws-chunked bodies,
// serves byte ranges itself (s3rver answers `bytes=0-0` with the whole object), injects faults,
// and only then hands the request, stripped of its auth, to s3rver on its own loopback port.

import { randomBytes } from 'node:crypto'
import { accessSync, constants, statfsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import http, {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FaultPlan, Timeline, type Fault } from './faults.js'
import {
  MAX_PRESIGN_EXPIRES_SECONDS,
  canonicalRequest,
  decodeAwsChunked,
  headerValue,
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
  /** http://127.0.0.1:PORT, for `endpoint` with `forcePathStyle: true`. */
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

/**
 * Where s3rver keeps its objects: /dev/shm (tmpfs) when there is one with room to spare, so each
 * upload's few files (object, checksum, metadata) cost no disk writes; else the system's temporary
 * folder. A container's /dev/shm is often only 64 MiB: below 256 MiB free it is left alone.
 */
function memoryBackedTmp(): string {
  try {
    accessSync('/dev/shm', constants.W_OK)
    const { bavail, bsize } = statfsSync('/dev/shm')
    if (bavail * bsize >= 256 * 1024 * 1024) return '/dev/shm'
  } catch {
    // no /dev/shm here
  }
  return tmpdir()
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

  const directory = await mkdtemp(join(memoryBackedTmp(), 's3-stand-in-'))
  const backend = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: (options.buckets ?? []).map(name => ({ name }))
  })
  const backendAddress = await backend.run()
  // Our own agent, so close() can drop its idle keep-alive sockets and s3rver can stop.
  const agent = new http.Agent({ keepAlive: true })
  const front = new Front({ region, faults, timeline, identities, requests, agent, backendAddress })
  const server = http.createServer((req, res) => void front.handle(req, res))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    endpoint: `http://127.0.0.1:${port}`,
    region,
    addIdentity: identity => void identities.set(identity.accessKeyId, identity),
    mintSession: ({ durationSeconds }) => {
      const identity = temporaryIdentity(durationSeconds)
      identities.set(identity.accessKeyId, identity)
      return identity
    },
    createBucket: async name => void (await backend.store.putBucket(name)),
    getObject: async (bucket, key) => {
      const object = await backend.store.getObject(bucket, key)
      if (!object?.content) return undefined
      return { body: await readAll(object.content), contentType: object.metadata['content-type'] }
    },
    listKeys: async bucket => {
      if (!(await backend.store.getBucket(bucket))) return []
      const { objects } = await backend.store.listObjects(bucket, {})
      return objects.map(object => object.key)
    },
    requests,
    faults,
    timeline,
    close: async () => {
      await new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
      agent.destroy()
      await backend.close()
      await rm(directory, { recursive: true, force: true })
    }
  }
}

// ---- s3rver, typed as far as we use it (it ships no types) ----

interface StoredObject {
  key: string
  content: NodeJS.ReadableStream | null
  metadata: Record<string, string>
}

interface S3rverInstance {
  run(): Promise<AddressInfo>
  close(): Promise<void>
  store: {
    putBucket(name: string): Promise<unknown>
    getBucket(name: string): Promise<unknown>
    getObject(bucket: string, key: string): Promise<StoredObject | null>
    listObjects(bucket: string, options: object): Promise<{ objects: StoredObject[] }>
  }
}

const S3rver = createRequire(import.meta.url)('s3rver') as new (options: {
  address: string
  port: number
  silent: boolean
  directory: string
  configureBuckets: Array<{ name: string }>
}) => S3rverInstance

// ---- the front ----

interface S3ErrorReply {
  status: number
  code: string
  message: string
  /** Extra elements of <Error>, as real S3 adds them (Region, AWSAccessKeyId, …). */
  details?: Record<string, string>
  headers?: Record<string, string>
}

interface FrontContext {
  region: string
  faults: FaultPlan
  timeline: Timeline
  identities: Map<string, Identity>
  requests: RecordedRequest[]
  agent: http.Agent
  backendAddress: AddressInfo
}

/** Query parameters that carry auth: S3 consumes them, and s3rver must not try to check them. */
const AUTH_QUERY = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Signature',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256'
])
/** Auth headers (same reason) and hop-by-hop headers: the front re-sends the body whole. */
const DROPPED_HEADERS = [
  'authorization',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-date',
  'connection',
  'keep-alive',
  'expect',
  'transfer-encoding',
  'host'
]

class Front {
  constructor(private readonly ctx: FrontContext) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    const operation = s3Operation(method, url, req.headers)
    const event = this.ctx.timeline.start('s3', operation)
    const entry: RecordedRequest = { method, path: splitTarget(url).path, operation, status: 0 }
    try {
      // Read the whole body first: answering before it is read makes clients see EPIPE, not the error.
      const body = await readAll(req)
      await this.ctx.faults.delay()
      const parsed = parseAuth(method, url, req.headersDistinct)
      if (parsed.kind !== 'error') entry.accessKeyId = parsed.credential.accessKeyId
      const fault = this.ctx.faults.take(operation)
      if (fault?.kind === 'reset') {
        entry.code = 'reset'
        req.socket.destroy()
        return
      }
      const problem = fault ? faultReply(fault) : this.authenticate(parsed, body)
      if (problem) {
        entry.code = problem.code
        entry.status = sendError(res, method, problem)
        return
      }
      entry.status = await this.forward(req, res, body)
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

  /** Hands the request to s3rver without its auth; serves byte ranges itself. */
  private async forward(req: IncomingMessage, res: ServerResponse, raw: Buffer): Promise<number> {
    const method = req.method ?? 'GET'
    const headers = forwardedHeaders(req.headers)
    const body = unframe(req.headers, raw, headers)
    if (!body) {
      const message = 'The aws-chunked body could not be decoded.'
      return sendError(res, method, { status: 400, code: 'IncompleteBody', message })
    }
    // s3rver gets the whole object and the front cuts the range: s3rver reads `bytes=0-0` as 0-end.
    const range = method === 'GET' || method === 'HEAD' ? headerValue(headers, 'range') : undefined
    if (range !== undefined) delete headers['range']
    const { address, port } = this.ctx.backendAddress
    const backendRes = await new Promise<IncomingMessage>((resolve, reject) => {
      const target = { host: address, port, method, path: strippedTarget(req.url ?? '/') }
      const request = http.request({ ...target, headers, agent: this.ctx.agent }, resolve)
      request.on('error', reject)
      request.end(body)
    })
    const answer = responseHeaders(backendRes.headers)
    const status = backendRes.statusCode ?? 502
    if (range !== undefined && status === 200) {
      const content = await readAll(backendRes)
      return sendRange(res, method, range, answer, content)
    }
    res.writeHead(status, answer)
    backendRes.pipe(res)
    await new Promise(resolve => res.on('close', resolve))
    return status
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

function faultReply(fault: Exclude<Fault, { kind: 'reset' }>): S3ErrorReply {
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

/** Writes an S3 XML error (no body for HEAD, as S3 does). Returns the status. */
function sendError(res: ServerResponse, method: string, error: S3ErrorReply): number {
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

/** Answers a single `bytes=` range from the whole object (206), or 416 when unsatisfiable. */
function sendRange(
  res: ServerResponse,
  method: string,
  range: string,
  headers: Record<string, string | string[]>,
  content: Buffer
): number {
  const size = Number(headers['content-length'] ?? content.length)
  const span = parseRange(range, size)
  if (span === 'ignore') {
    res.writeHead(200, headers)
    res.end(method === 'HEAD' ? undefined : content)
    return 200
  }
  if (span === 'unsatisfiable') {
    const message = 'The requested range is not satisfiable'
    const details = { RangeRequested: range, ActualObjectSize: String(size) }
    return sendError(res, method, { status: 416, code: 'InvalidRange', message, details })
  }
  const [start, end] = span
  res.writeHead(206, {
    ...headers,
    'content-length': String(end - start + 1),
    'content-range': `bytes ${start}-${end}/${size}`
  })
  res.end(method === 'HEAD' ? undefined : content.subarray(start, end + 1))
  return 206
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

/** The body s3rver should store: aws-chunked framing removed, lengths fixed up. */
function unframe(
  original: IncomingHttpHeaders,
  raw: Buffer,
  headers: Record<string, string>
): Buffer | undefined {
  const encodings = (headerValue(original, 'content-encoding') ?? '').split(',').map(e => e.trim())
  let body = raw
  if (encodings.includes('aws-chunked')) {
    const decoded = decodeAwsChunked(raw)
    if (!decoded) return undefined
    const declared = headerValue(original, 'x-amz-decoded-content-length')
    if (declared !== undefined && Number(declared) !== decoded.data.length) return undefined
    body = decoded.data
    const rest = encodings.filter(e => e !== 'aws-chunked' && e !== '')
    if (rest.length > 0) headers['content-encoding'] = rest.join(',')
    else delete headers['content-encoding']
    for (const name of ['x-amz-decoded-content-length', 'x-amz-trailer']) delete headers[name]
  }
  if (body.length > 0 || original['content-length'] !== undefined) {
    headers['content-length'] = String(body.length)
  }
  return body
}

function forwardedHeaders(original: IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(original)) {
    if (value === undefined || DROPPED_HEADERS.includes(name)) continue
    headers[name] = Array.isArray(value) ? value.join(',') : value
  }
  return headers
}

function responseHeaders(original: IncomingHttpHeaders): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const [name, value] of Object.entries(original)) {
    if (value === undefined || ['connection', 'keep-alive', 'transfer-encoding'].includes(name)) {
      continue
    }
    headers[name] = value
  }
  return headers
}

/** The request target without the query parameters that carried auth; the rest kept as sent. */
function strippedTarget(url: string): string {
  const q = url.indexOf('?')
  if (q < 0) return url
  const kept = url
    .slice(q + 1)
    .split('&')
    .filter(pair => {
      const name = pair.split('=')[0] ?? ''
      return pair !== '' && !AUTH_QUERY.has(safeDecode(name))
    })
  return kept.length > 0 ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q)
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
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

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks)
}

function isoSeconds(time: Date): string {
  return time.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
