// The signing policy: what signs the URLs, how long the URLs really live, and what the action says
// about it. A presigned URL dies at the earlier of the time it asks for (X-Amz-Expires) and the end
// of the session that signed it; S3 answers ExpiredToken after that.
import { formatSeconds } from './durations.js'

/** Where the signing credentials came from. */
export type SigningSource = 'inputs' | 'ssm' | 'workflow'

/** `long-term`: an IAM user's keys, the URL lives its full expires-in. `temporary`: a session. */
export type SigningKind = 'long-term' | 'temporary'

export interface SigningCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  /** The provider's own expiry (e.g. from AssumeRoleWithWebIdentity or AWS_CREDENTIAL_EXPIRATION). */
  expiration?: Date
  source: SigningSource
}

/** STS hands out key ids starting ASIA; long-term IAM user keys start AKIA. */
export function isTemporaryKeyId(accessKeyId: string): boolean {
  return accessKeyId.startsWith('ASIA')
}

/** Temporary when the key id says so or a session token comes with it (some S3-compatible STS use other prefixes). */
export function classifySigning(
  credentials: Pick<SigningCredentials, 'accessKeyId' | 'sessionToken'>
): SigningKind {
  return isTemporaryKeyId(credentials.accessKeyId) || Boolean(credentials.sessionToken)
    ? 'temporary'
    : 'long-term'
}

/** Shaped like an access key id (AKIA…, ASIA…): never like a secret, which has lower case and / + =. */
export function isAccessKeyIdShape(value: string): boolean {
  return /^[A-Z0-9]{16,128}$/.test(value)
}

/** Why this cannot be a signer's access key id (the input's or the one read from SSM), or undefined. */
export function accessKeyIdProblem(accessKeyId: string): string | undefined {
  if (!isAccessKeyIdShape(accessKeyId)) {
    return 'is not an AWS access key id (16 to 128 uppercase letters and digits, such as AKIA…); is it the secret key by mistake?'
  }
  if (isTemporaryKeyId(accessKeyId)) {
    return 'is a temporary (ASIA…) key id: without its session token it cannot sign a working URL, and with one the URL would die with the session. Use a dedicated IAM user’s long-term (AKIA…) keys'
  }
  return undefined
}

/** Words for the log: never the secret, never the token. */
export function describeSource(source: SigningSource): string {
  switch (source) {
    case 'inputs':
      return 'presign-access-key-id / presign-secret-access-key'
    case 'ssm':
      return 'the SSM parameters presign-access-key-id-parameter / presign-secret-access-key-parameter'
    case 'workflow':
      return "the workflow's own AWS credentials"
  }
}

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
  if (isTime(candidates.input)) return { at: candidates.input, source: 'credential-expiration' }
  if (isTime(candidates.environment))
    return { at: candidates.environment, source: 'AWS_CREDENTIAL_EXPIRATION' }
  if (isTime(candidates.provider)) return { at: candidates.provider, source: 'provider' }
  return undefined
}

/** A date that is a time: a provider may hand over `new Date('garbage')`. */
function isTime(date: Date | undefined): date is Date {
  return date !== undefined && !Number.isNaN(date.getTime())
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

export interface SigningPolicy {
  expiresInSeconds: number
  /** From the credential-expiration input. */
  credentialExpiration?: Date
  /** From AWS_CREDENTIAL_EXPIRATION. */
  environmentCredentialExpiration?: Date
  temporaryCredentials: 'warn' | 'fail'
}

export interface SigningVerdict {
  kind: SigningKind
  expiry: Expiry
  /** What the log says about the signer (never a secret), refused or not. */
  note: string
  /** With temporary credentials the policy allows: the warning to show. */
  warning?: string
  /** Why these credentials may not sign (dead on arrival, or temporary-credentials: fail). */
  refusal?: string
}

/** The signer's kind, the URLs' real expiry, what to say about it, and whether to refuse it. */
export function judgeSigning(
  credentials: SigningCredentials,
  policy: SigningPolicy,
  signedAt: Date
): SigningVerdict {
  const kind = classifySigning(credentials)
  const credentialExpiry =
    kind === 'temporary'
      ? resolveCredentialExpiry({
          input: policy.credentialExpiration,
          environment: policy.environmentCredentialExpiration,
          provider: credentials.expiration
        })
      : undefined
  const expiry = effectiveExpiry({
    signedAt,
    expiresInSeconds: policy.expiresInSeconds,
    kind,
    credentialExpiry
  })
  const until = expiry.effective ? `; links work until ${formatInstant(expiry.effective)}` : ''
  const note = `Signing with ${describeSource(credentials.source)}: key id ${credentials.accessKeyId}, ${kind}${until}`
  if (kind === 'long-term') return { kind, expiry, note }
  if (credentialExpiry && credentialExpiry.at.getTime() <= signedAt.getTime()) {
    const refusal = `The signing credentials expired at ${formatInstant(credentialExpiry.at)} (from ${credentialExpiry.source}): every URL would be dead on arrival. Refresh them, or sign with an IAM user's long-term keys.`
    return { kind, expiry, note, refusal }
  }
  const warning = temporaryCredentialsMessage({
    expiry,
    expiresInSeconds: policy.expiresInSeconds,
    credentialExpiry,
    source: credentials.source,
    now: signedAt
  })
  if (policy.temporaryCredentials === 'fail') {
    return { kind, expiry, note, refusal: `temporary-credentials is 'fail'. ${warning}` }
  }
  return { kind, expiry, note, warning }
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
