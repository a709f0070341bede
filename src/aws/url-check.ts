// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.
import { describeError } from '../domain/errors.js'
import { httpFetch } from '../http.js'

const TIMEOUT_MS = 15000

/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link.
 */
export async function checkUrl(url: string): Promise<string | undefined> {
  // A GET of the first byte, as Slack's fetch would see the object. The timeout's timer does not
  // keep the process alive, whatever happens to the connection.
  const signal = AbortSignal.timeout(TIMEOUT_MS)
  let status: number
  let contentType: string
  let body: string
  try {
    const response = await httpFetch(url, { headers: { Range: 'bytes=0-0' }, signal })
    status = response.status
    contentType = response.headers.get('content-type') ?? ''
    body = await response.text()
  } catch (error) {
    const why = signal.aborted ? `no answer within ${TIMEOUT_MS / 1000} s` : describeError(error)
    return `the request failed (${why})`
  }
  if (status === 200 || status === 206) {
    return contentType.startsWith('image/')
      ? undefined
      : `S3 serves it as '${contentType}', not as an image`
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? `HTTP ${status}`
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? ''
  return `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd()
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
