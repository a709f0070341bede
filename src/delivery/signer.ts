// Which credentials sign the URLs, and what that means for how long the URLs live. Runs beside the
// first renders; no upload starts before it has decided.
import * as core from '@actions/core'
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3Client, createSsmClient } from '../aws/clients.js'
import { workflowCredentials } from '../aws/s3.js'
import { readSigningKeys } from '../aws/ssm.js'
import type { Deadline } from '../domain/deadline.js'
import { ActionError } from '../domain/errors.js'
import {
  type Expiry,
  type SigningCredentials,
  type SigningKind,
  accessKeyIdProblem,
  isAccessKeyIdShape,
  judgeSigning
} from '../domain/signing.js'
import type { PresignedInputs } from '../inputs.js'
import { logLine } from '../domain/text.js'

export interface ResolvedSigner {
  /** The client that presigns (local, no network). */
  client: S3Client
  kind: SigningKind
  signedAt: Date
  expiry: Expiry
}

export async function resolveSigner(
  inputs: PresignedInputs,
  awsRegion: string,
  /** The S3 client on the workflow's credentials (the uploader), reused when the workflow signs. */
  workflowClient: S3Client,
  deadline: Deadline,
  now: () => Date = () => new Date()
): Promise<ResolvedSigner> {
  const credentials = await signingCredentials(inputs, awsRegion, workflowClient, deadline)
  const client =
    credentials.source === 'workflow'
      ? workflowClient
      : createS3Client(inputs.s3, deadline, {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey
        })
  const signedAt = now()
  const verdict = judgeSigning(credentials, inputs.signing, signedAt)
  core.info(logLine(verdict.note))
  if (verdict.refusal) throw new ActionError(verdict.refusal)
  if (verdict.warning) core.warning(verdict.warning, { title: 'Presigned URLs will expire early' })
  return { client, kind: verdict.kind, signedAt, expiry: verdict.expiry }
}

async function signingCredentials(
  inputs: PresignedInputs,
  awsRegion: string,
  workflowClient: S3Client,
  deadline: Deadline
): Promise<SigningCredentials> {
  const signer = inputs.signer
  switch (signer.kind) {
    case 'inputs':
      return { ...signer, source: 'inputs' }
    case 'ssm': {
      const keys = await readSigningKeys(
        createSsmClient(awsRegion, deadline),
        signer.accessKeyIdParameter,
        signer.secretAccessKeyParameter,
        deadline.work
      )
      checkSsmKeys(keys, signer.accessKeyIdParameter, signer.secretAccessKeyParameter)
      return { ...keys, source: 'ssm' }
    }
    case 'workflow':
      return { ...(await workflowCredentials(workflowClient)), source: 'workflow' }
  }
}

/** The keys read from SSM can sign: each in its parameter, the key id a long-term one. */
function checkSsmKeys(
  keys: { accessKeyId: string; secretAccessKey: string },
  idParameter: string,
  secretParameter: string
): void {
  const where = `SSM parameter '${idParameter}' (presign-access-key-id-parameter)`
  if (!isAccessKeyIdShape(keys.accessKeyId)) {
    throw new ActionError(
      isAccessKeyIdShape(keys.secretAccessKey)
        ? `The two SSM parameters look swapped: ${where} holds something that is not an access key id, and '${secretParameter}' (presign-secret-access-key-parameter) holds one; both values are masked. Swap the two inputs, or the values stored in the parameters.`
        : `${where} does not hold an access key id (16 to 128 uppercase letters and digits, such as AKIA…); its value is masked. Store the signing IAM user's access key id there, and its secret in '${secretParameter}'.`
    )
  }
  if (accessKeyIdProblem(keys.accessKeyId)) {
    throw new ActionError(
      `${where} holds a temporary (ASIA…) key id, which cannot sign URLs that last: store a dedicated IAM user's long-term (AKIA…) key id there, and its secret in '${secretParameter}'.`
    )
  }
}
