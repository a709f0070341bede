// When the URLs really stop working. A presigned URL dies at the earlier of the time it asks for
// (X-Amz-Expires) and the end of the session that signed it; S3 answers ExpiredToken after that.
import type { SigningKind, SigningSource } from './credentials.js'
import { formatSeconds } from './duration.js'

export type ExpirySource = 'credential-expiration' | 'AWS_CREDENTIAL_EXPIRATION' | 'provider'

export interface CredentialExpiry {
  at: Date
  source: ExpirySource
}

/** The signing session's end: the input first, then the environment, then the provider's own word. */
export function resolveCredentialExpiry(candidates: {
  input?: Date
  environment?: Date
  provider?: Date
}): CredentialExpiry | undefined {
  if (candidates.input) return { at: candidates.input, source: 'credential-expiration' }
  if (candidates.environment)
    return { at: candidates.environment, source: 'AWS_CREDENTIAL_EXPIRATION' }
  if (candidates.provider) return { at: candidates.provider, source: 'provider' }
  return undefined
}

export interface Expiry {
  /** Signing time + expires-in: what X-Amz-Expires asks for. */
  requested: Date
  /** The time the URLs stop working; undefined when a session signs and its end is unknown. */
  effective?: Date
  /** True when the session ends before the requested time. */
  cutShort: boolean
}

export function effectiveExpiry(options: {
  signedAt: Date
  expiresInSeconds: number
  kind: SigningKind
  credentialExpiry?: CredentialExpiry
}): Expiry {
  const requested = new Date(options.signedAt.getTime() + options.expiresInSeconds * 1000)
  if (options.kind === 'long-term') return { requested, effective: requested, cutShort: false }
  const sessionEnd = options.credentialExpiry?.at
  if (!sessionEnd) return { requested, effective: undefined, cutShort: true }
  const cutShort = sessionEnd.getTime() < requested.getTime()
  return { requested, effective: cutShort ? sessionEnd : requested, cutShort }
}

/** ISO 8601 in UTC without milliseconds: 2026-11-29T10:00:00Z. */
export function formatInstant(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const FIX =
  "Sign with a dedicated IAM user's long-term keys instead: store them in SSM Parameter Store " +
  '(presign-access-key-id-parameter / presign-secret-access-key-parameter) or pass ' +
  'presign-access-key-id from vars and presign-secret-access-key from secrets.'

/** The words of the warning (or, with temporary-credentials: fail, the error) for session signing. */
export function temporaryCredentialsMessage(options: {
  expiry: Expiry
  expiresInSeconds: number
  credentialExpiry?: CredentialExpiry
  source: SigningSource
  now: Date
}): string {
  const { expiry, credentialExpiry, now } = options
  const asked = formatSeconds(options.expiresInSeconds)
  const lines = [
    'The presigned URLs are signed with temporary credentials (an STS session: ASIA… key id or a session token), and a presigned URL stops working when the session that signed it ends (S3 answers ExpiredToken), whatever expires-in says.'
  ]
  if (credentialExpiry && expiry.effective) {
    const left = Math.max(0, (credentialExpiry.at.getTime() - now.getTime()) / 1000)
    lines.push(
      expiry.cutShort
        ? `These URLs stop working at ${formatInstant(expiry.effective)} (in ${formatSeconds(left)}, from ${credentialExpiry.source}), not after the ${asked} asked for.`
        : `The session lasts until ${formatInstant(credentialExpiry.at)} (from ${credentialExpiry.source}), so these URLs last the ${asked} asked for, but only because the session outlives them.`
    )
  } else {
    lines.push(
      `Their end is unknown (no credential-expiration input, no AWS_CREDENTIAL_EXPIRATION, no expiry from the provider), so expires-at is empty: the URLs live at most as long as the session (1 hour by default for an OIDC role, 12 hours at most), not the ${asked} asked for. Pass configure-aws-credentials' aws-expiration output as credential-expiration to report the real time.`
    )
  }
  if (options.source === 'workflow') {
    lines.push(
      "Every URL carries the session token, which GitHub masks, so the runner drops the image-urls output ('Skip output … since it may contain secret')."
    )
  }
  lines.push(FIX)
  return lines.join(' ')
}
