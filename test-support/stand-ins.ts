// All four stand-ins together, wired like a real setup: the workflow's credentials (an identity
// S3 and the AWS stand-in both know), a dedicated signer IAM user whose keys live in SSM, a bucket,
// a Slack workspace. `actionEnv()` is what a runner would hand the action after
// configure-aws-credentials: credentials, region, and endpoints pointing here.
import { type AwsStandIn, startAwsStandIn } from './aws-stand-in.js'
import { FaultPlan, Timeline } from './faults.js'
import {
  type Identity,
  type S3StandIn,
  longTermIdentity,
  startS3StandIn,
  temporaryIdentity
} from './s3-stand-in.js'
import { type SlackStandIn, startSlackStandIn } from './slack-stand-in.js'

export const REGION = 'us-east-1'
export const BUCKET = 'graphs-bucket'
export const CHANNEL = 'C0GRAPHS01'
export const SIGNER_KEY_ID_PARAMETER = '/graphs/signer/access-key-id'
export const SIGNER_SECRET_PARAMETER = '/graphs/signer/secret-access-key'

export interface StandIns {
  s3: S3StandIn
  aws: AwsStandIn
  slack: SlackStandIn
  /** The workflow's own credentials (an OIDC-like session unless asked otherwise). */
  workflow: Identity
  /** The dedicated IAM user that signs (its keys are also in SSM). */
  signer: Identity
  timeline: Timeline
  /** Environment for the action: credentials, region, endpoints. */
  actionEnv(overrides?: Record<string, string>): Record<string, string>
  /** Inputs every run needs: bucket (path-style, for the loopback S3) and Slack. */
  baseInputs(): Record<string, string>
  close(): Promise<void>
}

export interface StandInOptions {
  /** The workflow's credentials: a session of this many seconds (default 3600), or 'long-term'. */
  workflow?: number | 'long-term'
  latencyMs?: number
  throttle?: boolean
  /** Serve https with this key and certificate (signed by a CA the test made). */
  tls?: { key: string; cert: string }
  /** Host names the stand-ins answer under instead of 127.0.0.1 (names only a proxy resolves). */
  hosts?: { s3?: string; aws?: string; slack?: string }
  /** How the Slack stand-in fetches the images (it must reach the S3 stand-in under its name). */
  downloadFetch?: typeof fetch
  /** Called after each Slack call has been answered. */
  onSlackCall?: (method: string) => void
  /** Slack channels besides CHANNEL (which the app has joined). */
  channels?: Record<string, { joined?: boolean; archived?: boolean }>
}

export async function startStandIns(options: StandInOptions = {}): Promise<StandIns> {
  const timeline = new Timeline()
  const workflow =
    options.workflow === 'long-term'
      ? longTermIdentity()
      : temporaryIdentity(options.workflow ?? 3600)
  const signer = longTermIdentity()
  const faults = () => {
    const plan = new FaultPlan()
    plan.latencyMs = options.latencyMs ?? 0
    return plan
  }
  const serving = (name: 's3' | 'aws' | 'slack') => ({
    tls: options.tls,
    host: options.hosts?.[name]
  })
  const started = await Promise.allSettled([
    startS3StandIn({
      region: REGION,
      identities: [workflow, signer],
      buckets: [BUCKET],
      faults: faults(),
      timeline,
      serving: serving('s3')
    }),
    startAwsStandIn({
      region: REGION,
      identities: [workflow],
      parameters: {
        [SIGNER_KEY_ID_PARAMETER]: { value: signer.accessKeyId, type: 'String' },
        [SIGNER_SECRET_PARAMETER]: { value: signer.secretAccessKey, type: 'SecureString' }
      },
      throttle: options.throttle ? { perSecond: 20 } : undefined,
      faults: faults(),
      timeline,
      serving: serving('aws')
    }),
    startSlackStandIn({
      channels: { [CHANNEL]: { joined: true }, ...options.channels },
      faults: faults(),
      timeline,
      serving: serving('slack'),
      downloadFetch: options.downloadFetch,
      onCall: options.onSlackCall
    })
  ] as const)
  const [s3, aws, slack] = started.map(result =>
    result.status === 'fulfilled' ? result.value : undefined
  ) as [S3StandIn | undefined, AwsStandIn | undefined, SlackStandIn | undefined]
  if (!s3 || !aws || !slack) {
    // Close what did start (its listening sockets would keep the process alive), then say why.
    await Promise.allSettled([s3?.close(), aws?.close(), slack?.close()])
    const failure = started.find(result => result.status === 'rejected')
    throw failure?.status === 'rejected' ? failure.reason : new Error('a stand-in did not start')
  }
  return {
    s3,
    aws,
    slack,
    workflow,
    signer,
    timeline,
    actionEnv: (overrides = {}) => ({
      AWS_REGION: REGION,
      AWS_ACCESS_KEY_ID: workflow.accessKeyId,
      AWS_SECRET_ACCESS_KEY: workflow.secretAccessKey,
      ...(workflow.sessionToken ? { AWS_SESSION_TOKEN: workflow.sessionToken } : {}),
      AWS_ENDPOINT_URL_CLOUDWATCH: aws.endpoint,
      AWS_ENDPOINT_URL_SSM: aws.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      ...overrides
    }),
    baseInputs: () => ({
      's3-bucket': BUCKET,
      's3-force-path-style': 'true',
      'slack-token': slack.token,
      'slack-channel': CHANNEL,
      'slack-api-url': slack.apiUrl
    }),
    close: async () => {
      await Promise.all([s3.close(), aws.close(), slack.close()])
    }
  }
}
