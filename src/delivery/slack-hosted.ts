// delivery: slack-upload. Every graph rendered, then, in each channel, the PNGs uploaded to Slack,
// a header message (text, context line) and the files shared under it: in the channel, or as
// replies in its thread. Only what reached Slack is announced, so a missing scope or a failed upload never
// leaves a header without graphs.
import * as core from '@actions/core'
import type { Deadline } from '../domain/deadline.js'
import type { AlarmsPart } from '../domain/alarms.js'
import { ActionError } from '../domain/errors.js'
import { buildHeader, defaultText } from '../domain/message.js'
import { label } from '../domain/naming.js'
import {
  type GraphOutcome,
  MAX_CAUSE,
  type SlackHostedReport,
  type SlackPost,
  describeFailures,
  failed
} from '../domain/report.js'
import { describeWindow } from '../domain/time-window.js'
import type { Graph } from '../domain/widgets.js'
import { type ReportRun, describeRun } from '../domain/metadata.js'
import { type RunInfo, readRunInfo, reportRun } from '../github/context.js'
import type { Phases } from '../github/log.js'
import type { Inputs } from '../inputs.js'
import type { SlackInputs } from '../inputs/slack.js'
import { MESSAGE_INTERVAL_MS, type SlackClient, createSlackClient, sleep } from '../slack/client.js'
import { FILES_PER_MESSAGE, type UploadedFile, shareFiles, uploadFiles } from '../slack/files.js'
import { postMessages } from '../slack/posting.js'
import { type ChannelDelivery, toEveryChannel } from './channels.js'
import type { Delivery } from './delivery.js'
import { cut, logLine, plural } from '../domain/text.js'

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
    core.info(logLine(`${label(graph)}: ${(image.length / 1024).toFixed(1)} KiB`))
    return { graph, bytes: image.length }
  }

  async finish(outcomes: GraphOutcome[], alarms?: AlarmsPart): Promise<SlackHostedReport> {
    const rendered = outcomes.filter(outcome => !outcome.failure)
    // With no graph asked for (alarms: firing, none firing), the header is posted all the same.
    if (rendered.length === 0 && outcomes.length > 0) {
      throw new ActionError(
        `No graph could be rendered, so nothing was posted:\n${describeFailures(outcomes)}`
      )
    }
    const report: SlackHostedReport = {
      delivery: 'slack-upload',
      graphs: outcomes,
      posts: [],
      dryRun: this.inputs.dryRun,
      ...(alarms ? { alarms } : {})
    }
    const slack = this.inputs.slack
    if (this.inputs.dryRun || !slack) {
      core.info(logLine('Dry run: nothing uploaded to Slack'))
      return report
    }
    this.phases.enter('uploading to Slack')
    const client = createSlackClient(slack.token, slack.apiUrl, this.deadline, this.pause)
    const info = readRunInfo()
    const run = reportRun(info) // names the messages and files, to find them if an answer is lost
    const several = slack.channels.length > 1
    const delivered = await toEveryChannel(slack.channels, channel =>
      this.deliverTo(client, channel, { outcomes, info, run, alarms, several })
    )
    return {
      ...report,
      graphs: firstDelivered(outcomes, delivered.values),
      posts: delivered.posts,
      ...(delivered.failure ? { postFailure: delivered.failure } : {})
    }
  }

  /**
   * The report in one channel: the files uploaded, the header, the files shared under it. The
   * bytes go up once per channel: Slack completes an upload once, and shares it into a thread of
   * one channel only.
   */
  private async deliverTo(
    client: SlackClient,
    channel: string,
    report: {
      outcomes: GraphOutcome[]
      info: RunInfo
      run: ReportRun
      alarms: AlarmsPart | undefined
      several: boolean
    }
  ): Promise<ChannelDelivery<GraphOutcome[]>> {
    const slack = this.inputs.slack as SlackInputs
    const { outcomes, info, run, alarms } = report
    const uploaded = await this.uploadAll(client, outcomes)
    const header = await this.postHeader(client, channel, uploaded.outcomes, info, run, alarms)
    if (outcomes.length === 0) return { posts: [header], value: outcomes }
    const graphs = await this.share(client, slack, header, uploaded, run)
    const count = graphs.filter(outcome => outcome.url && !outcome.failure).length
    core.info(
      logLine(`Shared ${count} graph(s) in Slack under message ${header.ts} in ${header.channel}`)
    )
    // With one channel, a graph that did not reach it is the graph's failure; with several, the
    // graph may be in the others, so the channel is named with what it misses.
    const unrendered = new Set(failed(outcomes).map(outcome => outcome.graph))
    const notShared = failed(graphs).filter(outcome => !unrendered.has(outcome.graph))
    if (!report.several || notShared.length === 0) return { posts: [header], value: graphs }
    const [first] = notShared
    return {
      posts: [header],
      value: graphs,
      failure: `${plural(notShared.length, 'graph')} not shared there (${notShared.map(o => label(o.graph)).join(', ')}): ${cut(first?.failure ?? '', MAX_CAUSE)}`
    }
  }

  /**
   * The bytes of every rendered graph to Slack (not shared yet): the outcomes with each upload's
   * failure, and the files that made it, by graph position.
   */
  private async uploadAll(client: SlackClient, outcomes: GraphOutcome[]) {
    const rendered = outcomes.filter(outcome => !outcome.failure)
    if (outcomes.length === 0) return { outcomes, files: new Map<number, UploadedFile>() }
    const files = rendered.map(({ graph }) => ({
      name: graph.name,
      position: graph.position,
      png: this.pngs.get(graph.position) as Uint8Array
    }))
    const results = await uploadFiles(client, files, { sleep: this.pause })
    const byPosition = new Map<number, UploadedFile>()
    const failures = new Map<number, string>()
    rendered.forEach(({ graph }, i) => {
      const result = results[i]
      if (result && !(result instanceof Error)) byPosition.set(graph.position, result)
      else failures.set(graph.position, result?.message ?? 'not uploaded')
    })
    if (byPosition.size === 0) {
      const all = withFailures(outcomes, failures)
      throw new ActionError(
        `No graph could be uploaded to Slack, so nothing was posted:\n${describeFailures(all)}`
      )
    }
    return { outcomes: withFailures(outcomes, failures), files: byPosition }
  }

  /** The text and the context line, naming the graphs that failed so far. */
  private async postHeader(
    client: SlackClient,
    channel: string,
    outcomes: GraphOutcome[],
    info: RunInfo,
    run: ReportRun,
    alarms: AlarmsPart | undefined
  ): Promise<SlackPost> {
    const slack = this.inputs.slack as SlackInputs
    // The alarms' lines, all of them: the files under it are the graphs alone.
    const header = buildHeader({
      text: slack.text ?? defaultText(new Date(), this.inputs.window.timezone),
      window: describeWindow(this.inputs.window),
      expiry: 'slack',
      runUrl: info.runUrl,
      missing: failed(outcomes).map(outcome => outcome.graph.name),
      ...(alarms ? { alarms } : {})
    })
    const [posted] = await postMessages(client, channel, [header], {
      threadTs: slack.threadTs,
      run
    })
    if (!posted) throw new ActionError('Slack returned no message for the header')
    return posted
  }

  /** The uploaded files shared under the header, paced; each graph's permalink, or why not. */
  private async share(
    client: SlackClient,
    slack: SlackInputs,
    header: SlackPost,
    uploaded: { outcomes: GraphOutcome[]; files: Map<number, UploadedFile> },
    run: ReportRun
  ): Promise<GraphOutcome[]> {
    const threaded = slack.thread === 'images'
    await this.pause(MESSAGE_INTERVAL_MS) // the files' messages follow the header at Slack's pace
    const positions = [...uploaded.files.keys()]
    const shared = await shareFiles(client, header.channel, [...uploaded.files.values()], {
      threadTs: threaded ? header.ts : slack.threadTs,
      perMessage: threaded ? 1 : FILES_PER_MESSAGE,
      paceMs: MESSAGE_INTERVAL_MS,
      sleep: this.pause,
      identifies: `the files of the report of ${describeRun(run)}`
    })
    const links = new Map(positions.map((position, i) => [position, shared.permalinks[i]]))
    return uploaded.outcomes.map(outcome => {
      if (!links.has(outcome.graph.position)) return outcome
      const permalink = links.get(outcome.graph.position)
      if (permalink === undefined) return { ...outcome, failure: shared.failure ?? 'not shared' }
      if (permalink === '') {
        core.warning(logLine(`Slack shared '${outcome.graph.name}' but gave no permalink`))
      }
      return { ...outcome, url: permalink }
    })
  }
}

/**
 * Each graph's outcome over every channel: where it was first shared (its permalink there), or
 * the first channel's failure when no channel got it.
 */
function firstDelivered(outcomes: GraphOutcome[], perChannel: GraphOutcome[][]): GraphOutcome[] {
  return outcomes.map(
    (outcome, i) =>
      perChannel.map(graphs => graphs[i]).find(o => o?.url !== undefined && !o.failure) ??
      perChannel[0]?.[i] ??
      outcome
  )
}

/** The outcomes with these graphs' failures added, as new objects. */
function withFailures(outcomes: GraphOutcome[], failures: Map<number, string>): GraphOutcome[] {
  return outcomes.map(outcome => {
    const failure = failures.get(outcome.graph.position)
    return failure ? { ...outcome, failure } : outcome
  })
}
