// Which credentials sign the URLs, and what that means for how long the URLs live.
// Runs alongside the first CloudWatch fetches; no upload starts before it has decided.
import * as core from '@actions/core'
import type { S3Client } from '@aws-sdk/client-s3'
import type { S3Location, StaticCredentials } from './aws/s3.js'
import {
  type SigningCredentials,
  type SigningKind,
  classifySigning,
  describeSource
} from './credentials.js'
import { ActionError, describeError } from './errors.js'
import {
  type CredentialExpiry,
  type Expiry,
  effectiveExpiry,
  formatInstant,
  resolveCredentialExpiry,
  temporaryCredentialsMessage
} from './expiry.js'
import { checkAccessKeyId } from './input-values.js'
import type { Inputs } from './inputs.js'

export interface Signing {
  /** The client that presigns (local, no network). */
  client: S3Client
  kind: SigningKind
  signedAt: Date
  expiry: Expiry
}

export interface SigningDeps {
  createS3Client: (location: S3Location, credentials?: StaticCredentials) => S3Client
  readSsmKeys: (idParameter: string, secretParameter: string) => Promise<StaticCredentials>
  /** The S3 client on the workflow's credentials (the uploader), reused when the workflow signs. */
  workflowClient: S3Client
  now: () => Date
}

export async function resolveSigning(inputs: Inputs, deps: SigningDeps): Promise<Signing> {
  const credentials = await signingCredentials(inputs, deps)
  const kind = classifySigning(credentials)
  const client =
    credentials.source === 'workflow'
      ? deps.workflowClient
      : deps.createS3Client(inputs.s3, {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey
        })
  const signedAt = deps.now()
  const credentialExpiry =
    kind === 'temporary'
      ? resolveCredentialExpiry({
          input: inputs.credentialExpiration,
          environment: inputs.environmentCredentialExpiration,
          provider: credentials.expiration
        })
      : undefined
  const expiry = effectiveExpiry({
    signedAt,
    expiresInSeconds: inputs.expiresInSeconds,
    kind,
    credentialExpiry
  })
  core.info(
    `Signing with ${describeSource(credentials.source)}: key id ${credentials.accessKeyId}, ${kind}${expiry.effective ? `; links work until ${formatInstant(expiry.effective)}` : ''}`
  )
  if (kind === 'temporary') judgeTemporary(inputs, credentials, expiry, credentialExpiry, signedAt)
  return { client, kind, signedAt, expiry }
}

async function signingCredentials(inputs: Inputs, deps: SigningDeps): Promise<SigningCredentials> {
  const signer = inputs.signer
  switch (signer.kind) {
    case 'inputs':
      return { ...signer, source: 'inputs' }
    case 'ssm': {
      const keys = await deps.readSsmKeys(
        signer.accessKeyIdParameter,
        signer.secretAccessKeyParameter
      )
      checkSsmKeyId(signer.accessKeyIdParameter, keys.accessKeyId)
      return { ...keys, source: 'ssm' }
    }
    case 'workflow':
      return { ...(await workflowCredentials(deps.workflowClient)), source: 'workflow' }
  }
}

/** The default chain's credentials, as the SDK resolves them (env, OIDC web identity, profile…). */
async function workflowCredentials(client: S3Client): Promise<Omit<SigningCredentials, 'source'>> {
  try {
    const identity = await client.config.credentials()
    if (identity.sessionToken) core.setSecret(identity.sessionToken)
    core.setSecret(identity.secretAccessKey)
    return identity
  } catch (error) {
    throw new ActionError(
      `No AWS credentials found for the workflow (${describeError(error)}). Run aws-actions/configure-aws-credentials before this action, or set AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.`,
      { cause: error }
    )
  }
}

function checkSsmKeyId(parameter: string, accessKeyId: string): void {
  try {
    checkAccessKeyId('presign-access-key-id-parameter', accessKeyId)
  } catch (error) {
    // Same rule as for the input, but the value came from SSM: say where it was read.
    throw new ActionError(
      `The access key id read from SSM parameter '${parameter}' ${describeError(error).replace(/^Input '[^']+': /, '')}`
    )
  }
}

function judgeTemporary(
  inputs: Inputs,
  credentials: SigningCredentials,
  expiry: Expiry,
  credentialExpiry: CredentialExpiry | undefined,
  now: Date
): void {
  if (credentialExpiry && credentialExpiry.at.getTime() <= now.getTime()) {
    throw new ActionError(
      `The signing credentials expired at ${formatInstant(credentialExpiry.at)} (from ${credentialExpiry.source}): every URL would be dead on arrival. Refresh them, or sign with an IAM user's long-term keys.`
    )
  }
  const message = temporaryCredentialsMessage({
    expiry,
    expiresInSeconds: inputs.expiresInSeconds,
    credentialExpiry,
    source: credentials.source,
    now
  })
  if (inputs.temporaryCredentials === 'fail') {
    throw new ActionError(`temporary-credentials is 'fail'. ${message}`)
  }
  core.warning(message, { title: 'Presigned URLs will expire early' })
}
