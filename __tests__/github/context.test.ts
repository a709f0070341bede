import { context as githubContext } from '@actions/github'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readRunInfo, reportRun } from '../../src/github/context.js'

// @actions/github exports only an instance; its class reads the environment anew each time.
const Context = githubContext.constructor as new () => typeof githubContext
const dir = mkdtempSync(path.join(tmpdir(), 'run-info-'))
const event = (payload: unknown) => {
  const file = path.join(dir, `${Math.random()}.json`)
  writeFileSync(file, JSON.stringify(payload))
  return file
}

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
  [{ repository: { private: true } }, true],
  [{ repository: { private: false } }, false],
  [{}, false]
])('repository.private from the event payload %j', (payload, expected) => {
  expect(readRunInfo({ GITHUB_EVENT_PATH: event(payload) }).privateRepository).toBe(expected)
})

test('a missing or broken payload counts as public', () => {
  const broken = path.join(dir, 'broken.json')
  writeFileSync(broken, '{not json')
  expect(readRunInfo({ GITHUB_EVENT_PATH: broken }).privateRepository).toBe(false)
  expect(readRunInfo({ GITHUB_EVENT_PATH: path.join(dir, 'missing.json') }).privateRepository).toBe(
    false
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
