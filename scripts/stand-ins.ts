// npm run stand-ins: the embedded S3, CloudWatch, SSM and Slack stand-ins, up until Ctrl-C, for
// trying inputs by hand. Writes stand-ins-output/stand-ins.env (a ready .env for
// `npx @github/local-action run . src/main.ts` and for `node --env-file=… dist/index.js`) and, as
// each Slack call arrives, what Slack received: message.json, the images, preview.html.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { inputEnv, repoRoot } from '../test-support/action-env.js'
import {
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  type StandIns,
  startStandIns
} from '../test-support/stand-ins.js'
import { writeSlackFolder } from './slack-folder.js'

export interface StandInsSession {
  standIns: StandIns
  /** The folder Slack's messages are written to, with the .env file. */
  dir: string
  envFile: string
  /** The .env file's lines (NAME=value). */
  env: Record<string, string>
  close(): Promise<void>
}

/** A dotenv line: values with spaces, quotes or # are quoted, as dotenv and node --env-file read them. */
function envLine(name: string, value: string): string {
  return /[\s#"'\\]/.test(value) || value === '' ? `${name}='${value}'` : `${name}=${value}`
}

/**
 * Starts the stand-ins and writes `dir`: stand-ins.env, and an empty summary.md and outputs.txt (a
 * runner creates GITHUB_STEP_SUMMARY and GITHUB_OUTPUT before the step; @actions/core needs them).
 * `onSlack` hears each Slack call once its folder is written.
 */
export async function startStandInsSession(
  dir: string,
  onSlack: (method: string, written: { messages: number; images: number }) => void = () => {}
): Promise<StandInsSession> {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  // A 12-hour session: long enough to try inputs all day, and still temporary credentials, so the
  // action's warning about URLs that die with the session shows (the SSM signer avoids it).
  const standIns = await startStandIns({
    workflow: 12 * 3600,
    onSlackCall: method => {
      onSlack(method, writeSlackFolder(dir, standIns.slack))
    }
  })
  const relative = (file: string) => path.relative(repoRoot, path.join(dir, file))
  const env: Record<string, string> = {
    ...inputEnv({
      ...standIns.baseInputs(),
      'widgets-file': 'examples/widgets.yml',
      'presign-access-key-id-parameter': SIGNER_KEY_ID_PARAMETER,
      'presign-secret-access-key-parameter': SIGNER_SECRET_PARAMETER
    }),
    ...standIns.actionEnv(),
    AWS_EC2_METADATA_DISABLED: 'true',
    GITHUB_STEP_SUMMARY: relative('summary.md'),
    GITHUB_OUTPUT: relative('outputs.txt')
  }
  writeFileSync(path.join(dir, 'summary.md'), '')
  writeFileSync(path.join(dir, 'outputs.txt'), '')
  const envFile = path.join(dir, 'stand-ins.env')
  const lines = Object.entries(env).map(([name, value]) => envLine(name, value))
  writeFileSync(envFile, `# npm run stand-ins: valid while it runs\n${lines.join('\n')}\n`)
  return { standIns, dir, envFile, env, close: () => standIns.close() }
}

async function main(): Promise<void> {
  const dir = path.join(repoRoot, 'stand-ins-output')
  const session = await startStandInsSession(dir, (method, written) => {
    console.log(
      `slack: ${method} → ${path.relative(process.cwd(), dir)}/ (${written.messages} message(s), ${written.images} image(s), preview.html)`
    )
  })
  const envFile = path.relative(process.cwd(), session.envFile)
  console.log(
    'Stand-ins up on 127.0.0.1: S3 (behind a SigV4 check), CloudWatch + SSM, Slack. Ctrl-C stops them.\n'
  )
  console.log(`The environment and inputs (also in ${envFile}):\n`)
  for (const [name, value] of Object.entries(session.env)) console.log(`  ${envLine(name, value)}`)
  console.log('\nRun the action against them, from the repository root, either way:\n')
  console.log(`  npx @github/local-action run . src/main.ts ${envFile}`)
  console.log(`  npm run bundle && node --env-file=${envFile} dist/index.js\n`)
  console.log('Change inputs in the file (or override them on the command line, e.g.')
  console.log(`  INPUT_DELIVERY=slack-upload node --env-file=${envFile} dist/index.js).`)
  console.log(
    `What Slack receives is written to ${path.relative(process.cwd(), dir)}/ as it arrives: open preview.html.\n`
  )
  await new Promise<void>(resolve => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await session.close()
  console.log('\nStand-ins stopped.')
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
