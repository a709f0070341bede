// A SigV4 *verifier*, written from the AWS Signature Version 4 specification with node:crypto only.
// It deliberately shares no code with the SDK's signer: a stand-in that checked signatures with the
// same code that made them would only prove that the signer agrees with itself.
//
// Reusable by every stand-in: the S3 front (service 's3') and the JSON services ('monitoring',
// 'ssm'). The service named in the credential scope decides the two places where S3 differs:
// the canonical URI (S3: each path segment encoded once; others: the encoded path encoded again)
// and the payload hash (S3: the x-amz-content-sha256 value as given, UNSIGNED-PAYLOAD for presigned
// URLs; others: sha256 of the body as received, whatever x-amz-content-sha256 the client sent).

import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const ALGORITHM = 'AWS4-HMAC-SHA256'
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'
/** X-Amz-Expires may not exceed a week: the signing key itself is only valid for seven days. */
export const MAX_PRESIGN_EXPIRES_SECONDS = 604800

/** Request headers with lowercase names, as node:http gives them (`headers` or `headersDistinct`). */
export type HeaderBag = Record<string, string | string[] | undefined>

export interface CredentialScope {
  accessKeyId: string
  /** yyyyMMdd */
  date: string
  region: string
  service: string
}

export interface ParsedAuth {
  /** Where the signature came from: the Authorization header or the query string (presigned). */
  kind: 'header' | 'query'
  method: string
  /** The path as sent, still percent-encoded. */
  path: string
  /** Decoded query parameters in the order sent, without X-Amz-Signature (it is not signed). */
  query: Array<[string, string]>
  headers: HeaderBag
  credential: CredentialScope
  /** The request timestamp, ISO 8601 basic (yyyyMMdd'T'HHmmss'Z'). */
  amzDate: string
  requestTime: Date
  signedHeaders: string[]
  signature: string
  sessionToken?: string
  /** Presigned only: X-Amz-Expires as given; range checks are the service's business. */
  expiresSeconds?: number
  /** The payload hash the client declared (x-amz-content-sha256 header or query parameter). */
  declaredPayloadHash?: string
}

export interface AuthError {
  kind: 'error'
  /**
   * anonymous: no SigV4 material at all; conflicting: both header and query auth;
   * missing-date: header auth without x-amz-date or Date; malformed: anything else unparsable.
   */
  reason: 'anonymous' | 'conflicting' | 'missing-date' | 'malformed'
  location?: 'header' | 'query'
  message: string
}

const AMZ_DATE = /^(\d{8})T\d{6}Z$/
const QUERY_AUTH_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature']

/** Reads the SigV4 material of a request. `url` is the request target as sent (path?query). */
export function parseAuth(method: string, url: string, headers: HeaderBag): ParsedAuth | AuthError {
  const { path, query } = splitTarget(url)
  if (query === undefined) return malformedQuery('The query string is not correctly encoded.')
  const hasQueryAuth = query.some(([name]) => QUERY_AUTH_PARAMS.includes(name))
  const authorization = headerValue(headers, 'authorization')
  if (hasQueryAuth && authorization !== undefined) {
    return {
      kind: 'error',
      reason: 'conflicting',
      message:
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature ' +
        'query string parameter or the Authorization header should be specified'
    }
  }
  if (hasQueryAuth) return parseQueryAuth(method, path, query, headers)
  if (authorization !== undefined)
    return parseHeaderAuth(method, path, query, headers, authorization)
  return { kind: 'error', reason: 'anonymous', message: 'No authentication information given.' }
}

function parseHeaderAuth(
  method: string,
  path: string,
  query: Array<[string, string]>,
  headers: HeaderBag,
  authorization: string
): ParsedAuth | AuthError {
  const malformed = (why: string): AuthError => ({
    kind: 'error',
    reason: 'malformed',
    location: 'header',
    message: `The authorization header is malformed; ${why}`
  })
  if (!authorization.startsWith(`${ALGORITHM} `)) {
    return malformed(`the authorization algorithm must be ${ALGORITHM}.`)
  }
  const fields = new Map<string, string>()
  for (const part of authorization.slice(ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=')
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim())
  }
  const credential = fields.get('Credential')
  const signedHeaders = fields.get('SignedHeaders')
  const signature = fields.get('Signature')
  if (credential === undefined || signedHeaders === undefined || signature === undefined) {
    return malformed(
      'the authorization header requires three components: Credential, SignedHeaders, and Signature.'
    )
  }
  const scope = parseCredential(credential)
  if (!scope) return malformed(`the Credential is mal-formed; expecting "${CREDENTIAL_FORM}".`)

  const amzDate = headerValue(headers, 'x-amz-date') ?? fromHttpDate(headerValue(headers, 'date'))
  if (amzDate === undefined) {
    return {
      kind: 'error',
      reason: 'missing-date',
      location: 'header',
      message: 'AWS authentication requires a valid Date or x-amz-date header'
    }
  }
  const requestTime = parseAmzDate(amzDate)
  if (!requestTime) return malformed(`the date '${amzDate}' is not ISO 8601 basic format.`)
  if (!amzDate.startsWith(scope.date)) {
    return malformed('Invalid credential date. Date is not the same as X-Amz-Date.')
  }
  return {
    kind: 'header',
    method,
    path,
    query,
    headers,
    credential: scope,
    amzDate,
    requestTime,
    signedHeaders: signedHeaders.split(';'),
    signature,
    sessionToken: headerValue(headers, 'x-amz-security-token'),
    declaredPayloadHash: headerValue(headers, 'x-amz-content-sha256')
  }
}

function parseQueryAuth(
  method: string,
  path: string,
  query: Array<[string, string]>,
  headers: HeaderBag
): ParsedAuth | AuthError {
  const get = (name: string): string | undefined => query.find(([key]) => key === name)?.[1]
  const algorithm = get('X-Amz-Algorithm')
  const credential = get('X-Amz-Credential')
  const signature = get('X-Amz-Signature')
  const amzDate = get('X-Amz-Date')
  const signedHeaders = get('X-Amz-SignedHeaders')
  if (
    algorithm === undefined ||
    credential === undefined ||
    signature === undefined ||
    amzDate === undefined ||
    signedHeaders === undefined
  ) {
    return malformedQuery(
      'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, ' +
        'X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.'
    )
  }
  if (algorithm !== ALGORITHM) {
    return malformedQuery(`X-Amz-Algorithm only supports "${ALGORITHM}"`)
  }
  const scope = parseCredential(credential)
  if (!scope) {
    return malformedQuery(
      `Error parsing the X-Amz-Credential parameter; the Credential is mal-formed; expecting "${CREDENTIAL_FORM}".`
    )
  }
  const requestTime = parseAmzDate(amzDate)
  if (!requestTime) {
    return malformedQuery(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`)
  }
  if (!amzDate.startsWith(scope.date)) {
    return malformedQuery(
      'Error parsing the X-Amz-Credential parameter; Invalid credential date. Date is not the same as X-Amz-Date.'
    )
  }
  const expires = get('X-Amz-Expires')
  if (expires !== undefined && !/^-?\d+$/.test(expires)) {
    return malformedQuery('X-Amz-Expires should be a number')
  }
  return {
    kind: 'query',
    method,
    path,
    query: query.filter(([key]) => key !== 'X-Amz-Signature'),
    headers,
    credential: scope,
    amzDate,
    requestTime,
    signedHeaders: signedHeaders.split(';'),
    signature,
    sessionToken: get('X-Amz-Security-Token'),
    expiresSeconds: expires === undefined ? undefined : Number(expires),
    declaredPayloadHash: get('X-Amz-Content-Sha256')
  }
}

function malformedQuery(message: string): AuthError {
  return { kind: 'error', reason: 'malformed', location: 'query', message }
}

const CREDENTIAL_FORM = '<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request'

function parseCredential(credential: string): CredentialScope | undefined {
  const parts = credential.split('/')
  const [accessKeyId, date, region, service, terminator] = parts
  if (parts.length !== 5 || terminator !== 'aws4_request') return undefined
  if (!accessKeyId || !date || !/^\d{8}$/.test(date) || !region || !service) return undefined
  return { accessKeyId, date, region, service }
}

/** Checks the signature with the secret of the key id in `parsed.credential`. */
export function verifySignature(
  parsed: ParsedAuth,
  secretAccessKey: string,
  body?: Buffer
): boolean {
  const expected = computeSignature(parsed, secretAccessKey, body)
  const given = Buffer.from(parsed.signature, 'utf8')
  const wanted = Buffer.from(expected, 'utf8')
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

/** The signature the client should have sent. */
export function computeSignature(
  parsed: ParsedAuth,
  secretAccessKey: string,
  body?: Buffer
): string {
  const { date, region, service } = parsed.credential
  const key = signingKey(secretAccessKey, date, region, service)
  return hmac(key, stringToSign(parsed, canonicalRequest(parsed, body))).toString('hex')
}

/** Task 1 of the spec: the canonical request. */
export function canonicalRequest(parsed: ParsedAuth, body?: Buffer): string {
  const service = parsed.credential.service
  return [
    parsed.method.toUpperCase(),
    canonicalUri(parsed.path, service),
    canonicalQueryString(parsed.query),
    canonicalHeaders(parsed.headers, parsed.signedHeaders),
    parsed.signedHeaders.join(';'),
    payloadHash(parsed, body)
  ].join('\n')
}

/** The hash that ends the canonical request; see the note at the top of this file. */
export function payloadHash(parsed: ParsedAuth, body?: Buffer): string {
  // Other services hash the body they received: a declared hash is just another signed header.
  if (parsed.credential.service !== 's3') return sha256Hex(body ?? Buffer.alloc(0))
  if (parsed.declaredPayloadHash !== undefined) return parsed.declaredPayloadHash
  return parsed.kind === 'query' ? UNSIGNED_PAYLOAD : sha256Hex(body ?? Buffer.alloc(0))
}

/** Task 2: the string to sign. */
export function stringToSign(parsed: ParsedAuth, canonical: string): string {
  const { date, region, service } = parsed.credential
  const scope = `${date}/${region}/${service}/aws4_request`
  return [ALGORITHM, parsed.amzDate, scope, sha256Hex(Buffer.from(canonical, 'utf8'))].join('\n')
}

/** Task 3: the signing key, "AWS4"+secret -> date -> region -> service -> "aws4_request". */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(Buffer.from(`AWS4${secret}`, 'utf8'), date)
  return hmac(hmac(hmac(kDate, region), service), 'aws4_request')
}

/**
 * S3 encodes each path segment once: the path is decoded and re-encoded, so a client that sent a
 * character raw (`$`) and one that sent it encoded (`%24`) sign the same thing. Other services
 * normalise the path (RFC 3986 dot segments) and encode the already-encoded path again.
 */
export function canonicalUri(rawPath: string, service: string): string {
  const path = rawPath === '' ? '/' : rawPath
  if (service === 's3') {
    return path
      .split('/')
      .map(segment => uriEncode(safeDecode(segment) ?? segment))
      .join('/')
  }
  return normalizePath(path)
    .split('/')
    .map(segment => uriEncode(segment))
    .join('/')
}

function normalizePath(path: string): string {
  const out: string[] = []
  for (const segment of path.split('/').slice(1)) {
    if (segment === '..') out.pop()
    else if (segment !== '.' && segment !== '') out.push(segment)
  }
  const trailing = path.endsWith('/') && out.length > 0 ? '/' : ''
  return `/${out.join('/')}${trailing}`
}

/** Parameters encoded (RFC 3986), sorted by encoded name, then by encoded value. */
export function canonicalQueryString(query: Array<[string, string]>): string {
  return query
    .map(([key, value]) => [uriEncode(key), uriEncode(value)] as const)
    .sort(([ka, va], [kb, vb]) => compare(ka, kb) || compare(va, vb))
    .map(([key, value]) => `${key}=${value}`)
    .join('&')
}

/** `name:value\n` for each signed header, in the order of SignedHeaders, values trimmed. */
export function canonicalHeaders(headers: HeaderBag, signedHeaders: string[]): string {
  return signedHeaders
    .map(name => `${name}:${(headerValues(headers, name) ?? []).map(trimValue).join(',')}\n`)
    .join('')
}

function trimValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ')
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - . _ ~ (UTF-8, uppercase hex). */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Splits `path?query` (or an absolute URL) without normalising anything; undefined query = bad encoding. */
export function splitTarget(url: string): {
  path: string
  query: Array<[string, string]> | undefined
} {
  const target = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').replace(/#.*$/, '')
  const q = target.indexOf('?')
  const path = q < 0 ? target : target.slice(0, q)
  const rawQuery = q < 0 ? '' : target.slice(q + 1)
  const query: Array<[string, string]> = []
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const key = safeDecode(eq < 0 ? pair : pair.slice(0, eq))
    const value = safeDecode(eq < 0 ? '' : pair.slice(eq + 1))
    if (key === undefined || value === undefined) return { path, query: undefined }
    query.push([key, value])
  }
  return { path: path === '' ? '/' : path, query }
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

function headerValues(headers: HeaderBag, name: string): string[] | undefined {
  const value = headers[name]
  if (value === undefined) return undefined
  return Array.isArray(value) ? value : [value]
}

/** One header's value; repeated headers joined with ',' as the spec does. */
export function headerValue(headers: HeaderBag, name: string): string | undefined {
  return headerValues(headers, name)?.join(',')
}

function parseAmzDate(value: string): Date | undefined {
  if (!AMZ_DATE.test(value)) return undefined
  const iso = `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}T${value.slice(9, 11)}:${value.slice(11, 13)}:${value.slice(13, 15)}Z`
  const time = new Date(iso)
  return Number.isNaN(time.getTime()) ? undefined : time
}

/** A Date header (RFC 7231) as an ISO 8601 basic timestamp, which is what gets signed. */
function fromHttpDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? undefined : toAmzDate(time)
}

export function toAmzDate(time: Date): string {
  return time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export interface AwsChunkedBody {
  data: Buffer
  /** Trailing headers after the last chunk (e.g. x-amz-checksum-crc32), lowercase names. */
  trailers: Record<string, string>
}

/**
 * Decodes an `aws-chunked` body (SigV4 streaming upload): chunks of `hex-size[;chunk-signature=…]`
 * CRLF data CRLF, a zero-size chunk, optional trailer lines, a blank line. Chunk signatures
 * (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) are not checked: the JS SDK sends unsigned chunks with a
 * checksum trailer. Returns undefined when the framing is broken.
 */
export function decodeAwsChunked(body: Buffer): AwsChunkedBody | undefined {
  const chunks: Buffer[] = []
  let pos = 0
  for (;;) {
    const lineEnd = body.indexOf('\r\n', pos)
    if (lineEnd < 0) return undefined
    const sizeText = body.subarray(pos, lineEnd).toString('latin1').split(';')[0] ?? ''
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return undefined
    const size = parseInt(sizeText, 16)
    pos = lineEnd + 2
    if (size === 0) break
    if (
      pos + size + 2 > body.length ||
      body.toString('latin1', pos + size, pos + size + 2) !== '\r\n'
    ) {
      return undefined
    }
    chunks.push(body.subarray(pos, pos + size))
    pos += size + 2
  }
  const trailers: Record<string, string> = {}
  for (const line of body.subarray(pos).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0)
      trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { data: Buffer.concat(chunks), trailers }
}
