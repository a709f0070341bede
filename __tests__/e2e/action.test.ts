// The built action (dist/index.js), run as a runner runs it, against the loopback stand-ins.
import { jest } from '@jest/globals'
import { corpusWidgets } from '../../__fixtures__/corpus.js'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  latency,
  nodesToTest,
  postedUrls,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ActionRun, runAction } from '../../test-support/run-action.js'
import {
  BUCKET,
  CHANNEL,
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  type StandIns,
  startStandIns
} from '../../test-support/stand-ins.js'

jest.setTimeout(60000)

const twoGraphs = JSON.stringify([cpu, latency])
const nodes = nodesToTest()

/** The URL's query parameters. */
function query(url: string): URLSearchParams {
  return new URL(url).searchParams
}

/** Each posted URL serves exactly the PNG CloudWatch rendered for that graph. */
async function expectUrlsServeCloudWatchImages(standIns: StandIns, urls: string[]): Promise<void> {
  expect(urls).toHaveLength(standIns.aws.cloudwatchRequests.length)
  const images = new Map(standIns.aws.cloudwatchRequests.map(r => [r.widget, r.image]))
  for (const url of urls) {
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/png')
    const body = Buffer.from(await response.arrayBuffer())
    expect([...images.values()].some(image => image.equals(body))).toBe(true)
  }
}

describe.each(nodes)('the built action on %s', (_label, node) => {
  let standIns: StandIns
  afterEach(async () => standIns?.close())

  async function run(
    inputs: Record<string, string>,
    options: { env?: Record<string, string>; run?: { id: number; attempt: number } | null } = {}
  ): Promise<ActionRun> {
    const result = await runAction({
      node,
      inputs: { ...standIns.baseInputs(), ...inputs },
      env: standIns.actionEnv(options.env),
      run: options.run === null ? undefined : (options.run ?? RUN)
    })
    expectNoSecretsLeaked(result, standIns)
    return result
  }

  test('SSM signer: the IAM user signs, URLs live 7 days and serve the exact PNGs', async () => {
    standIns = await startStandIns()
    const before = Date.now()
    const result = await run({ widgets: twoGraphs, ...ssmSigner })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([])

    const urls = JSON.parse(result.outputs['image-urls']!) as string[]
    const keys = JSON.parse(result.outputs['object-keys']!) as string[]
    const date = new Date().toISOString().slice(0, 10).replace(/-/g, '/')
    expect(keys).toEqual([
      `cloudwatch-graphs/${date}/987654321-1/01-cpu.png`,
      `cloudwatch-graphs/${date}/987654321-1/02-alb-latency.png`
    ])
    expect(result.outputs['signing-credentials']).toBe('long-term')
    const expiresAt = Date.parse(result.outputs['expires-at']!)
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 604800000)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 604800000)

    for (const url of urls) {
      expect(query(url).get('X-Amz-Expires')).toBe('604800')
      expect(query(url).get('X-Amz-Credential')).toMatch(
        new RegExp(`^${standIns.signer.accessKeyId}/`)
      )
      expect(query(url).has('X-Amz-Security-Token')).toBe(false)
    }
    // Widgets reach CloudWatch exactly as given, in order.
    expect(standIns.aws.cloudwatchRequests.map(r => r.widget).sort()).toEqual(
      [JSON.stringify(cpu), JSON.stringify(latency)].sort()
    )
    expect(standIns.aws.ssmRequests).toHaveLength(1)
    expect(standIns.aws.ssmRequests[0]).toMatchObject({
      operation: 'GetParameters',
      withDecryption: true,
      names: [SIGNER_KEY_ID_PARAMETER, SIGNER_SECRET_PARAMETER]
    })

    // Slack: one message, the images in order, the same URLs as the output.
    expect(standIns.slack.messages).toHaveLength(1)
    const message = standIns.slack.messages[0]!
    expect(message.channel).toBe(CHANNEL)
    expect(postedUrls(standIns)).toEqual(urls)
    expect(message.blocks.filter(b => b.type === 'image').map(b => b.alt_text)).toEqual([
      'CPU',
      'ALB latency'
    ])
    const context = JSON.stringify(message.blocks.at(-1))
    expect(context).toContain(`<!date^${Math.floor(expiresAt / 1000)}^`)
    expect(context).toContain('https://github.com/octo/graphs/actions/runs/987654321/attempts/1')
    expect(result.outputs['slack-ts']).toBe(message.ts)
    expect(result.outputs['slack-channel']).toBe(CHANNEL)
    await expectUrlsServeCloudWatchImages(standIns, urls)

    // The objects: PNG content type, the exact bytes.
    for (const [index, key] of keys.entries()) {
      const object = await standIns.s3.getObject(BUCKET, key)
      expect(object?.contentType).toBe('image/png')
      const request = standIns.aws.cloudwatchRequests.find(
        r => r.widget === JSON.stringify(index === 0 ? cpu : latency)
      )
      expect(object?.body.equals(request!.image)).toBe(true)
    }
    // Presigned URLs are bearer links: never in the log.
    for (const url of urls)
      expect(result.stdout + result.stderr).not.toContain(query(url).get('X-Amz-Signature'))
    expect(result.stdout).toContain(`s3://${BUCKET}/${keys[0]}`)
    // The summary names graphs and keys; a public repository's summary holds no URL.
    expect(result.summary).toContain('ALB latency')
    expect(result.summary).toContain(keys[1])
    expect(result.summary).not.toContain('X-Amz-Signature')
  })

  test('signer keys from vars and secrets (presign-access-key-id + presign-secret-access-key)', async () => {
    standIns = await startStandIns()
    const result = await run({
      widgets: JSON.stringify(cpu),
      'presign-access-key-id': standIns.signer.accessKeyId,
      'presign-secret-access-key': standIns.signer.secretAccessKey
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['signing-credentials']).toBe('long-term')
    expect(standIns.aws.ssmRequests).toEqual([])
    const urls = JSON.parse(result.outputs['image-urls']!) as string[]
    expect(query(urls[0]!).get('X-Amz-Credential')).toMatch(
      new RegExp(`^${standIns.signer.accessKeyId}/`)
    )
    expect(result.stdout).toContain(`::add-mask::${standIns.signer.secretAccessKey}`)
    expect(result.stdout).not.toContain(`::add-mask::${standIns.signer.accessKeyId}`)
    await expectUrlsServeCloudWatchImages(standIns, postedUrls(standIns))
  })

  test('the workflow session signs: a warning with the real expiry, and expires-at tells the truth', async () => {
    standIns = await startStandIns({ workflow: 3600 })
    const sessionEnd = standIns.workflow.expiresAt!.toISOString().replace(/\.\d{3}Z$/, 'Z')
    const result = await run({ widgets: twoGraphs, 'credential-expiration': sessionEnd })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.outputs['signing-credentials']).toBe('temporary')
    expect(result.outputs['expires-at']).toBe(sessionEnd)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain(`stop working at ${sessionEnd}`)
    expect(result.warnings[0]).toContain('IAM user')
    expect(result.warnings[0]).toContain('image-urls')
    const urls = JSON.parse(result.outputs['image-urls']!) as string[]
    // The URL still asks for the full 7 days; only expires-at is honest about it.
    expect(query(urls[0]!).get('X-Amz-Expires')).toBe('604800')
    expect(query(urls[0]!).get('X-Amz-Security-Token')).toBe(standIns.workflow.sessionToken)
    expect(result.stdout).toContain(`::add-mask::${standIns.workflow.sessionToken}`)
    const context = JSON.stringify(standIns.slack.messages[0]!.blocks.at(-1))
    expect(context).toContain(`<!date^${Math.floor(Date.parse(sessionEnd) / 1000)}^`)
    await expectUrlsServeCloudWatchImages(standIns, urls)
  })

  test('the workflow session signs with AWS_CREDENTIAL_EXPIRATION in the environment', async () => {
    standIns = await startStandIns({ workflow: 1800 })
    const sessionEnd = standIns.workflow.expiresAt!.toISOString()
    const result = await run(
      { widgets: JSON.stringify(cpu) },
      { env: { AWS_CREDENTIAL_EXPIRATION: sessionEnd } }
    )
    expect(result.exitCode).toBe(0)
    expect(result.outputs['expires-at']).toBe(sessionEnd.replace(/\.\d{3}Z$/, 'Z'))
    expect(result.warnings[0]).toContain('AWS_CREDENTIAL_EXPIRATION')
  })

  test('the workflow session signs, its end unknown: expires-at is empty and the warning says so', async () => {
    standIns = await startStandIns({ workflow: 3600 })
    const result = await run({ widgets: JSON.stringify(cpu) })
    expect(result.exitCode).toBe(0)
    expect(result.outputs['expires-at']).toBe('')
    expect(result.outputs['signing-credentials']).toBe('temporary')
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/unknown.*expires-at is empty/)
    const context = JSON.stringify(standIns.slack.messages[0]!.blocks.at(-1))
    expect(context).toContain('only as long as the signing session')
  })

  test('temporary-credentials: fail stops before any upload or post', async () => {
    standIns = await startStandIns({ workflow: 3600 })
    const result = await run({ widgets: twoGraphs, 'temporary-credentials': 'fail' })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/temporary-credentials is 'fail'.*IAM user/)
    expectNoSideEffects(standIns)
  })

  test('long-term workflow keys sign: no warning', async () => {
    standIns = await startStandIns({ workflow: 'long-term' })
    const result = await run({ widgets: JSON.stringify(cpu) })
    expect(result.exitCode).toBe(0)
    expect(result.warnings).toEqual([])
    expect(result.outputs['signing-credentials']).toBe('long-term')
  })

  test('a wrong signing secret is caught by the URL check, before Slack', async () => {
    standIns = await startStandIns()
    const result = await run({
      widgets: twoGraphs,
      'presign-access-key-id': standIns.signer.accessKeyId,
      'presign-secret-access-key': 'not-the-right-secret-at-all-0000000000'
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toContain('SignatureDoesNotMatch')
    expect(result.errors[0]).toContain('presign-secret-access-key')
    expect(standIns.slack.messages).toEqual([])
  })

  test('a URL signed by a short session dies with ExpiredToken when the session ends', async () => {
    standIns = await startStandIns({ workflow: 4 })
    const result = await run({ widgets: JSON.stringify(cpu) })
    expect(result.exitCode).toBe(0)
    const [url] = JSON.parse(result.outputs['image-urls']!) as string[]
    expect((await fetch(url!)).status).toBe(200)
    const wait = standIns.workflow.expiresAt!.getTime() - Date.now() + 300
    await new Promise(resolve => setTimeout(resolve, Math.max(0, wait)))
    const after = await fetch(url!)
    expect(after.status).toBe(400)
    expect(await after.text()).toContain('<Code>ExpiredToken</Code>')
    expect(query(url!).get('X-Amz-Expires')).toBe('604800')
  })

  test('dry run: graphs uploaded and checked, nothing posted, no Slack inputs needed', async () => {
    standIns = await startStandIns()
    const result = await runAction({
      node,
      inputs: {
        widgets: twoGraphs,
        's3-bucket': BUCKET,
        's3-force-path-style': 'true',
        'dry-run': 'true',
        ...ssmSigner
      },
      env: standIns.actionEnv(),
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.messages).toEqual([])
    expect(result.outputs['slack-ts']).toBe('')
    expect(JSON.parse(result.outputs['object-keys']!)).toHaveLength(2)
    expect(await standIns.s3.listKeys(BUCKET)).toHaveLength(2)
  })

  test('widgets-file, with the real corpus: every widget reaches CloudWatch as written', async () => {
    standIns = await startStandIns()
    const corpus = corpusWidgets()
    const yaml = corpus
      .map(w => `- name: ${JSON.stringify(w.file)}\n  widget: ${JSON.stringify(w.text)}`)
      .join('\n')
    const result = await runAction({
      node,
      inputs: {
        ...standIns.baseInputs(),
        'widgets-file': 'graphs/daily.yml',
        ...ssmSigner,
        'max-concurrency': '10'
      },
      env: standIns.actionEnv(),
      run: RUN,
      workspaceFiles: { 'graphs/daily.yml': yaml }
    })
    expectNoSecretsLeaked(result, standIns)
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.cloudwatchRequests.map(r => r.widget).sort()).toEqual(
      corpus.map(w => w.text).sort()
    )
    const titles = standIns.slack.messages.flatMap(m =>
      m.blocks.filter(b => b.type === 'image').map(b => b.alt_text)
    )
    expect(titles).toEqual(corpus.map(w => w.file))
  })

  test('many graphs: 60 graphs in two messages, in order, each URL serving its PNG', async () => {
    standIns = await startStandIns()
    const graphs = Array.from({ length: 60 }, (_, i) => ({ ...cpu, title: `Graph ${i + 1}` }))
    const result = await run({
      widgets: JSON.stringify(graphs),
      ...ssmSigner,
      'max-concurrency': '10'
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.slack.messages).toHaveLength(2)
    const urls = JSON.parse(result.outputs['image-urls']!) as string[]
    expect(postedUrls(standIns)).toEqual(urls)
    const titles = standIns.slack.messages.flatMap(m =>
      m.blocks.filter(b => b.type === 'image').map(b => b.alt_text)
    )
    expect(titles).toEqual(graphs.map(g => g.title))
    await expectUrlsServeCloudWatchImages(standIns, urls)
  })

  test('verify-urls: false skips the check: only Slack fetches the images', async () => {
    standIns = await startStandIns()
    const result = await run({ widgets: twoGraphs, ...ssmSigner, 'verify-urls': 'false' })
    expect(result.exitCode).toBe(0)
    const gets = standIns.s3.requests.filter(r => r.method === 'GET')
    // Two images, each downloaded once by Slack; none by the action.
    expect(gets).toHaveLength(2)
    expect(result.stdout).not.toContain('Checked 2 URLs')
  })

  test('with the URL check on, each URL is fetched once by the action and once by Slack', async () => {
    standIns = await startStandIns()
    const result = await run({ widgets: twoGraphs, ...ssmSigner })
    expect(result.exitCode).toBe(0)
    expect(standIns.s3.requests.filter(r => r.method === 'GET')).toHaveLength(4)
  })

  test('a local run (no run id) names its folder by time', async () => {
    standIns = await startStandIns()
    const result = await run({ widgets: JSON.stringify(cpu), ...ssmSigner }, { run: null })
    expect(result.exitCode).toBe(0)
    expect(JSON.parse(result.outputs['object-keys']!)[0]).toMatch(
      /\/local-\d{8}T\d{6}Z\/01-cpu\.png$/
    )
  })

  test('bad input fails before any network call', async () => {
    standIns = await startStandIns()
    const result = await run({ widgets: JSON.stringify([{ title: 'no metrics' }]), ...ssmSigner })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]).toMatch(/^Input 'widgets': item 1/)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expect(standIns.aws.ssmRequests).toEqual([])
    expectNoSideEffects(standIns)
  })
})
