// delivery: presigned-url, on the loopback stand-ins: the real SDK uploads to an S3 that checks
// SigV4 like S3, the real getSignedUrl presigns, the URLs are checked over HTTP, and the real Slack
// client posts to a Slack that downloads every image. Where the order of events is the point (no
// upload before the signer is known, uploads in flight), the SDK's answers are held by hand with
// aws-sdk-client-mock and deferred promises.
import { jest } from '@jest/globals'
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm'
import { mockClient } from 'aws-sdk-client-mock'
import * as core from '../../__fixtures__/core.js'
import { ActionError } from '../../src/domain/errors.js'
import { ProxyError, findProxyError } from '../../src/domain/network-errors.js'
import { parseProxyUrl } from '../../src/domain/proxy.js'
import type { GraphOutcome } from '../../src/domain/report.js'
import type { Graph } from '../../src/domain/widgets.js'
import type { Inputs, PresignedInputs } from '../../src/inputs.js'
import { now } from '../../test-support/faults.js'
import { type Deferred, deferred, flush as flushTurns } from '../../test-support/deferred.js'
import { renderGraphPng } from '../../test-support/widget-png.js'
import {
  BUCKET,
  CHANNEL,
  REGION,
  SIGNER_KEY_ID_PARAMETER,
  SIGNER_SECRET_PARAMETER,
  type StandIns,
  startStandIns
} from '../../test-support/stand-ins.js'
import { Deadline } from '../../src/domain/deadline.js'

jest.unstable_mockModule('@actions/core', () => core)
const { MAX_UPLOADS, PresignedDelivery } = await import('../../src/delivery/presigned.js')
const { Phases } = await import('../../src/github/log.js')

/** The run's clock, as main makes it for the default timeout (10 minutes). */
const DEADLINE = new Deadline(600)

/** Five turns of the event loop: a stand-in's answer crosses loopback in a few. */
const flush = (turns = 5) => flushTurns(turns)

/** Waits for something the stand-ins will see over loopback (no fixed sleep: it polls the loop). */
async function waitFor(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`)
    await new Promise(resolve => setImmediate(resolve))
  }
}

const SEVEN_DAYS = 604800
const RUN_ENV = {
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_REPOSITORY: 'octo/graphs',
  GITHUB_SERVER_URL: 'https://github.com'
}
const RUN_URL = 'https://github.com/octo/graphs/actions/runs/4242/attempts/2'

const graph = (position: number, name: string): Graph => ({
  position,
  name,
  metricWidget: JSON.stringify({ metrics: [['AWS/EC2', 'CPUUtilization']], title: name })
})
const CPU = graph(1, 'CPU utilisation')
const MEMORY = graph(2, 'Memory')
const DISK = graph(3, 'Disk I/O')
const png = (seed: number) => renderGraphPng({ width: 120, height: 80, title: 'g', seed })

let standIns: StandIns
let savedEnv: NodeJS.ProcessEnv

beforeAll(async () => {
  standIns = await startStandIns()
  savedEnv = { ...process.env }
})
afterAll(async () => {
  process.env = savedEnv
  await standIns.close()
})
beforeEach(() => {
  core.resetCore()
  process.env = { ...savedEnv, ...standIns.actionEnv(), ...RUN_ENV }
  standIns.s3.requests.length = 0
  standIns.s3.timeline.events.length = 0
  standIns.s3.faults.clear()
  standIns.slack.messages.length = 0
})

const ssmSigner: PresignedInputs['signer'] = {
  kind: 'ssm',
  accessKeyIdParameter: SIGNER_KEY_ID_PARAMETER,
  secretAccessKeyParameter: SIGNER_SECRET_PARAMETER
}

function presignedInputs(given: Partial<PresignedInputs> = {}): PresignedInputs {
  return {
    kind: 'presigned-url',
    s3: { bucket: BUCKET, region: REGION, keyPrefix: 'reports/', forcePathStyle: true },
    signer: ssmSigner,
    signing: { expiresInSeconds: SEVEN_DAYS, temporaryCredentials: 'warn' },
    verifyUrls: true,
    summaryImages: false,
    ...given
  }
}

function runInputs(presigned: PresignedInputs, dryRun = false): Inputs {
  return {
    graphs: [],
    dashboards: [],
    window: {},
    awsRegion: REGION,
    delivery: presigned,
    slack: {
      token: standIns.slack.token,
      channels: [CHANNEL],
      apiUrl: standIns.slack.apiUrl,
      thread: 'none'
    },
    dryRun,
    maxConcurrency: 5,
    timeoutSeconds: 600
  }
}

function delivery(given: Partial<PresignedInputs> = {}, dryRun = false) {
  const presigned = presignedInputs(given)
  return new PresignedDelivery(runInputs(presigned, dryRun), presigned, new Phases(), DEADLINE)
}

const query = (url: string | undefined) => new URL(url ?? 'missing:').searchParams
const keyIdOf = (url: string | undefined) => query(url).get('X-Amz-Credential')?.split('/')[0]
/** `YYYY/MM/DD` of the URL's signing time, as the object keys name the day. */
const dayOf = (url: string | undefined) =>
  (query(url).get('X-Amz-Date') ?? '').replace(/^(\d{4})(\d{2})(\d{2})T.*$/, '$1/$2/$3')
const requestsFor = (operation: string) =>
  standIns.s3.requests.filter(request => request.operation === operation)

/** Everything the action wrote to the log, as one text. */
function log(): string {
  const calls = [core.info, core.debug, core.warning, core.notice, core.error].flatMap(
    fn => fn.mock.calls as unknown[][]
  )
  return calls.map(call => call.map(part => String(part)).join(' ')).join('\n')
}

const imageUrls = () =>
  standIns.slack.messages.map(message =>
    message.blocks.filter(block => block.type === 'image').map(block => block.image_url)
  )
const contextText = (index = 0) =>
  JSON.stringify(standIns.slack.messages[index]?.blocks.find(block => block.type === 'context'))

describe('each graph: stored, presigned with the signing keys, checked, posted', () => {
  test('stored under <prefix>YYYY/MM/DD/<run>-<attempt>/NN-slug.png by the workflow; signed by the signer', async () => {
    const presigned = delivery()
    presigned.begin([CPU, MEMORY, DISK])
    const images = [png(1), png(2), png(3)]
    const outcomes = await Promise.all(
      [CPU, MEMORY, DISK].map((g, i) => presigned.accept(g, images[i] as Buffer))
    )

    const day = dayOf(outcomes[0]?.url)
    expect(outcomes.map(outcome => outcome.key)).toEqual([
      `reports/${day}/4242-2/01-cpu-utilisation.png`,
      `reports/${day}/4242-2/02-memory.png`,
      `reports/${day}/4242-2/03-disk-i-o.png`
    ])
    for (const [i, outcome] of outcomes.entries()) {
      expect(outcome).toMatchObject({ graph: [CPU, MEMORY, DISK][i], bytes: images[i]?.length })
      const stored = await standIns.s3.getObject(BUCKET, outcome.key as string)
      expect(stored?.body.equals(images[i] as Buffer)).toBe(true)
      expect(stored?.contentType).toBe('image/png')
      const url = new URL(outcome.url as string)
      expect(url.pathname).toBe(`/${BUCKET}/${outcome.key}`)
      expect(query(outcome.url).get('X-Amz-Expires')).toBe(String(SEVEN_DAYS))
      expect(keyIdOf(outcome.url)).toBe(standIns.signer.accessKeyId)
      expect(query(outcome.url).has('X-Amz-Security-Token')).toBe(false)
    }
    // The uploads carry the workflow's credentials; the URLs, the signer's.
    expect(requestsFor('PutObject').map(request => [request.accessKeyId, request.status])).toEqual(
      [1, 2, 3].map(() => [standIns.workflow.accessKeyId, 200])
    )
    const [first] = outcomes as [GraphOutcome]
    expect(core.info.mock.calls).toContainEqual([
      `01 CPU utilisation: ${(images[0]!.length / 1024).toFixed(1)} KiB → s3://${BUCKET}/${first.key}`
    ])
  })

  test('finish posts one message with every URL and reports bucket, signer, effective expiry and posts', async () => {
    const presigned = delivery()
    presigned.begin([CPU, MEMORY])
    const outcomes = await Promise.all([
      presigned.accept(CPU, png(1)),
      presigned.accept(MEMORY, png(2))
    ])
    const report = await presigned.finish(outcomes)

    const signedAt = Date.parse(
      (query(outcomes[0]?.url).get('X-Amz-Date') ?? '').replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
        '$1-$2-$3T$4:$5:$6Z'
      )
    )
    const [message] = standIns.slack.messages
    expect(report).toEqual({
      delivery: 'presigned-url',
      graphs: outcomes,
      posts: [{ channel: CHANNEL, ts: message?.ts }],
      dryRun: false,
      bucket: BUCKET,
      signing: 'long-term',
      expiry: { requested: expect.any(Date), effective: expect.any(Date), cutShort: false },
      embedImages: false
    })
    // The URLs live their full expires-in from the signing time (X-Amz-Date is to the second).
    const effective = report.expiry.effective as Date
    expect(Math.floor(effective.getTime() / 1000) * 1000).toBe(signedAt + SEVEN_DAYS * 1000)
    expect(report.expiry.requested).toEqual(effective)

    expect(outcomes.map(outcome => outcome.failure)).toEqual([undefined, undefined])
    expect(core.info.mock.calls).toContainEqual(['Checked 2 URLs: each serves its image'])
    expect(imageUrls()).toEqual([outcomes.map(outcome => outcome.url)])
    expect(message?.channel).toBe(CHANNEL)
    expect(contextText()).toContain(`<${RUN_URL}|Workflow run>`)
    expect(contextText()).toContain('Images available until')
    // Presigned URLs are bearer links: the log names buckets and keys, never a signed URL.
    expect(log()).not.toContain('X-Amz-Signature')
  })

  test('dry run: stored and checked, nothing posted', async () => {
    const presigned = delivery({}, true)
    presigned.begin([CPU])
    const outcome = await presigned.accept(CPU, png(1))
    const report = await presigned.finish([outcome])
    expect(report).toMatchObject({ posts: [], dryRun: true, signing: 'long-term' })
    expect(outcome.failure).toBeUndefined()
    expect(requestsFor('PutObject')).toHaveLength(1)
    expect(requestsFor('GetObject').map(request => request.status)).toEqual([206])
    expect(standIns.slack.messages).toEqual([])
    expect(core.info.mock.calls).toContainEqual(['Dry run: nothing posted to Slack'])
  })
})

describe('the signer comes first', () => {
  let ssm: ReturnType<typeof mockClient> | undefined
  afterEach(() => {
    ssm?.restore()
    ssm = undefined
  })

  test('the SSM read starts at begin; no upload before its answer', async () => {
    const events: string[] = []
    const answer = deferred<{ Parameters: { Name: string; Value: string }[] }>()
    ssm = mockClient(SSMClient)
    ssm.on(GetParametersCommand).callsFake(async (input: { Names: string[] }) => {
      events.push(`SSM asked for ${input.Names.join(', ')}`)
      return answer.promise
    })
    const presigned = delivery({}, true)
    presigned.begin([CPU])
    await flush()
    events.push('accept')
    let settled = false
    const accepting = presigned.accept(CPU, png(1)).finally(() => (settled = true))
    await flush(20)
    expect(settled).toBe(false)
    expect(standIns.s3.timeline.events).toEqual([])

    const released = now()
    answer.resolve({
      Parameters: [
        { Name: SIGNER_KEY_ID_PARAMETER, Value: standIns.signer.accessKeyId },
        { Name: SIGNER_SECRET_PARAMETER, Value: standIns.signer.secretAccessKey }
      ]
    })
    const outcome = await accepting
    expect(events).toEqual([
      `SSM asked for ${SIGNER_KEY_ID_PARAMETER}, ${SIGNER_SECRET_PARAMETER}`,
      'accept'
    ])
    expect(outcome.key).toMatch(/^reports\/\d{4}\/\d{2}\/\d{2}\/4242-2\/01-cpu-utilisation\.png$/)
    expect(keyIdOf(outcome.url)).toBe(standIns.signer.accessKeyId)
    const first = standIns.s3.timeline.events[0]
    expect(first?.operation).toBe('PutObject')
    expect(first?.at).toBeGreaterThanOrEqual(released)
    expect((await presigned.finish([outcome])).graphs).toEqual([outcome])
  })

  test.each([
    [
      'a missing SSM parameter',
      presignedInputs({
        signer: { ...ssmSigner, accessKeyIdParameter: '/graphs/signer/nowhere' }
      }),
      "SSM has no value for '/graphs/signer/nowhere' in this account and region."
    ],
    [
      "the workflow's session with temporary-credentials: fail",
      presignedInputs({
        signer: { kind: 'workflow' },
        signing: { expiresInSeconds: SEVEN_DAYS, temporaryCredentials: 'fail' }
      }),
      "temporary-credentials is 'fail'. The presigned URLs are signed with temporary credentials"
    ]
  ])(
    'the signer fails (%s): the signal aborts, accept and finish reject with it, nothing is uploaded',
    async (_case, presigned, words) => {
      const failing = new PresignedDelivery(runInputs(presigned), presigned, new Phases(), DEADLINE)
      const signal = failing.begin([CPU, MEMORY])
      const accepted = failing.accept(CPU, png(1))
      await expect(accepted).rejects.toThrow(words)
      await flush()
      expect(signal.aborted).toBe(true)
      expect((signal.reason as Error).message).toContain(words)
      await expect(accepted).rejects.toBe(signal.reason)
      await expect(failing.accept(MEMORY, png(2))).rejects.toBe(signal.reason)
      await expect(failing.finish([{ graph: CPU }])).rejects.toBe(signal.reason)
      expect(standIns.s3.requests).toEqual([])
      expect(standIns.slack.messages).toEqual([])
    }
  )

  test('accept before begin is a programming error, said plainly', async () => {
    await expect(delivery().accept(CPU, png(1))).rejects.toThrow(
      'PresignedDelivery.begin() was not called'
    )
  })
})

describe('uploads', () => {
  let s3: ReturnType<typeof mockClient> | undefined
  afterEach(() => {
    s3?.restore()
    s3 = undefined
  })

  test(`at most ${MAX_UPLOADS} uploads at once, in the order the graphs arrive`, async () => {
    const answers = new Map<string, Deferred<object>>()
    const started: string[] = []
    let inFlight = 0
    let peak = 0
    s3 = mockClient(S3Client)
    s3.on(PutObjectCommand).callsFake(async (input: { Key: string }) => {
      started.push(input.Key)
      inFlight += 1
      peak = Math.max(peak, inFlight)
      const answer = deferred<object>()
      answers.set(input.Key, answer)
      return answer.promise.finally(() => (inFlight -= 1))
    })
    const count = MAX_UPLOADS + 5
    const all = Array.from({ length: count }, (_, i) => graph(i + 1, `graph ${i + 1}`))
    // Keys from inputs: the signer is known without a network call.
    const presigned = delivery({
      signer: {
        kind: 'inputs',
        accessKeyId: standIns.signer.accessKeyId,
        secretAccessKey: standIns.signer.secretAccessKey
      },
      verifyUrls: false
    })
    presigned.begin(all)
    const accepting = all.map(g => presigned.accept(g, png(g.position)))
    await flush()
    const fileOf = (key: string | undefined) => key?.split('/').at(-1)
    const name = (g: Graph) => `${String(g.position).padStart(2, '0')}-graph-${g.position}.png`
    expect(started.map(fileOf)).toEqual(all.slice(0, MAX_UPLOADS).map(name))

    // One upload ends (not the first): the next graph in line takes its place.
    answers.get(started[2] as string)?.resolve({})
    await flush()
    expect(started.map(fileOf)).toEqual(all.slice(0, MAX_UPLOADS + 1).map(name))

    while (answers.size < count) {
      for (const answer of answers.values()) answer.resolve({})
      await flush()
    }
    for (const answer of answers.values()) answer.resolve({})
    const outcomes = await Promise.all(accepting)
    expect(peak).toBe(MAX_UPLOADS)
    expect(outcomes.every(outcome => outcome.key && outcome.url && !outcome.failure)).toBe(true)
  })

  test.each([
    [
      { kind: 'status' as const, status: 403, code: 'AccessDenied' },
      "AccessDenied: Access Denied. The workflow's credentials need s3:PutObject on the key prefix."
    ],
    [
      {
        kind: 'status' as const,
        status: 404,
        code: 'NoSuchBucket',
        message: 'The specified bucket does not exist'
      },
      'NoSuchBucket: The specified bucket does not exist. Check s3-bucket (and s3-region).'
    ]
  ])(
    "a refused upload is that graph's failure, with its hint; the others are posted (%j)",
    async (fault, words) => {
      const presigned = delivery()
      presigned.begin([CPU, MEMORY, DISK])
      const cpu = await presigned.accept(CPU, png(1))
      standIns.s3.faults.inject(fault, { operation: 'PutObject' })
      const memory = await presigned.accept(MEMORY, png(2))
      const disk = await presigned.accept(DISK, png(3))
      const memoryKey = (cpu.key as string).replace('01-cpu-utilisation', '02-memory')
      expect(memory).toEqual({
        graph: MEMORY,
        bytes: png(2).length,
        failure: `Upload to s3://${BUCKET}/${memoryKey} failed: ${words}`
      })

      const report = await presigned.finish([cpu, memory, disk])
      expect(imageUrls()).toEqual([[cpu.url, disk.url]])
      expect(contextText()).toContain('1 graph failed: Memory')
      expect(report.graphs.map(outcome => outcome.failure)).toEqual([
        undefined,
        memory.failure,
        undefined
      ])
      expect(report.posts).toHaveLength(1)
    }
  )

  test("an upload the proxy refuses ends the run: accept rejects with the proxy's error", async () => {
    const refusal = new ProxyError(parseProxyUrl('http://proxy.corp:3128', 'HTTPS_PROXY'), {
      kind: 'status',
      status: 403,
      target: 's3.us-east-1.amazonaws.com:443'
    })
    s3 = mockClient(S3Client)
    s3.on(PutObjectCommand).rejects(refusal)
    const presigned = delivery({
      signer: {
        kind: 'inputs',
        accessKeyId: standIns.signer.accessKeyId,
        secretAccessKey: standIns.signer.secretAccessKey
      }
    })
    presigned.begin([CPU])
    const accepted = presigned.accept(CPU, png(1))
    await expect(accepted).rejects.toThrow(ActionError)
    expect(findProxyError(await accepted.catch((error: unknown) => error))).toBe(refusal)
  })
})

describe('the URL check: each URL fetched as Slack will', () => {
  test("a URL S3 refuses is that graph's failure, with S3's code and the fix; the others are posted", async () => {
    const presigned = delivery()
    presigned.begin([CPU, MEMORY])
    standIns.s3.faults.inject(
      { kind: 'status', status: 403, code: 'AccessDenied', message: 'Access Denied' },
      { operation: 'GetObject' }
    )
    const cpu = await presigned.accept(CPU, png(1))
    // CPU's check takes the refusal before Memory's URL exists.
    await waitFor(() => requestsFor('GetObject').length === 1, "CPU's URL check")
    const memory = await presigned.accept(MEMORY, png(2))
    const report = await presigned.finish([cpu, memory])

    expect(report.graphs[0]).toMatchObject({
      graph: CPU,
      failure:
        'the presigned URL does not serve the image: AccessDenied (Access Denied). The signer may not read the object: grant it s3:GetObject on the key prefix (and kms:Decrypt on an SSE-KMS bucket).'
    })
    expect(report.graphs[1]?.failure).toBeUndefined()
    expect(core.info.mock.calls).toContainEqual(['Checked 1 URL: each serves its image'])
    expect(imageUrls()).toEqual([[memory.url]])
    expect(contextText()).toContain('1 graph failed: CPU utilisation')
  })

  test('a wrong signing secret: every URL fails with SignatureDoesNotMatch, and nothing is posted', async () => {
    const presigned = delivery({
      signer: {
        kind: 'inputs',
        accessKeyId: standIns.signer.accessKeyId,
        secretAccessKey: 'not-the-secret-of-this-key-id-0123456789'
      }
    })
    presigned.begin([CPU, MEMORY])
    const outcomes = await Promise.all([
      presigned.accept(CPU, png(1)),
      presigned.accept(MEMORY, png(2))
    ])
    await expect(presigned.finish(outcomes)).rejects.toThrow(
      'No graph could be rendered and stored, so nothing was posted:\n' +
        '- 01 CPU utilisation, 02 Memory: the presigned URL does not serve the image: SignatureDoesNotMatch (The request signature we calculated does not match the signature you provided. Check your key and signing method.). The signing secret does not belong to the access key id: check presign-secret-access-key (or the SSM parameter it comes from).'
    )
    expect(requestsFor('PutObject').map(request => request.status)).toEqual([200, 200])
    expect(standIns.slack.messages).toEqual([])
  })

  test('verify-urls: false checks nothing', async () => {
    const presigned = delivery(
      {
        verifyUrls: false,
        signer: {
          kind: 'inputs',
          accessKeyId: standIns.signer.accessKeyId,
          secretAccessKey: 'not-the-secret-of-this-key-id-0123456789'
        }
      },
      true
    )
    presigned.begin([CPU])
    const outcome = await presigned.accept(CPU, png(1))
    const report = await presigned.finish([outcome])
    expect(report.graphs[0]?.failure).toBeUndefined()
    expect(report.graphs[0]?.url).toBe(outcome.url)
    expect(requestsFor('GetObject')).toEqual([])
    expect(log()).not.toContain('Checked')
  })
})

describe('finish', () => {
  test('no graph delivered: the error lists each failure, and nothing is posted', async () => {
    const presigned = delivery()
    presigned.begin([CPU, MEMORY])
    const failure =
      "CloudWatch could not render graph 1 ('CPU utilisation'): Throttling: Rate exceeded"
    await expect(
      presigned.finish([
        { graph: CPU, failure },
        { graph: MEMORY, failure: 'other cause' }
      ])
    ).rejects.toThrow(
      `No graph could be rendered and stored, so nothing was posted:\n- 01 CPU utilisation: ${failure}\n- 02 Memory: other cause`
    )
    expect(standIns.slack.messages).toEqual([])
  })

  test('alarms: firing and none is: no graph, and the message is posted with the line', async () => {
    const presigned = delivery()
    presigned.begin([])
    const alarms = { firing: true, alarms: [], readAt: new Date() }
    const report = await presigned.finish([], alarms)
    expect(report).toMatchObject({ graphs: [], alarms, posts: [{ channel: CHANNEL }] })
    expect(requestsFor('PutObject')).toEqual([])
    expect(JSON.stringify(standIns.slack.messages[0]?.blocks)).toContain('No alarm is firing.')
  })

  test('an alarm graph is posted right under its alarm line', async () => {
    const alarm = {
      name: 'api-5xx',
      arn: 'arn:aws:cloudwatch:eu-west-1:1:alarm:api-5xx',
      kind: 'metric' as const,
      state: 'ALARM',
      reason: 'Threshold Crossed'
    }
    const ALARM_GRAPH = { ...graph(2, 'api-5xx'), alarm }
    const presigned = delivery()
    presigned.begin([CPU, ALARM_GRAPH])
    const outcomes = await Promise.all([
      presigned.accept(CPU, png(1)),
      presigned.accept(ALARM_GRAPH, png(2))
    ])
    await presigned.finish(outcomes, { firing: false, alarms: [alarm], readAt: new Date() })
    const blocks = standIns.slack.messages[0]?.blocks ?? []
    expect(blocks.map(block => block.type)).toEqual([
      'section',
      'image',
      'header',
      'section',
      'image',
      'context'
    ])
    expect(JSON.stringify(blocks[3])).toContain('*api-5xx* *ALARM*')
    expect(blocks[4]?.image_url).toBe(outcomes[1]?.url)
  })

  test.each([
    ['summary-images and a long-term signer: embedded', true, ssmSigner, 'long-term', true],
    ['no summary-images: not embedded', false, ssmSigner, 'long-term', false],
    [
      "summary-images, signed by the workflow's session: not embedded (the URLs carry its token)",
      true,
      { kind: 'workflow' as const },
      'temporary',
      false
    ]
  ])(
    'embedImages (the job summary shows the images): %s',
    async (_case, summaryImages, signer, kind, embed) => {
      const presigned = delivery({ signer, summaryImages }, true)
      presigned.begin([CPU])
      const outcome = await presigned.accept(CPU, png(1))
      const report = await presigned.finish([outcome])
      expect(report).toMatchObject({ signing: kind, embedImages: embed })
    }
  )
})
