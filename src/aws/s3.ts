// S3: the PNGs go up with the workflow's credentials; their GET URLs are signed locally.
import * as core from '@actions/core'
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'
import type { AwsCredentialIdentity } from '@smithy/types'
import { ActionError, SetupError, describeError } from '../domain/errors.js'
import { awsErrorCode, awsErrorText, throwIfSetupProblem } from './errors.js'

/** Stores the PNG; `signal` (the run's work deadline) stops the call and its retries. */
export async function uploadPng(
  client: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array,
  signal?: AbortSignal
): Promise<void> {
  try {
    // A buffer, not a stream: the length is known, so no aws-chunked framing is needed.
    await client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'image/png' }),
      { abortSignal: signal }
    )
  } catch (error) {
    throwIfSetupProblem(error, 's3-region')
    if (signal?.aborted) {
      throw new ActionError(`Upload to s3://${bucket}/${key}: ${awsErrorText(error, signal)}`, {
        cause: error
      })
    }
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

/**
 * The workflow's own credentials, as the SDK's default chain resolves them for `client` (env, OIDC
 * web identity, profile…); the secret and the token are masked the moment they arrive.
 */
export async function workflowCredentials(client: S3Client): Promise<AwsCredentialIdentity> {
  try {
    const identity = await client.config.credentials()
    if (identity.sessionToken) core.setSecret(identity.sessionToken)
    core.setSecret(identity.secretAccessKey)
    return identity
  } catch (error) {
    throwIfSetupProblem(error, 's3-region')
    throw new SetupError(
      `The workflow's AWS credentials could not be loaded: ${describeError(error)}. Check the aws-actions/configure-aws-credentials step before this one.`,
      { cause: error }
    )
  }
}
