// Every input in one place: read, validated and typed before anything touches the network.
// Secrets are masked the moment they are read.
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { isTemporaryKeyId } from './credentials.js'
import { parseDuration, parseExpiresIn } from './duration.js'
import { InputError, describeError } from './errors.js'
import { type Graph, parseGraphs } from './widgets.js'

export type Signer =
  | { kind: 'inputs'; accessKeyId: string; secretAccessKey: string }
  | { kind: 'ssm'; accessKeyIdParameter: string; secretAccessKeyParameter: string }
  | { kind: 'workflow' }

export interface SlackInputs {
  token: string
  channel: string
  text?: string
  threadTs?: string
  apiUrl: string
}

export interface Inputs {
  graphs: Graph[]
  awsRegion: string
  s3: { bucket: string; region: string; keyPrefix: string; forcePathStyle: boolean }
  expiresInSeconds: number
  signer: Signer
  /** From the credential-expiration input. */
  credentialExpiration?: Date
  /** From AWS_CREDENTIAL_EXPIRATION. */
  environmentCredentialExpiration?: Date
  temporaryCredentials: 'warn' | 'fail'
  /** Undefined on a dry run without Slack inputs. */
  slack?: SlackInputs
  dryRun: boolean
  verifyUrls: boolean
  maxConcurrency: number
  /** The whole action's deadline. */
  timeoutSeconds: number
}

const MAX_CONCURRENCY = 20
const DEFAULT_KEY_PREFIX = 'cloudwatch-graphs/'

function input(name: string): string {
  return core.getInput(name).trim()
}

export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  // Secrets first: masked before anything else can fail and print.
  const presignSecret = core.getInput('presign-secret-access-key').trim()
  if (presignSecret) core.setSecret(presignSecret)
  const slackToken = core.getInput('slack-token').trim()
  if (slackToken) core.setSecret(slackToken)

  const graphs = readGraphs(env)
  const awsRegion = readRegion(
    'aws-region',
    input('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  )
  const s3Region = input('s3-region') ? readRegion('s3-region', input('s3-region')) : awsRegion
  const dryRun = readBoolean('dry-run', false)
  const credentialExpiration = readInstant('credential-expiration', input('credential-expiration'))
  const environmentCredentialExpiration = readEnvironmentExpiration(env)
  return {
    graphs,
    awsRegion,
    s3: {
      bucket: readBucket(input('s3-bucket')),
      region: s3Region,
      keyPrefix: readKeyPrefix(env),
      forcePathStyle: readBoolean('s3-force-path-style', false)
    },
    expiresInSeconds: parseExpiresIn(input('expires-in') || '7d'),
    signer: readSigner(presignSecret),
    credentialExpiration,
    environmentCredentialExpiration,
    temporaryCredentials: readChoice('temporary-credentials', ['warn', 'fail'] as const, 'warn'),
    slack: readSlack(slackToken, dryRun),
    dryRun,
    verifyUrls: readBoolean('verify-urls', true),
    maxConcurrency: readInteger('max-concurrency', 5, 1, MAX_CONCURRENCY),
    timeoutSeconds: readTimeout()
  }
}

function readGraphs(env: NodeJS.ProcessEnv): Graph[] {
  const inline = core.getInput('widgets')
  const file = input('widgets-file')
  if (inline.trim() && file) {
    throw new InputError('widgets', "give either 'widgets' or 'widgets-file', not both")
  }
  if (inline.trim()) return parseGraphs(inline, 'widgets')
  if (!file) {
    throw new InputError(
      'widgets',
      "is required: give the graphs inline in 'widgets' (YAML or JSON) or a file in 'widgets-file'"
    )
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd()
  const full = path.resolve(workspace, file)
  let text: string
  try {
    text = readFileSync(full, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'no such file' : describeError(error)
    throw new InputError(
      'widgets-file',
      `cannot read '${file}' (${why}); the path is relative to the workspace: did the workflow check out the repository (actions/checkout) first?`
    )
  }
  return parseGraphs(text, 'widgets-file')
}

const REGION = /^[a-z]{2,}(-[a-z0-9]+)*-\d+$/

function readRegion(name: string, value: string): string {
  if (!value) {
    throw new InputError(
      name,
      'is required: set it, or AWS_REGION / AWS_DEFAULT_REGION (aws-actions/configure-aws-credentials sets AWS_REGION)'
    )
  }
  if (!REGION.test(value)) {
    throw new InputError(
      name,
      `'${value}' is not an AWS region code such as us-east-1 or eu-west-2`
    )
  }
  return value
}

function readBucket(value: string): string {
  if (!value)
    throw new InputError('s3-bucket', 'is required: the private bucket that stores the PNGs')
  if (/^(s3|https?):\/\//i.test(value)) {
    throw new InputError(
      's3-bucket',
      `'${value}' is a URL; give the bucket's name only (my-bucket)`
    )
  }
  const valid =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(value) &&
    !value.includes('..') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(value)
  if (!valid) {
    throw new InputError(
      's3-bucket',
      `'${value}' is not a valid bucket name: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit`
    )
  }
  return value
}

/** An empty prefix is allowed; an absent one (no runner filled in the default) is the default. */
function readKeyPrefix(env: NodeJS.ProcessEnv): string {
  const given = env['INPUT_S3-KEY-PREFIX'] !== undefined
  const value = given ? input('s3-key-prefix') : DEFAULT_KEY_PREFIX
  if (value.startsWith('/')) {
    throw new InputError(
      's3-key-prefix',
      `'${value}' starts with '/'; S3 keys have no leading slash`
    )
  }
  if (value.length > 512) {
    throw new InputError(
      's3-key-prefix',
      'is longer than 512 characters; S3 keys hold 1024 bytes in all'
    )
  }
  return value
}

function readSigner(secretAccessKey: string): Signer {
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

/** Also used for the key id read from SSM. */
export function checkAccessKeyId(name: string, accessKeyId: string): void {
  if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) {
    throw new InputError(
      name,
      'is not an AWS access key id (16 to 128 uppercase letters and digits, such as AKIA…); is it the secret key by mistake?'
    )
  }
  if (isTemporaryKeyId(accessKeyId)) {
    throw new InputError(
      name,
      'is a temporary (ASIA…) key id: without its session token it cannot sign a working URL, and with one the URL would die with the session. Use a dedicated IAM user’s long-term (AKIA…) keys'
    )
  }
}

function checkParameterName(name: string, value: string): void {
  // A name (/team/graphs/key-id) or an ARN; SSM allows letters, digits and .-_/ in names.
  if (!/^(arn:[\w-]+:ssm:[\w-]+:\d{12}:parameter)?[\w./-]{1,2048}$/.test(value)) {
    throw new InputError(
      name,
      `'${value}' is not an SSM parameter name such as /graphs/signer/key-id`
    )
  }
}

function readSlack(token: string, dryRun: boolean): SlackInputs | undefined {
  const channel = input('slack-channel')
  const text = input('slack-text')
  const threadTs = input('slack-thread-ts')
  const apiUrl = readApiUrl(input('slack-api-url') || 'https://slack.com/api/')
  if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
    throw new InputError(
      'slack-thread-ts',
      `'${threadTs}' is not a message ts such as 1732868400.123456`
    )
  }
  if (dryRun && !token && !channel) return undefined
  if (!token)
    throw new InputError('slack-token', 'is required (or set dry-run: true to skip posting)')
  if (!channel)
    throw new InputError('slack-channel', 'is required (or set dry-run: true to skip posting)')
  if (!/^xox[a-z]-/.test(token)) {
    throw new InputError(
      'slack-token',
      'is not a Slack token (xoxb-… for a bot); an incoming-webhook URL cannot post images this way'
    )
  }
  if (/\s/.test(channel)) {
    throw new InputError('slack-channel', `'${channel}' is not a channel id (C0123ABCDEF) or name`)
  }
  return { token, channel, text: text || undefined, threadTs: threadTs || undefined, apiUrl }
}

function readApiUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('slack-api-url', `'${value}' is not a URL such as https://slack.com/api/`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('slack-api-url', `'${value}' must be an http(s) URL`)
  }
  // The client appends the method name, so the base must end with '/'.
  return url.href.endsWith('/') ? url.href : `${url.href}/`
}

/** 10 seconds to 6 hours (a job's own limit); the same forms as expires-in. */
function readTimeout(): number {
  const value = input('timeout') || '10m'
  const seconds = parseDuration(value, 'timeout')
  if (seconds < 10 || seconds > 6 * 3600) {
    throw new InputError('timeout', `'${value}' is out of range: from 10s to 6h`)
  }
  return seconds
}

function readBoolean(name: string, fallback: boolean): boolean {
  const value = input(name)
  if (!value) return fallback
  if (/^(true|yes|on)$/i.test(value)) return true
  if (/^(false|no|off)$/i.test(value)) return false
  throw new InputError(name, `'${value}' is not a boolean: use true or false`)
}

function readInteger(name: string, fallback: number, min: number, max: number): number {
  const value = input(name)
  if (!value) return fallback
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(name, `'${value}' is not a whole number from ${min} to ${max}`)
  }
  return Number(value)
}

function readChoice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const value = input(name).toLowerCase()
  if (!value) return fallback
  const found = choices.find(choice => choice === value)
  if (!found) throw new InputError(name, `'${value}' is not one of: ${choices.join(', ')}`)
  return found
}

/** AWS_CREDENTIAL_EXPIRATION is not ours to reject: a bad value is ignored with a warning. */
function readEnvironmentExpiration(env: NodeJS.ProcessEnv): Date | undefined {
  const raw = env.AWS_CREDENTIAL_EXPIRATION?.trim() ?? ''
  try {
    return readInstant('credential-expiration', raw)
  } catch {
    core.warning(`AWS_CREDENTIAL_EXPIRATION='${raw}' is not an ISO 8601 time; ignored`)
    return undefined
  }
}

/**
 * ISO 8601 with a time zone. Tolerates the quotes that configure-aws-credentials' aws-expiration
 * output carries (it is a Date serialised as JSON).
 */
function readInstant(name: string, raw: string): Date | undefined {
  const value = raw.replace(/^"(.*)"$/, '$1').trim()
  if (!value) return undefined
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i
  const date = new Date(value)
  if (!iso.test(value) || Number.isNaN(date.getTime())) {
    throw new InputError(
      name,
      `'${value}' is not an ISO 8601 time with a zone, such as 2026-11-29T10:00:00Z`
    )
  }
  return date
}
