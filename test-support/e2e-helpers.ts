// What the end-to-end suites share: the Node versions to run on, sample graphs, and the checks
// every run must pass (no secret in the log, summary or outputs).
import { execFileSync } from 'node:child_process'
import type { ActionRun } from './run-action.js'
import { node24, runAction } from './run-action.js'
import type { StandIns } from './stand-ins.js'
import { SIGNER_KEY_ID_PARAMETER, SIGNER_SECRET_PARAMETER } from './stand-ins.js'

export const RUN = { id: 987654321, attempt: 1 }

export const cpu = {
  metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-0123456789abcdef0']],
  title: 'CPU'
}
export const latency = {
  metrics: [['AWS/ApplicationELB', 'TargetResponseTime', 'LoadBalancer', 'app/x/1']],
  title: 'ALB latency',
  stat: 'p99'
}

export function graphs(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({ ...cpu, title: `Graph ${i + 1}` }))
}

export const ssmSigner = {
  'presign-access-key-id-parameter': SIGNER_KEY_ID_PARAMETER,
  'presign-secret-access-key-parameter': SIGNER_SECRET_PARAMETER
}

/** The machine's Node, and Node 24 (what action.yml runs) when installed. */
export function nodesToTest(): [string, string][] {
  // Under npm, node_modules/.bin/node (the Node 24 package) runs jest itself: the machine's Node
  // is the one that runs npm.
  const machine = process.env.npm_node_execpath || process.execPath
  const version = execFileSync(machine, ['--version'], { encoding: 'utf8' }).trim()
  const nodes: [string, string][] = [[`node ${version}`, machine]]
  const newest = node24()
  // Without it, the e2e project's global setup (node-24.ts) has said so once.
  if (newest && newest !== machine) nodes.push(['node 24', newest])
  return nodes
}

/** Every image URL Slack received, in order. */
export function postedUrls(standIns: StandIns): string[] {
  return standIns.slack.messages.flatMap(message =>
    message.blocks.filter(block => block.type === 'image').map(block => String(block.image_url))
  )
}

/** Every graph name Slack received as an image or a link, in order. */
export function postedNames(standIns: StandIns): string[] {
  return standIns.slack.messages.flatMap(message =>
    message.blocks.flatMap(block => {
      if (block.type === 'image') return [String(block.alt_text)]
      if (block.type === 'rich_text')
        return [JSON.stringify(block).match(/"text":"([^"]*)"/)?.[1] ?? '']
      return []
    })
  )
}

export function expectNoSideEffects(standIns: StandIns): void {
  expect(standIns.s3.requests.filter(r => r.method === 'PUT')).toEqual([])
  expect(standIns.slack.messages).toEqual([])
}

/**
 * No secret in the log, the summary or the outputs. The one exception: URLs signed with session
 * credentials carry the session token, in the image-urls output (and in Slack, not checked here).
 */
export function expectNoSecretsLeaked(result: ActionRun, standIns: StandIns): void {
  const secrets = [
    standIns.workflow.secretAccessKey,
    standIns.signer.secretAccessKey,
    standIns.slack.token,
    ...(standIns.workflow.sessionToken ? [standIns.workflow.sessionToken] : [])
  ]
  // `::add-mask::<secret>` is how the action tells the runner to mask it: the runner never shows it.
  const log = (result.stdout + result.stderr)
    .split('\n')
    .filter(line => !line.startsWith('::add-mask::'))
    .join('\n')
  const { 'image-urls': imageUrls, ...otherOutputs } = result.outputs
  const places: Record<string, string> = {
    log,
    summary: result.summary,
    outputs: JSON.stringify(otherOutputs)
  }
  for (const secret of secrets) {
    for (const [place, text] of Object.entries(places)) {
      if (text.includes(secret) || text.includes(encodeURIComponent(secret))) {
        throw new Error(`a secret (${secret.slice(0, 4)}…) appears in the ${place}`)
      }
    }
  }
  const others = secrets.filter(secret => secret !== standIns.workflow.sessionToken)
  for (const secret of others) {
    if (imageUrls?.includes(secret) || imageUrls?.includes(encodeURIComponent(secret))) {
      throw new Error(`a secret (${secret.slice(0, 4)}…) appears in image-urls`)
    }
  }
}

/** The action on the stand-ins, as a runner runs it, with the check every run must pass. */
export async function runOnStandIns(
  node: string,
  standIns: StandIns,
  inputs: Record<string, string>,
  env: Record<string, string> = standIns.actionEnv()
): Promise<ActionRun> {
  const result = await runAction({ node, inputs, env, run: RUN })
  expectNoSecretsLeaked(result, standIns)
  return result
}
