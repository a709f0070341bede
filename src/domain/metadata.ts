// What identifies a report's message in Slack. chat.postMessage has no idempotency key, so each
// post carries message metadata (the run, its attempt, this step's report id, the message's
// number); when Slack's answer to a post is lost, the channel's history (include_all_metadata)
// tells whether the message is there before anything is posted again.

export const REPORT_EVENT_TYPE = 'cloudwatch_graphs_report'

/** One run of the step: GitHub's run id and attempt, and an id of its own (two steps, one job). */
export interface ReportRun {
  runId: string
  runAttempt: string
  report: string
}

export interface MessageMetadata {
  event_type: string
  event_payload: Record<string, string | number>
}

/** The metadata of the report's `message`-th message (1-based, in the order posted). */
export function reportMetadata(run: ReportRun, message: number): MessageMetadata {
  return {
    event_type: REPORT_EVENT_TYPE,
    event_payload: {
      run_id: run.runId,
      run_attempt: run.runAttempt,
      report: run.report,
      message
    }
  }
}

/** Whether metadata read back from Slack is this one (values compared as text, as Slack may). */
export function isSameMessage(candidate: unknown, expected: MessageMetadata): boolean {
  if (typeof candidate !== 'object' || candidate === null) return false
  const { event_type: type, event_payload: payload } = candidate as Record<string, unknown>
  if (type !== expected.event_type || typeof payload !== 'object' || payload === null) return false
  const given = payload as Record<string, unknown>
  return Object.entries(expected.event_payload).every(
    ([key, value]) => String(given[key]) === String(value)
  )
}

/** `run 987654321, attempt 1`: how a person finds the report in the channel. */
export function describeRun(run: ReportRun): string {
  return run.runId ? `run ${run.runId}, attempt ${run.runAttempt || '1'}` : 'this run'
}
