// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.
import { sleep } from '../domain/concurrency.js'
import { describeError } from '../domain/errors.js'
import { findProxyError } from '../domain/network-errors.js'
import { type Fetch, fetchWithin, isTimeout } from '../http.js'

/** Attempts of one check: S3 answers a burst with 503 SlowDown, and a connection can break. */
const ATTEMPTS = 4

export interface CheckOptions {
  /** How long one attempt may wait (the run's per-attempt limit, from input 'timeout'). */
  attemptMs: number
  /** The run's work deadline: no more attempts once it fires. */
  signal?: AbortSignal
  sleep?: (ms: number) => Promise<void>
}

interface Answer {
  problem?: string
  /** Worth another attempt: no answer, a broken connection, a 5xx or 429. */
  transient: boolean
}

/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link. Transient failures are retried, like every other S3 call.
 */
export async function checkUrl(url: string, options: CheckOptions): Promise<string | undefined> {
  const get = fetchWithin(options.attemptMs, options.signal)
  const pause = options.sleep ?? sleep
  for (let attempt = 1; ; attempt++) {
    const answer = await checkOnce(url, get, options)
    if (!answer.problem) return undefined
    if (!answer.transient || attempt === ATTEMPTS || options.signal?.aborted) {
      return attempt === 1 ? answer.problem : `${answer.problem} (tried ${attempt} times)`
    }
    await pause(200 * 2 ** (attempt - 1))
  }
}

/** One GET of the first byte, as Slack's fetch would see the object. */
async function checkOnce(url: string, get: Fetch, options: CheckOptions): Promise<Answer> {
  let status: number
  let contentType: string
  let body: string
  try {
    const response = await get(url, { headers: { Range: 'bytes=0-0' } })
    status = response.status
    contentType = response.headers.get('content-type') ?? ''
    body = await response.text()
  } catch (error) {
    const why = options.signal?.aborted
      ? describeError(options.signal.reason)
      : isTimeout(error)
        ? `no answer within ${options.attemptMs / 1000} s`
        : describeError(error)
    // A refusing proxy refuses the next attempt too: not retried.
    return { problem: `the request failed (${why})`, transient: !findProxyError(error) }
  }
  if (status === 200 || status === 206) {
    return contentType.startsWith('image/')
      ? { transient: false }
      : { problem: `S3 serves it as '${contentType}', not as an image`, transient: false }
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? `HTTP ${status}`
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? ''
  const problem = `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd()
  return { problem, transient: status >= 500 || status === 429 }
}

const REGION_HINT =
  "The URL was signed for another region than the bucket's: set s3-region to the bucket's region."
const MISSING_HINT = 'The object is not there: check s3-bucket and s3-region.'
const EXPIRED_HINT =
  'The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.'

/** What each S3 answer means for a presigned GET, and what to change. */
const HINTS: Record<string, string> = {
  SignatureDoesNotMatch:
    'The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).',
  InvalidAccessKeyId:
    'S3 does not know the signing access key id: check presign-access-key-id (or its SSM parameter), and that the key is active.',
  AccessDenied:
    'The signer may not read the object: grant it s3:GetObject on the key prefix (and kms:Decrypt on an SSE-KMS bucket).',
  ExpiredToken: EXPIRED_HINT,
  TokenRefreshRequired: EXPIRED_HINT,
  AuthorizationHeaderMalformed: REGION_HINT,
  AuthorizationQueryParametersError: REGION_HINT,
  PermanentRedirect: REGION_HINT,
  IllegalLocationConstraintException: REGION_HINT,
  NoSuchBucket: MISSING_HINT,
  NoSuchKey: MISSING_HINT
}

export function hintFor(code: string): string {
  return Object.hasOwn(HINTS, code) ? (HINTS[code] as string) : ''
}
