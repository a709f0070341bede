// delivery: presigned-url. Each graph, as it arrives: stored in S3 → presigned (locally) → checked
// as Slack will fetch it; then the Slack message(s) with image blocks. The signer is resolved
// beside the first renders; no upload happens before it has decided.
import * as core from '@actions/core'
import type { S3Client } from '@aws-sdk/client-s3'
import { createS3Client } from '../aws/clients.js'
import { presignGetUrl, uploadPng } from '../aws/s3.js'
import { checkUrl } from '../aws/url-check.js'
import { Limiter } from '../domain/concurrency.js'
import type { Deadline } from '../domain/deadline.js'
import { ActionError, SetupError, describeError } from '../domain/errors.js'
import { label, objectKeys } from '../domain/naming.js'
import {
  type GraphOutcome,
  type PresignedReport,
  delivered,
  describeFailures
} from '../domain/report.js'
import { plural } from '../domain/text.js'
import type { Graph } from '../domain/widgets.js'
import { readRunInfo } from '../github/context.js'
import type { Phases } from '../github/log.js'
import type { Inputs, PresignedInputs } from '../inputs.js'
import type { Delivery } from './delivery.js'
import { postReport } from './post.js'
import { type Signer, resolveSigner } from './signer.js'

/**
 * Uploads in flight at most. S3 has no quota like CloudWatch's 20 calls a second, so uploads are
 * not held to max-concurrency: a wave of graphs that arrives while the previous wave is still
 * uploading (the first uploads wait for the signer) goes up at once. The SDK's socket pool is 50.
 */
export const MAX_UPLOADS = 20

/** What every upload waits for: the signer, and the run's object keys (named by its signing time). */
interface Plan {
  signer: Signer
  keys: string[]
  privateRepository: boolean
  runUrl?: string
}

export class PresignedDelivery implements Delivery {
  private readonly uploader: S3Client
  private readonly uploads = new Limiter(MAX_UPLOADS)
  private readonly checks: Promise<void>[] = []
  private plan: Promise<Plan> | undefined

  constructor(
    private readonly inputs: Inputs,
    private readonly presigned: PresignedInputs,
    private readonly phases: Phases,
    private readonly deadline: Deadline
  ) {
    this.uploader = createS3Client(presigned.s3, deadline)
  }

  begin(graphs: readonly Graph[]): AbortSignal {
    const stop = new AbortController()
    this.plan = this.preparePlan(graphs)
    this.plan.catch((error: unknown) => stop.abort(error))
    return stop.signal
  }

  async accept(graph: Graph, image: Uint8Array): Promise<GraphOutcome> {
    const { signer, keys } = await this.ready() // its failure is every graph's: it ends the run
    const { bucket } = this.presigned.s3
    const key = keys[graph.position - 1] as string
    const outcome: GraphOutcome = { graph, bytes: image.length }
    // Presigned while the upload is out (signing needs no network); used once the object is stored.
    const presigning = presignGetUrl(
      signer.client,
      bucket,
      key,
      this.presigned.signing.expiresInSeconds,
      signer.signedAt
    )
    presigning.catch(() => undefined) // awaited below, unless the upload fails first
    try {
      await this.uploads.run(() => uploadPng(this.uploader, bucket, key, image, this.deadline.work))
      outcome.key = key // only a stored object has a key to report
      outcome.url = await presigning
    } catch (error) {
      if (error instanceof SetupError) throw error // every upload would meet it: the run ends
      outcome.failure = describeError(error)
      return outcome
    }
    core.info(`${label(graph)}: ${(image.length / 1024).toFixed(1)} KiB → s3://${bucket}/${key}`)
    if (this.presigned.verifyUrls) this.checks.push(this.check(outcome, outcome.url))
    return outcome
  }

  async finish(outcomes: GraphOutcome[]): Promise<PresignedReport> {
    const { signer, privateRepository, runUrl } = await this.ready()
    await Promise.all(this.checks)
    const posted = delivered(outcomes)
    if (posted.length === 0) {
      throw new ActionError(
        `No graph could be rendered and stored, so nothing was posted:\n${describeFailures(outcomes)}`
      )
    }
    if (this.presigned.verifyUrls) {
      core.info(`Checked ${plural(posted.length, 'URL')}: each serves its image`)
    }
    const result = await postReport(this.inputs, this.phases, this.deadline, {
      graphs: posted.map(outcome => ({ name: outcome.graph.name, url: outcome.url as string })),
      missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name),
      expiry: signer.expiry,
      runUrl
    })
    return {
      delivery: 'presigned-url',
      graphs: outcomes,
      ...result,
      dryRun: this.inputs.dryRun,
      bucket: this.presigned.s3.bucket,
      signing: signer.kind,
      expiry: signer.expiry,
      // Session-signed URLs carry the session token: never in a summary, even a private one.
      embedImages: privateRepository && signer.kind === 'long-term'
    }
  }

  private ready(): Promise<Plan> {
    if (!this.plan) throw new Error('PresignedDelivery.begin() was not called')
    return this.plan
  }

  private async preparePlan(graphs: readonly Graph[]): Promise<Plan> {
    const run = readRunInfo()
    const signer = await resolveSigner(
      this.presigned,
      this.inputs.awsRegion,
      this.uploader,
      this.deadline
    )
    const names = graphs.map(graph => graph.name)
    return {
      signer,
      keys: objectKeys(this.presigned.s3.keyPrefix, names, run, signer.signedAt),
      privateRepository: run.privateRepository,
      runUrl: run.runUrl
    }
  }

  /** Checked outside the upload stage: the next graph need not wait for it. */
  private async check(outcome: GraphOutcome, url: string): Promise<void> {
    const { attemptMs, work } = this.deadline
    const problem = await checkUrl(url, { attemptMs, signal: work })
    if (problem) outcome.failure = `the presigned URL does not serve the image: ${problem}`
  }
}
