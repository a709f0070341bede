// SSM GetParameters / GetParameter as the action uses them to read the signing keys: SecureString
// values come back as KMS ciphertext unless WithDecryption, unknown names land in InvalidParameters
// (GetParameters) or fail with ParameterNotFound (GetParameter), at most 10 names per call.
import { createHash } from 'node:crypto'
import { AwsError } from './aws-json.js'

export interface SsmParameter {
  value: string
  type?: 'String' | 'StringList' | 'SecureString'
  version?: number
  /**
   * AccessDenied: the caller may not read this parameter (ssm:GetParameters denied).
   * KmsAccessDenied: reading works, decrypting does not (kms:Decrypt denied on a customer key).
   */
  failure?: 'AccessDenied' | 'KmsAccessDenied'
}

export interface SsmContext {
  parameters: Record<string, SsmParameter>
  region: string
  accountId: string
}

interface WireParameter {
  Name: string
  Type: string
  Value: string
  Version: number
  ARN: string
  DataType: 'text'
  LastModifiedDate: number
}

// Fixed, so answers are reproducible; AWS JSON 1.1 sends timestamps as epoch seconds.
const LAST_MODIFIED = Date.UTC(2025, 0, 15, 9, 30, 0) / 1000

function parameterArn(name: string, context: SsmContext): string {
  const path = name.startsWith('/') ? name : `/${name}`
  return `arn:aws:ssm:${context.region}:${context.accountId}:parameter${path}`
}

/** Looks like a KMS ciphertext blob (base64, AQICAH... prefix) and never contains the value. */
function ciphertext(name: string, value: string): string {
  const digest = createHash('sha256').update(`${name}\0${value}`).digest()
  return Buffer.concat([Buffer.from([1, 2, 2, 0, 0x78]), digest, digest, digest]).toString('base64')
}

function validation(message: string): AwsError {
  return new AwsError(400, 'ValidationException', `1 validation error detected: ${message}`)
}

function render(name: string, withDecryption: boolean, context: SsmContext): WireParameter {
  const parameter = context.parameters[name]
  if (!parameter) throw new Error(`no parameter ${name}`)
  const type = parameter.type ?? 'String'
  const arn = parameterArn(name, context)
  if (parameter.failure === 'AccessDenied') {
    throw new AwsError(
      400,
      'AccessDeniedException',
      `User: arn:aws:sts::${context.accountId}:assumed-role/stand-in/session is not authorized to ` +
        `perform: ssm:GetParameters on resource: ${arn} because no identity-based policy allows ` +
        'the ssm:GetParameters action'
    )
  }
  const secret = type === 'SecureString'
  if (secret && withDecryption && parameter.failure === 'KmsAccessDenied') {
    throw new AwsError(
      400,
      'AccessDeniedException',
      'The ciphertext refers to a customer master key that does not exist, does not exist in ' +
        'this region, or you are not allowed to access. (Service: AWSKMS; Status Code: 400; ' +
        'Error Code: AccessDeniedException)'
    )
  }
  return {
    Name: name,
    Type: type,
    Value: secret && !withDecryption ? ciphertext(name, parameter.value) : parameter.value,
    Version: parameter.version ?? 1,
    ARN: arn,
    DataType: 'text',
    LastModifiedDate: LAST_MODIFIED
  }
}

export function getParameters(input: Record<string, unknown>, context: SsmContext): unknown {
  const names = input.Names
  if (!Array.isArray(names) || names.some(n => typeof n !== 'string' || n === '')) {
    throw validation("Value null at 'names' failed to satisfy constraint: Member must not be null")
  }
  if (names.length < 1 || names.length > 10) {
    const bound = names.length < 1 ? 'greater than or equal to 1' : 'less than or equal to 10'
    throw validation(
      `Value '[${names.join(', ')}]' at 'names' failed to satisfy constraint: Member must have length ${bound}`
    )
  }
  const withDecryption = input.WithDecryption === true
  const unique = [...new Set(names as string[])]
  const found = unique.filter(name => context.parameters[name] !== undefined)
  return {
    Parameters: found.map(name => render(name, withDecryption, context)),
    InvalidParameters: unique.filter(name => context.parameters[name] === undefined)
  }
}

export function getParameter(input: Record<string, unknown>, context: SsmContext): unknown {
  const name = input.Name
  if (typeof name !== 'string' || name === '') {
    throw validation("Value null at 'name' failed to satisfy constraint: Member must not be null")
  }
  if (context.parameters[name] === undefined) {
    throw new AwsError(400, 'ParameterNotFound', `Parameter ${name} not found.`)
  }
  return { Parameter: render(name, input.WithDecryption === true, context) }
}
