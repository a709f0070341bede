// npm run demo: the action's main job, on the embedded stand-ins. Runs the built dist/index.js as a
// runner would, with the example graphs in examples/widgets.yml, the workflow's credentials from an
// OIDC-like session and the signing IAM user's keys in (stand-in) SSM. Then shows what happened:
// demo-output/ holds the PNGs, message.json (what Slack received) and preview.html.
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../test-support/action-env.js'
import { runAction } from '../test-support/run-action.js'
import type { StandInAlarm } from '../test-support/aws-stand-in.js'
import {
  BUCKET,
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  startStandIns
} from '../test-support/stand-ins.js'
import { writeSlackFolder } from './slack-folder.js'

const outputDir = path.join(repoRoot, 'demo-output')
const widgetsFile = path.join(repoRoot, 'examples', 'widgets.yml')

/** A morning with one metric alarm firing (its graph is drawn), one composite, and a quiet one. */
function demoAlarms(now: number): StandInAlarm[] {
  const minutes = (n: number) => new Date(now - n * 60_000)
  const api5xx = {
    namespace: 'AWS/ApplicationELB',
    name: 'HTTPCode_Target_5XX_Count',
    dimensions: { LoadBalancer: 'app/api-prod/50dc6c495c0c9188' },
    statistic: 'Sum',
    period: 300
  }
  return [
    {
      name: 'api-prod-5xx',
      state: 'ALARM',
      since: minutes(140),
      reason:
        'Threshold Crossed: 2 out of the last 3 datapoints [14.0, 9.0] were greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).',
      metric: api5xx,
      threshold: 5,
      comparison: 'GreaterThanThreshold'
    },
    {
      name: 'checkout-degraded',
      state: 'ALARM',
      since: minutes(135),
      reason: 'ALARM(api-prod-5xx) OR ALARM(orders-queue-backlog)',
      rule: 'ALARM(api-prod-5xx) OR ALARM(orders-queue-backlog)'
    },
    {
      name: 'orders-queue-backlog',
      state: 'OK',
      since: minutes(600),
      metric: { namespace: 'AWS/SQS', name: 'ApproximateNumberOfMessagesVisible' },
      threshold: 1000
    }
  ]
}

async function main(): Promise<void> {
  const standIns = await startStandIns({ workflow: 3600 })
  standIns.aws.alarms.push(...demoAlarms(Date.now()))
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
        'slack-text': '*Good morning!* Here is how the night went.',
        'time-range': '24h',
        alarms: 'firing'
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
