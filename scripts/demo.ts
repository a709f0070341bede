// npm run demo: the action's main job, on the embedded stand-ins. Runs the built dist/index.js as a
// runner would, with the example graphs in examples/widgets.yml, the workflow's credentials from an
// OIDC-like session and the signing IAM user's keys in (stand-in) SSM. Then shows what happened:
// demo-output/ holds the PNGs, message.json (what Slack received) and preview.html.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'
import { runAction } from '../test-support/run-action.js'
import {
  BUCKET,
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  startStandIns
} from '../test-support/stand-ins.js'
import { writeSlackFolder } from './slack-folder.js'

const outputDir = path.join(repoRoot, 'demo-output')
const widgetsFile = path.join(repoRoot, 'examples', 'widgets.yml')

async function main(): Promise<void> {
  const standIns = await startStandIns({ workflow: 3600 })
  try {
    console.log(
      'Stand-ins up: S3 (in memory, behind a SigV4 check), CloudWatch + SSM, Slack, on 127.0.0.1'
    )
    const result = await runAction({
      inputs: {
        ...standIns.baseInputs(),
        'widgets-file': 'examples/widgets.yml',
        'presign-access-key-id-parameter': SIGNER_KEY_ID_PARAMETER,
        'presign-secret-access-key-parameter': SIGNER_SECRET_PARAMETER,
        'slack-text': '*Good morning!* Here are the graphs for the last 3 hours.'
      },
      env: standIns.actionEnv(),
      run: { id: 1234567890, attempt: 1 },
      workspaceFiles: { 'examples/widgets.yml': readFileSync(widgetsFile, 'utf8') }
    })
    console.log("\n--- the action's log ---")
    // As a runner shows it: debug lines only with step debugging on.
    process.stdout.write(
      result.stdout
        .split('\n')
        .filter(line => !line.startsWith('::debug::'))
        .join('\n')
    )
    if (result.stderr.trim()) process.stdout.write(result.stderr)
    console.log('--- end of log ---\n')
    if (result.exitCode !== 0) {
      console.error(`The action failed (exit code ${result.exitCode}).`)
      process.exitCode = 1
      return
    }

    rmSync(outputDir, { recursive: true, force: true })
    writeSlackFolder(outputDir, standIns.slack)
    writeFileSync(
      path.join(outputDir, 'outputs.json'),
      `${JSON.stringify(result.outputs, null, 2)}\n`
    )
    const keys = JSON.parse(result.outputs['object-keys'] ?? '[]') as string[]

    const downloads = standIns.slack.messages.flatMap(m => m.downloads)
    console.log('Report')
    console.log(`  graphs rendered by CloudWatch:   ${standIns.aws.cloudwatchRequests.length}`)
    console.log(`  objects in s3://${BUCKET}:  ${keys.length}`)
    console.log(`  signing credentials:             ${result.outputs['signing-credentials']}`)
    console.log(`  URLs valid until (expires-at):   ${result.outputs['expires-at'] || '(unknown)'}`)
    console.log(`  Slack messages posted:           ${standIns.slack.messages.length}`)
    console.log(
      `  images Slack downloaded:         ${downloads.filter(d => d.status === 200).length} of ${downloads.length} (HTTP 200)`
    )
    console.log(`  action wall time:                ${(result.durationMs / 1000).toFixed(2)} s`)
    console.log(
      `\nLook at: ${path.relative(process.cwd(), outputDir) || '.'}/preview.html (the message as Slack shows it),`
    )
    console.log('         message.json (what Slack received), outputs.json, and the PNGs.')
  } finally {
    await standIns.close()
  }
}

await main()
