// Every input in one place: read, validated and typed before anything touches the network.
// Secrets are masked the moment they are read.
import * as core from '@actions/core'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDuration, parseExpiresIn } from './duration.js'
import { InputError, describeError } from './errors.js'
import {
  checkAccessKeyId,
  checkParameterName,
  input,
  readApiUrl,
  readBoolean,
  readBucket,
  readChoice,
  readInstant,
  readInteger,
  readRegion
} from './input-values.js'
import { type Graph, parseGraphs } from './widgets.js'

export type Signer =
  | { kind: 'inputs'; accessKeyId: string; secretAccessKey: string }
  | { kind: 'ssm'; accessKeyIdParameter: string; secretAccessKeyParameter: string }
  | { kind: 'workflow' }

/** presigned-url: S3 + presigned links (default). slack-upload: Slack hosts the PNGs. */
export type Delivery = 'presigned-url' | 'slack-upload'

export interface SlackInputs {
  token: string
  channel: string
  text?: string
  threadTs?: string
  apiUrl: string
  /** images: a header message, then each graph as a reply in its thread. */
  thread: 'none' | 'images'
}

export interface Inputs {
  /** From widgets / widgets-file; the dashboards' graphs are added once they are read. */
  graphs: Graph[]
  /** CloudWatch dashboard names to render every metric widget of. */
  dashboards: string[]
  delivery: Delivery
  awsRegion: string
  /** bucket is '' with delivery: slack-upload (no bucket is used). */
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

export async function getInputs(env: NodeJS.ProcessEnv = process.env): Promise<Inputs> {
  // Secrets first: masked before anything else can fail and print.
  const presignSecret = core.getInput('presign-secret-access-key').trim()
  if (presignSecret) core.setSecret(presignSecret)
  const slackToken = core.getInput('slack-token').trim()
  if (slackToken) core.setSecret(slackToken)

  const dashboards = readDashboards()
  const graphs = await readGraphs(env, dashboards.length > 0)
  const delivery = readChoice(
    'delivery',
    ['presigned-url', 'slack-upload'] as const,
    'presigned-url'
  )
  if (delivery === 'slack-upload') checkNotForSlackUpload(presignSecret)
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
    dashboards,
    delivery,
    awsRegion,
    s3: {
      bucket: delivery === 'slack-upload' ? '' : readBucket(input('s3-bucket')),
      region: s3Region,
      keyPrefix: readKeyPrefix(env),
      forcePathStyle: readBoolean('s3-force-path-style', false)
    },
    expiresInSeconds: parseExpiresIn(input('expires-in') || '7d'),
    signer: readSigner(presignSecret),
    credentialExpiration,
    environmentCredentialExpiration,
    temporaryCredentials: readChoice('temporary-credentials', ['warn', 'fail'] as const, 'warn'),
    slack: readSlack(slackToken, dryRun, delivery),
    dryRun,
    verifyUrls: readBoolean('verify-urls', true),
    maxConcurrency: readInteger('max-concurrency', 5, 1, MAX_CONCURRENCY),
    timeoutSeconds: readTimeout()
  }
}

/** Dashboard names, one per line or comma-separated. */
function readDashboards(): string[] {
  const names = input('dashboard')
    .split(/[\n,]/)
    .map(name => name.trim())
    .filter(Boolean)
  for (const name of names) {
    if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
      throw new InputError(
        'dashboard',
        `'${name}' is not a dashboard name (letters, digits, '-' and '_'); give one name per line`
      )
    }
  }
  if (new Set(names).size !== names.length) {
    throw new InputError('dashboard', 'names a dashboard twice')
  }
  return names
}

/** The graphs of widgets or widgets-file; none is fine when dashboards give graphs. */
async function readGraphs(env: NodeJS.ProcessEnv, haveDashboards: boolean): Promise<Graph[]> {
  const inline = core.getInput('widgets')
  const file = input('widgets-file')
  if (inline.trim() && file) {
    throw new InputError('widgets', "give either 'widgets' or 'widgets-file', not both")
  }
  if (inline.trim()) return parseGraphs(inline, 'widgets')
  if (!file) {
    if (haveDashboards) return []
    throw new InputError(
      'widgets',
      "is required: give the graphs inline in 'widgets' (YAML or JSON), a file in 'widgets-file', or dashboard names in 'dashboard'"
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

/** With Slack hosting the images there is no bucket and nothing to sign: say so, not ignore it. */
function checkNotForSlackUpload(presignSecret: string): void {
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

function readSlack(token: string, dryRun: boolean, delivery: Delivery): SlackInputs | undefined {
  const channel = input('slack-channel')
  const text = input('slack-text')
  const threadTs = input('slack-thread-ts')
  const thread = readChoice('slack-thread', ['none', 'images'] as const, 'none')
  if (threadTs && thread === 'images') {
    throw new InputError(
      'slack-thread-ts',
      'cannot go with slack-thread: images, which starts a thread of its own; use one or the other'
    )
  }
  const apiUrl = readApiUrl(input('slack-api-url') || 'https://slack.com/api/')
  if (threadTs && !/^\d+\.\d+$/.test(threadTs)) {
    throw new InputError(
      'slack-thread-ts',
      `'${threadTs}' is not a message ts such as 1732868400.123456`
    )
  }
  if (!token && delivery === 'slack-upload' && !dryRun) {
    throw new InputError(
      'slack-token',
      'is required with delivery: slack-upload (Slack hosts the images)'
    )
  }
  // A dry run needs neither, but what is given is still checked.
  if (!token && !dryRun)
    throw new InputError('slack-token', 'is required (or set dry-run: true to skip posting)')
  if (!channel && !dryRun)
    throw new InputError('slack-channel', 'is required (or set dry-run: true to skip posting)')
  if (token && !/^(xoxe\.)?xox[a-z]-/.test(token)) {
    throw new InputError(
      'slack-token',
      'is not a Slack token (xoxb-… for a bot); an incoming-webhook URL cannot post images this way'
    )
  }
  if (/\s/.test(channel)) {
    throw new InputError('slack-channel', `'${channel}' is not a channel id (C0123ABCDEF) or name`)
  }
  if (!token || !channel) return undefined
  return {
    token,
    channel,
    text: text || undefined,
    threadTs: threadTs || undefined,
    apiUrl,
    thread
  }
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
