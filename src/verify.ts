// Fetches each presigned URL the way Slack will, so a wrong secret, region or permission fails here
// with its cause and fix, not later as Slack's vague invalid_blocks.
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { describeError } from './errors.js'

const TIMEOUT_MS = 15000

/**
 * undefined when the URL serves an image; otherwise what S3 said and what to change. Never the
 * URL itself: it is a bearer link.
 */
export async function checkUrl(url: string): Promise<string | undefined> {
  let answer: Answer
  try {
    answer = await firstByte(url)
  } catch (error) {
    return `the request failed (${describeError(error)})`
  }
  if (answer.status === 200 || answer.status === 206) {
    const type = answer.contentType
    return type.startsWith('image/') ? undefined : `S3 serves it as '${type}', not as an image`
  }
  const code = /<Code>([^<]*)<\/Code>/.exec(answer.body)?.[1] ?? `HTTP ${answer.status}`
  const message = /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1] ?? ''
  return `${code}${message ? ` (${message})` : ''}. ${hintFor(code)}`.trimEnd()
}

interface Answer {
  status: number
  contentType: string
  body: string
}

/**
 * A GET of the first byte, as Slack's fetch would see the object. node:http rather than fetch():
 * undici, which fetch() loads on first use, costs about 40 ms of CPU in the middle of the run.
 * The default agents keep connections alive, so the checks reuse them.
 */
function firstByte(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === 'http:' ? httpRequest : httpsRequest
    // Its timer does not keep the process alive, whatever happens to the connection.
    const signal = AbortSignal.timeout(TIMEOUT_MS)
    const fail = (error: Error) =>
      reject(signal.aborted ? new Error(`no answer within ${TIMEOUT_MS / 1000} s`) : error)
    const request = send(target, { headers: { Range: 'bytes=0-0' }, signal }, response => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', fail)
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8')
        })
      )
    })
    request.on('error', fail)
    request.end()
  })
}

/** What each S3 answer means for a presigned GET, and what to change. */
export function hintFor(code: string): string {
  switch (code) {
    case 'SignatureDoesNotMatch':
      return 'The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).'
    case 'InvalidAccessKeyId':
      return 'S3 does not know the signing access key id: check presign-access-key-id (or its SSM parameter), and that the key is active.'
    case 'AccessDenied':
      return 'The signer may not read the object: grant it s3:GetObject on the key prefix (and kms:Decrypt on an SSE-KMS bucket).'
    case 'ExpiredToken':
    case 'TokenRefreshRequired':
      return 'The temporary credentials that signed the URL have expired: sign with an IAM user’s long-term keys.'
    case 'AuthorizationHeaderMalformed':
    case 'AuthorizationQueryParametersError':
    case 'PermanentRedirect':
    case 'IllegalLocationConstraintException':
      return "The URL was signed for another region than the bucket's: set s3-region to the bucket's region."
    case 'NoSuchBucket':
    case 'NoSuchKey':
      return 'The object is not there: check s3-bucket and s3-region.'
    default:
      return ''
  }
}
