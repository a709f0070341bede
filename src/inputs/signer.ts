// Who signs the URLs: keys from inputs, from SSM parameters, or the workflow's own credentials.
import { InputError } from '../domain/errors.js'
import { checkAccessKeyId, checkParameterName, input } from './values.js'

export type SignerInput =
  | { kind: 'inputs'; accessKeyId: string; secretAccessKey: string }
  | { kind: 'ssm'; accessKeyIdParameter: string; secretAccessKeyParameter: string }
  | { kind: 'workflow' }

export function readSigner(secretAccessKey: string): SignerInput {
  const accessKeyId = input('presign-access-key-id')
  const idParameter = input('presign-access-key-id-parameter')
  const secretParameter = input('presign-secret-access-key-parameter')
  const direct = Boolean(accessKeyId || secretAccessKey)
  const fromSsm = Boolean(idParameter || secretParameter)
  if (direct && fromSsm) {
    throw new InputError(
      'presign-access-key-id',
      'give the signing keys one way: presign-access-key-id + presign-secret-access-key, or the two SSM parameter names, not both'
    )
  }
  if (direct) {
    if (!accessKeyId) throw pairError('presign-access-key-id', 'presign-secret-access-key')
    if (!secretAccessKey) throw pairError('presign-secret-access-key', 'presign-access-key-id')
    checkAccessKeyId('presign-access-key-id', accessKeyId)
    return { kind: 'inputs', accessKeyId, secretAccessKey }
  }
  if (fromSsm) {
    if (!idParameter) {
      throw pairError('presign-access-key-id-parameter', 'presign-secret-access-key-parameter')
    }
    if (!secretParameter) {
      throw pairError('presign-secret-access-key-parameter', 'presign-access-key-id-parameter')
    }
    checkParameterName('presign-access-key-id-parameter', idParameter)
    checkParameterName('presign-secret-access-key-parameter', secretParameter)
    return {
      kind: 'ssm',
      accessKeyIdParameter: idParameter,
      secretAccessKeyParameter: secretParameter
    }
  }
  return { kind: 'workflow' }
}

function pairError(missing: string, given: string): InputError {
  return new InputError(missing, `is required when '${given}' is given: the two go together`)
}

/** With Slack hosting the images there is no bucket and nothing to sign: say so, not ignore it. */
export function checkNotForSlackUpload(presignSecret: string): void {
  const unused = [
    's3-bucket',
    'presign-access-key-id',
    'presign-access-key-id-parameter',
    'presign-secret-access-key-parameter'
  ].filter(name => input(name))
  if (presignSecret) unused.push('presign-secret-access-key')
  const [first] = unused
  if (first) {
    throw new InputError(
      first,
      `is not used with delivery: slack-upload (Slack hosts the images: no bucket, nothing to sign); remove ${unused.join(', ')} or use delivery: presigned-url`
    )
  }
}
