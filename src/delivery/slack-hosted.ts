// delivery: slack-upload. Every graph rendered, then the PNGs uploaded to Slack, then a header
// message (text, context line) and the files shared under it: in the channel, or as replies in
// its thread. Only what reached Slack is announced, so a missing scope or a failed upload never
// leaves a header without graphs.
import * as core from '@actions/core'
import type { Deadline } from '../domain/deadline.js'
import { ActionError } from '../domain/errors.js'
import { buildHeader, defaultText } from '../domain/message.js'
import { label } from '../domain/naming.js'
import {
  type GraphOutcome,
  type SlackHostedReport,
  describeFailures,
  failed
} from '../domain/report.js'
import type { Graph } from '../domain/widgets.js'
import { describeRun } from '../domain/metadata.js'
import { readRunInfo, reportRun } from '../github/context.js'
import type { Phases } from '../github/log.js'
import type { Inputs } from '../inputs.js'
import type { SlackInputs } from '../inputs/slack.js'
import { MESSAGE_INTERVAL_MS, createSlackClient, sleep } from '../slack/client.js'
import { FILES_PER_MESSAGE, type UploadedFile, shareFiles, uploadFiles } from '../slack/files.js'
import { postMessages } from '../slack/posting.js'
import type { Delivery } from './delivery.js'

export class SlackHostedDelivery implements Delivery {
  /** The rendered PNGs, by graph position, until they go to Slack. */
  private readonly pngs = new Map<number, Uint8Array>()

  constructor(
    private readonly inputs: Inputs,
    private readonly phases: Phases,
    private readonly deadline: Deadline,
    private readonly pause: (ms: number) => Promise<void> = sleep
  ) {}

  begin(): AbortSignal {
    return new AbortController().signal // nothing runs beside the renders that could fail them all
  }

  async accept(graph: Graph, image: Uint8Array): Promise<GraphOutcome> {
    this.pngs.set(graph.position, image)
    core.info(`${label(graph)}: ${(image.length / 1024).toFixed(1)} KiB`)
    return { graph, bytes: image.length }
  }

  async finish(outcomes: GraphOutcome[]): Promise<SlackHostedReport> {
    const rendered = outcomes.filter(outcome => !outcome.failure)
    if (rendered.length === 0) {
      throw new ActionError(
        `No graph could be rendered, so nothing was posted:\n${describeFailures(outcomes)}`
      )
    }
    const report: SlackHostedReport = {
      delivery: 'slack-upload',
      graphs: outcomes,
      posts: [],
      dryRun: this.inputs.dryRun
    }
    const slack = this.inputs.slack
    if (this.inputs.dryRun || !slack) {
      core.info('Dry run: nothing uploaded to Slack')
      return report
    }
    this.phases.enter('uploading to Slack')
    return { ...report, posts: await this.upload(slack, rendered, outcomes) }
  }

  /** Uploads the rendered graphs, posts the header and shares them under it; returns the header. */
  private async upload(slack: SlackInputs, rendered: GraphOutcome[], outcomes: GraphOutcome[]) {
    const client = createSlackClient(slack.token, slack.apiUrl, this.deadline, this.pause)
    const files = rendered.map(({ graph }) => ({
      name: graph.name,
      position: graph.position,
      png: this.pngs.get(graph.position) as Uint8Array
    }))
    const uploads = await uploadFiles(client, files, { sleep: this.pause })
    const uploaded: { outcome: GraphOutcome; file: UploadedFile }[] = []
    rendered.forEach((outcome, i) => {
      const result = uploads[i]
      if (result instanceof Error || !result) outcome.failure = result?.message ?? 'not uploaded'
      else uploaded.push({ outcome, file: result })
    })
    if (uploaded.length === 0) {
      throw new ActionError(
        `No graph could be uploaded to Slack, so nothing was posted:\n${describeFailures(outcomes)}`
      )
    }
    const info = readRunInfo()
    const run = reportRun(info)
    const header = buildHeader({
      text: slack.text ?? defaultText(new Date()),
      expiry: 'slack',
      runUrl: info.runUrl,
      missing: failed(outcomes).map(outcome => outcome.graph.name)
    })
    const [posted] = await postMessages(client, slack.channel, [header], {
      threadTs: slack.threadTs,
      run
    })
    if (!posted) throw new ActionError('Slack returned no message for the header')
    const threaded = slack.thread === 'images'
    await this.pause(MESSAGE_INTERVAL_MS) // the files' messages follow the header at Slack's pace
    const shared = await shareFiles(
      client,
      posted.channel,
      uploaded.map(({ file }) => file),
      {
        threadTs: threaded ? posted.ts : slack.threadTs,
        perMessage: threaded ? 1 : FILES_PER_MESSAGE,
        paceMs: MESSAGE_INTERVAL_MS,
        sleep: this.pause,
        identifies: `the files of the report of ${describeRun(run)}`
      }
    )
    uploaded.forEach(({ outcome }, i) => {
      const permalink = shared.permalinks[i]
      if (permalink === undefined) outcome.failure = shared.failure ?? 'not shared'
      else outcome.url = permalink
      if (permalink === '')
        core.warning(`Slack shared '${outcome.graph.name}' but gave no permalink`)
    })
    const count = uploaded.filter(({ outcome }) => !outcome.failure).length
    core.info(`Shared ${count} graph(s) in Slack under message ${posted.ts} in ${posted.channel}`)
    return [posted]
  }
}
