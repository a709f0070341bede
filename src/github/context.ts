// Facts about this run that several phases need. They are the values @actions/github's `context`
// gives (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_SERVER_URL, GITHUB_REPOSITORY, the event
// payload), read the same way but without loading Octokit, which the action never calls.
import { randomUUID } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { ReportRun } from '../domain/metadata.js'

export interface RunInfo {
  /** NaN outside Actions, like context.runId. */
  runId: number
  runAttempt: number
  /** The run's page, when this is a run on GitHub. */
  runUrl?: string
  /** The event's repository.private (false when unknown). */
  privateRepository: boolean
}

export function readRunInfo(env: NodeJS.ProcessEnv = process.env): RunInfo {
  const runId = parseInt(env.GITHUB_RUN_ID ?? '', 10)
  const runAttempt = parseInt(env.GITHUB_RUN_ATTEMPT ?? '', 10)
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com'
  const repository = env.GITHUB_REPOSITORY
  const attempt = runAttempt > 0 ? `/attempts/${runAttempt}` : ''
  return {
    runId,
    runAttempt,
    runUrl:
      repository && runId > 0
        ? `${serverUrl}/${repository}/actions/runs/${runId}${attempt}`
        : undefined,
    privateRepository: readEventPayload(env.GITHUB_EVENT_PATH)?.repository?.private === true
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

function readEventPayload(
  file: string | undefined
): { repository?: { private?: unknown } } | undefined {
  if (!file || !existsSync(file)) return undefined
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { repository?: { private?: unknown } }
  } catch {
    return undefined // an unreadable payload only means: treat the repository as public
  }
}
