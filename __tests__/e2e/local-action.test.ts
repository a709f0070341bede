// The action run by GitHub's own local runner, @github/local-action, as the README says to run it:
// `npx @github/local-action run . src/main.ts <.env>`, with the .env that `npm run stand-ins`
// writes. The one test whose runner is not ours: it loads src/main.ts, calls its run(), stubs
// @actions/core (outputs shown as a table, the summary written to GITHUB_STEP_SUMMARY).
import { jest } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { repoRoot } from '../../test-support/action-env.js'
import { type StandInsSession, startStandInsSession } from '../../scripts/stand-ins.js'

jest.setTimeout(120000)

const localAction = path.join(repoRoot, 'node_modules', '.bin', 'local-action')

interface Run {
  code: number | null
  stdout: string
}

/** `local-action run . src/main.ts <envFile>` from the repository root, as a person would type it. */
function runLocalAction(envFile: string): Promise<Run> {
  const { NODE_OPTIONS: _jestOptions, ...env } = process.env
  return new Promise((resolve, reject) => {
    const child = spawn(localAction, ['run', '.', 'src/main.ts', envFile], {
      cwd: repoRoot,
      env: { ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout }))
  })
}

/** The value local-action shows for an output in its table, or undefined when it is missing. */
function tableValue(stdout: string, output: string): string | undefined {
  const table = stdout.slice(stdout.lastIndexOf('Action Outputs'))
  const row = new RegExp(`'${output}'\\s*│\\s*'([^']*)'`).exec(table)
  return row?.[1]
}

describe('@github/local-action runs the action from source on the stand-ins', () => {
  let dir: string
  let session: StandInsSession
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cw-local-action-'))
    session = await startStandInsSession(dir)
  })
  afterAll(async () => {
    await session.close()
    rmSync(dir, { recursive: true, force: true })
  })

  test('outputs set, the summary written, the graphs posted to Slack', async () => {
    const run = await runLocalAction(session.envFile)
    expect(run.code).toBe(0)
    expect(run.stdout).not.toMatch(/does not export a run\(\) function/)
    expect(run.stdout).not.toMatch(/::error::/)
    expect(tableValue(run.stdout, 'signing-credentials')).toBe('long-term')
    expect(tableValue(run.stdout, 'slack-channel')).toBe('C0GRAPHS01')
    expect(tableValue(run.stdout, 'slack-ts')).toMatch(/^\d+\.\d{6}$/)
    const keys = JSON.parse(tableValue(run.stdout, 'object-keys') ?? '[]') as string[]
    expect(keys).toHaveLength(4)

    const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8')
    expect(summary).toMatch(/graph/i)
    expect(summary.length).toBeGreaterThan(100)

    const [message] = session.standIns.slack.messages
    expect(message?.downloads.map(d => d.status)).toEqual([200, 200, 200, 200])
    // npm run stand-ins writes what Slack received as it arrives.
    expect(readdirSync(dir).filter(file => file.endsWith('.png'))).toHaveLength(4)
    expect(readFileSync(path.join(dir, 'preview.html'), 'utf8')).toContain('<img src="01-')
  })

  test('a bad input is shown as the failure, and nothing is posted', async () => {
    const posted = session.standIns.slack.messages.length
    const rendered = session.standIns.aws.cloudwatchRequests.length
    const badEnv = path.join(dir, 'bad.env')
    writeFileSync(
      badEnv,
      readFileSync(session.envFile, 'utf8').replace(
        /^INPUT_MAX-CONCURRENCY=.*$/m,
        'INPUT_MAX-CONCURRENCY=99'
      )
    )
    const run = await runLocalAction(badEnv)
    expect(run.stdout).toMatch(/::error::Input 'max-concurrency'.*1 to 20/)
    expect(run.stdout).toMatch(/No outputs were set/)
    expect(session.standIns.slack.messages).toHaveLength(posted)
    expect(session.standIns.aws.cloudwatchRequests).toHaveLength(rendered)
  })
})
