// The AWS JSON side of the CloudWatch/SSM stand-in: error answers and request authentication.
// CloudWatch moved from the Query protocol to AWS JSON 1.0 but stayed "query compatible": its errors
// carry the old Query error code in an `x-amzn-query-error: Code;Sender` header, which the SDK reads
// before `__type`, and its auth errors are the Query ones (403 InvalidClientTokenId). SSM was always
// AWS JSON 1.1 and answers auth errors with 400 UnrecognizedClientException and friends.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { Fault } from './faults.js'
import { sendJson } from './http.js'
import { parseAuth, verifySignature } from './sigv4.js'

export type AwsService = 'cloudwatch' | 'ssm'

export const SIGNING_NAME: Record<AwsService, string> = { cloudwatch: 'monitoring', ssm: 'ssm' }
export const CONTENT_TYPE: Record<AwsService, string> = {
  cloudwatch: 'application/x-amz-json-1.0',
  ssm: 'application/x-amz-json-1.1'
}

export class AwsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

export function sendAwsResult(res: ServerResponse, service: AwsService, body: unknown): void {
  sendJson(res, 200, body, { 'x-amzn-requestid': randomUUID() }, CONTENT_TYPE[service])
}

export function sendAwsError(res: ServerResponse, service: AwsService, error: AwsError): void {
  const headers: Record<string, string> = { 'x-amzn-requestid': randomUUID() }
  if (service === 'cloudwatch') {
    headers['x-amzn-query-error'] = `${error.code};${error.status >= 500 ? 'Receiver' : 'Sender'}`
  }
  const body = { __type: error.code, message: error.message }
  sendJson(res, error.status, body, headers, CONTENT_TYPE[service])
}

export interface AwsIdentity {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** After this instant the session token is refused with the service's "expired" error. */
  expiresAt?: Date
}

// [status, code] per service for each way authentication can fail.
const AUTH_ERRORS: Record<AwsService, Record<string, [number, string]>> = {
  cloudwatch: {
    missing: [403, 'MissingAuthenticationToken'],
    malformed: [403, 'IncompleteSignature'],
    invalid: [403, 'InvalidClientTokenId'],
    expired: [403, 'ExpiredToken'],
    signature: [403, 'SignatureDoesNotMatch']
  },
  ssm: {
    missing: [400, 'MissingAuthenticationTokenException'],
    malformed: [400, 'IncompleteSignatureException'],
    invalid: [400, 'UnrecognizedClientException'],
    expired: [400, 'ExpiredTokenException'],
    signature: [400, 'InvalidSignatureException']
  }
}

function authError(service: AwsService, kind: string, message: string): AwsError {
  const [status, code] = AUTH_ERRORS[service][kind] ?? [403, 'AccessDenied']
  return new AwsError(status, code, message)
}

const INVALID_TOKEN = 'The security token included in the request is invalid.'
const BAD_SIGNATURE =
  'The request signature we calculated does not match the signature you provided. Check your ' +
  'AWS Secret Access Key and signing method. Consult the service documentation for details.'

export interface AuthOptions {
  /** When given, only these keys are accepted and signatures are verified (test-support/sigv4). */
  identities?: AwsIdentity[]
  /** When given, the credential scope must name this region. */
  region?: string
}

/**
 * Checks the SigV4 Authorization header: scope (service, region), key id, session token and its
 * expiry, and the signature itself. Without identities any well-formed signed request passes.
 * Returns the region the client signed for.
 */
export function authenticate(
  req: IncomingMessage,
  body: Buffer,
  service: AwsService,
  options: AuthOptions
): string {
  const parsed = parseAuth(req.method ?? 'POST', req.url ?? '/', req.headers)
  if (parsed.kind === 'error') {
    if (parsed.reason === 'anonymous')
      throw authError(service, 'missing', 'Missing Authentication Token')
    throw authError(service, 'malformed', parsed.message)
  }
  const { accessKeyId, region, service: scopeService } = parsed.credential
  if (scopeService !== SIGNING_NAME[service]) {
    const message = `Credential should be scoped to correct service: '${SIGNING_NAME[service]}'.`
    throw authError(service, 'signature', message)
  }
  if (options.region !== undefined && region !== options.region) {
    throw authError(service, 'signature', 'Credential should be scoped to a valid region.')
  }
  if (options.identities === undefined) return region

  const identity = options.identities.find(i => i.accessKeyId === accessKeyId)
  if (!identity || identity.sessionToken !== parsed.sessionToken) {
    throw authError(service, 'invalid', INVALID_TOKEN)
  }
  if (identity.expiresAt !== undefined && identity.expiresAt.getTime() <= Date.now()) {
    throw authError(service, 'expired', 'The security token included in the request is expired')
  }
  if (!verifySignature(parsed, identity.secretAccessKey, body)) {
    throw authError(service, 'signature', BAD_SIGNATURE)
  }
  return region
}

/** How an injected fault looks in AWS JSON. */
export function faultError(
  fault: Extract<Fault, { kind: 'status' | 'throttle' }>,
  service: AwsService
): AwsError {
  if (fault.kind === 'throttle') {
    return new AwsError(
      400,
      service === 'cloudwatch' ? 'Throttling' : 'ThrottlingException',
      'Rate exceeded'
    )
  }
  const fallback =
    fault.status === 503
      ? 'ServiceUnavailable'
      : fault.status >= 500
        ? 'InternalFailure'
        : 'BadRequest'
  const code = fault.code ?? fallback
  return new AwsError(fault.status, code, fault.message ?? `Injected fault: ${code}`)
}

/** IAM's refusal of an action the caller is not allowed (in `denied`). */
export function checkAllowed(denied: readonly string[], action: string, accountId: string): void {
  if (!denied.includes(action)) return
  const message = `User: arn:aws:sts::${accountId}:assumed-role/graphs/run is not authorized to perform: ${action} because no identity-based policy allows the ${action} action`
  throw new AwsError(403, 'AccessDenied', message)
}

/** The request's JSON object, or the service's SerializationException. */
export function parseAwsJson(body: Buffer): Record<string, unknown> {
  let input: unknown
  try {
    input = JSON.parse(body.toString('utf8') || '{}')
  } catch {
    throw new AwsError(400, 'SerializationException', 'Request body is not valid JSON')
  }
  return (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
}
