import { context as githubContext } from '@actions/github'
import { readRunInfo, reportRun } from '../../src/github/context.js'

// @actions/github exports only an instance; its class reads the environment anew each time.
const Context = githubContext.constructor as new () => typeof githubContext

let saved: NodeJS.ProcessEnv
beforeEach(() => {
  saved = { ...process.env }
})
afterEach(() => {
  process.env = saved
})

test.each([
  [
    'a run on github.com',
    { GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2', GITHUB_REPOSITORY: 'o/r' }
  ],
  [
    'GitHub Enterprise',
    {
      GITHUB_RUN_ID: '9',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_SERVER_URL: 'https://ghe.example'
    }
  ],
  ['a local run', {}]
])('the same run id and attempt as @actions/github context: %s', (_case, env) => {
  for (const name of [
    'GITHUB_RUN_ID',
    'GITHUB_RUN_ATTEMPT',
    'GITHUB_REPOSITORY',
    'GITHUB_SERVER_URL',
    'GITHUB_EVENT_PATH'
  ]) {
    delete process.env[name]
  }
  Object.assign(process.env, env)
  const context = new Context()
  const info = readRunInfo(process.env)
  expect(info.runId).toEqual(context.runId)
  expect(info.runAttempt).toEqual(context.runAttempt)
  if (info.runUrl) {
    expect(info.runUrl).toBe(
      `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${context.runId}/attempts/${context.runAttempt}`
    )
  } else {
    expect(Number.isNaN(context.runId)).toBe(true)
  }
})

test.each([
  ['github.com by default', undefined, 'https://github.com/o/r/actions/runs/9/attempts/1'],
  [
    'GitHub Enterprise Server: its own host',
    'https://github.example.com',
    'https://github.example.com/o/r/actions/runs/9/attempts/1'
  ],
  [
    'a trailing slash is not doubled',
    'https://github.example.com/',
    'https://github.example.com/o/r/actions/runs/9/attempts/1'
  ],
  [
    'GHE.com data residency',
    'https://octo.ghe.com',
    'https://octo.ghe.com/o/r/actions/runs/9/attempts/1'
  ]
])('the run link follows GITHUB_SERVER_URL: %s', (_case, serverUrl, runUrl) => {
  const env = { GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1', GITHUB_REPOSITORY: 'o/r' }
  expect(readRunInfo(serverUrl ? { ...env, GITHUB_SERVER_URL: serverUrl } : env).runUrl).toBe(
    runUrl
  )
})

describe('reportRun: what identifies this step’s messages in Slack', () => {
  test("the run's id and attempt, and an id of its own for each step", () => {
    const info = readRunInfo({ GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '2' })
    const first = reportRun(info)
    expect(first).toEqual({ runId: '4242', runAttempt: '2', report: expect.any(String) })
    expect(reportRun(info).report).not.toBe(first.report)
  })

  test('outside Actions: no run id, no attempt', () => {
    expect(reportRun(readRunInfo({}))).toMatchObject({ runId: '', runAttempt: '' })
  })
})
