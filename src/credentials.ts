// What signs the URLs, and whether the URLs can outlive it.

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
