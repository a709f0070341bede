// Every AWS client the action makes, from one set of settings: who we are, how hard to retry, how
// long to wait. Endpoints are left to the SDK, so AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE>
// keep working.
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { S3Client } from '@aws-sdk/client-s3'
import { SSMClient } from '@aws-sdk/client-ssm'
import type { TimeBudget } from '../domain/deadline.js'
import { CLOUDWATCH_QUOTA_PER_SECOND, ThrottlePacer, pacerPlugin } from './pacer.js'
import { proxyAgents } from './proxy-agents.js'

export const USER_AGENT: [string, string] = ['cloudwatch-graphs-to-slack', '1']

/**
 * Bounded retries with backoff for throttling, 5xx and broken connections (the SDK's standard
 * mode). Every attempt has the run's per-attempt limit (from input 'timeout'): a connection that
 * hangs is abandoned and retried, not waited on (without throwOnRequestTimeout the SDK's handler
 * would only log a warning). The callers pass the run's work signal with each command
 * (`send(command, { abortSignal })`), which ends the retries when the time to post has come.
 */
function settings(region: string, budget: TimeBudget) {
  return {
    region,
    customUserAgent: [USER_AGENT],
    maxAttempts: 5,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: Math.min(5000, budget.attemptMs),
      requestTimeout: budget.attemptMs,
      throwOnRequestTimeout: true,
      // Through the run's proxy, when it has one.
      ...proxyAgents()
    }
  }
}

export function createCloudWatchClient(region: string, budget: TimeBudget): CloudWatchClient {
  // More attempts than the others, and a pacer that spaces attempts to the quota once CloudWatch
  // throttles (measured: adaptive mode's own limiter falls to about one call a second after a
  // burst, and stays there).
  const client = new CloudWatchClient({ ...settings(region, budget), maxAttempts: 8 })
  client.middlewareStack.use(pacerPlugin(new ThrottlePacer(CLOUDWATCH_QUOTA_PER_SECOND)))
  return client
}

export interface S3Location {
  bucket: string
  region: string
  forcePathStyle: boolean
}

export interface StaticCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/** With no credentials, the SDK's default chain (the workflow's credentials) is used. */
export function createS3Client(
  location: S3Location,
  budget: TimeBudget,
  credentials?: StaticCredentials
): S3Client {
  return new S3Client({
    ...settings(location.region, budget),
    forcePathStyle: location.forcePathStyle,
    // Checksums only where S3 requires them: the default adds a CRC32 trailer to uploads and
    // x-amz-checksum-mode to presigned URLs, which many S3-compatible stores do not understand.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(credentials ? { credentials } : {})
  })
}

export function createSsmClient(region: string, budget: TimeBudget): SSMClient {
  return new SSMClient(settings(region, budget))
}
