// What an AWS SDK error says, read one way for every service.
import { describeError } from '../domain/errors.js'
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

/** `Code: message`, as the service said it; for a certificate Node does not trust, what to do. */
export function awsErrorText(error: unknown): string {
  const { code: tlsCode, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  const hint = certificateHint(tlsCode)
  if (hint) return `${String(message)} (${String(tlsCode)}). ${hint}`
  if (error instanceof Error) {
    const code = awsErrorCode(error)
    return code && code !== 'Error' ? `${code}: ${error.message}` : error.message
  }
  return describeError(error)
}
