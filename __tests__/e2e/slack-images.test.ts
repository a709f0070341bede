// Slack's image errors as Slack sends them, on the built bundle: "downloading image failed" in
// `errors`, in `response_metadata.messages` (with "[ERROR] "), in both, or an invalid_blocks with
// no detail at all. Each way, the graphs reach the channel as links, with a warning that says the
// URLs were checked only when verify-urls checked them.
import { jest } from '@jest/globals'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  latency,
  nodesToTest,
  postedNames,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { runAction } from '../../test-support/run-action.js'
import { type StandIns, startStandIns } from '../../test-support/stand-ins.js'

jest.setTimeout(60000)

describe.each(nodesToTest())("Slack's image errors, on %s", (_label, node) => {
  let standIns: StandIns
  beforeEach(async () => {
    standIns = await startStandIns()
  })
  afterEach(async () => standIns.close())

  test.each(['errors', 'response_metadata', 'both', 'none'] as const)(
    'the detail in %s: the graphs are posted as links, once, with a warning',
    async shape => {
      standIns.slack.imageErrors = shape
      standIns.slack.faults.inject({ kind: 'status', status: 500 }, { operation: 'image download' })
      const result = await runAction({
        node,
        inputs: { ...standIns.baseInputs(), ...ssmSigner, widgets: JSON.stringify([cpu, latency]) },
        env: standIns.actionEnv(),
        run: RUN
      })
      expectNoSecretsLeaked(result, standIns)
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.warnings).toEqual([
        expect.stringMatching(
          /posted them as links instead\. The URLs were checked before posting, so Slack's download may have failed on its side/
        )
      ])
      expect(standIns.slack.rejected.map(r => r.error)).toEqual(['invalid_blocks'])
      expect(standIns.slack.messages).toHaveLength(1)
      const blocks = standIns.slack.messages[0]!.blocks
      expect(blocks.filter(b => b.type === 'image')).toEqual([])
      expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
    }
  )

  test('verify-urls: false: the warning never claims the URLs were checked, nor does anything else', async () => {
    standIns.slack.faults.inject({ kind: 'status', status: 500 }, { operation: 'image download' })
    const result = await runAction({
      node,
      inputs: {
        ...standIns.baseInputs(),
        ...ssmSigner,
        widgets: JSON.stringify([cpu, latency]),
        'verify-urls': 'false'
      },
      env: standIns.actionEnv(),
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /posted them as links instead\. The URLs were not checked before posting \(verify-urls: false\); open a link to see whether it serves the graph\.$/
      )
    ])
    const everything = [result.stdout, result.stderr, result.summary, ...result.warnings].join('\n')
    expect(everything).not.toMatch(/URLs? (were|was) checked|Checked \d+ URL/)
    expect(postedNames(standIns)).toEqual(['CPU', 'ALB latency'])
  })
})
