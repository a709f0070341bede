// One whole run of the built action on fresh stand-ins: N graphs, latency L on every stand-in call
// (S3, CloudWatch + SSM, Slack), the signer's keys in SSM, max-concurrency C, CloudWatch's
// 20-per-second quota on or off. Returns the wall time (spawn → exit), every request the stand-ins
// saw (relative to spawn) and, when asked, the process's peak RSS.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  startStandIns
} from '../../test-support/stand-ins.js'
import { RunnerHome, runTimed } from './processes.js'

/** Slack takes 50 blocks per message; the action puts 48 graphs in each. */
export const GRAPHS_PER_MESSAGE = 48
export const QUOTA_PER_SECOND = 20

export interface PipelineOptions {
  node: string
  graphs: number
  latencyMs: number
  concurrency: number
  quota: boolean
  measureRss?: boolean
  /** The index.js of the build's snapshot. */
  entry: string
}

export interface RelativeEvent {
  /** ms from spawn to the request's arrival at the stand-in. */
  at: number
  /** ms the stand-in took to answer (latency included); undefined if never answered. */
  duration: number | undefined
  service: string
  operation: string
}

export interface PipelineRun {
  wallMs: number
  /** ms from spawn to the first GetMetricWidgetImage reaching the stand-in. */
  firstCloudWatchMs: number
  events: RelativeEvent[]
  /** ru_maxrss at exit, KiB. */
  maxRssKiB?: number
  /** The action's own "Done in …" line. */
  timings?: string
  /** GetMetricWidgetImage calls the quota refused (the SDK retried them). */
  throttled: number
}

export function messagesFor(graphs: number): number {
  return Math.ceil(graphs / GRAPHS_PER_MESSAGE)
}

/**
 * The round trips the pipeline cannot avoid: per wave of C graphs a fetch then an upload, one
 * parallel wave of URL checks, then per Slack message the post and Slack's image downloads.
 */
export function roundTripFloorMs(graphs: number, concurrency: number, latencyMs: number): number {
  const waves = Math.ceil(graphs / concurrency)
  return waves * 2 * latencyMs + latencyMs + messagesFor(graphs) * 2 * latencyMs
}

/**
 * With the quota on, the last of N fetches cannot start before (N−1)/20 s; after it come its own
 * fetch and upload (2L), the URL checks (L) and the Slack messages (2L each).
 */
export function quotaFloorMs(graphs: number, latencyMs: number): number {
  const lastStart = ((graphs - 1) / QUOTA_PER_SECOND) * 1000
  return lastStart + 2 * latencyMs + latencyMs + messagesFor(graphs) * 2 * latencyMs
}

/** N distinct metric widgets, as the `widgets` input (JSON). */
export function widgetsInput(graphs: number): string {
  const widgets = Array.from({ length: graphs }, (_, i) => ({
    name: `CPU ${i + 1}`,
    widget: {
      metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', `i-${String(i).padStart(17, '0')}`]],
      title: `CPU ${i + 1}`,
      stat: 'Average',
      period: 300
    }
  }))
  return JSON.stringify(widgets)
}

export async function runPipeline(options: PipelineOptions): Promise<PipelineRun> {
  const standIns = await startStandIns({
    workflow: 3600,
    latencyMs: options.latencyMs,
    throttle: options.quota
  })
  const home = new RunnerHome()
  try {
    const rssFile = path.join(home.dir, 'rss.json')
    const inputs = {
      ...standIns.baseInputs(),
      widgets: widgetsInput(options.graphs),
      'presign-access-key-id-parameter': SIGNER_KEY_ID_PARAMETER,
      'presign-secret-access-key-parameter': SIGNER_SECRET_PARAMETER,
      'max-concurrency': String(options.concurrency)
    }
    const env = home.env(inputs, {
      ...standIns.actionEnv(),
      GITHUB_RUN_ID: '4242424242',
      GITHUB_RUN_ATTEMPT: '1',
      ...(options.measureRss ? { BENCH_RSS_FILE: rssFile } : {})
    })
    const args = options.measureRss ? ['--require', home.preload, options.entry] : [options.entry]
    const run = await runTimed(options.node, args, env, home.workspace)

    const posted = standIns.slack.messages
    const images = posted.flatMap(message => message.downloads)
    const problem =
      run.exitCode !== 0
        ? `exit code ${run.exitCode}`
        : posted.length !== messagesFor(options.graphs)
          ? `${posted.length} Slack messages`
          : images.length !== options.graphs || images.some(image => image.status !== 200)
            ? 'Slack could not download every image'
            : undefined
    if (problem) {
      throw new Error(
        `The action did not do its job (${problem}) with ${JSON.stringify(options)}:\n${run.stdout}${run.stderr}`
      )
    }

    const events = standIns.timeline.events
      .map(event => ({
        at: event.at - run.spawnAt,
        duration: event.doneAt === undefined ? undefined : event.doneAt - event.at,
        service: event.service,
        operation: event.operation
      }))
      .sort((a, b) => a.at - b.at)
    labelSlackDownloads(events)
    const firstCloudWatch = events.find(event => event.operation === 'GetMetricWidgetImage')
    return {
      wallMs: run.wallMs,
      firstCloudWatchMs: firstCloudWatch?.at ?? Number.NaN,
      events,
      maxRssKiB: existsSync(rssFile)
        ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKiB: number }).maxRssKiB
        : undefined,
      timings: /Done in (.*)/.exec(run.stdout)?.[1],
      throttled: standIns.aws.errors.filter(error => error.code === 'Throttling').length
    }
  } finally {
    home.close()
    await standIns.close()
  }
}

/**
 * S3 GETs come from two places: the action's URL checks and Slack's own image downloads (made while
 * it handles chat.postMessage). Tell them apart by when they arrive.
 */
function labelSlackDownloads(events: RelativeEvent[]): void {
  const posts = events.filter(e => e.service === 'slack' && e.operation === 'chat.postMessage')
  for (const event of events) {
    if (event.service !== 's3' || event.operation !== 'GetObject') continue
    const during = posts.some(
      post => event.at >= post.at && event.at <= post.at + (post.duration ?? Infinity)
    )
    event.operation = during ? 'GetObject (Slack download)' : 'GetObject (URL check)'
  }
}
