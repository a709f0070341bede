// A real S3 for the tests: Ceph radosgw as a one-node cluster (mon, memstore OSD, radosgw) in a
// fresh temp folder on 127.0.0.1, built as radosgw.md measured it. It checks SigV4, presign expiry
// and STS session tokens itself, so what it serves and refuses is not our own reading of the spec.
//
// One user with known long-term keys (the signer), one role that user may assume with s3:* (the
// workflow's session, as OIDC gives one on GitHub). Needs Ceph: see ceph-install.ts.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts'
import { type Cluster, randomToken, startCluster, tailLogs } from './ceph-cluster.js'
import { Daemons } from './daemons.js'

export { ensureCeph, isCephInstalled } from './ceph-install.js'

export interface Credentials {
  accessKeyId: string
  secretAccessKey: string
}

export interface Session extends Credentials {
  sessionToken: string
  expiration: Date
}

export interface Radosgw {
  /** http://127.0.0.1:PORT: path-style only (no DNS names for buckets). */
  endpoint: string
  /** radosgw's default zonegroup takes no other LocationConstraint. */
  region: 'us-east-1'
  /** The IAM-like user: long-term keys, AKIA + 16 characters. */
  user: Credentials & { uid: string }
  /** A role the user may assume, with a role policy allowing s3:*. */
  roleArn: string
  /** AssumeRole with the real STS client, at radosgw; it accepts 900 to 3600 seconds. */
  assumeRole(durationSeconds: number): Promise<Session>
  /** Creates a bucket owned by the user. */
  createBucket(name: string): Promise<void>
  /** Milliseconds per bring-up phase, and `total`. */
  timings: Record<string, number>
  /** Stops radosgw, the OSD, the mon (by PID), then removes the folder. Safe to call twice. */
  stop(): Promise<void>
}

const UID = 'graphs-signer'
const ROLE = 'graphs-workflow'
const REGION = 'us-east-1'

export async function startRadosgw(): Promise<Radosgw> {
  const started = performance.now()
  const dir = mkdtempSync(path.join(tmpdir(), 'radosgw-'))
  const daemons = new Daemons(dir)
  let stopped: Promise<void> | undefined
  const stop = () =>
    (stopped ??= daemons.stopAll().finally(() => rmSync(dir, { recursive: true, force: true })))
  try {
    const cluster = await startCluster(dir, daemons)
    const mark = performance.now()
    const { user, roleArn } = await createUserAndRole(cluster)
    const timings = {
      ...cluster.timings,
      'user and role': Math.round(performance.now() - mark),
      total: Math.round(performance.now() - started)
    }
    return { ...clients(cluster.endpoint, user, roleArn), timings, stop }
  } catch (error) {
    const logs = tailLogs(dir)
    await stop()
    throw new Error(`radosgw did not come up: ${(error as Error).message}\n${logs}`, {
      cause: error
    })
  }
}

async function createUserAndRole(
  cluster: Cluster
): Promise<{ user: Radosgw['user']; roleArn: string }> {
  const user = { uid: UID, accessKeyId: randomKeyId('AKIA'), secretAccessKey: randomToken(40) }
  await cluster.tool('radosgw-admin', [
    'user',
    'create',
    `--uid=${UID}`,
    '--display-name=Graphs signer',
    `--access-key=${user.accessKeyId}`,
    `--secret=${user.secretAccessKey}`
  ])
  const trust = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: [`arn:aws:iam:::user/${UID}`] },
        Action: ['sts:AssumeRole']
      }
    ]
  }
  const role = JSON.parse(
    await cluster.tool('radosgw-admin', [
      'role',
      'create',
      `--role-name=${ROLE}`,
      '--path=/',
      `--assume-role-policy-doc=${JSON.stringify(trust)}`
    ])
  ) as { Arn?: string }
  if (!role.Arn) throw new Error('radosgw-admin role create printed no Arn')
  const s3All = {
    Version: '2012-10-17',
    Statement: { Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::*' }
  }
  await cluster.tool('radosgw-admin', [
    'role-policy',
    'put',
    `--role-name=${ROLE}`,
    '--policy-name=s3-all',
    `--policy-doc=${JSON.stringify(s3All)}`
  ])
  return { user, roleArn: role.Arn }
}

/** The SDK clients tests need, as the user: STS AssumeRole and bucket creation. */
function clients(endpoint: string, user: Radosgw['user'], roleArn: string) {
  const credentials = { accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey }
  return {
    endpoint,
    region: REGION,
    user,
    roleArn,
    assumeRole: async (durationSeconds: number): Promise<Session> => {
      const sts = new STSClient({ endpoint, region: REGION, credentials })
      try {
        const { Credentials: session } = await sts.send(
          new AssumeRoleCommand({
            RoleArn: roleArn,
            RoleSessionName: 'graphs-workflow-run',
            DurationSeconds: durationSeconds
          })
        )
        const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = session ?? {}
        if (!AccessKeyId || !SecretAccessKey || !SessionToken || !Expiration)
          throw new Error('AssumeRole returned incomplete credentials')
        return {
          accessKeyId: AccessKeyId,
          secretAccessKey: SecretAccessKey,
          sessionToken: SessionToken,
          expiration: Expiration
        }
      } finally {
        sts.destroy()
      }
    },
    createBucket: async (name: string): Promise<void> => {
      const s3 = new S3Client({ endpoint, region: REGION, forcePathStyle: true, credentials })
      try {
        await s3.send(new CreateBucketCommand({ Bucket: name }))
      } finally {
        s3.destroy()
      }
    }
  } as const
}

/** Shaped like an IAM user's key id: a prefix and 16 base32 characters. */
function randomKeyId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  return prefix + Array.from(randomBytes(16), byte => alphabet[byte % 32]).join('')
}
