// SSM Parameter Store: the signer's keys, read with the workflow's credentials.
import * as core from '@actions/core'
import { GetParametersCommand, type SSMClient } from '@aws-sdk/client-ssm'
import { ActionError } from '../domain/errors.js'
import { isAccessKeyIdShape } from '../domain/signing.js'
import { awsErrorText, throwIfSetupProblem } from './errors.js'

export interface SigningKeys {
  accessKeyId: string
  secretAccessKey: string
}

/** Reads the signer's two parameters in one call (decrypted); masks the secret the moment it arrives. */
export async function readSigningKeys(
  client: SSMClient,
  accessKeyIdParameter: string,
  secretAccessKeyParameter: string,
  signal?: AbortSignal
): Promise<SigningKeys> {
  const names = [accessKeyIdParameter, secretAccessKeyParameter]
  let response
  try {
    response = await client.send(new GetParametersCommand({ Names: names, WithDecryption: true }), {
      abortSignal: signal
    })
  } catch (error) {
    throwIfSetupProblem(error, 'aws-region')
    throw new ActionError(
      `Reading the signing keys from SSM (${names.join(', ')}) failed: ${awsErrorText(error, signal)}. ${ssmHint(error)}`.trimEnd(),
      { cause: error }
    )
  }
  const byName = new Map<string, string>()
  for (const parameter of response.Parameters ?? []) {
    // GetParameters answers with the name as asked, or the bare name when asked by ARN.
    if (parameter.Name !== undefined && parameter.Value !== undefined) {
      byName.set(parameter.Name, parameter.Value)
      if (parameter.ARN) byName.set(parameter.ARN, parameter.Value)
    }
  }
  const secretAccessKey = byName.get(secretAccessKeyParameter)?.trim()
  const accessKeyId = byName.get(accessKeyIdParameter)?.trim()
  // Masked before anything else can print them: the secret always; the key id only when it is not
  // one (a secret stored in the wrong parameter). A real key id stays visible: masking it would hide
  // every presigned URL, and GitHub would drop the outputs that hold one.
  if (secretAccessKey) core.setSecret(secretAccessKey)
  if (accessKeyId && !isAccessKeyIdShape(accessKeyId)) core.setSecret(accessKeyId)
  const missing = names.filter(name => !byName.get(name)?.trim())
  if (missing.length > 0) {
    throw new ActionError(
      `SSM has no value for ${missing.map(name => `'${name}'`).join(' and ')} in this account and region. Create ${missing.length > 1 ? 'them' : 'it'} (aws ssm put-parameter: the key id as String, the secret as SecureString) or fix the presign-*-parameter input.`
    )
  }
  return { accessKeyId: accessKeyId ?? '', secretAccessKey: secretAccessKey ?? '' }
}

function ssmHint(error: unknown): string {
  const name = error instanceof Error ? error.name : ''
  const message = error instanceof Error ? error.message : ''
  // A KMS refusal arrives as SSM's AccessDeniedException too; its message names KMS.
  if (/kms/i.test(name) || /KMS|master key|ciphertext/i.test(message)) {
    return "The workflow's role needs kms:Decrypt on the parameters' customer-managed KMS key (the default aws/ssm key needs no grant)."
  }
  if (name === 'AccessDeniedException') {
    return "The workflow's role needs ssm:GetParameters on both parameters."
  }
  return ''
}
