// What an AWS SDK error says, read one way for every service, and the failures of the run's setup
// (no credentials, a region that does not exist) said with their fix.
import { SetupError, describeError } from '../domain/errors.js'
import { certificateHint } from '../domain/network-errors.js'

/**
 * The error's wire code, or '' when it has none. CloudWatch is "query compatible": the SDK may name
 * the error class after its model (DashboardInvalidInputError) and keep the wire code in `Code`.
 */
export function awsErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return ''
  const { Code, name } = error as { Code?: unknown; name?: unknown }
  if (typeof Code === 'string' && Code) return Code
  return typeof name === 'string' ? name : ''
}

/**
 * `Code: message`, as the service said it. A call stopped by the run's work signal says why (the
 * signal's reason), and one whose every attempt timed out says that, not the HTTP handler's words;
 * for a certificate Node does not trust, what to do.
 */
export function awsErrorText(error: unknown, signal?: AbortSignal): string {
  if (signal?.aborted) return describeError(signal.reason)
  if (isTimeout(error)) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1
    return `TimeoutError: no answer in time (${attempts} attempt${attempts === 1 ? '' : 's'}, each stopped at the per-attempt limit that input 'timeout' sets)`
  }
  const { code: tlsCode, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  const hint = certificateHint(tlsCode)
  if (hint) return `${String(message)} (${String(tlsCode)}). ${hint}`
  if (error instanceof Error) {
    const code = awsErrorCode(error)
    return code && code !== 'Error' ? `${code}: ${error.message}` : error.message
  }
  return describeError(error)
}

/** The SDK's HTTP handler gave up waiting: for a connection, or for an answer. */
function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError'
}

export const NO_CREDENTIALS =
  "No AWS credentials: this step needs the workflow's AWS credentials (to render the graphs, and to store them and read the signer's SSM parameters). Run aws-actions/configure-aws-credentials in a step before it, with 'permissions: id-token: write' on the job for its OIDC role (or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)."

/**
 * Throws a SetupError when the call failed for a reason every call will meet: no credentials, or
 * an endpoint whose name does not resolve (a region that does not exist, named by `regionInput`).
 */
export function throwIfSetupProblem(error: unknown, regionInput: 'aws-region' | 's3-region'): void {
  const { message, code, hostname } = (error ?? {}) as Record<string, unknown>
  // The default chain's last word when no provider had anything (not a provider that failed).
  if (/Could not load credentials from any providers/.test(String(message))) {
    throw new SetupError(NO_CREDENTIALS, { cause: error })
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const host = typeof hostname === 'string' ? hostname : 'the AWS endpoint'
    const why = code === 'ENOTFOUND' ? 'no such host' : "the runner's DNS did not answer"
    throw new SetupError(
      `${host} does not resolve (${code}: ${why}): check ${regionInput}${regionInput === 's3-region' ? ' (it defaults to aws-region)' : ''}; it must be a region that exists, such as eu-west-1 (or check the AWS_ENDPOINT_URL_* the environment sets).`,
      { cause: error }
    )
  }
}
