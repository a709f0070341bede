// What an AWS SDK error says, read one way for every service.
import { describeError } from '../domain/errors.js'

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
 * signal's reason), and one whose every attempt timed out says that, not the HTTP handler's words.
 */
export function awsErrorText(error: unknown, signal?: AbortSignal): string {
  if (signal?.aborted) return describeError(signal.reason)
  if (isTimeout(error)) {
    const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts ?? 1
    return `TimeoutError: no answer in time (${attempts} attempt${attempts === 1 ? '' : 's'}, each stopped at the per-attempt limit that input 'timeout' sets)`
  }
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
