// Facts about this run that several phases need. They are the values @actions/github's `context`
// gives (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_SERVER_URL, GITHUB_REPOSITORY), read the same
// way but without loading Octokit, which the action never calls.
import { randomUUID } from 'node:crypto'
import type { ReportRun } from '../domain/metadata.js'

export interface RunInfo {
  /** NaN outside Actions, like context.runId. */
  runId: number
  runAttempt: number
  /** The run's page, when this is a run on GitHub. */
  runUrl?: string
}

export function readRunInfo(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const runId = parseInt(env.GITHUB_RUN_ID ?? '', 10)
  const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10)
  // GitHub Enterprise Server runs on its own host: the link points there.
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')
  const repository = env.GITHUB_REPOSITORY
  const attempt = runAttempt > 0 ? `/attempts/${runAttempt}` : ''
  return {
    runId,
    runAttempt,
    runUrl:
      repository && runId > 0
        ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}`
        : undefined
  }
}

/** This step's identity in Slack's message metadata: the run, its attempt, and an id of its own. */
export function reportRun(info: RunInfo = readRunInfo()): ReportRun {
  return {
    runId: info.runId > 0 ? String(info.runId) : '',
    runAttempt: info.runAttempt > 0 ? String(info.runAttempt) : '',
    report: randomUUID()
  }
}
