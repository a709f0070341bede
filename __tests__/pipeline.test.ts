import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import type { S3Client } from '@aws-sdk/client-s3'
import { type PipelineDeps, type UploadPlan, renderGraphs } from '../src/pipeline.js'
import type { Graph } from '../src/widgets.js'

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

function graphs(count: number): Graph[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Graph ${i + 1}`,
    position: i + 1,
    metricWidget: `{"metrics":[["AWS/EC2","CPUUtilization","InstanceId","i-${i}"]]}`
  }))
}

function plan(count: number): UploadPlan {
  return {
    uploadClient: { name: 'upload' } as unknown as S3Client,
    presignClient: { name: 'presign' } as unknown as S3Client,
    signedAt: new Date('2026-11-29T06:00:00Z'),
    keys: Array.from({ length: count }, (_, i) => `graphs/${i + 1}.png`)
  }
}

/** Fake stages that record what was in flight, and in what order things happened. */
function recorder(options: { fetchMs?: (i: number) => number; uploadMs?: number } = {}) {
  const events: string[] = []
  const peak = { fetch: 0, upload: 0 }
  const now = { fetch: 0, upload: 0 }
  const enter = (stage: 'fetch' | 'upload') => {
    now[stage] += 1
    peak[stage] = Math.max(peak[stage], now[stage])
  }
  const deps = (overrides: Partial<PipelineDeps> = {}): PipelineDeps => ({
    cloudwatch: {} as CloudWatchClient,
    plan: Promise.resolve(plan(100)),
    fetchImage: async (_client, graph) => {
      enter('fetch')
      events.push(`fetch ${graph.position}`)
      await sleep(options.fetchMs?.(graph.position) ?? 10)
      now.fetch -= 1
      events.push(`fetched ${graph.position}`)
      return new Uint8Array([graph.position])
    },
    upload: async (_client, _bucket, key, body) => {
      enter('upload')
      events.push(`upload ${body[0]}`)
      await sleep(options.uploadMs ?? 10)
      now.upload -= 1
      events.push(`uploaded ${key}`)
    },
    presign: async (client, bucket, key, expiresIn) => {
      events.push(`presign ${key}`)
      return `https://${bucket}.example/${key}?expires=${expiresIn}&by=${(client as unknown as { name: string }).name}`
    },
    ...overrides
  })
  return { events, peak, deps }
}

const options = { bucket: 'graphs-bucket', expiresInSeconds: 604800, maxConcurrency: 3 }

test('every graph is fetched, uploaded under its key and presigned with the signing client, in order', async () => {
  const { deps } = recorder()
  const outcomes = await renderGraphs(graphs(7), options, deps())
  expect(outcomes.map(outcome => outcome.key)).toEqual(plan(7).keys)
  expect(outcomes.map(outcome => outcome.url)).toEqual(
    plan(7).keys.map(key => `https://graphs-bucket.example/${key}?expires=604800&by=presign`)
  )
  expect(outcomes.map(outcome => outcome.bytes)).toEqual(Array(7).fill(1))
  expect(outcomes.every(outcome => outcome.failure === undefined)).toBe(true)
})

test('at most max-concurrency fetches and at most maxUploads uploads at once', async () => {
  const { deps, peak } = recorder({ fetchMs: i => (i % 3) * 7 + 5, uploadMs: 60 })
  await renderGraphs(graphs(20), { ...options, maxUploads: 5 }, deps())
  expect(peak.fetch).toBe(3)
  expect(peak.upload).toBe(5)
})

test('uploads are not held to max-concurrency: a wave that arrives during the last one goes up', async () => {
  const { deps, peak } = recorder({ fetchMs: () => 5, uploadMs: 80 })
  await renderGraphs(graphs(9), options, deps())
  expect(peak.fetch).toBe(3)
  expect(peak.upload).toBe(9)
})

test('fetches start in graph order, and an upload does not hold up the next fetch', async () => {
  const { deps, events } = recorder({ fetchMs: () => 10, uploadMs: 50 })
  await renderGraphs(graphs(6), options, deps())
  const fetchOrder = events.filter(e => e.startsWith('fetch ')).map(e => Number(e.split(' ')[1]))
  expect(fetchOrder).toEqual([1, 2, 3, 4, 5, 6])
  // Graph 4's fetch takes graph 1's fetch slot while graph 1 is still uploading.
  expect(events.indexOf('fetch 4')).toBeLessThan(events.indexOf('uploaded graphs/1.png'))
})

test('no upload before the plan (signing decision) is ready; fetches go on meanwhile', async () => {
  const { deps, events } = recorder({ fetchMs: () => 5 })
  let ready: (plan: UploadPlan) => void = () => {}
  const pending = new Promise<UploadPlan>(resolve => (ready = resolve))
  const rendering = renderGraphs(graphs(6), options, deps({ plan: pending }))
  await sleep(60)
  expect(events.filter(e => e.startsWith('fetched'))).toHaveLength(6)
  expect(events.some(e => e.startsWith('upload'))).toBe(false)
  ready(plan(6))
  const outcomes = await rendering
  expect(outcomes.every(outcome => outcome.url)).toBe(true)
})

test('while the plan is pending, fetching stops at max-concurrency + maxUploads graphs held', async () => {
  const { deps, events } = recorder({ fetchMs: () => 5 })
  let ready: (plan: UploadPlan) => void = () => {}
  const pending = new Promise<UploadPlan>(resolve => (ready = resolve))
  const rendering = renderGraphs(graphs(12), { ...options, maxUploads: 2 }, deps({ plan: pending }))
  await sleep(80)
  expect(events.filter(e => e.startsWith('fetched'))).toHaveLength(5)
  ready(plan(12))
  const outcomes = await rendering
  expect(outcomes.every(outcome => outcome.url)).toBe(true)
})

test('a failed plan ends the run with its own error and stops further fetches', async () => {
  const { deps, events } = recorder({ fetchMs: () => 20 })
  const refused = Promise.reject(new Error('the signer is temporary'))
  await expect(
    renderGraphs(graphs(12), { ...options, maxConcurrency: 2 }, deps({ plan: refused }))
  ).rejects.toThrow('the signer is temporary')
  await sleep(80)
  expect(events.filter(e => e.startsWith('fetch ')).length).toBeLessThanOrEqual(2)
  expect(events.some(e => e.startsWith('upload'))).toBe(false)
})

test('a failed fetch or upload is that graph’s failure; the others are stored and presigned', async () => {
  const { deps } = recorder()
  const base = deps()
  const outcomes = await renderGraphs(
    graphs(4),
    options,
    deps({
      fetchImage: async (client, graph) => {
        if (graph.position === 2) throw new Error('CloudWatch could not render graph 2')
        return base.fetchImage(client, graph)
      },
      upload: async (client, bucket, key, body) => {
        if (key.endsWith('3.png')) throw new Error('AccessDenied')
        return base.upload(client, bucket, key, body)
      }
    })
  )
  expect(outcomes.map(outcome => outcome.failure)).toEqual([
    undefined,
    'CloudWatch could not render graph 2',
    'AccessDenied',
    undefined
  ])
  // Only stored objects have a key; only stored objects get a URL.
  expect(outcomes.map(outcome => outcome.key)).toEqual([
    'graphs/1.png',
    undefined,
    undefined,
    'graphs/4.png'
  ])
  expect(outcomes[2]?.url).toBeUndefined()
})

test('URL checks run beside the stages; a URL that does not serve its image fails its graph', async () => {
  const { deps, events } = recorder({ fetchMs: () => 5, uploadMs: 5 })
  const checked: string[] = []
  const outcomes = await renderGraphs(
    graphs(4),
    { ...options, maxConcurrency: 1 },
    deps({
      check: async key => {
        checked.push(key)
        events.push(`check ${key}`)
        await sleep(40)
        events.push(`checked ${key}`)
        return key.endsWith('2.png') ? 'HTTP 403 (SignatureDoesNotMatch)' : undefined
      }
    })
  )
  expect(checked).toEqual(plan(4).keys)
  // Graph 1's check was still running when the last graph was fetched.
  expect(events.indexOf('fetched 4')).toBeLessThan(events.indexOf('checked graphs/1.png'))
  expect(outcomes[1]?.failure).toBe(
    'the presigned URL does not serve the image: HTTP 403 (SignatureDoesNotMatch)'
  )
  expect(outcomes.filter(outcome => outcome.failure)).toHaveLength(1)
})

test('each URL is presigned while its upload is out, not after it', async () => {
  const { deps, events } = recorder({ fetchMs: () => 5, uploadMs: 30 })
  const outcomes = await renderGraphs(graphs(3), options, deps())
  for (const key of plan(3).keys) {
    expect(events.indexOf(`presign ${key}`)).toBeLessThan(events.indexOf(`uploaded ${key}`))
  }
  expect(outcomes.every(outcome => outcome.url)).toBe(true)
})

test('onStored comes once every graph is stored, while the URL checks are still out', async () => {
  const { deps, events } = recorder({ fetchMs: () => 5, uploadMs: 5 })
  await renderGraphs(
    graphs(3),
    options,
    deps({
      check: async key => {
        await sleep(30)
        events.push(`checked ${key}`)
        return undefined
      },
      onStored: () => events.push('stored')
    })
  )
  expect(events.filter(e => e === 'stored')).toHaveLength(1)
  const stored = events.indexOf('stored')
  expect(stored).toBeGreaterThan(events.lastIndexOf('uploaded graphs/3.png'))
  expect(stored).toBeLessThan(events.indexOf('checked graphs/3.png'))
})

test('a presigner that throws at once fails its graph, not the run', async () => {
  const { deps } = recorder()
  const base = deps()
  const outcomes = await renderGraphs(
    graphs(2),
    options,
    deps({
      presign: (client, bucket, key, expiresIn, signedAt) => {
        if (key.endsWith('1.png')) throw new Error('no signing key')
        return base.presign(client, bucket, key, expiresIn, signedAt)
      }
    })
  )
  expect(outcomes[0]?.failure).toBe('no signing key')
  expect(outcomes[0]?.url).toBeUndefined()
  expect(outcomes[1]?.url).toBeDefined()
})
