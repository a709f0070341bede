// fetch → upload → presign → check, per graph: at most max-concurrency fetches at once (CloudWatch's
// quota), each graph uploaded once it has arrived and the signing decision is made, URL checks
// beside them. A graph that fails is recorded with its cause and the others go on; a failure that
// concerns every graph (no credentials, signing refused) stops the run before anything is uploaded.
import * as core from '@actions/core'
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { S3Client } from '@aws-sdk/client-s3'
import { Limiter } from './concurrency.js'
import { describeError } from './errors.js'
import type { Graph } from './widgets.js'

/** The CloudWatch side, as main.ts hands it to a delivery. */
export interface CloudWatchAccess {
  client: CloudWatchClient
  fetchImage: (client: CloudWatchClient, graph: Graph) => Promise<Uint8Array>
  /** Resolves once the first CloudWatch request has left. */
  requestSent: Promise<void>
}

/** What the uploads wait for: the S3 client, the signing decision and the object keys. */
export interface UploadPlan {
  uploadClient: S3Client
  presignClient: S3Client
  signedAt: Date
  keys: string[]
}

export interface PipelineDeps {
  fetchImage: (client: CloudWatchClient, graph: Graph) => Promise<Uint8Array>
  cloudwatch: CloudWatchClient
  /** Settles while the first graphs are fetched; rejects to stop the whole run. */
  plan: Promise<UploadPlan>
  upload: (client: S3Client, bucket: string, key: string, body: Uint8Array) => Promise<void>
  presign: (
    client: S3Client,
    bucket: string,
    key: string,
    expiresIn: number,
    signedAt: Date
  ) => Promise<string>
  /** undefined when the URL serves its image, else why not. Absent with verify-urls: false. */
  check?: (key: string, url: string) => Promise<string | undefined>
  /** Called once every graph is stored (or has failed), while the last URL checks are out. */
  onStored?: () => void
}

export interface GraphOutcome {
  graph: Graph
  key?: string
  url?: string
  bytes?: number
  /** Why this graph is not posted. */
  failure?: string
}

/**
 * Uploads in flight at most. S3 has no quota like CloudWatch's 20 calls a second, so uploads are
 * not held to max-concurrency: a wave of graphs that arrives while the previous wave is still
 * uploading (the first uploads wait for the signing decision) goes up at once. The SDK's own
 * socket pool is 50.
 */
export const MAX_UPLOADS = 20

export interface RenderOptions {
  bucket: string
  expiresInSeconds: number
  /** GetMetricWidgetImage calls in flight at most. */
  maxConcurrency: number
  /** Uploads in flight at most (default MAX_UPLOADS). */
  maxUploads?: number
}

export async function renderGraphs(
  graphs: readonly Graph[],
  options: RenderOptions,
  deps: PipelineDeps
): Promise<GraphOutcome[]> {
  const { bucket } = options
  // Two stages: a graph's upload starts as soon as its image arrives, and its fetch slot goes
  // straight to the next graph instead of waiting for S3.
  const maxUploads = options.maxUploads ?? MAX_UPLOADS
  const fetches = new Limiter(options.maxConcurrency)
  const uploads = new Limiter(maxUploads)
  // Graphs fetched but not yet stored, at most: while the signing decision is pending (or S3 is
  // slow), the fetches stop there instead of rendering (and holding) every graph.
  const held = new Limiter(options.maxConcurrency + maxUploads)
  // Once the plan has failed, no graph can be stored: fetch nothing more.
  let planFailed = false
  deps.plan.catch(() => {
    planFailed = true
  })
  const checks: Promise<void>[] = []

  async function render(graph: Graph, i: number): Promise<GraphOutcome> {
    const outcome: GraphOutcome = { graph }
    let image: Uint8Array
    try {
      image = await fetches.run(async () => {
        if (planFailed) await deps.plan // rethrows the plan's error
        return deps.fetchImage(deps.cloudwatch, graph)
      })
    } catch (error) {
      if (planFailed) await deps.plan // the run ends with the plan's error, not this graph's
      outcome.failure = describeError(error)
      return outcome
    }
    const plan = await deps.plan // a rejection here is for every graph: it ends the run
    const key = plan.keys[i] as string
    outcome.bytes = image.length
    // Presigned while the upload is out (signing needs no network); used once the object is stored.
    const presigning = Promise.resolve().then(() =>
      deps.presign(plan.presignClient, bucket, key, options.expiresInSeconds, plan.signedAt)
    )
    presigning.catch(() => undefined) // awaited below, unless the upload fails first
    try {
      await uploads.run(() => deps.upload(plan.uploadClient, bucket, key, image))
      outcome.key = key // only a stored object has a key to report
      outcome.url = await presigning
    } catch (error) {
      outcome.failure = describeError(error)
      return outcome
    }
    core.info(`${label(graph)}: ${(image.length / 1024).toFixed(1)} KiB → s3://${bucket}/${key}`)
    // Checked outside both stages: the next graph need not wait for it.
    if (deps.check) {
      const url = outcome.url
      checks.push(
        deps.check(key, url).then(
          problem => {
            if (problem) outcome.failure = `the presigned URL does not serve the image: ${problem}`
          },
          (error: unknown) => {
            outcome.failure = `the URL check failed: ${describeError(error)}`
          }
        )
      )
    }
    return outcome
  }

  const outcomes = await Promise.all(
    graphs.map((graph, i) => held.run(async () => render(graph, i)))
  )
  deps.onStored?.()
  await Promise.all(checks)
  return outcomes
}

/** `03 CPU`: the graph's number and name, as in the object key. */
export function label(graph: Graph): string {
  return `${String(graph.position).padStart(2, '0')} ${graph.name}`
}
