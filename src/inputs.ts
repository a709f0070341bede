// Every input in one place: read, validated and typed before anything touches the network.
// Secrets are masked the moment they are read.
import * as core from '@actions/core'
import type { AlarmSelection } from './domain/alarms.js'
import { parseDuration, parseExpiresIn } from './domain/durations.js'
import { InputError } from './domain/errors.js'
import { type ProxySettings, describeProxy } from './domain/proxy.js'
import type { SigningPolicy } from './domain/signing.js'
import type { TimeWindow } from './domain/time-window.js'
import type { Graph } from './domain/widgets.js'
import { readSources } from './inputs/graphs.js'
import { readProxy } from './inputs/proxy.js'
import { type SignerInput, checkNotForSlackUpload, readSigner } from './inputs/signer.js'
import { type SlackInputs, readSlack } from './inputs/slack.js'
import { readWindow } from './inputs/window.js'
import {
  checkKeyPrefix,
  input,
  readBoolean,
  readBucket,
  readChoice,
  readInstant,
  readInteger,
  readRegion
} from './inputs/values.js'

export type { SignerInput } from './inputs/signer.js'
export type { SlackInputs } from './inputs/slack.js'

export interface S3Inputs {
  bucket: string
  region: string
  keyPrefix: string
  forcePathStyle: boolean
}

/** delivery: presigned-url (the default): the PNGs in S3, Slack gets presigned links. */
export interface PresignedInputs {
  kind: 'presigned-url'
  s3: S3Inputs
  signer: SignerInput
  signing: SigningPolicy
  verifyUrls: boolean
  /** Embed the images in the job summary (the URLs then reach every reader of the run). */
  summaryImages: boolean
}

/** delivery: slack-upload: Slack hosts the PNGs; no bucket, nothing to sign. */
export interface SlackUploadInputs {
  kind: 'slack-upload'
}

export interface Inputs {
  /** From widgets / widgets-file; the dashboards' graphs are added once they are read. */
  graphs: Graph[]
  /** CloudWatch dashboard names to render every metric widget of. */
  dashboards: string[]
  /** The alarms to post (input 'alarms'): their graphs come after the others. */
  alarms?: AlarmSelection
  /** time-range and timezone: laid over every widget that sets no window or zone of its own. */
  window: TimeWindow
  awsRegion: string
  delivery: PresignedInputs | SlackUploadInputs
  /** Undefined on a dry run without Slack inputs. */
  slack?: SlackInputs
  dryRun: boolean
  maxConcurrency: number
  /** The whole action's deadline. */
  timeoutSeconds: number
  /** The proxy every request takes (undefined: none, every request goes direct). */
  proxy?: ProxySettings
}

const MAX_CONCURRENCY = 20
const DEFAULT_KEY_PREFIX = 'cloudwatch-graphs/'

export function getInputs(env: NodeJS.ProcessEnv = process.env): Inputs {
  // Secrets first: masked before anything else can fail and print.
  const presignSecret = core.getInput('presign-secret-access-key').trim()
  if (presignSecret) core.setSecret(presignSecret)
  const slackToken = core.getInput('slack-token').trim()
  if (slackToken) core.setSecret(slackToken)
  const proxy = readProxy(env) // masks the proxy's password

  const { graphs, dashboards, alarms } = readSources(env)
  const kind = readChoice('delivery', ['presigned-url', 'slack-upload'] as const, 'presigned-url')
  if (kind === 'slack-upload') checkNotForSlackUpload(presignSecret)
  const awsRegion = readRegion(
    'aws-region',
    input('aws-region') || env.AWS_REGION || env.AWS_DEFAULT_REGION || ''
  )
  const dryRun = readBoolean('dry-run', false)
  const credentialExpiration = readInstant('credential-expiration', input('credential-expiration'))
  const environmentCredentialExpiration = readEnvironmentExpiration(env)
  // Every input is checked, whichever delivery uses it.
  const s3 = readS3(env, awsRegion, kind === 'presigned-url')
  const expiresInSeconds = parseExpiresIn(input('expires-in') || '7d')
  const signer = readSigner(presignSecret)
  const temporaryCredentials = readChoice(
    'temporary-credentials',
    ['warn', 'fail'] as const,
    'warn'
  )
  const slack = readSlack(slackToken, dryRun, kind)
  const verifyUrls = readBoolean('verify-urls', true)
  const summaryImages = readBoolean('summary-images', false)
  const common = {
    graphs,
    dashboards,
    ...(alarms ? { alarms } : {}),
    window: readWindow(),
    awsRegion,
    slack,
    dryRun,
    maxConcurrency: readInteger('max-concurrency', 5, 1, MAX_CONCURRENCY),
    timeoutSeconds: readTimeout(),
    proxy
  }
  if (kind === 'slack-upload') return { ...common, delivery: { kind } }
  return {
    ...common,
    delivery: {
      kind,
      s3,
      signer,
      signing: {
        expiresInSeconds,
        credentialExpiration,
        environmentCredentialExpiration,
        temporaryCredentials
      },
      verifyUrls,
      summaryImages
    }
  }
}

/** Where the PNGs go; the bucket is required only when `needsBucket` (delivery: presigned-url). */
function readS3(env: NodeJS.ProcessEnv, awsRegion: string, needsBucket: boolean): S3Inputs {
  return {
    region: input('s3-region') ? readRegion('s3-region', input('s3-region')) : awsRegion,
    bucket: needsBucket ? readBucket(input('s3-bucket')) : '',
    keyPrefix: readKeyPrefix(env),
    forcePathStyle: readBoolean('s3-force-path-style', false)
  }
}

/** An empty prefix is allowed; an absent one (no runner filled in the default) is the default. */
function readKeyPrefix(env: NodeJS.ProcessEnv): string {
  const given = env['INPUT_S3-KEY-PREFIX'] !== undefined
  const value = given ? input('s3-key-prefix') : DEFAULT_KEY_PREFIX
  checkKeyPrefix(value)
  return value
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
    core.warning(
      `AWS_CREDENTIAL_EXPIRATION='${raw}' is not an ISO 8601 time with a zone (such as 2026-11-29T10:00:00Z); ignored`
    )
    // Ignored everywhere: the SDK's own credential provider would read it too, as an invalid date.
    delete env.AWS_CREDENTIAL_EXPIRATION
    return undefined
  }
}

/** One line for the log: what the run will do. Never a secret. */
export function describeInputs(inputs: Inputs): string {
  const count = inputs.graphs.length
  const dashboards =
    inputs.dashboards.length > 0 ? ` + dashboards ${inputs.dashboards.join(', ')}` : ''
  const alarms = describeAlarms(inputs.alarms)
  const { delivery } = inputs
  const where =
    delivery.kind === 'slack-upload'
      ? 'delivery: slack-upload'
      : `s3://${delivery.s3.bucket}/${delivery.s3.keyPrefix} in ${delivery.s3.region}; signer: ${delivery.signer.kind}; expires-in ${delivery.signing.expiresInSeconds} s`
  return (
    `${count} graph${count === 1 ? '' : 's'}${dashboards}${alarms}; CloudWatch in ${inputs.awsRegion}; ${where}; ` +
    `max-concurrency ${inputs.maxConcurrency}${inputs.dryRun ? '; dry run' : ''}` +
    (inputs.window.start ? `; time-range ${inputs.window.start}` : '') +
    (inputs.window.timezone ? `; timezone ${inputs.window.timezone}` : '') +
    (inputs.proxy ? `; ${describeProxy(inputs.proxy)}` : '') +
    (inputs.slack ? `; Slack: ${inputs.slack.channels.join(', ')}` : '')
  )
}

function describeAlarms(alarms: AlarmSelection | undefined): string {
  if (!alarms) return ''
  if (alarms.firing) return ' + alarms firing'
  const names = alarms.patterns.map(p => `${p.name}${p.prefix ? '*' : ''}`)
  return ` + alarms ${names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ')}`
}
