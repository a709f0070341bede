// The two ends of the render stage: where graphs come from (CloudWatch) and where they go (a
// delivery: presigned URLs in S3, or files hosted by Slack). Both deliveries implement one
// interface, so the pipeline is the same whichever the workflow chose.
import type { Alarm, AlarmQuery, AlarmsPart } from '../domain/alarms.js'
import type { GraphOutcome, RunReport } from '../domain/report.js'
import type { Graph } from '../domain/widgets.js'

/** CloudWatch, as the pipeline uses it. */
export interface GraphSource {
  /** The graph as PNG bytes; rejects with what CloudWatch said. */
  fetchImage(graph: Graph): Promise<Uint8Array>
  /** A dashboard's body (JSON text), as saved. */
  readDashboard(name: string): Promise<string>
  /** The alarms one DescribeAlarms query finds, over all its pages. */
  readAlarms(query: AlarmQuery): Promise<Alarm[]>
}

export interface Delivery {
  /**
   * Called once, before the first render: starts what can run beside the renders (the signer, for
   * presigned URLs). The signal aborts, with the reason, when the run can no longer deliver any
   * graph: the renders then stop.
   */
  begin(graphs: readonly Graph[]): AbortSignal
  /**
   * Takes one rendered graph, as soon as it arrives. Resolves to the graph's outcome so far (a
   * failure of this graph alone is in it); rejects only when the whole run must end.
   */
  accept(graph: Graph, image: Uint8Array): Promise<GraphOutcome>
  /**
   * Every graph is through `accept` (or failed to render): post, and say what happened. With
   * input 'alarms', `alarms` is the message's Alarms part; there may then be no graph at all.
   */
  finish(outcomes: GraphOutcome[], alarms?: AlarmsPart): Promise<RunReport>
}
