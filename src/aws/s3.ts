import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import { ActionError } from '../errors.js'
import { clientSettings } from './clients.js'
import { awsErrorCode, awsErrorText } from './errors.js'

export interface S3Location {
  bucket: string
  region: string
  forcePathStyle: boolean
}

export interface StaticCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/** With no credentials, the SDK's default chain (the workflow's credentials) is used. */
export function createS3Client(location: S3Location, credentials?: StaticCredentials): S3Client {
  return new S3Client({
    ...clientSettings(location.region),
    forcePathStyle: location.forcePathStyle,
    // Checksums only where S3 requires them: the default adds a CRC32 trailer to uploads and
    // x-amz-checksum-mode to presigned URLs, which many S3-compatible stores do not understand.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(credentials ? { credentials } : {})
  })
}

export async function uploadPng(
  client: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array
): Promise<void> {
  try {
    // A buffer, not a stream: the length is known, so no aws-chunked framing is needed.
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/png' })
    )
  } catch (error) {
    throw new ActionError(
      `Upload to s3://${bucket}/${key} failed: ${awsErrorText(error)}. ${uploadHint(error)}`,
      { cause: error }
    )
  }
}

/** What an upload failure means for the workflow's setup. */
function uploadHint(error: unknown): string {
  switch (awsErrorCode(error)) {
    case 'AuthorizationHeaderMalformed':
    case 'PermanentRedirect':
    case 'IllegalLocationConstraintException':
      return "The bucket is in another region: set s3-region to the bucket's region."
    case 'NoSuchBucket':
      return 'Check s3-bucket (and s3-region).'
    case 'ExpiredToken':
      return "The workflow's session has expired: configure-aws-credentials' role-duration-seconds may be too short."
    default:
      return "The workflow's credentials need s3:PutObject on the key prefix."
  }
}

/** A GET URL signed locally (no network) with the client's credentials. */
export async function presignGetUrl(
  client: S3Client,
  bucket: string,
  key: string,
  expiresInSeconds: number,
  signingDate: Date
): Promise<string> {
  return getSignedUrl(client, new GetObjectCommand({ Bucket: bucket, Key: key }), {
    expiresIn: expiresInSeconds,
    signingDate
  })
}
