// The action against a real S3: radosgw for S3, the loopback stand-ins for CloudWatch, SSM and
// Slack. The workflow's credentials are a session from radosgw's own AssumeRole (what OIDC gives on
// GitHub), so the same session is what the AWS stand-in knows; the radosgw user's long-term keys
// sit in the SSM stand-in, as a dedicated IAM user's would.
import { startAwsStandIn, type AwsStandIn } from './aws-stand-in.js'
import type { Radosgw, Session } from './radosgw.js'
import { startSlackStandIn, type SlackStandIn } from './slack-stand-in.js'
import { BUCKET, CHANNEL, SIGNER_KEY_ID_PARAMETER, SIGNER_SECRET_PARAMETER } from './stand-ins.js'

export { BUCKET } from './stand-ins.js'

/** Inputs that make the IAM user (keys in SSM) sign. */
export const SSM_SIGNER = {
  'presign-access-key-id-parameter': SIGNER_KEY_ID_PARAMETER,
  'presign-secret-access-key-parameter': SIGNER_SECRET_PARAMETER
}

export interface RadosgwRig {
  aws: AwsStandIn
  slack: SlackStandIn
  /** The action's environment: the session as workflow credentials, endpoints pointing here. */
  env: Record<string, string>
  /** Bucket (path-style, us-east-1: radosgw's default zonegroup) and Slack. */
  inputs: Record<string, string>
  close(): Promise<void>
}

export async function startRadosgwRig(rgw: Radosgw, workflow: Session): Promise<RadosgwRig> {
  const [aws, slack] = await Promise.all([
    startAwsStandIn({
      region: rgw.region,
      identities: [{ ...workflow, expiresAt: workflow.expiration }],
      parameters: {
        [SIGNER_KEY_ID_PARAMETER]: { value: rgw.user.accessKeyId, type: 'String' },
        [SIGNER_SECRET_PARAMETER]: { value: rgw.user.secretAccessKey, type: 'SecureString' }
      }
    }),
    startSlackStandIn({ channels: { [CHANNEL]: { joined: true } } })
  ])
  return {
    aws,
    slack,
    env: {
      AWS_REGION: rgw.region,
      AWS_ACCESS_KEY_ID: workflow.accessKeyId,
      AWS_SECRET_ACCESS_KEY: workflow.secretAccessKey,
      AWS_SESSION_TOKEN: workflow.sessionToken,
      AWS_ENDPOINT_URL_CLOUDWATCH: aws.endpoint,
      AWS_ENDPOINT_URL_SSM: aws.endpoint,
      AWS_ENDPOINT_URL_S3: rgw.endpoint
    },
    inputs: {
      's3-bucket': BUCKET,
      's3-force-path-style': 'true',
      's3-region': rgw.region,
      'slack-token': slack.token,
      'slack-channel': CHANNEL,
      'slack-api-url': slack.apiUrl
    },
    close: async () => {
      await Promise.all([aws.close(), slack.close()])
    }
  }
}

/** Every image URL Slack received, in order. */
export function postedUrls(slack: SlackStandIn): string[] {
  return slack.messages.flatMap(message =>
    message.blocks.filter(block => block.type === 'image').map(block => String(block.image_url))
  )
}

export interface Fetched {
  status: number
  contentType: string | null
  body: Buffer
  /** The S3 error code of an error answer (`<Code>…</Code>`). */
  code: string | undefined
}

/** A GET as Slack or a browser does it: no credentials beyond the URL. */
export async function fetchUrl(url: string): Promise<Fetched> {
  const response = await fetch(url)
  const body = Buffer.from(await response.arrayBuffer())
  const code = response.ok ? undefined : /<Code>([^<]+)<\/Code>/.exec(body.toString('utf8'))?.[1]
  return { status: response.status, contentType: response.headers.get('content-type'), body, code }
}

/** ISO 8601 to the second, as the action writes `expires-at` (it drops the milliseconds). */
export function toSecond(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
