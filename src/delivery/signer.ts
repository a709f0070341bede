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
  judgeSigning
} from '../domain/signing.js'
import type { PresignedInputs } from '../inputs.js'

export interface Signer {
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
): Promise<Signer> {
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
  core.info(verdict.note)
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
      const problem = accessKeyIdProblem(keys.accessKeyId)
      if (problem) {
        // The input's rule, but the value came from SSM: say where it was read.
        throw new ActionError(
          `The access key id read from SSM parameter '${signer.accessKeyIdParameter}' ${problem}`
        )
      }
      return { ...keys, source: 'ssm' }
    }
    case 'workflow':
      return { ...(await workflowCredentials(workflowClient)), source: 'workflow' }
  }
}
