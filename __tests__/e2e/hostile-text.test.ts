// Text from outside is data, never a command: graph titles (from the widgets input or a dashboard
// anyone with cloudwatch:PutDashboard may edit) and expiry facts the action cannot read. On the
// built bundle, as a runner runs it.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  nodesToTest,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import { type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(60000)

/** Each would be a workflow command if it started a line of the log. */
const INJECTIONS = [
  '\n::warning::injected warning',
  '\r\n::stop-commands::hostiletoken',
  '\n::add-mask::AKIA',
  '\n::set-output name=image-urls::[]',
  '\n##[set-output name=slack-ts;]1',
  '\u2028::error::injected error'
]

/** The commands this action itself writes; anything else at a line's start is an injection. */
const OWN_COMMANDS = /^::(group|endgroup|add-mask|warning|error|notice|debug)(::| )/

function commandLines(result: ActionRun): string[] {
  return result.stdout.split(/\r?\n/).filter(line => /^\s*(::|##\[)/.test(line))
}

describe.each(nodesToTest())('text from outside on %s', (_label, node) => {
  let standIns: StandIns
  afterEach(async () => standIns?.close())

  const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
    runAction({
      node,
      inputs: { ...standIns.baseInputs(), ...inputs },
      env: standIns.actionEnv(env),
      run: RUN
    })

  test('titles that carry workflow commands stay data, in the widgets and in a dashboard', async () => {
    standIns = await startStandIns()
    const widgets = INJECTIONS.map((injection, i) => ({
      ...cpu,
      title: `Graph ${i}${injection}`
    }))
    standIns.aws.dashboards['ops'] = JSON.stringify({
      widgets: [
        { type: 'metric', x: 0, y: 0, properties: { ...cpu, title: `Board${INJECTIONS[1]}` } },
        { type: 'text', x: 0, y: 6, properties: { markdown: `# Notes${INJECTIONS[0]}` } }
      ]
    })
    const result = await run({ ...ssmSigner, widgets: JSON.stringify(widgets), dashboard: 'ops' })
    expectNoSecretsLeaked(result, standIns)
    expect(result.exitCode).toBe(0)
    const injected = commandLines(result).filter(line => !OWN_COMMANDS.test(line))
    expect(injected).toEqual([])
    expect(result.stdout).not.toMatch(/^::stop-commands::/m)
    expect(result.warnings.join('\n')).not.toContain('injected')
    expect(result.errors).toEqual([])
    // The titles are still there, their line breaks shown: readable, not executable.
    expect(result.stdout).toContain('Graph 0 ⏎ ::warning::injected warning')
    expect(result.stdout).toContain('Board ⏎ ::stop-commands::hostiletoken')
    // The outputs are the action's own, not the ones a title tried to set.
    expect(JSON.parse(result.outputs['image-urls']!)).toHaveLength(INJECTIONS.length + 1)
    expect(result.outputs['slack-ts']).not.toBe('1')
  })

  test('a title of 50 000 characters makes no log line longer than the cut', async () => {
    standIns = await startStandIns()
    const result = await run({
      ...ssmSigner,
      widgets: JSON.stringify([{ ...cpu, title: `Long ${'x'.repeat(50_000)}` }])
    })
    expect(result.exitCode).toBe(0)
    const longest = Math.max(...result.stdout.split('\n').map(line => line.length))
    expect(longest).toBeLessThan(4200)
    expect(result.stdout).toMatch(/more characters cut/)
    expect(Buffer.byteLength(result.summary)).toBeLessThan(1024 * 1024)
  })

  test.each([
    ['a word', 'tomorrow'],
    ['a time without a zone', '2026-12-04T10:00:00']
  ])(
    'AWS_CREDENTIAL_EXPIRATION that cannot be read (%s) is warned about and ignored everywhere',
    async (_case, value) => {
      standIns = await startStandIns({ workflow: 3600 })
      const result = await run(
        { widgets: JSON.stringify(cpu) },
        { AWS_CREDENTIAL_EXPIRATION: value }
      )
      expect(result.exitCode).toBe(0)
      expect(result.stdout).not.toContain('Invalid time value')
      expect(result.warnings[0]).toContain(`AWS_CREDENTIAL_EXPIRATION='${value}'`)
      expect(result.warnings[0]).toMatch(/with a zone.*ignored/)
      // The session still signs; its end is unknown, and the action says so rather than guess.
      expect(result.outputs['signing-credentials']).toBe('temporary')
      expect(result.outputs['expires-at']).toBe('')
      expect(result.warnings[1]).toMatch(/unknown.*expires-at is empty/)
    }
  )

  test('an alarm reason anyone with cloudwatch:SetAlarmState can write stays text, in the log and in Slack', async () => {
    standIns = await startStandIns()
    const hostile = `Crossed${INJECTIONS[0]} <!channel> <https://evil.example|click here> & *shout*`
    standIns.aws.alarms.push(
      {
        name: 'api-5xx',
        state: 'ALARM',
        reason: hostile,
        metric: { namespace: 'AWS/ApplicationELB', name: 'HTTPCode_Target_5XX_Count' },
        threshold: 5
      },
      { name: 'checkout', state: 'ALARM', reason: hostile, rule: 'ALARM(api-5xx)' }
    )
    const result = await run({ ...ssmSigner, widgets: JSON.stringify(cpu), alarms: 'firing' })
    expectNoSecretsLeaked(result, standIns)
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(commandLines(result).filter(line => !OWN_COMMANDS.test(line))).toEqual([])
    const text = JSON.stringify(standIns.slack.messages.map(m => m.blocks))
    // No mention that pings the channel, no link Slack would draw: Slack's escapes, as it shows text.
    expect(text).not.toContain('<!channel>')
    expect(text).not.toContain('<https://evil.example')
    expect(text).toContain('&lt;!channel&gt; &lt;https://evil.example|click here&gt; &amp;')
    // Both alarms' lines, the reason on one line: a line break in it cannot start a new block.
    expect(text.match(/Crossed ::warning::injected warning/g)).toHaveLength(2)
  })
})
