// Facts about this run that several phases need, read lazily (@actions/github is large).

export interface RunInfo {
  runId: number
  runAttempt: number
  /** The run's page, when this is a run on GitHub. */
  runUrl?: string
  /** The event's repository.private (false when unknown). */
  privateRepository: boolean
}

export async function loadRunInfo(): Promise<RunInfo> {
  const { context } = await import('@actions/github')
  const repository = process.env.GITHUB_REPOSITORY
  const onGitHub = Boolean(repository) && context.runId > 0
  const attempt = context.runAttempt > 0 ? `/attempts/${context.runAttempt}` : ''
  return {
    runId: context.runId,
    runAttempt: context.runAttempt,
    runUrl: onGitHub
      ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}${attempt}`
      : undefined,
    privateRepository: context.payload.repository?.private === true
  }
}

/** What the action is doing now: named by the deadline's error when a phase hangs. */
export const progress = { phase: 'reading inputs' }
