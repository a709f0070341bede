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
import type { AlarmsPart } from '../domain/alarms.js'
import { ActionError, SetupError, describeError } from '../domain/errors.js'
import { label, objectKeys } from '../domain/naming.js'
import { findProxyError } from '../domain/network-errors.js'
import {
  type GraphOutcome,
  type PresignedReport,
  delivered,
  describeFailures
} from '../domain/report.js'
import { logLine, plural } from '../domain/text.js'
import type { Graph } from '../domain/widgets.js'
import { readRunInfo } from '../github/context.js'
import type { Phases } from '../github/log.js'
import type { Inputs, PresignedInputs } from '../inputs.js'
import type { Delivery } from './delivery.js'
import { postReport } from './post.js'
import { type ResolvedSigner, resolveSigner } from './signer.js'

/**
 * Uploads in flight at most. S3 has no quota like CloudWatch's 20 calls a second, so uploads are
 * not held to max-concurrency: a wave of graphs that arrives while the previous wave is still
 * uploading (the first uploads wait for the signer) goes up at once. The SDK's socket pool is 50.
 */
export const MAX_UPLOADS = 20

/** What every upload waits for: the signer, and the run's object keys (named by its signing time). */
interface Plan {
  signer: ResolvedSigner
  /** By graph position. */
  keys: Map<number, string>
  runUrl?: string
}

export class PresignedDelivery implements Delivery {
  private readonly uploader: S3Client
  private readonly uploads = new Limiter(MAX_UPLOADS)
  private readonly checks: Promise<void>[] = []
  /** Why a stored graph's URL does not serve it, by graph position. */
  private readonly checkFailures = new Map<number, string>()
  private plan: Promise<Plan> | undefined

  constructor(
    private readonly inputs: Inputs,
    private readonly settings: PresignedInputs,
    private readonly phases: Phases,
    private readonly deadline: Deadline
  ) {
    this.uploader = createS3Client(settings.s3, deadline)
  }

  begin(graphs: readonly Graph[]): AbortSignal {
    const stop = new AbortController()
    this.plan = this.preparePlan(graphs)
    this.plan.catch((error: unknown) => stop.abort(error))
    return stop.signal
  }

  async accept(graph: Graph, image: Uint8Array): Promise<GraphOutcome> {
    const { signer, keys } = await this.ready() // its failure is every graph's: it ends the run
    const { bucket } = this.settings.s3
    const key = keys.get(graph.position)
    if (key === undefined) throw new Error(`No object key for graph ${graph.position}`)
    const outcome: GraphOutcome = { graph, bytes: image.length }
    // Presigned while the upload is out (signing needs no network); used once the object is stored.
    const presigning = presignGetUrl(
      signer.client,
      bucket,
      key,
      this.settings.signing.expiresInSeconds,
      signer.signedAt
    )
    presigning.catch(() => undefined) // awaited below, unless the upload fails first
    try {
      await this.uploads.run(() => uploadPng(this.uploader, bucket, key, image, this.deadline.work))
      outcome.key = key // only a stored object has a key to report
      outcome.url = await presigning
    } catch (error) {
      // Every upload would meet it (the proxy refused, a setup error): the run ends, no more uploads.
      if (error instanceof SetupError || findProxyError(error)) throw error
      outcome.failure = describeError(error)
      return outcome
    }
    core.info(
      logLine(`${label(graph)}: ${(image.length / 1024).toFixed(1)} KiB → s3://${bucket}/${key}`)
    )
    if (this.settings.verifyUrls) this.checks.push(this.check(graph, outcome.url))
    return outcome
  }

  async finish(rendered: GraphOutcome[], alarms?: AlarmsPart): Promise<PresignedReport> {
    const { signer, runUrl } = await this.ready()
    await Promise.all(this.checks)
    const outcomes = rendered.map(outcome => {
      const failure = this.checkFailures.get(outcome.graph.position)
      return failure ? { ...outcome, failure } : outcome
    })
    const posted = delivered(outcomes)
    // With no graph asked for (alarms: firing, none firing), the message is posted all the same.
    if (posted.length === 0 && outcomes.length > 0) {
      throw new ActionError(
        `No graph could be rendered and stored, so nothing was posted:\n${describeFailures(outcomes)}`
      )
    }
    if (this.settings.verifyUrls) {
      core.info(logLine(`Checked ${plural(posted.length, 'URL')}: each serves its image`))
    }
    const result = await postReport(
      this.inputs,
      this.phases,
      this.deadline,
      {
        graphs: posted.map(({ graph, url }) => ({
          name: graph.name,
          url: url as string,
          ...(graph.alarm ? { alarm: graph.alarm } : {})
        })),
        missing: outcomes.filter(outcome => outcome.failure).map(outcome => outcome.graph.name),
        expiry: signer.expiry,
        runUrl,
        ...(alarms ? { alarms } : {})
      },
      this.settings.verifyUrls
    )
    return {
      delivery: 'presigned-url',
      graphs: outcomes,
      ...result,
      dryRun: this.inputs.dryRun,
      ...(alarms ? { alarms } : {}),
      bucket: this.settings.s3.bucket,
      signing: signer.kind,
      expiry: signer.expiry,
      // Session-signed URLs carry the session token: never in a summary, even when asked.
      embedImages: this.settings.summaryImages && signer.kind === 'long-term'
    }
  }

  private ready(): Promise<Plan> {
    if (!this.plan) throw new Error('PresignedDelivery.begin() was not called')
    return this.plan
  }

  private async preparePlan(graphs: readonly Graph[]): Promise<Plan> {
    const run = readRunInfo()
    const signer = await resolveSigner(
      this.settings,
      this.inputs.awsRegion,
      this.uploader,
      this.deadline
    )
    const names = graphs.map(graph => graph.name)
    const keys = objectKeys(this.settings.s3.keyPrefix, names, run, signer.signedAt)
    return {
      signer,
      keys: new Map(graphs.map((graph, i) => [graph.position, keys[i] as string])),
      runUrl: run.runUrl
    }
  }

  /** Checked outside the upload stage: the next graph need not wait for it. */
  private async check(graph: Graph, url: string): Promise<void> {
    const { attemptMs, work } = this.deadline
    const problem = await checkUrl(url, { attemptMs, signal: work })
    if (problem) {
      this.checkFailures.set(
        graph.position,
        `the presigned URL does not serve the image: ${problem}`
      )
    }
  }
}
